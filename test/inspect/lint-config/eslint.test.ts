import { describe, expect, it } from 'vitest';
import { effectiveOf, factsOf } from './helpers.js';

const flat = `// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { globalIgnores } from 'eslint/config';
import globals from 'globals';

export default tseslint.config(
  globalIgnores(['dist/', 'coverage/', '**/*.generated.ts']),
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: { 'no-console': 'warn' },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
`;

describe('ESLint flat config', () => {
  const files = { 'eslint.config.mjs': flat, 'src/api.ts': '', 'scripts/seed.ts': '', 'dist/api.js': '', 'src/types.generated.ts': '', 'tools/build.js': '', 'README.md': '' };

  it('reads shareable configs by identity, rules with lines, global ignores and linterOptions', () => {
    const [config] = factsOf(files).configs;
    expect(config).toMatchObject({ tool: 'eslint', file: 'eslint.config.mjs', dir: '', noInlineConfig: { value: true, origin: { line: 16 } }, reportUnused: { level: 2 } });
    expect(config!.entries.map((entry) => entry.shared?.id ?? (entry.global ? `ignores ${entry.ignores.join(' ')}` : `files ${String(entry.files)} rules ${[...entry.rules.keys()].join(' ')}`))).toEqual([
      'ignores dist/ coverage/ **/*.generated.ts',
      '@eslint/js:recommended',
      'typescript-eslint:strictTypeChecked',
      'files null rules no-console @typescript-eslint/no-explicit-any',
      'files scripts/**/*.ts rules no-console',
      'typescript-eslint:disableTypeChecked',
      // The object that extended it, without `extends`: it still names files to lint.
      'files **/*.js rules ',
    ]);
    expect(config!.unresolved).toEqual([]);
  });

  it('merges entries like ESLint: a severity alone keeps the options set before it', () => {
    expect(effectiveOf(files, 'scripts/seed.ts', 'eslint')).toMatchObject({
      linted: true,
      shared: ['@eslint/js:recommended', 'typescript-eslint:strictTypeChecked'],
      rules: { 'no-console': [1, { allow: ['warn', 'error'] }], '@typescript-eslint/no-explicit-any': 2 },
      lines: { 'no-console': 'eslint.config.mjs:24' },
    });
    expect(effectiveOf(files, 'src/api.ts', 'eslint').rules).toEqual({ 'no-console': [2, { allow: ['warn', 'error'] }], '@typescript-eslint/no-explicit-any': 2 });
    expect(effectiveOf(files, 'tools/build.js', 'eslint').shared).toContain('typescript-eslint:disableTypeChecked');
  });

  it('lints .js by default and .ts through typescript-eslint, minus global ignores', () => {
    expect(effectiveOf(files, 'src/api.ts', 'eslint').linted).toBe(true);
    expect(effectiveOf(files, 'tools/build.js', 'eslint').linted).toBe(true);
    expect(effectiveOf(files, 'dist/api.js', 'eslint').linted).toBe(false);
    expect(effectiveOf(files, 'src/types.generated.ts', 'eslint').linted).toBe(false);
    expect(effectiveOf(files, 'README.md', 'eslint').linted).toBe(false);
  });

  it('reads defineConfig with extends, FlatCompat and includeIgnoreFile', () => {
    const config = `import { defineConfig } from 'eslint/config';
import { includeIgnoreFile } from '@eslint/compat';
import { FlatCompat } from '@eslint/eslintrc';
import react from 'eslint-plugin-react';
import { fileURLToPath } from 'node:url';

const compat = new FlatCompat({ baseDirectory: import.meta.dirname });
const gitignore = fileURLToPath(new URL('.gitignore', import.meta.url));

export default defineConfig([
  includeIgnoreFile(gitignore),
  ...compat.extends('next/core-web-vitals'),
  {
    files: ['app/**/*.tsx'],
    extends: [react.configs.flat.recommended],
    rules: { 'react/no-danger': 'error' },
  },
]);
`;
    const facts = factsOf({ 'eslint.config.js': config, '.gitignore': 'build\n/out/\n', 'app/page.tsx': '', 'build/page.js': '' });
    const entries = facts.configs[0]!.entries;
    expect(entries.map((entry) => entry.shared?.id ?? (entry.global ? `ignores ${entry.ignores.join(' ')}` : `files ${String(entry.files)}`))).toEqual([
      'ignores **/build out/',
      'eslint-config-next:coreWebVitals',
      'eslint-plugin-react:recommended',
      'files app/**/*.tsx',
    ]);
    expect(entries[2]!.files).toEqual(['app/**/*.tsx']);
    expect(facts.configs[0]!.unresolved).toEqual([]);
  });

  it('records what it cannot resolve, with the line', () => {
    const config = "import base from './base.js';\nconst extra = await import('./extra.js');\nexport default [\n  ...base,\n  extra.default,\n  { rules: { 'no-eval': process.env.STRICT ? 'error' : 'off' } },\n];\n";
    const unresolved = factsOf({ 'eslint.config.js': config }).configs[0]!.unresolved;
    expect(unresolved.map((item) => [item.line, item.reason])).toEqual([
      [1, 'file not found: ./base.js'],
      [2, 'await'],
      [6, 'condition on environment variable'],
    ]);
  });
});

describe('legacy ESLint config', () => {
  const eslintrc = JSON.stringify(
    {
      root: true,
      extends: ['eslint:recommended', 'plugin:@typescript-eslint/strict-type-checked', 'plugin:react/recommended', 'next/core-web-vitals'],
      ignorePatterns: ['generated/'],
      rules: { 'no-console': ['error', { allow: ['warn'] }] },
      overrides: [{ files: ['*.test.ts'], excludedFiles: ['e2e/**'], rules: { 'no-console': 'off' } }],
    },
    null,
    2,
  );

  it('reads extends as shareable identities equal to their flat spelling, overrides with matchBase, ignores', () => {
    const files = { '.eslintrc.json': eslintrc, '.eslintignore': '# built\n/dist\n', 'src/a.test.ts': '', 'e2e/b.test.ts': '', 'src/c.js': '', 'generated/x.js': '', 'dist/y.js': '' };
    const facts = factsOf(files);
    expect(facts.configs[0]!.entries.filter((entry) => entry.shared).map((entry) => entry.shared!.id)).toEqual([
      '@eslint/js:recommended',
      'typescript-eslint:strictTypeChecked',
      'eslint-plugin-react:recommended',
      'eslint-config-next:coreWebVitals',
    ]);
    expect(effectiveOf(files, 'src/a.test.ts', 'eslint')).toMatchObject({ linted: true, rules: { 'no-console': [0, { allow: ['warn'] }] } });
    expect(effectiveOf(files, 'e2e/b.test.ts', 'eslint').rules).toEqual({ 'no-console': [2, { allow: ['warn'] }] });
    expect(effectiveOf(files, 'src/c.js', 'eslint').linted).toBe(true);
    expect(effectiveOf(files, 'generated/x.js', 'eslint').linted).toBe(false);
    expect(effectiveOf(files, 'dist/y.js', 'eslint').linted).toBe(false);
  });

  it('reads package.json#eslintConfig and YAML, and cascades to parent folders without root', () => {
    const files = {
      'package.json': JSON.stringify({ name: 'shop', eslintConfig: { rules: { eqeqeq: 'error', 'no-var': 'error' } } }),
      'packages/web/.eslintrc.yml': 'rules:\n  no-var: warn\n',
      'packages/web/src/a.js': '',
    };
    expect(effectiveOf(files, 'packages/web/src/a.js', 'eslint')).toMatchObject({ linted: true, rules: { eqeqeq: 2, 'no-var': 1 }, lines: { 'no-var': 'packages/web/.eslintrc.yml:2' } });
  });

  it('a flat config in a folder takes precedence over legacy ones', () => {
    const files = { '.eslintrc.json': '{ "rules": { "eqeqeq": "error" } }', 'eslint.config.js': "export default [{ rules: { 'no-var': 'error' } }];\n", 'a.js': '' };
    expect(effectiveOf(files, 'a.js', 'eslint').rules).toEqual({ 'no-var': 2 });
  });
});

describe('matching memoized by folder and name suffix', () => {
  it('keeps files apart that a literal name, a suffix or a whole-path pattern tells apart', () => {
    const config = "export default [\n  { ignores: ['**/index.ts', 'src/gen-*.ts'] },\n  { files: ['**/*.ts'], rules: { eqeqeq: 'error' } },\n  { files: ['**/*.test.ts'], rules: { eqeqeq: 'off' } },\n];\n";
    const files = { 'eslint.config.js': config, 'src/a.ts': '', 'src/b.ts': '', 'src/index.ts': '', 'src/a.test.ts': '', 'src/gen-x.ts': '' };
    expect(effectiveOf(files, 'src/a.ts', 'eslint')).toMatchObject({ linted: true, rules: { eqeqeq: 2 } });
    expect(effectiveOf(files, 'src/b.ts', 'eslint')).toMatchObject({ linted: true, rules: { eqeqeq: 2 } });
    expect(effectiveOf(files, 'src/a.test.ts', 'eslint')).toMatchObject({ linted: true, rules: { eqeqeq: 0 } });
    expect(effectiveOf(files, 'src/index.ts', 'eslint').linted).toBe(false);
    expect(effectiveOf(files, 'src/gen-x.ts', 'eslint').linted).toBe(false);
    const suffixOnly = { 'eslint.config.js': "export default [\n  { ignores: ['**/index.ts'] },\n  { files: ['**/*.ts'], rules: { eqeqeq: 'error' } },\n];\n", 'lib/index.ts': '', 'lib/main.ts': '' };
    expect(effectiveOf(suffixOnly, 'lib/main.ts', 'eslint').linted).toBe(true);
    expect(effectiveOf(suffixOnly, 'lib/index.ts', 'eslint').linted).toBe(false);
  });
});

describe('ESLint flat config in a monorepo', () => {
  it('reads basePath, and a package config governs its own folder instead of the root one', () => {
    const root = "export default [\n  { basePath: 'apps/web', ignores: ['.next/'] },\n  { basePath: 'apps/web', files: ['**/*.tsx'], rules: { 'react/no-danger': 'error' } },\n  { rules: { eqeqeq: 'error' } },\n];\n";
    const pkgConfig = "export default [{ rules: { eqeqeq: 'warn' } }];\n";
    const files = { 'eslint.config.js': root, 'packages/lib/eslint.config.js': pkgConfig, 'apps/web/page.tsx': '', 'apps/web/.next/x.js': '', 'apps/api/page.tsx': '', 'packages/lib/a.js': '' };
    expect(effectiveOf(files, 'apps/web/page.tsx', 'eslint')).toMatchObject({ linted: true, rules: { 'react/no-danger': 2, eqeqeq: 2 } });
    expect(effectiveOf(files, 'apps/api/page.tsx', 'eslint').linted).toBe(false);
    expect(effectiveOf(files, 'apps/web/.next/x.js', 'eslint').linted).toBe(false);
    expect(effectiveOf(files, 'packages/lib/a.js', 'eslint')).toMatchObject({ linted: true, rules: { eqeqeq: 1 }, lines: { eqeqeq: 'packages/lib/eslint.config.js:1' } });
  });
});

describe('FlatCompat.config', () => {
  it('translates an eslintrc object: extends, rules, overrides with matchBase, ignorePatterns', () => {
    const config = `import { dirname } from 'path';
import { fileURLToPath } from 'url';
import { FlatCompat } from '@eslint/eslintrc';

const __dirname = dirname(fileURLToPath(import.meta.url));
const compat = new FlatCompat({ baseDirectory: __dirname });

const eslintConfig = [
  ...compat.config({
    extends: ['next/core-web-vitals', 'next/typescript'],
    rules: { 'react/no-unescaped-entities': 'off', eqeqeq: 'error' },
    overrides: [{ files: ['*.test.tsx'], excludedFiles: ['e2e/**'], rules: { eqeqeq: 'off' } }],
    ignorePatterns: ['public/'],
  }),
];

export default eslintConfig;
`;
    const files = { 'eslint.config.mjs': config, 'app/page.tsx': '', 'app/page.test.tsx': '', 'e2e/a.test.tsx': '', 'public/x.js': '' };
    expect(factsOf(files).configs[0]!.unresolved).toEqual([]);
    expect(effectiveOf(files, 'app/page.test.tsx', 'eslint')).toMatchObject({ linted: true, shared: ['eslint-config-next:coreWebVitals', 'eslint-config-next:typescript'], rules: { eqeqeq: 0 }, lines: { eqeqeq: 'eslint.config.mjs:12' } });
    expect(effectiveOf(files, 'e2e/a.test.tsx', 'eslint').rules).toEqual({ 'react/no-unescaped-entities': 0, eqeqeq: 2 });
    expect(effectiveOf(files, 'public/x.js', 'eslint').linted).toBe(false);
  });
});
