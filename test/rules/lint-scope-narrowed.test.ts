import { lintScopeNarrowed } from '../../src/rules/lint/scope-narrowed.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pkg = (lint = 'eslint . --max-warnings 0'): string =>
  `${JSON.stringify({ name: 'shop', private: true, type: 'module', scripts: { build: 'tsc -b', lint, test: 'vitest run' }, devDependencies: { eslint: '^9.30.0', 'typescript-eslint': '^8.35.0' } }, null, 2)}\n`;

const src = {
  'src/cart.ts': 'export const total = (items: number[]): number => items.length;\n',
  'src/checkout/pay.ts': 'export const pay = (): number => 1;\n',
  'src/legacy/old-cart.ts': 'export const old = 1;\n',
  'src/legacy/old-pay.ts': 'export const oldPay = 2;\n',
  'scripts/seed.js': "console.log('seed');\n",
};

const flat = (ignores: string, files = ''): string => `import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: [${ignores}] },
  js.configs.recommended,
  ...tseslint.configs.recommended,${files}
);
`;

/** Without typescript-eslint's shareable config the .ts files are linted only because an entry's `files` names them. */
const tsByFiles = (files: string): string => `import tsParser from '@typescript-eslint/parser';

export default [
  {
    files: [${files}],
    languageOptions: { parser: tsParser },
    rules: { 'no-console': 'error' },
  },
];
`;

const workflow = (run: string): string => `name: CI
on: [pull_request]
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
      - run: npm ci
      - name: Lint
        run: ${run}
`;

const py = {
  'app/__init__.py': '',
  'app/orders.py': 'def total(items):\n    return sum(items)\n',
  'app/legacy/report.py': 'def report():\n    return 1\n',
  'tests/test_orders.py': 'def test_total():\n    assert 1 + 1 == 2\n',
};
const pyproject = (ruff: string): string => `[project]\nname = "orders"\nversion = "1.2.0"\n\n[tool.ruff]\n${ruff}\n\n[tool.ruff.lint]\nselect = ["E", "F", "B"]\n`;

ruleTester(lintScopeNarrowed, {
  valid: [
    { name: 'docs: good example', base: lintScopeNarrowed.docs.good.base, head: lintScopeNarrowed.docs.good.head },
    {
      name: 'config reformatted, files renamed and still linted, an ignored file deleted',
      base: { 'package.json': pkg(), 'eslint.config.mjs': flat("'dist/'"), ...src, 'dist/bundle.js': '' },
      head: {
        'package.json': pkg(),
        'eslint.config.mjs': "import js from \"@eslint/js\"\nimport tseslint from \"typescript-eslint\"\nexport default tseslint.config({ ignores: [\"dist/\"] }, js.configs.recommended, tseslint.configs.recommended)\n",
        ...src,
        'src/legacy/old-cart.ts': null,
        'src/cart-v1.ts': src['src/legacy/old-cart.ts'],
        'dist/bundle.js': null,
      },
    },
    {
      name: 'ignores only generated output that is not committed source, and --max-warnings lowered',
      base: { 'package.json': pkg('eslint . --max-warnings 10'), 'eslint.config.mjs': flat("'dist/'"), ...src },
      head: { 'package.json': pkg('eslint . --max-warnings 0'), 'eslint.config.mjs': flat("'dist/', 'coverage/', '**/*.generated.ts'"), ...src },
    },
    {
      name: 'legacy config converted to flat: the same files are linted',
      base: { 'package.json': pkg(), '.eslintrc.json': '{ "root": true, "extends": ["eslint:recommended"], "overrides": [{ "files": ["*.ts"], "rules": {} }] }\n', '.eslintignore': 'dist\n', ...src },
      head: { 'package.json': pkg(), 'eslint.config.js': flat("'dist/'"), ...src },
    },
    {
      name: 'moved from ESLint to Biome: the files are still linted (by another linter)',
      base: { 'package.json': pkg(), 'eslint.config.mjs': flat("'dist/'"), ...src },
      head: { 'package.json': pkg('biome lint --error-on-warnings .'), 'biome.json': '{ "linter": { "rules": { "recommended": true } } }\n', ...src },
    },
    {
      name: 'ruff: exclude moved from the root table to extend-exclude with the same folders',
      base: { ...py, 'pyproject.toml': pyproject('extend-exclude = ["build"]') },
      head: { ...py, 'pyproject.toml': pyproject('extend-exclude = ["build/"]\nline-length = 100') },
    },
    {
      name: 'a head config the change makes unresolvable is not guessed at (lint/rule-relaxed reports it)',
      base: { 'package.json': pkg(), 'eslint.config.mjs': flat("'dist/'"), ...src },
      head: { 'package.json': pkg(), 'eslint.config.mjs': "import { buildConfig } from '@acme/eslint-config';\n\nexport default await buildConfig({ strict: true });\n", ...src },
    },
    {
      name: 'linted paths widened and flags reordered on the command line',
      base: { 'package.json': pkg('eslint src scripts --max-warnings 0'), 'eslint.config.mjs': flat("'dist/'"), ...src },
      head: { 'package.json': pkg('eslint --max-warnings=0 .'), 'eslint.config.mjs': flat("'dist/'"), ...src },
    },
  ],
  invalid: [
    {
      name: 'docs: bad example (a folder added to globalIgnores)',
      base: lintScopeNarrowed.docs.bad.base,
      head: lintScopeNarrowed.docs.bad.head,
      findings: [{ file: 'eslint.config.js', line: 5, side: 'head', message: 'eslint no longer lints 1 file that still exists (ignored by `src/legacy/`): src/legacy/pay.js' }],
    },
    {
      name: 'ignores added for a folder of source in a typescript-eslint project',
      base: { 'package.json': pkg(), 'eslint.config.mjs': flat("'dist/'"), ...src },
      head: { 'package.json': pkg(), 'eslint.config.mjs': flat("'dist/', 'src/legacy/**'"), ...src },
      findings: [{ file: 'eslint.config.mjs', line: 5, message: /no longer lints 2 files .*ignored by `src\/legacy\/\*\*`\): src\/legacy\/old-cart.ts, src\/legacy\/old-pay.ts/ }],
    },
    {
      name: '`files` narrowed so .ts files outside src/checkout are no longer linted',
      base: { 'package.json': pkg(), 'eslint.config.js': tsByFiles("'**/*.ts'"), ...src },
      head: { 'package.json': pkg(), 'eslint.config.js': tsByFiles("'src/checkout/**/*.ts'"), ...src },
      findings: [{ file: 'eslint.config.js', line: 1, message: /no longer lints 3 files .*no longer matched by the files the config lints\): src\/cart.ts, src\/legacy\/old-cart.ts, src\/legacy\/old-pay.ts/ }],
    },
    {
      name: 'legacy .eslintignore gains a source folder',
      base: { 'package.json': pkg(), '.eslintrc.json': '{ "root": true, "extends": ["eslint:recommended"] }\n', '.eslintignore': 'dist\n', ...src },
      head: { 'package.json': pkg(), '.eslintrc.json': '{ "root": true, "extends": ["eslint:recommended"] }\n', '.eslintignore': 'dist\nscripts\n', ...src },
      findings: [{ file: '.eslintrc.json', line: 1, message: /ignored by `\*\*\/scripts`\): scripts\/seed.js/ }],
    },
    {
      name: 'the ESLint config deleted',
      base: { 'package.json': pkg(), 'eslint.config.mjs': flat("'dist/'"), ...src },
      head: { 'package.json': pkg(), ...src },
      findings: [{ file: 'eslint.config.mjs', line: 1, side: 'base', message: /no longer lints 5 files .*no eslint config governs it any more/ }],
    },
    {
      name: 'Biome: includes narrowed with a negation, and the linter disabled in a package',
      base: {
        'biome.json': '{\n  "files": { "includes": ["**"] },\n  "linter": { "enabled": true }\n}\n',
        'packages/ui/biome.json': '{\n  "root": false,\n  "linter": { "enabled": true }\n}\n',
        'packages/ui/button.tsx': 'export const Button = () => null;\n',
        ...src,
      },
      head: {
        'biome.json': '{\n  "files": { "includes": ["**", "!src/legacy"] },\n  "linter": { "enabled": true }\n}\n',
        'packages/ui/biome.json': '{\n  "root": false,\n  "linter": { "enabled": false }\n}\n',
        'packages/ui/button.tsx': 'export const Button = () => null;\n',
        ...src,
      },
      findings: [
        { file: 'biome.json', line: 2, message: /biome no longer lints 2 files .*not in `includes`/ },
        { file: 'packages/ui/biome.json', line: 3, message: /biome no longer lints 2 files .*the linter is disabled\): packages\/ui\/biome.json, packages\/ui\/button.tsx/ },
      ],
    },
    {
      name: 'oxlint ignorePatterns gains a folder',
      base: { '.oxlintrc.json': '{\n  "ignorePatterns": ["dist/"]\n}\n', ...src },
      head: { '.oxlintrc.json': '{\n  "ignorePatterns": ["dist/", "src/checkout/"]\n}\n', ...src },
      findings: [{ file: '.oxlintrc.json', line: 2, message: /oxlint no longer lints 1 file .*src\/checkout\/pay.ts/ }],
    },
    {
      name: 'ruff extend-exclude and flake8 exclude gain a source folder',
      base: { ...py, 'pyproject.toml': pyproject('extend-exclude = ["build"]'), 'setup.cfg': '[flake8]\nexclude = .git,build\n' },
      head: { ...py, 'pyproject.toml': pyproject('extend-exclude = ["build", "app/legacy"]'), 'setup.cfg': '[flake8]\nexclude = .git,build,legacy\n' },
      findings: [
        { file: 'pyproject.toml', line: 6, message: /ruff no longer lints 1 file .*ignored by `app\/legacy`\): app\/legacy\/report.py/ },
        { file: 'setup.cfg', line: 2, message: /flake8 no longer lints 1 file .*app\/legacy\/report.py/ },
      ],
    },
    {
      name: '--max-warnings 0 removed from the lint script, raised in a workflow step, --quiet added',
      base: { 'package.json': pkg('eslint . --max-warnings 0'), '.github/workflows/ci.yml': workflow('npx eslint --max-warnings 0 src'), 'eslint.config.mjs': flat("'dist/'"), ...src },
      head: { 'package.json': pkg('eslint .'), '.github/workflows/ci.yml': workflow('npx eslint --max-warnings 25 --quiet src'), 'eslint.config.mjs': flat("'dist/'"), ...src },
      findings: [
        { file: '.github/workflows/ci.yml', line: 11, message: '`--max-warnings` raised from 0 to 25 for `eslint`', before: 'npx eslint --max-warnings 0 src', after: 'npx eslint --max-warnings 25 --quiet src' },
        { file: '.github/workflows/ci.yml', line: 11, message: '`--quiet` added to `eslint`' },
        { file: 'package.json', line: 7, message: '`--max-warnings 0` removed from `eslint`', before: 'eslint . --max-warnings 0', after: 'eslint .' },
      ],
    },
    {
      name: 'Biome --error-on-warnings removed',
      base: { 'package.json': pkg('biome check --error-on-warnings .'), 'biome.json': '{}\n', ...src },
      head: { 'package.json': pkg('biome check .'), 'biome.json': '{}\n', ...src },
      findings: [{ file: 'package.json', line: 7, message: '`biome` no longer fails on warnings' }],
    },
    {
      name: 'the lint command lints fewer paths and ignores a folder; ruff excludes one on its command line',
      base: { 'package.json': pkg('eslint . --max-warnings 0'), '.github/workflows/ci.yml': workflow('ruff check app tests'), 'eslint.config.mjs': flat("'dist/'"), ...src },
      head: {
        'package.json': pkg("eslint src --ignore-pattern 'src/legacy/**' --max-warnings 0"),
        '.github/workflows/ci.yml': workflow('ruff check app tests --extend-exclude app/legacy'),
        'eslint.config.mjs': flat("'dist/'"),
        ...src,
      },
      findings: [
        { file: '.github/workflows/ci.yml', line: 11, message: '`ruff` now ignores `app/legacy` on its command line' },
        { file: 'package.json', line: 7, message: '`eslint` no longer lints `.` (paths src instead of .)' },
        { file: 'package.json', line: 7, message: '`eslint` now ignores `src/legacy/**` on its command line' },
      ],
    },
    {
      name: 'config unchanged, a source file moved into an ignored folder',
      base: { 'package.json': pkg(), 'eslint.config.mjs': flat("'dist/', 'src/legacy/**'"), ...src },
      head: { 'package.json': pkg(), 'eslint.config.mjs': flat("'dist/', 'src/legacy/**'"), ...src, 'src/cart.ts': null, 'src/legacy/cart.ts': src['src/cart.ts'] },
      findings: [{ file: 'eslint.config.mjs', line: 5, message: /eslint no longer lints 1 file that still exists \(ignored by `src\/legacy\/\*\*`\): src\/legacy\/cart.ts/ }],
    },
  ],
});
