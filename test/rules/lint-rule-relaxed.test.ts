import { lintRuleRelaxed } from '../../src/rules/lint/rule-relaxed.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pkg = `${JSON.stringify({ name: 'shop', private: true, type: 'module', scripts: { lint: 'eslint . --max-warnings 0' }, devDependencies: { eslint: '^9.30.0', '@eslint/js': '^9.30.0', 'typescript-eslint': '^8.35.0' } }, null, 2)}\n`;

const src = {
  'package.json': pkg,
  'src/cart.ts': 'export const total = (items: number[]): number => items.reduce((a, b) => a + b, 0);\n',
  'src/checkout/pay.ts': 'export async function pay(): Promise<void> {}\n',
  'src/legacy/old-cart.ts': 'export const old = 1;\n',
  'src/legacy/old-pay.ts': 'export const oldPay = 2;\n',
  'scripts/seed.js': "console.log('seed');\n",
};

/** A typescript-eslint project config, shaped like the typescript-eslint getting-started page. */
const flat = (options: { shared?: string; rules?: string; extra?: string; linterOptions?: string } = {}): string => `// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'coverage/']),
  js.configs.recommended,
  ${options.shared ?? '...tseslint.configs.strictTypeChecked,'}
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },${options.linterOptions ? `\n    linterOptions: ${options.linterOptions},` : ''}
    rules: {
${options.rules ?? "      'no-console': 'error',\n      '@typescript-eslint/no-floating-promises': 'error',\n      complexity: ['error', { max: 10 }],"}
    },
  },${options.extra ?? ''}
);
`;

/** A config with a FlatCompat.config call the evaluator cannot read: the same unknown on both sides. */
const withCompat = (rules: string): string =>
  flat({ rules, extra: "\n  ...compat.config({ extends: ['airbnb-base'] })," }).replace(
    "import tseslint from 'typescript-eslint';",
    "import tseslint from 'typescript-eslint';\nimport { FlatCompat } from '@eslint/eslintrc';\n\nconst compat = new FlatCompat({ baseDirectory: import.meta.dirname });",
  );

/** A Next.js app: its eslintrc, and the flat config create-next-app writes around the same object. */
const nextRc = { extends: ['next/core-web-vitals', 'next/typescript'], rules: { '@next/next/no-img-element': 'error', 'react-hooks/exhaustive-deps': 'error' } };
const nextFlat = (rc: object): string => `import { dirname } from "path";
import { fileURLToPath } from "url";
import { FlatCompat } from "@eslint/eslintrc";

const __filename = fileURLToPath(import.meta.url);
const __dirname = dirname(__filename);

const compat = new FlatCompat({
  baseDirectory: __dirname,
});

const eslintConfig = [...compat.config(${JSON.stringify(rc, null, 2).replace(/\n/g, '\n  ')})];

export default eslintConfig;
`;
const nextApp = { 'app/page.tsx': 'export default function Page() { return null; }\n', 'app/layout.tsx': 'export default function Layout() { return null; }\n' };

const pyproject = (lint: string, top = 'line-length = 100'): string => `[project]
name = "orders"
version = "1.2.0"
requires-python = ">=3.11"
dependencies = ["fastapi>=0.110"]

[tool.ruff]
${top}
target-version = "py311"

[tool.ruff.lint]
${lint}

[tool.pytest.ini_options]
testpaths = ["tests"]
`;

const py = {
  'app/__init__.py': '',
  'app/orders.py': 'def total(items):\n    return sum(items)\n',
  'app/api/routes.py': 'def get():\n    return 1\n',
  'tests/test_orders.py': 'from app.orders import total\n\ndef test_total():\n    assert total([1, 2]) == 3\n',
};

ruleTester(lintRuleRelaxed, {
  valid: [
    { name: 'docs: good example', base: lintRuleRelaxed.docs.good.base, head: lintRuleRelaxed.docs.good.head },
    {
      name: 'config reformatted (quotes, order, numeric severities, wrappers)',
      base: { ...src, 'eslint.config.mjs': flat() },
      head: {
        ...src,
        'eslint.config.mjs': `import js from "@eslint/js"
import tseslint from "typescript-eslint"
import { globalIgnores } from "eslint/config"

export default tseslint.config(globalIgnores(["coverage/", "dist/"]), js.configs.recommended, tseslint.configs.strictTypeChecked, {
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  rules: { complexity: [2, { max: 10 }], "@typescript-eslint/no-floating-promises": 2, "no-console": 2 },
})
`,
      },
    },
    {
      name: 'rules tightened and a stronger shareable config',
      base: { ...src, 'eslint.config.mjs': flat({ shared: '...tseslint.configs.recommended,', rules: "      'no-console': 'warn',\n      complexity: ['error', { max: 15 }]," }) },
      head: { ...src, 'eslint.config.mjs': flat({ shared: '...tseslint.configs.strictTypeChecked,\n  ...tseslint.configs.stylisticTypeChecked,', rules: "      'no-console': 'error',\n      complexity: ['error', { max: 10 }],\n      eqeqeq: 'error'," }) },
    },
    {
      name: 'standard replacement pairs: core rules off with their typescript-eslint and @stylistic replacements on',
      base: { ...src, 'eslint.config.mjs': flat({ rules: "      'no-unused-vars': 'error',\n      'no-shadow': 'error',\n      'no-throw-literal': 'error',\n      quotes: ['error', 'single']," }) },
      head: {
        ...src,
        'eslint.config.mjs': flat({
          rules:
            "      'no-unused-vars': 'off',\n      '@typescript-eslint/no-unused-vars': 'error',\n      'no-shadow': 'off',\n      '@typescript-eslint/no-shadow': 'error',\n      'no-throw-literal': 'off',\n      '@typescript-eslint/only-throw-error': 'error',\n      quotes: 'off',\n      '@stylistic/quotes': ['error', 'single'],",
        }),
      },
    },
    {
      name: 'legacy .eslintrc converted to flat config with the same effective rules',
      base: {
        ...src,
        'src/util.js': 'export const id = (x) => x;\n',
        '.eslintrc.json': `${JSON.stringify({ root: true, extends: ['eslint:recommended', 'plugin:@typescript-eslint/strict-type-checked'], rules: { 'no-console': 'error', eqeqeq: ['error', 'smart'] }, overrides: [{ files: ['scripts/**'], rules: { 'no-console': 'off' } }] }, null, 2)}\n`,
      },
      head: {
        ...src,
        'src/util.js': 'export const id = (x) => x;\n',
        'eslint.config.js': `import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default [
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  { rules: { 'no-console': 'error', eqeqeq: ['error', 'smart'] } },
  { files: ['scripts/**'], rules: { 'no-console': 'off' } },
];
`,
      },
    },
    {
      name: 'settings moved into a shared local config file with the same values',
      base: { ...src, 'eslint.config.mjs': flat() },
      head: {
        ...src,
        'eslint/strict-rules.mjs': "export const strictRules = {\n  'no-console': 'error',\n  '@typescript-eslint/no-floating-promises': 'error',\n  complexity: ['error', { max: 10 }],\n};\n",
        'eslint.config.mjs': flat({ rules: '      ...strictRules,' }).replace("import tseslint from 'typescript-eslint';", "import tseslint from 'typescript-eslint';\nimport { strictRules } from './eslint/strict-rules.mjs';"),
      },
    },
    {
      name: 'a file renamed keeps its effective rules',
      base: { ...src, 'eslint.config.mjs': flat({ extra: "\n  { files: ['src/legacy/**'], rules: { complexity: 'warn' } }," }) },
      head: {
        ...src,
        'src/legacy/old-cart.ts': null,
        'src/cart-v1.ts': src['src/legacy/old-cart.ts'],
        'eslint.config.mjs': flat({ extra: "\n  { files: ['src/legacy/**'], rules: { complexity: 'warn' } }," }),
      },
    },
    {
      name: 'ruff: settings moved from the deprecated top level into [tool.ruff.lint], an ignore removed',
      base: { ...py, 'pyproject.toml': pyproject('', 'line-length = 100\nselect = ["E", "F", "B"]\nignore = ["B008", "E731"]') },
      head: { ...py, 'pyproject.toml': pyproject('select = ["E", "F", "B"]\nignore = ["B008"]') },
    },
    {
      name: 'an unresolvable entry present on both sides does not hide the rest: a tightened rule is fine',
      base: { ...src, 'eslint.config.mjs': withCompat("      'no-console': 'warn',") },
      head: { ...src, 'eslint.config.mjs': withCompat("      'no-console': 'error',") },
    },
    {
      name: 'Next.js app: .eslintrc.json converted to FlatCompat.config with the same object',
      base: { ...nextApp, '.eslintrc.json': `${JSON.stringify(nextRc, null, 2)}\n` },
      head: { ...nextApp, 'eslint.config.mjs': nextFlat(nextRc) },
    },
    {
      name: 'Biome config reformatted to JSONC with a rule tightened; oxlint rule raised to error',
      base: {
        ...src,
        'biome.json': '{"linter":{"rules":{"recommended":true,"suspicious":{"noExplicitAny":"warn"}}},"files":{"includes":["**","!dist"]}}\n',
        '.oxlintrc.json': '{ "rules": { "no-debugger": "warn" } }\n',
      },
      head: {
        ...src,
        'biome.jsonc': '{\n  // stricter\n  "files": { "includes": ["**", "!dist"] },\n  "linter": {\n    "rules": {\n      "recommended": true,\n      "suspicious": { "noExplicitAny": { "level": "error" } },\n    },\n  },\n}\n',
        '.oxlintrc.json': '{\n  "rules": {\n    "no-debugger": ["error"]\n  }\n}\n',
      },
    },
    {
      name: 'ruff config moved from pyproject.toml to ruff.toml with the same selection, and a per-file ignore narrowed',
      base: { ...py, 'pyproject.toml': pyproject('select = ["E", "F", "S"]\nignore = ["E731"]\n\n[tool.ruff.lint.per-file-ignores]\n"tests/*" = ["S"]') },
      head: {
        ...py,
        'pyproject.toml': '[project]\nname = "orders"\nversion = "1.2.0"\n',
        'ruff.toml': 'line-length = 100\n\n[lint]\nselect = ["S", "F", "E"]\nignore = ["E731"]\nper-file-ignores = { "tests/*" = ["S101"] }\n',
      },
    },
  ],
  invalid: [
    {
      name: 'docs: bad example (a rule turned off over strictTypeChecked)',
      base: lintRuleRelaxed.docs.bad.base,
      head: lintRuleRelaxed.docs.bad.head,
      findings: [{ file: 'eslint.config.mjs', line: 9, side: 'head', severity: 'block', message: '`@typescript-eslint/no-explicit-any` lowered from error to off for 2 files: eslint.config.mjs, src/api.ts', after: 'off' }],
    },
    {
      name: 'a rule lowered to warn for every file, and one turned off only for src/legacy',
      base: { ...src, 'eslint.config.mjs': flat() },
      head: {
        ...src,
        'eslint.config.mjs': flat({
          rules: "      'no-console': 'warn',\n      '@typescript-eslint/no-floating-promises': 'error',\n      complexity: ['error', { max: 10 }],",
          extra: "\n  {\n    files: ['src/legacy/**/*.ts'],\n    rules: { '@typescript-eslint/no-floating-promises': 'off' },\n  },",
        }),
      },
      findings: [
        { file: 'eslint.config.mjs', line: 13, severity: 'block', message: /`no-console` lowered from error to warn for 6 files: eslint.config.mjs, scripts\/seed.js, src\/cart.ts, .* and 1 more$/, before: 'error', after: 'warn' },
        { file: 'eslint.config.mjs', line: 20, severity: 'block', message: /`@typescript-eslint\/no-floating-promises` lowered from error to off for 2 files: src\/legacy\/old-cart.ts, src\/legacy\/old-pay.ts$/ },
      ],
    },
    {
      name: 'options loosened (complexity max raised) and options changed that cannot be ordered',
      base: { ...src, 'eslint.config.mjs': flat({ rules: "      complexity: ['error', { max: 10 }],\n      'id-match': ['error', '^[a-z]+$']," }) },
      head: { ...src, 'eslint.config.mjs': flat({ rules: "      complexity: ['error', { max: 40 }],\n      'id-match': ['error', '^.*$']," }) },
      findings: [
        { file: 'eslint.config.mjs', line: 13, severity: 'block', message: '`complexity` options loosened', before: '{"max":10}', after: '{"max":40}' },
        { file: 'eslint.config.mjs', line: 14, severity: 'warn', message: 'cannot be ordered' },
      ],
    },
    {
      name: 'a shareable config replaced by a weaker one and another removed',
      base: { ...src, 'eslint.config.mjs': flat() },
      head: { ...src, 'eslint.config.mjs': flat({ shared: '...tseslint.configs.recommended,' }).replace('  js.configs.recommended,\n', '') },
      findings: [
        { file: 'eslint.config.mjs', line: 8, side: 'base', message: /shareable config `@eslint\/js:configs.recommended` removed for 6 files/ },
        { file: 'eslint.config.mjs', line: 9, side: 'base', message: /`typescript-eslint:configs.strictTypeChecked` replaced by weaker `typescript-eslint:configs.recommended` for 6 files: eslint.config.mjs/ },
      ],
    },
    {
      name: 'noInlineConfig turned off and disableTypeChecked added for src',
      base: { ...src, 'eslint.config.mjs': flat({ linterOptions: '{ noInlineConfig: true }' }) },
      head: { ...src, 'eslint.config.mjs': flat({ linterOptions: '{ noInlineConfig: false }', extra: "\n  { files: ['src/**/*.ts'], ...tseslint.configs.disableTypeChecked }," }) },
      findings: [
        { file: 'eslint.config.mjs', line: 12, message: '`noInlineConfig` turned off', before: 'noInlineConfig: true', after: 'noInlineConfig: false' },
        { file: 'eslint.config.mjs', line: 19, message: /disableTypeChecked` added: it turns rules off for 4 files/ },
      ],
    },
    {
      name: 'legacy eslintrc: an extends removed and an override turning a rule off',
      base: { ...src, '.eslintrc.cjs': "module.exports = {\n  root: true,\n  extends: ['eslint:recommended', 'plugin:react/recommended'],\n  rules: { eqeqeq: 'error' },\n};\n", 'src/app.js': 'export const a = 1;\n' },
      head: {
        ...src,
        '.eslintrc.cjs': "module.exports = {\n  root: true,\n  extends: ['eslint:recommended'],\n  rules: { eqeqeq: 'error' },\n  overrides: [{ files: ['src/**'], rules: { eqeqeq: 'off' } }],\n};\n",
        'src/app.js': 'export const a = 1;\n',
      },
      findings: [
        { file: '.eslintrc.cjs', line: 3, side: 'base', message: /shareable config `plugin:react\/recommended` removed for 2 files/ },
        { file: '.eslintrc.cjs', line: 5, side: 'head', message: /`eqeqeq` lowered from error to off for 1 file: src\/app.js/ },
      ],
    },
    {
      name: 'ruff in pyproject.toml: a code ignored, a per-file ignore added, line-length raised',
      base: { ...py, 'pyproject.toml': pyproject('select = ["E", "F", "B", "S"]\nignore = ["E731"]\n\n[tool.ruff.lint.per-file-ignores]\n"tests/*" = ["S101"]') },
      head: { ...py, 'pyproject.toml': pyproject('select = ["E", "F", "B", "S"]\nignore = ["E731", "B"]\n\n[tool.ruff.lint.per-file-ignores]\n"tests/*" = ["S101"]\n"app/api/*" = ["S"]', 'line-length = 160') },
      findings: [
        { file: 'pyproject.toml', line: 8, message: '`line-length` raised from 100 to 160 for 4 files', before: 'line-length = 100', after: 'line-length = 160' },
        { file: 'pyproject.toml', line: 13, message: /`B` lowered from error to off for 4 files/ },
        { file: 'pyproject.toml', line: 17, message: /`S` lowered from error to off for 1 file: app\/api\/routes.py/ },
      ],
    },
    {
      name: 'flake8 in setup.cfg: extend-ignore and max-line-length raised',
      base: { ...py, 'setup.cfg': '[metadata]\nname = orders\n\n[flake8]\nmax-line-length = 88\nextend-ignore = E203\n' },
      head: { ...py, 'setup.cfg': '[metadata]\nname = orders\n\n[flake8]\nmax-line-length = 200\nextend-ignore = E203, F401\n' },
      findings: [
        { file: 'setup.cfg', line: 5, message: '`max-line-length` raised from 88 to 200' },
        { file: 'setup.cfg', line: 6, message: /`F401` lowered from error to off for 4 files/ },
      ],
    },
    {
      name: 'Biome: a rule turned off and recommended rules switched off',
      base: { ...src, 'biome.json': '{\n  "linter": {\n    "rules": {\n      "recommended": true,\n      "suspicious": { "noExplicitAny": "error" }\n    }\n  }\n}\n' },
      head: { ...src, 'biome.json': '{\n  "linter": {\n    "rules": {\n      "recommended": false,\n      "suspicious": { "noExplicitAny": "off" }\n    }\n  }\n}\n' },
      findings: [
        { file: 'biome.json', line: 4, side: 'base', message: /shareable config `linter.rules.recommended` removed for 7 files: biome.json, package.json, scripts\/seed.js/ },
        { file: 'biome.json', line: 5, side: 'head', message: /`suspicious\/noExplicitAny` lowered from error to off/ },
      ],
    },
    {
      name: 'oxlint: the correctness category lowered to warn',
      base: { ...src, '.oxlintrc.json': '{\n  "categories": { "correctness": "error" },\n  "rules": { "no-debugger": "error" }\n}\n' },
      head: { ...src, '.oxlintrc.json': '{\n  "categories": { "correctness": "warn" },\n  "rules": { "no-debugger": "error" }\n}\n' },
      findings: [{ file: '.oxlintrc.json', line: 2, message: /`category:correctness` lowered from error to warn for 5 files/ }],
    },
    {
      name: 'a rule severity the change makes depend on the environment is unresolvable (warn)',
      base: { ...src, 'eslint.config.mjs': flat() },
      head: { ...src, 'eslint.config.mjs': flat({ rules: "      'no-console': process.env.CI ? 'error' : 'off',\n      '@typescript-eslint/no-floating-promises': 'error',\n      complexity: ['error', { max: 10 }]," }) },
      findings: [{ file: 'eslint.config.mjs', line: 13, severity: 'warn', side: 'head', message: /Cannot resolve lint setting .*rules.no-console statically \(condition on environment variable\)/ }],
    },
    {
      name: 'an unresolvable entry present on both sides: a rule turned off is still reported',
      base: { ...src, 'eslint.config.mjs': withCompat("      'no-console': 'error',") },
      head: { ...src, 'eslint.config.mjs': withCompat("      'no-console': 'off',") },
      findings: [{ file: 'eslint.config.mjs', line: 16, severity: 'block', message: /`no-console` lowered from error to off for 6 files/ }],
    },
    {
      name: 'rules the change computes at run time: reported as unresolvable, not guessed',
      base: { ...src, 'eslint.config.mjs': flat() },
      head: {
        ...src,
        'eslint.config.mjs': flat({ rules: '      ...(process.env.STRICT ? strictRules : {}),' }).replace("import tseslint from 'typescript-eslint';", "import tseslint from 'typescript-eslint';\nimport { strictRules } from '@acme/eslint-rules';"),
      },
      findings: [{ file: 'eslint.config.mjs', line: 14, severity: 'warn', message: /Cannot resolve lint setting export\[3\]\.rules statically \(condition on environment variable\)/ }],
    },
    {
      name: 'rules turned off on the command line of the lint script and a workflow step',
      base: {
        ...src,
        'eslint.config.mjs': flat(),
        '.github/workflows/ci.yml': 'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ruff check .\n',
      },
      head: {
        ...src,
        'package.json': pkg.replace('eslint . --max-warnings 0', "eslint . --rule 'no-console: off' --max-warnings 0"),
        'eslint.config.mjs': flat(),
        '.github/workflows/ci.yml': 'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ruff check . --extend-ignore E501,B008\n',
      },
      findings: [
        { file: '.github/workflows/ci.yml', line: 6, message: '`B008` turned off on the command line of `ruff`', before: 'ruff check .', after: 'ruff check . --extend-ignore E501,B008' },
        { file: '.github/workflows/ci.yml', line: 6, message: '`E501` turned off on the command line of `ruff`' },
        { file: 'package.json', line: 6, message: '`no-console` turned off on the command line of `eslint`' },
      ],
    },
    {
      name: 'a package of a monorepo gets its own flat config that drops the root rules',
      base: { 'eslint.config.js': "export default [\n  { rules: { 'no-console': 'error', eqeqeq: 'error' } },\n];\n", 'packages/api/server.js': 'export const a = 1;\n', 'packages/web/app.js': 'export const b = 1;\n' },
      head: {
        'eslint.config.js': "export default [\n  { rules: { 'no-console': 'error', eqeqeq: 'error' } },\n];\n",
        'packages/api/eslint.config.js': "export default [\n  { rules: { eqeqeq: 'error' } },\n];\n",
        'packages/api/server.js': 'export const a = 1;\n',
        'packages/web/app.js': 'export const b = 1;\n',
      },
      findings: [{ file: 'eslint.config.js', line: 2, side: 'base', severity: 'block', message: /`no-console` \(error\) no longer set for 1 file: packages\/api\/server.js$/, after: 'off' }],
    },
    {
      name: 'Next.js app: converted to flat config and a rule dropped to warn on the way',
      base: { ...nextApp, '.eslintrc.json': `${JSON.stringify(nextRc, null, 2)}\n` },
      head: { ...nextApp, 'eslint.config.mjs': nextFlat({ ...nextRc, rules: { ...nextRc.rules, 'react-hooks/exhaustive-deps': 'warn' } }) },
      findings: [{ file: 'eslint.config.mjs', line: 19, message: /`react-hooks\/exhaustive-deps` lowered from error to warn for 2 files: app\/layout.tsx, app\/page.tsx/ }],
    },
    {
      name: 'config unchanged, a source file moved into a folder where a rule is off',
      base: { ...src, 'eslint.config.mjs': flat({ extra: "\n  { files: ['src/legacy/**'], rules: { '@typescript-eslint/no-floating-promises': 'off' } }," }) },
      head: {
        ...src,
        'src/checkout/pay.ts': null,
        'src/legacy/pay.ts': src['src/checkout/pay.ts'],
        'eslint.config.mjs': flat({ extra: "\n  { files: ['src/legacy/**'], rules: { '@typescript-eslint/no-floating-promises': 'off' } }," }),
      },
      findings: [{ file: 'eslint.config.mjs', line: 18, message: /`@typescript-eslint\/no-floating-promises` lowered from error to off for 1 file: src\/legacy\/pay.ts$/ }],
    },
  ],
});
