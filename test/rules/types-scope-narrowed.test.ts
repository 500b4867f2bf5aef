import { typesScopeNarrowed } from '../../src/rules/types/scope-narrowed.js';
import { ruleTester } from '../helpers/rule-tester.js';

// ─── A workspaces monorepo type-checked by `tsc -b` through a solution tsconfig ───

const rootPackage = `${JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'], scripts: { typecheck: 'tsc -b' } }, null, 2)}\n`;

const solution = (refs: string[]): string => `{
  // Solution file: builds every package through its references.
  "files": [],
  "references": [
${refs.map((ref) => `    { "path": "./packages/${ref}" },`).join('\n')}
  ],
}
`;

const base = '{\n  "compilerOptions": { "strict": true, "composite": true, "target": "ES2022" }\n}\n';

const pkgConfig = (extra = ''): string => `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "outDir": "dist", "rootDir": "src" },
  "include": ["src"]${extra}
}
`;

const sources = {
  'packages/core/src/index.ts': 'export const money = (cents: number): string => (cents / 100).toFixed(2);\n',
  'packages/web/src/app.ts': "export const label = (text: string): string => text.trim();\n",
  'packages/web/src/legacy/cart.ts': 'export const cart = (items: number[]): number => items.length;\n',
  'packages/web/src/legacy/checkout.ts': 'export const checkout = (total: number): string => `paid ${total}`;\n',
  'packages/web/dist/app.d.ts': 'export declare const label: (text: string) => string;\n',
};

const monorepo = (overrides: Record<string, string | null> = {}): Record<string, string | null> => ({
  'package.json': rootPackage,
  '.github/workflows/ci.yml': 'name: CI\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - name: Type check\n        run: npm run typecheck\n',
  'tsconfig.json': solution(['core', 'web']),
  'tsconfig.base.json': base,
  'packages/core/tsconfig.json': pkgConfig(),
  'packages/web/tsconfig.json': pkgConfig(),
  ...sources,
  ...overrides,
});

// ─── A Python service checked by mypy (and pyright) ───

const pySources = {
  'billing/__init__.py': '',
  'billing/invoice.py': 'def total(lines: list[int]) -> int:\n    return sum(lines)\n',
  'billing/legacy/__init__.py': '',
  'billing/legacy/export.py': 'def export(rows):\n    return rows\n',
  'billing/legacy/importer.py': 'def load(path):\n    return open(path).read()\n',
  'tests/test_invoice.py': 'from billing.invoice import total\n\ndef test_total():\n    assert total([1, 2]) == 3\n',
};
const pyPackage = `${JSON.stringify({ name: 'billing-tools', private: true, scripts: { typecheck: 'mypy billing tests' } }, null, 2)}\n`;
const mypyIni = (body = ''): string => `[mypy]\npython_version = 3.12\nstrict = True\n${body}`;

ruleTester(typesScopeNarrowed, {
  valid: [
    { name: 'docs: good example', base: typesScopeNarrowed.docs.good.base, head: typesScopeNarrowed.docs.good.head },
    { name: 'monorepo: tsconfig reformatted', base: monorepo(), head: monorepo({ 'packages/web/tsconfig.json': '{ "extends": "../../tsconfig.base.json", "include": ["./src/"], "compilerOptions": { "rootDir": "src", "outDir": "dist", }, }\n' }) },
    {
      name: 'monorepo: a file moved to another folder that is still included',
      base: monorepo(),
      head: monorepo({ 'packages/web/src/legacy/cart.ts': null, 'packages/web/src/cart/cart.ts': sources['packages/web/src/legacy/cart.ts'] }),
    },
    {
      name: 'monorepo: a file moved to another package that is still type-checked',
      base: monorepo(),
      head: monorepo({ 'packages/web/src/legacy/checkout.ts': null, 'packages/core/src/checkout.ts': sources['packages/web/src/legacy/checkout.ts'] }),
    },
    { name: 'monorepo: a source file deleted is not narrowing', base: monorepo(), head: monorepo({ 'packages/web/src/legacy/cart.ts': null }) },
    {
      name: 'monorepo: include moved into the shared base with the same paths (relative to the package)',
      base: monorepo(),
      head: monorepo({
        'tsconfig.base.json': '{\n  "compilerOptions": { "strict": true, "composite": true, "target": "ES2022" },\n  "include": ["${configDir}/src"]\n}\n',
        'packages/core/tsconfig.json': '{\n  "extends": "../../tsconfig.base.json",\n  "compilerOptions": { "outDir": "dist", "rootDir": "src" }\n}\n',
        'packages/web/tsconfig.json': '{\n  "extends": "../../tsconfig.base.json",\n  "compilerOptions": { "outDir": "dist", "rootDir": "src" }\n}\n',
      }),
    },
    {
      name: 'no gate runs tsc: every tsconfig counts, and an exclude of build output narrows nothing',
      base: { 'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n', 'src/a.ts': 'export const a = 1;\n', 'build/a.js': 'exports.a = 1;\n' },
      head: { 'tsconfig.json': '{ "compilerOptions": { "strict": true }, "exclude": ["build"] }\n', 'src/a.ts': 'export const a = 1;\n', 'build/a.js': 'exports.a = 1;\n' },
    },
    {
      name: 'mypy: exclude widened only over a folder with no Python files, module renamed but still checked',
      base: { 'package.json': pyPackage, 'mypy.ini': mypyIni(), ...pySources },
      head: { 'package.json': pyPackage, 'mypy.ini': mypyIni('exclude = (?x)(\n    ^build/\n  | ^docs/\n  )\n'), ...pySources, 'billing/legacy/export.py': null, 'billing/exporter.py': pySources['billing/legacy/export.py'] },
    },
    {
      name: 'mypy: ignore_errors turned off for the legacy package (tightened)',
      base: { 'package.json': pyPackage, 'mypy.ini': mypyIni('\n[mypy-billing.legacy.*]\nignore_errors = True\n'), ...pySources },
      head: { 'package.json': pyPackage, 'mypy.ini': mypyIni(), ...pySources },
    },
  ],
  invalid: [
    {
      name: 'docs: bad example',
      base: typesScopeNarrowed.docs.bad.base,
      head: typesScopeNarrowed.docs.bad.head,
      findings: [{ file: 'tsconfig.json', line: 4, side: 'head', message: 'TypeScript (tsc) no longer type-checks 1 file that still exists (excluded by `src/legacy/**` in tsconfig.json): src/legacy/discount.ts' }],
    },
    {
      name: 'monorepo: exclude added for src/legacy/** names the files',
      base: monorepo(),
      head: monorepo({ 'packages/web/tsconfig.json': pkgConfig(',\n  "exclude": ["src/legacy/**"]') }),
      findings: [
        {
          file: 'packages/web/tsconfig.json',
          line: 5,
          side: 'head',
          severity: 'block',
          message: 'TypeScript (tsc) no longer type-checks 2 files that still exist (excluded by `src/legacy/**` in packages/web/tsconfig.json): packages/web/src/legacy/cart.ts, packages/web/src/legacy/checkout.ts',
          after: /exclude: src\/legacy\/\*\*/,
        },
      ],
    },
    {
      name: 'monorepo: include narrowed to one file',
      base: monorepo(),
      head: monorepo({ 'packages/web/tsconfig.json': pkgConfig().replace('"include": ["src"]', '"include": ["src/app.ts"]') }),
      findings: [{ file: 'packages/web/tsconfig.json', line: 4, side: 'head', message: 'no longer matched by include `src/app.ts`): packages/web/src/legacy/cart.ts, packages/web/src/legacy/checkout.ts' }],
    },
    {
      name: 'monorepo: a package dropped from the solution references is no longer built by tsc -b',
      base: monorepo(),
      head: monorepo({ 'tsconfig.json': solution(['core']) }),
      findings: [{ file: 'tsconfig.json', line: 6, side: 'base', message: 'TypeScript (tsc) no longer type-checks 3 files that still exist (packages/web/tsconfig.json is no longer type-checked by any gate)' }],
    },
    {
      name: 'monorepo: a file moved out of the included folder',
      base: monorepo(),
      head: monorepo({ 'packages/web/src/legacy/cart.ts': null, 'packages/web/legacy/cart.ts': sources['packages/web/src/legacy/cart.ts'] }),
      findings: [{ file: 'packages/web/tsconfig.json', line: 4, side: 'head', message: 'no longer matched by include `src`): packages/web/legacy/cart.ts' }],
    },
    {
      name: 'checkJs turned off: JavaScript files leave the checked set',
      base: {
        'package.json': `${JSON.stringify({ name: 'tools', private: true, scripts: { lint: 'eslint .', typecheck: 'tsc' } }, null, 2)}\n`,
        'tsconfig.json': '{\n  "compilerOptions": { "allowJs": true, "checkJs": true, "noEmit": true },\n  "include": ["scripts", "src"]\n}\n',
        'scripts/release.js': "export const tag = (v) => `v${v}`;\n",
        'src/index.ts': 'export const one = 1;\n',
      },
      head: {
        'package.json': `${JSON.stringify({ name: 'tools', private: true, scripts: { lint: 'eslint .', typecheck: 'tsc' } }, null, 2)}\n`,
        'tsconfig.json': '{\n  "compilerOptions": { "allowJs": true, "checkJs": false, "noEmit": true },\n  "include": ["scripts", "src"]\n}\n',
        'scripts/release.js': "export const tag = (v) => `v${v}`;\n",
        'src/index.ts': 'export const one = 1;\n',
      },
      findings: [{ file: 'tsconfig.json', line: 1, side: 'head', message: 'JavaScript files are no longer checked (allowJs / checkJs)): scripts/release.js' }],
    },
    {
      name: 'mypy: ignore_errors = True added for a package',
      base: { 'package.json': pyPackage, 'mypy.ini': mypyIni(), ...pySources },
      head: { 'package.json': pyPackage, 'mypy.ini': mypyIni('\n[mypy-billing.legacy.*]\nignore_errors = True\n'), ...pySources },
      findings: [
        {
          file: 'mypy.ini',
          line: 6,
          side: 'head',
          message: 'mypy no longer type-checks 3 files that still exist (errors ignored by `ignore_errors = True` for `billing.legacy.*`): billing/legacy/__init__.py, billing/legacy/export.py, billing/legacy/importer.py',
        },
      ],
    },
    {
      name: 'mypy: exclude (a verbose Python regex) added in pyproject.toml',
      base: { 'package.json': pyPackage, 'pyproject.toml': '[project]\nname = "billing"\nversion = "1.0.0"\n\n[tool.mypy]\nstrict = true\n', ...pySources },
      head: { 'package.json': pyPackage, 'pyproject.toml': "[project]\nname = \"billing\"\nversion = \"1.0.0\"\n\n[tool.mypy]\nstrict = true\nexclude = '''(?x)(\n    ^billing/legacy/   # old exporters\n  | _test\\.py$\n)'''\n", ...pySources },
      findings: [{ file: 'pyproject.toml', line: 7, side: 'head', message: 'mypy no longer type-checks 3 files that still exist (excluded by mypy `exclude`): billing/legacy/__init__.py, billing/legacy/export.py, billing/legacy/importer.py' }],
    },
    {
      name: 'mypy: an exclude JavaScript cannot evaluate the same way is unresolvable',
      base: { 'package.json': pyPackage, 'mypy.ini': mypyIni(), ...pySources },
      head: { 'package.json': pyPackage, 'mypy.ini': mypyIni('exclude = (legacy)?(?(1)/export|/import)\n'), ...pySources },
      findings: [{ file: 'mypy.ini', line: 4, side: 'head', severity: 'warn', message: 'Cannot tell which files mypy checks: mypy exclude `(legacy)?(?(1)/export|/import)` is a Python regular expression' }],
    },
    {
      name: 'mypy: a target removed from the gate command',
      base: { 'package.json': pyPackage, 'mypy.ini': mypyIni(), ...pySources },
      head: { 'package.json': pyPackage.replace('mypy billing tests', 'mypy billing'), 'mypy.ini': mypyIni(), ...pySources },
      findings: [{ file: 'package.json', line: 5, side: 'head', message: "mypy no longer type-checks 1 file that still exists (no longer among mypy's targets (billing)): tests/test_invoice.py" }],
    },
    {
      name: 'pyright: exclude and ignore added',
      base: { 'pyrightconfig.json': '{\n  "include": ["billing", "tests"],\n  "typeCheckingMode": "strict"\n}\n', ...pySources },
      head: { 'pyrightconfig.json': '{\n  "include": ["billing", "tests"],\n  "exclude": ["billing/legacy"],\n  // tests are checked by pytest\n  "ignore": ["tests"],\n  "typeCheckingMode": "strict"\n}\n', ...pySources },
      findings: [
        { file: 'pyrightconfig.json', line: 3, side: 'head', message: 'pyright no longer type-checks 3 files that still exist (excluded (`exclude`)): billing/legacy/__init__.py' },
        { file: 'pyrightconfig.json', line: 5, side: 'head', message: 'pyright no longer type-checks 1 file that still exists (its diagnostics are ignored (`ignore`)): tests/test_invoice.py' },
      ],
    },
    {
      name: 'the gate switched to a tsconfig that includes less',
      base: {
        'package.json': `${JSON.stringify({ name: 'api', private: true, scripts: { typecheck: 'tsc --noEmit -p tsconfig.json' } }, null, 2)}\n`,
        'tsconfig.json': '{\n  "compilerOptions": { "strict": true },\n  "include": ["src", "scripts"]\n}\n',
        'tsconfig.build.json': '{\n  "extends": "./tsconfig.json",\n  "include": ["src"]\n}\n',
        'src/server.ts': 'export const port = 3000;\n',
        'scripts/seed.ts': 'export const rows = 10;\n',
      },
      head: {
        'package.json': `${JSON.stringify({ name: 'api', private: true, scripts: { typecheck: 'tsc --noEmit -p tsconfig.build.json' } }, null, 2)}\n`,
        'tsconfig.json': '{\n  "compilerOptions": { "strict": true },\n  "include": ["src", "scripts"]\n}\n',
        'tsconfig.build.json': '{\n  "extends": "./tsconfig.json",\n  "include": ["src"]\n}\n',
        'src/server.ts': 'export const port = 3000;\n',
        'scripts/seed.ts': 'export const rows = 10;\n',
      },
      findings: [{ file: 'package.json', line: 5, side: 'head', message: 'TypeScript (tsc) no longer type-checks 1 file that still exists (the gate now type-checks tsconfig.build.json instead of tsconfig.json, which does not include it): scripts/seed.ts' }],
    },
  ],
});
