import { describe, expect, it } from 'vitest';
import type { ConfigSource } from '../../../src/inspect/coverage/model.js';
import { createConfigEvaluator, evaluateModuleText, PACKAGE_VALUE, packageReference, propertyPath, toPlain, yamlValue, type ConfigValue, type PackageCall } from '../../../src/inspect/config-eval/index.js';

function sourceOf(files: Record<string, string>): ConfigSource & { requested: string[] } {
  const requested: string[] = [];
  return {
    paths: Object.keys(files),
    requested,
    read(path) {
      requested.push(path);
      return files[path] ?? null;
    },
  };
}

function evaluate(files: Record<string, string>, entry: string): ConfigValue {
  return createConfigEvaluator(sourceOf(files)).config(entry);
}

describe('config evaluator', () => {
  it('reads literals, templates, consts, spreads and destructuring with lines', () => {
    const value = evaluate(
      {
        'vitest.config.ts': [
          "import { defineConfig } from 'vitest/config';",
          "const dir = 'src';",
          'const base = { reporter: ["text"], n: -10 };',
          'const { reporter, ...rest } = base;',
          'export default defineConfig({',
          '  test: {',
          '    coverage: {',
          '      include: [`${dir}/**/*.ts`, ...["lib/**"]],',
          '      reporter,',
          '      rest,',
          '      flag: !false,',
          '    },',
          '  },',
          '});',
        ].join('\n'),
      },
      'vitest.config.ts',
    );
    expect(toPlain(value)).toEqual({ test: { coverage: { include: ['src/**/*.ts', 'lib/**'], reporter: ['text'], rest: { n: -10 }, flag: true } } });
    const include = propertyPath(value, ['test', 'coverage', 'include']);
    expect(include).toMatchObject({ kind: 'array', file: 'vitest.config.ts', line: 8 });
    expect(propertyPath(value, ['test', 'coverage', 'rest', 'n'])).toMatchObject({ kind: 'number', value: -10, line: 3 });
  });

  it('unwraps defineConfig of an arrow returning an object, parameters unresolved', () => {
    const value = evaluate({ 'vite.config.ts': "export default defineConfig(({ mode }) => ({ test: { coverage: { enabled: mode === 'ci', include: ['src/**'] } } }));" }, 'vite.config.ts');
    expect(toPlain(value)).toEqual({ test: { coverage: { enabled: { unresolved: 'function parameter' }, include: ['src/**'] } } });
  });

  it('follows relative imports, named and default, and re-exports', () => {
    const files = {
      'vitest.config.ts': "import shared, { extra } from './config/shared';\nexport default mergeConfig(shared, { test: { coverage: { exclude: extra } } });",
      'config/shared.ts': "export { extra } from './extra.js';\nexport default { test: { coverage: { exclude: ['a/**'], provider: 'v8', thresholds: { lines: 80 } } } };",
      'config/extra.ts': "export const extra = ['b/**'];",
    };
    const value = evaluate(files, 'vitest.config.ts');
    expect(toPlain(value)).toEqual({ test: { coverage: { exclude: ['a/**', 'b/**'], provider: 'v8', thresholds: { lines: 80 } } } });
    expect(propertyPath(value, ['test', 'coverage', 'thresholds', 'lines'])).toMatchObject({ file: 'config/shared.ts', line: 2 });
    expect(propertyPath(value, ['test', 'coverage', 'exclude'])).toMatchObject({ kind: 'array' });
  });

  it('mergeConfig follows vite: arrays concatenate, objects merge deeply, the override wins for scalars, null is skipped', () => {
    const value = evaluate({ 'a.ts': "export default mergeConfig({ x: 1, y: [1], o: { a: 1, b: 2 }, s: 'k' }, { x: 2, y: 3, o: { b: 3 }, s: null });" }, 'a.ts');
    expect(toPlain(value)).toEqual({ x: 2, y: [1, 3], o: { a: 1, b: 3 }, s: 'k' });
  });

  it('marks only the unresolvable values: env variables (with fallback), calls, awaits, computed keys', () => {
    const value = evaluate(
      {
        'c.js': [
          'module.exports = {',
          '  include: [process.env.COVERAGE_GLOB ?? "src/**"],',
          '  exclude: [makeList()],',
          '  other: await load(),',
          '  [key]: 1,',
          '  lines: 90,',
          '};',
        ].join('\n'),
      },
      'c.js',
    );
    const include = propertyPath(value, ['include']);
    expect(include.kind).toBe('array');
    const first = include.kind === 'array' ? include.items[0] : undefined;
    expect(first).toMatchObject({ kind: 'unresolved', reason: 'environment variable', line: 2, expression: 'process.env.COVERAGE_GLOB ?? "src/**"', fallback: { kind: 'string', value: 'src/**' } });
    expect(toPlain(propertyPath(value, ['exclude']))).toEqual([{ unresolved: 'function call' }]);
    expect(toPlain(propertyPath(value, ['other']))).toEqual({ unresolved: 'await' });
    expect(toPlain(propertyPath(value, ['lines']))).toBe(90);
    // An unknown computed key may set any absent property.
    expect(toPlain(propertyPath(value, ['branches']))).toEqual({ unresolved: 'computed key' });
  });

  it('resolves constant conditions and leaves the others unresolved', () => {
    expect(toPlain(evaluate({ 'a.ts': "const ci = true; export default { a: ci ? 1 : 2, b: process.env.CI ? 1 : 2 };" }, 'a.ts'))).toEqual({ a: 1, b: { unresolved: 'condition on environment variable' } });
  });

  it('resolves __dirname and import.meta.url paths to repository paths', () => {
    const value = evaluate(
      {
        'packages/web/vite.config.mjs': [
          "import path from 'node:path';",
          "import { fileURLToPath } from 'node:url';",
          'export default {',
          "  a: path.resolve(__dirname, 'src'),",
          "  b: fileURLToPath(new URL('./lib', import.meta.url)),",
          "  c: path.resolve(__dirname, '../shared/x'),",
          "  d: path.resolve('src'),",
          '};',
        ].join('\n'),
      },
      'packages/web/vite.config.mjs',
    );
    expect(toPlain(value)).toEqual({ a: 'packages/web/src', b: 'packages/web/lib', c: 'packages/shared/x', d: { unresolved: 'depends on the working directory' } });
    expect(propertyPath(value, ['a'])).toMatchObject({ repoPath: true });
  });

  it('is cycle-safe and says which file was unavailable', () => {
    const value = evaluate({ 'a.ts': "import b from './b';\nexport default { b };", 'b.ts': "import a from './a';\nexport default { a };" }, 'a.ts');
    expect(toPlain(value)).toEqual({ b: { a: { unresolved: 'import cycle through a.ts' } } });
    const missing = createConfigEvaluator({ paths: ['a.ts', 'b.ts'], read: (path) => (path === 'a.ts' ? "import b from './b';\nexport default { b };" : null) }).config('a.ts');
    expect(toPlain(missing)).toEqual({ b: { unresolved: 'file not available' } });
  });

  it('package imports are unresolved unless a table supplies them', () => {
    const text = "import { configDefaults } from 'vitest/config';\nimport x from 'other';\nexport default { e: [...configDefaults.exclude, 'x'], x };";
    const plain = evaluateModuleText('v.ts', text);
    expect(toPlain(plain.defaultExport)).toEqual({ e: [{ unresolved: 'import from a package' }, 'x'], x: { unresolved: 'import from a package' } });
    const withTable = evaluateModuleText('v.ts', text, 'script', {
      resolvePackage: ({ specifier, name, at }) =>
        specifier === 'vitest/config' && name === 'configDefaults'
          ? { kind: 'object', ...at, properties: new Map([['exclude', { kind: 'array', ...at, items: [{ kind: 'string', ...at, value: '**/node_modules/**' }] }]]), opaque: [] }
          : null,
    });
    expect(toPlain(withTable.defaultExport)).toEqual({ e: ['**/node_modules/**', 'x'], x: { unresolved: 'import from a package' } });
  });

  it('treats let as a constant unless reassigned, and objects changed in place as unresolved', () => {
    expect(toPlain(evaluate({ 'a.js': 'let a = 1; let b = 2; b = 3; const c = { x: 1 }; c.x = 2; module.exports = { a, b, c };' }, 'a.js'))).toEqual({
      a: 1,
      b: { unresolved: 'reassigned variable' },
      c: { unresolved: 'modified after declaration' },
    });
  });

  it('reads exports.x assignments, require of relative files and local functions', () => {
    const files = {
      'jest.config.js': "const base = require('./jest.base');\nfunction make(dir) { return { roots: [`<rootDir>/${dir}`] }; }\nexports.projects = [make('a'), { ...base, rootDir: 'b' }];",
      'jest.base.js': "module.exports = { coveragePathIgnorePatterns: ['/node_modules/'] };",
    };
    expect(toPlain(evaluate(files, 'jest.config.js'))).toEqual({ projects: [{ roots: ['<rootDir>/a'] }, { coveragePathIgnorePatterns: ['/node_modules/'], rootDir: 'b' }] });
  });

  it('reads YAML with lines', () => {
    const value = yamlValue('.nycrc.yml', 'extends: "@istanbuljs/nyc-config-typescript"\ninclude:\n  - src/**\nlines: 80\n');
    expect(toPlain(value)).toEqual({ extends: '@istanbuljs/nyc-config-typescript', include: ['src/**'], lines: 80 });
    expect(propertyPath(value, ['lines'])).toMatchObject({ line: 4 });
    expect(propertyPath(value, ['include'])).toMatchObject({ line: 3 });
  });

  describe('package references', () => {
    const config = [
      "import js from '@eslint/js';",
      "import tseslint from 'typescript-eslint';",
      "import { globalIgnores } from 'eslint/config';",
      "import { FlatCompat } from '@eslint/eslintrc';",
      'const compat = new FlatCompat({ baseDirectory: import.meta.dirname });',
      'export default tseslint.config(',
      "  globalIgnores(['dist/']),",
      '  js.configs.recommended,',
      '  ...tseslint.configs.strictTypeChecked,',
      "  { ...tseslint.configs.disableTypeChecked, files: ['**/*.js'] },",
      "  ...compat.extends('next/core-web-vitals'),",
      ');',
    ].join('\n');

    it('are unresolved imports without the option, as before', () => {
      const value = evaluateModuleText('eslint.config.mjs', config).defaultExport;
      expect(value).toMatchObject({ kind: 'unresolved', reason: 'call of import from a package' });
    });

    it('keep member paths, spreads and calls of packages by name', () => {
      const calls: PackageCall[] = [];
      const value = evaluateModuleText('eslint.config.mjs', config, 'script', {
        packageReferences: true,
        callPackage: (call) => {
          calls.push(call);
          const path = call.reference.path.join('.');
          if (path === 'globalIgnores') return { kind: 'object', ...call.at, properties: new Map([['ignores', call.args[0]!]]), opaque: [] };
          if (path === 'default.config') return { kind: 'array', ...call.at, items: call.args };
          return null;
        },
      }).defaultExport;
      // Arguments first, then the call that receives them.
      expect(calls.map((call) => `${call.reference.specifier} ${call.reference.path.join('.')}`)).toEqual([
        'eslint/config globalIgnores',
        '@eslint/eslintrc FlatCompat.().extends',
        'typescript-eslint default.config',
      ]);
      expect(value.kind).toBe('array');
      const items = value.kind === 'array' ? value.items : [];
      expect(toPlain(items[0]!)).toEqual({ ignores: ['dist/'] });
      expect(packageReference(items[1]!)).toEqual({ specifier: '@eslint/js', path: ['default', 'configs', 'recommended'] });
      // A spread of a package's array is one reference item: its items are unknown, its name is not.
      expect(packageReference(items[2]!)).toEqual({ specifier: 'typescript-eslint', path: ['default', 'configs', 'strictTypeChecked'] });
      const scoped = items[3]!;
      expect(scoped.kind === 'object' ? scoped.opaque.map((opaque) => [opaque.reason, opaque.expression]) : null).toEqual([[PACKAGE_VALUE, 'package:typescript-eslint#default.configs.disableTypeChecked']]);
      expect(scoped).toMatchObject({ line: 10 });
      // A call the caller does not know stays an unresolved call.
      expect(items[4]).toMatchObject({ kind: 'unresolved', reason: 'function call', line: 11 });
    });
  });
});
