import { typesStrictnessLowered } from '../../src/rules/types/strictness-lowered.js';
import { ruleTester } from '../helpers/rule-tester.js';

// ─── A pnpm/npm-workspaces monorepo: solution tsconfig with references, a shared base, two packages ───

const rootPackage = `${JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'], scripts: { typecheck: 'tsc -b', test: 'vitest run' }, devDependencies: { typescript: '5.9.3' } }, null, 2)}\n`;

const solution = `{
  // Solution file: builds every package through its references.
  "files": [],
  "references": [
    { "path": "./packages/core" },
    { "path": "./packages/web" },
  ],
}
`;

const strictBase = `{
  "compilerOptions": {
    "target": "ES2022",
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "noImplicitOverride": true,
    "composite": true,
    "declaration": true,
  },
}
`;

const pkgConfig = (extra = '', references = ''): string => `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "outDir": "dist",
    "rootDir": "src"${extra}
  },
  "include": ["src"]${references}
}
`;

const sources = {
  'packages/core/package.json': `${JSON.stringify({ name: '@acme/core', version: '1.0.0', main: 'dist/index.js' }, null, 2)}\n`,
  'packages/core/src/index.ts': 'export const money = (cents: number): string => (cents / 100).toFixed(2);\n',
  'packages/web/package.json': `${JSON.stringify({ name: '@acme/web', version: '1.0.0', dependencies: { '@acme/core': 'workspace:*' } }, null, 2)}\n`,
  'packages/web/src/app.ts': "import { money } from '@acme/core';\nexport const label = (cents: number): string => `$${money(cents)}`;\n",
};

const monorepo = (overrides: Record<string, string | null> = {}): Record<string, string | null> => ({
  'package.json': rootPackage,
  'tsconfig.json': solution,
  'tsconfig.base.json': strictBase,
  'packages/core/tsconfig.json': pkgConfig(),
  'packages/web/tsconfig.json': pkgConfig('', ',\n  "references": [{ "path": "../core" }]'),
  ...sources,
  ...overrides,
});

const webWith = (extra: string): string => pkgConfig(extra, ',\n  "references": [{ "path": "../core" }]');

const single = (config: string, extra: Record<string, string> = {}): Record<string, string | null> => ({
  'package.json': `${JSON.stringify({ name: 'api', private: true, scripts: { typecheck: 'tsc --noEmit -p tsconfig.json' } }, null, 2)}\n`,
  'tsconfig.json': config,
  'src/server.ts': 'export const port = Number(process.env.PORT ?? 3000);\n',
  ...extra,
});

const allStrictFlags = ['alwaysStrict', 'noImplicitAny', 'noImplicitThis', 'strictBindCallApply', 'strictBuiltinIteratorReturn', 'strictFunctionTypes', 'strictNullChecks', 'strictPropertyInitialization', 'useUnknownInCatchVariables'];

// ─── Python ───

const mypyIni = (body: string): string => `# mypy configuration for the billing service\n[mypy]\npython_version = 3.12\nfiles = billing\n${body}`;
const pySources = {
  'billing/__init__.py': '',
  'billing/invoice.py': 'def total(lines: list[int]) -> int:\n    return sum(lines)\n',
  'billing/legacy/__init__.py': '',
  'billing/legacy/export.py': 'def export(rows):\n    return rows\n',
};
const pyproject = (tables: string): string => `[project]\nname = "billing"\nversion = "1.0.0"\nrequires-python = ">=3.12"\n\n${tables}`;

ruleTester(typesStrictnessLowered, {
  valid: [
    { name: 'docs: good example', base: typesStrictnessLowered.docs.good.base, head: typesStrictnessLowered.docs.good.head },
    {
      name: 'monorepo: tsconfig reformatted (comments, key order, trailing commas) with the same values',
      base: monorepo(),
      head: monorepo({
        'tsconfig.base.json': '{\n  // strict everywhere\n  "compilerOptions": { "composite": true, "declaration": true, "noImplicitOverride": true, "noUncheckedIndexedAccess": true, "strict": true, "target": "ES2022" }\n}\n',
      }),
    },
    {
      name: 'monorepo: strict moved from the package into the base config, same effective values',
      base: monorepo({
        'tsconfig.base.json': '{\n  "compilerOptions": { "target": "ES2022", "noUncheckedIndexedAccess": true, "noImplicitOverride": true, "composite": true, "declaration": true }\n}\n',
        'packages/core/tsconfig.json': pkgConfig(',\n    "strict": true'),
        'packages/web/tsconfig.json': webWith(',\n    "strict": true'),
      }),
      head: monorepo(),
    },
    {
      name: 'strict: false with every flag it implies set explicitly',
      base: single('{\n  "compilerOptions": { "strict": true, "noEmit": true },\n  "include": ["src"]\n}\n'),
      head: single(`{\n  "compilerOptions": {\n    "strict": false,\n${allStrictFlags.map((flag) => `    "${flag}": true,`).join('\n')}\n    "noEmit": true\n  },\n  "include": ["src"]\n}\n`),
    },
    {
      name: 'flags tightened: noImplicitReturns added, skipLibCheck turned off, allowUnreachableCode false',
      base: single('{\n  "compilerOptions": { "strict": true, "skipLibCheck": true },\n  "include": ["src"]\n}\n'),
      head: single('{\n  "compilerOptions": { "strict": true, "skipLibCheck": false, "noImplicitReturns": true, "allowUnreachableCode": false },\n  "include": ["src"]\n}\n'),
    },
    {
      name: 'published base swapped for an in-repo copy with the same options',
      base: single('{\n  "extends": "@tsconfig/strictest/tsconfig.json",\n  "include": ["src"]\n}\n'),
      head: single('{\n  "extends": "./configs/strictest.json",\n  "include": ["src"]\n}\n', {
        'configs/strictest.json': `{\n  "compilerOptions": {\n    "strict": true,\n    "allowUnusedLabels": false,\n    "allowUnreachableCode": false,\n    "exactOptionalPropertyTypes": true,\n    "noFallthroughCasesInSwitch": true,\n    "noImplicitOverride": true,\n    "noImplicitReturns": true,\n    "noPropertyAccessFromIndexSignature": true,\n    "noUncheckedIndexedAccess": true,\n    "noUnusedLocals": true,\n    "noUnusedParameters": true,\n    "isolatedModules": true,\n    "esModuleInterop": true,\n    "skipLibCheck": true\n  }\n}\n`,
      }),
    },
    {
      name: 'extends a workspace package by name (package.json "tsconfig" field) with the same options',
      base: single('{\n  "extends": "./tsconfig.shared.json",\n  "include": ["src"]\n}\n', { 'tsconfig.shared.json': '{ "compilerOptions": { "strict": true, "noUncheckedIndexedAccess": true } }\n' }),
      head: single('{\n  "extends": "@acme/tsconfig",\n  "include": ["src"]\n}\n', {
        'tools/tsconfig/package.json': '{ "name": "@acme/tsconfig", "version": "0.0.0", "tsconfig": "strict.json" }\n',
        'tools/tsconfig/strict.json': '{ "compilerOptions": { "strict": true, "noUncheckedIndexedAccess": true } }\n',
      }),
    },
    {
      name: 'mypy: configuration moved from mypy.ini to pyproject.toml with the same values',
      base: { 'mypy.ini': mypyIni('strict = True\nwarn_unreachable = True\n\n[mypy-billing.legacy.*]\ndisallow_untyped_defs = False\n'), 'pyproject.toml': pyproject(''), ...pySources },
      head: {
        'pyproject.toml': pyproject('[tool.mypy]\npython_version = "3.12"\nfiles = ["billing"]\nstrict = true\nwarn_unreachable = true\n\n[[tool.mypy.overrides]]\nmodule = "billing.legacy.*"\ndisallow_untyped_defs = false\n'),
        ...pySources,
      },
    },
    {
      name: 'mypy and pyright tightened',
      base: { 'mypy.ini': mypyIni('check_untyped_defs = True\n'), 'pyrightconfig.json': '{\n  "typeCheckingMode": "basic",\n  "reportMissingImports": "warning"\n}\n', ...pySources },
      head: { 'mypy.ini': mypyIni('strict = True\n'), 'pyrightconfig.json': '{\n  "typeCheckingMode": "strict",\n  "reportMissingImports": "error",\n}\n', ...pySources },
    },
    {
      name: 'tsconfig renamed, with the gate command following it',
      base: single('{\n  "compilerOptions": { "strict": true, "noEmit": true },\n  "include": ["src"]\n}\n'),
      head: {
        ...single('{}'),
        'tsconfig.json': null,
        'tsconfig.app.json': '{\n  "compilerOptions": { "strict": true, "noEmit": true },\n  "include": ["src"]\n}\n',
        'package.json': `${JSON.stringify({ name: 'api', private: true, scripts: { typecheck: 'tsc --noEmit -p tsconfig.app.json' } }, null, 2)}\n`,
      },
    },
    {
      name: 'mypy: --strict moved from the gate command into mypy.ini',
      base: { 'package.json': `${JSON.stringify({ name: 'billing', private: true, scripts: { typecheck: 'mypy --strict billing' } }, null, 2)}\n`, ...pySources },
      head: { 'package.json': `${JSON.stringify({ name: 'billing', private: true, scripts: { typecheck: 'mypy billing' } }, null, 2)}\n`, 'mypy.ini': '[mypy]\nstrict = True\n', ...pySources },
    },
    {
      name: 'TypeScript 6: strict: true removed, as strict is on by default',
      base: { ...single('{\n  "compilerOptions": { "strict": true, "noEmit": true },\n  "include": ["src"]\n}\n'), 'package.json': `${JSON.stringify({ name: 'api', private: true, scripts: { typecheck: 'tsc --noEmit' }, devDependencies: { typescript: '^6.0.2' } }, null, 2)}\n` },
      head: { ...single('{\n  "compilerOptions": { "noEmit": true },\n  "include": ["src"]\n}\n'), 'package.json': `${JSON.stringify({ name: 'api', private: true, scripts: { typecheck: 'tsc --noEmit' }, devDependencies: { typescript: '^6.0.2' } }, null, 2)}\n` },
    },
    {
      name: 'not strictness by decision: isolatedModules and verbatimModuleSyntax removed, allowJs turned on without checkJs',
      base: single('{\n  "compilerOptions": { "strict": true, "isolatedModules": true, "verbatimModuleSyntax": true },\n  "include": ["src"]\n}\n'),
      head: single('{\n  "compilerOptions": { "strict": true, "allowJs": true },\n  "include": ["src"]\n}\n'),
    },
    {
      name: 'pyright: an explicit rule level removed where the mode default is the same',
      base: { 'pyrightconfig.json': '{\n  "typeCheckingMode": "standard",\n  "reportMissingImports": "error"\n}\n', ...pySources },
      head: { 'pyrightconfig.json': '{\n  "typeCheckingMode": "standard"\n}\n', ...pySources },
    },
  ],
  invalid: [
    {
      name: 'docs: bad example',
      base: typesStrictnessLowered.docs.bad.base,
      head: typesStrictnessLowered.docs.bad.head,
      findings: [{ file: 'tsconfig.json', line: 4, side: 'head', message: 'strictNullChecks turned off in tsconfig.json (was true via strict in tsconfig.json:3; now false in tsconfig.json:4)' }],
    },
    {
      name: 'monorepo: strict: false in one package is one finding on that line, naming every implied flag',
      base: monorepo(),
      head: monorepo({ 'packages/web/tsconfig.json': webWith(',\n    "strict": false') }),
      findings: [
        {
          file: 'packages/web/tsconfig.json',
          line: 6,
          side: 'head',
          severity: 'block',
          message: `strict no longer applies in packages/web/tsconfig.json: ${allStrictFlags.join(', ')} turned off (was true via strict in tsconfig.base.json:4; now false via strict in packages/web/tsconfig.json:6)`,
          before: 'strictNullChecks: true via strict in tsconfig.base.json:4',
        },
      ],
    },
    {
      name: 'monorepo: a flag removed from the shared base loosens every package (reported at the removed base line)',
      base: monorepo(),
      head: monorepo({ 'tsconfig.base.json': strictBase.replace('    "noUncheckedIndexedAccess": true,\n', '') }),
      findings: [
        { file: 'tsconfig.base.json', line: 5, side: 'base', message: 'noUncheckedIndexedAccess turned off in packages/core/tsconfig.json (was true in tsconfig.base.json:5; now false by default in TypeScript 5)' },
        { file: 'tsconfig.base.json', line: 5, side: 'base', message: 'noUncheckedIndexedAccess turned off in packages/web/tsconfig.json' },
      ],
    },
    {
      name: 'skipLibCheck turned on and noEmitOnError turned off on the command line of the gate',
      base: { ...single('{\n  "compilerOptions": { "strict": true, "noEmitOnError": true },\n  "include": ["src"]\n}\n') },
      head: {
        ...single('{\n  "compilerOptions": { "strict": true },\n  "include": ["src"]\n}\n'),
        'package.json': `${JSON.stringify({ name: 'api', private: true, scripts: { typecheck: 'tsc --noEmit -p tsconfig.json --skipLibCheck' } }, null, 2)}\n`,
      },
      findings: [
        { file: 'package.json', line: 5, side: 'head', message: 'skipLibCheck turned on in tsconfig.json (was false by default; now true in package.json:5)' },
        { file: 'tsconfig.json', line: 2, side: 'base', message: 'noEmitOnError turned off in tsconfig.json (was true in tsconfig.json:2; now false by default)' },
      ],
    },
    {
      name: 'extends @tsconfig/strictest changed to @tsconfig/recommended: the flags only strictest sets, at the extends line',
      base: single('{\n  "extends": "@tsconfig/strictest/tsconfig.json",\n  "compilerOptions": { "noEmit": true },\n  "include": ["src"]\n}\n'),
      head: single('{\n  "extends": "@tsconfig/recommended/tsconfig.json",\n  "compilerOptions": { "noEmit": true },\n  "include": ["src"]\n}\n'),
      findings: [
        {
          file: 'tsconfig.json',
          line: 2,
          side: 'head',
          message: /^10 type-checking flags loosened in tsconfig\.json: .*noUncheckedIndexedAccess turned off \(was true in tsconfig\.json:2 from @tsconfig\/strictest@2\.0\.0; now false by default\)/,
          after: 'exactOptionalPropertyTypes: false by default',
        },
      ],
    },
    {
      name: 'extends an unknown package: reported as unresolvable, not assumed',
      base: single('{\n  "extends": "@tsconfig/strictest",\n  "include": ["src"]\n}\n'),
      head: single('{\n  "extends": "@acme/tsconfig-relaxed/tsconfig.json",\n  "include": ["src"]\n}\n'),
      findings: [
        {
          file: 'tsconfig.json',
          line: 2,
          side: 'head',
          severity: 'warn',
          message: "Cannot resolve extends `@acme/tsconfig-relaxed/tsconfig.json` in tsconfig.json (package @acme/tsconfig-relaxed is neither in the repository nor in Gatehouse's table of published bases)",
        },
      ],
    },
    {
      name: 'extends array: a later entry overrides an earlier one, so swapping the order loosens',
      base: single('{\n  "extends": ["./configs/relaxed.json", "./configs/strict.json"],\n  "include": ["src"]\n}\n', {
        'configs/relaxed.json': '{ "compilerOptions": { "strict": false, "skipLibCheck": true } }\n',
        'configs/strict.json': '{\n  "compilerOptions": {\n    "strict": true,\n    "skipLibCheck": false\n  }\n}\n',
      }),
      head: single('{\n  "extends": ["./configs/strict.json", "./configs/relaxed.json"],\n  "include": ["src"]\n}\n', {
        'configs/relaxed.json': '{ "compilerOptions": { "strict": false, "skipLibCheck": true } }\n',
        'configs/strict.json': '{\n  "compilerOptions": {\n    "strict": true,\n    "skipLibCheck": false\n  }\n}\n',
      }),
      findings: [{ file: 'configs/relaxed.json', line: 1, side: 'head', message: /^10 type-checking flags loosened in tsconfig\.json: .*skipLibCheck turned on \(was false in configs\/strict\.json:4; now true in configs\/relaxed\.json:1\)/ }],
    },
    {
      name: 'allowUnreachableCode from false to unset (an editor hint instead of an error)',
      base: single('{\n  "compilerOptions": {\n    "strict": true,\n    "allowUnreachableCode": false\n  },\n  "include": ["src"]\n}\n'),
      head: single('{\n  "compilerOptions": {\n    "strict": true\n  },\n  "include": ["src"]\n}\n'),
      findings: [{ file: 'tsconfig.json', line: 4, side: 'base', message: 'allowUnreachableCode loosened to unset in tsconfig.json (was false in tsconfig.json:4; now unset by default)' }],
    },
    {
      name: 'mypy: strict = True removed',
      base: { 'mypy.ini': mypyIni('strict = True\nwarn_unreachable = True\n'), ...pySources },
      head: { 'mypy.ini': mypyIni('warn_unreachable = True\n'), ...pySources },
      findings: [{ file: 'mypy.ini', line: 5, side: 'base', message: /^mypy strict no longer applies: disallow_any_generics, .*warn_unused_configs, strict_equality, extra_checks, implicit_reexport loosened \(was true via strict in mypy\.ini:5; now false by default\)/ }],
    },
    {
      name: 'mypy: a per-module override turns disallow_untyped_defs off for the legacy package (pyproject.toml)',
      base: { 'pyproject.toml': pyproject('[tool.mypy]\nfiles = ["billing"]\ndisallow_untyped_defs = true\n'), ...pySources },
      head: { 'pyproject.toml': pyproject('[tool.mypy]\nfiles = ["billing"]\ndisallow_untyped_defs = true\n\n[[tool.mypy.overrides]]\nmodule = ["billing.legacy.*"]\ndisallow_untyped_defs = false\nignore_missing_imports = true\n'), ...pySources },
      findings: [
        { file: 'pyproject.toml', line: 12, side: 'head', message: 'mypy disallow_untyped_defs loosened for modules billing.legacy.* (was true in pyproject.toml:8; now false in pyproject.toml:12)' },
        { file: 'pyproject.toml', line: 13, side: 'head', message: 'mypy ignore_missing_imports loosened for modules billing.legacy.*' },
      ],
    },
    {
      name: 'mypy: an error code disabled (setup.cfg)',
      base: { 'setup.cfg': '[metadata]\nname = billing\n\n[mypy]\nfiles = billing\nstrict = True\n', ...pySources },
      head: { 'setup.cfg': '[metadata]\nname = billing\n\n[mypy]\nfiles = billing\nstrict = True\ndisable_error_code = arg-type, union-attr\n', ...pySources },
      findings: [{ file: 'setup.cfg', line: 7, side: 'head', message: 'mypy disable_error_code loosened (now disabled: arg-type, union-attr) for all modules' }],
    },
    {
      name: 'pyright: typeCheckingMode strict → basic',
      base: { 'pyrightconfig.json': '{\n  "include": ["billing"],\n  "typeCheckingMode": "strict"\n}\n', ...pySources },
      head: { 'pyrightconfig.json': '{\n  "include": ["billing"],\n  "typeCheckingMode": "basic"\n}\n', ...pySources },
      findings: [{ file: 'pyrightconfig.json', line: 3, side: 'head', message: 'pyright typeCheckingMode lowered from strict to basic in pyrightconfig.json', before: 'typeCheckingMode: strict', after: 'typeCheckingMode: basic' }],
    },
    {
      name: 'pyright: reportMissingImports error → warning, and a strict path removed ([tool.pyright])',
      base: { 'pyproject.toml': pyproject('[tool.pyright]\ninclude = ["billing"]\nstrict = ["billing/invoice.py"]\nreportMissingImports = "error"\n'), ...pySources },
      head: { 'pyproject.toml': pyproject('[tool.pyright]\ninclude = ["billing"]\nstrict = []\nreportMissingImports = "warning"\n'), ...pySources },
      findings: [
        { file: 'pyproject.toml', line: 8, side: 'head', message: 'pyright no longer checks billing/invoice.py in strict mode' },
        { file: 'pyproject.toml', line: 9, side: 'head', message: 'pyright reportMissingImports loosened in pyproject.toml (was "error" in pyproject.toml:9; now "warning" in pyproject.toml:9)' },
      ],
    },
    {
      name: 'basedpyright: a rule turned off with false, relative to the default recommended mode',
      base: { 'pyproject.toml': pyproject('[tool.basedpyright]\ntypeCheckingMode = "all"\n'), ...pySources },
      head: { 'pyproject.toml': pyproject('[tool.basedpyright]\ntypeCheckingMode = "all"\nreportAny = false\n'), ...pySources },
      findings: [{ file: 'pyproject.toml', line: 8, side: 'head', message: 'basedpyright reportAny loosened in pyproject.toml (was "error" by default in all mode; now "none" in pyproject.toml:8)' }],
    },
    {
      name: 'the gate switched to a looser tsconfig of the same folder',
      base: single('{\n  "compilerOptions": { "strict": true, "noEmit": true },\n  "include": ["src"]\n}\n', { 'tsconfig.loose.json': '{\n  "compilerOptions": { "noEmit": true },\n  "include": ["src"]\n}\n' }),
      head: {
        ...single('{\n  "compilerOptions": { "strict": true, "noEmit": true },\n  "include": ["src"]\n}\n', { 'tsconfig.loose.json': '{\n  "compilerOptions": { "noEmit": true },\n  "include": ["src"]\n}\n' }),
        'package.json': `${JSON.stringify({ name: 'api', private: true, scripts: { typecheck: 'tsc --noEmit -p tsconfig.loose.json' } }, null, 2)}\n`,
      },
      findings: [{ file: 'tsconfig.json', line: 2, side: 'base', message: /^strict no longer applies in tsconfig\.loose\.json: alwaysStrict, .* turned off \(was true via strict in tsconfig\.json:2; now false by default\)/ }],
    },
    {
      name: 'pyright configuration deleted: back to the default standard mode',
      base: { 'pyrightconfig.json': '{\n  "typeCheckingMode": "strict"\n}\n', ...pySources },
      head: { ...pySources },
      findings: [{ file: 'pyrightconfig.json', line: 2, side: 'base', message: 'pyright typeCheckingMode lowered from strict to standard in pyrightconfig.json' }],
    },
    {
      name: 'pyright extends another config: what it inherits is unresolvable, not assumed',
      base: { 'pyrightconfig.json': '{\n  "typeCheckingMode": "strict"\n}\n', ...pySources },
      head: { 'pyrightconfig.json': '{\n  "extends": "../shared/pyrightconfig.base.json"\n}\n', ...pySources },
      findings: [{ file: 'pyrightconfig.json', line: 2, side: 'head', severity: 'warn', message: "Cannot resolve extends `../shared/pyrightconfig.base.json` in pyrightconfig.json (pyright's extends is not followed" }],
    },
    {
      name: 'mypy: --strict dropped and --no-strict-optional added on the gate command (GitHub workflow)',
      base: { '.github/workflows/types.yml': 'name: types\non: [pull_request]\njobs:\n  mypy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: uv run mypy --strict billing\n', ...pySources },
      head: { '.github/workflows/types.yml': 'name: types\non: [pull_request]\njobs:\n  mypy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: uv run mypy --no-strict-optional billing\n', ...pySources },
      findings: [
        { file: '.github/workflows/types.yml', line: 8, side: 'base', message: /^mypy strict no longer applies: disallow_any_generics, .* \(was true via strict in \.github\/workflows\/types\.yml:8; now false by default\)/ },
        { file: '.github/workflows/types.yml', line: 8, side: 'head', message: 'mypy strict_optional loosened for all modules (was true by default; now false in .github/workflows/types.yml:8)' },
      ],
    },
    {
      name: 'TypeScript downgraded from 6 to 5 with strict unset: the defaults loosen, reported at the version line',
      base: { ...single('{\n  "compilerOptions": { "noEmit": true },\n  "include": ["src"]\n}\n'), 'package.json': `${JSON.stringify({ name: 'api', private: true, scripts: { typecheck: 'tsc --noEmit' }, devDependencies: { typescript: '^6.0.2' } }, null, 2)}\n` },
      head: { ...single('{\n  "compilerOptions": { "noEmit": true },\n  "include": ["src"]\n}\n'), 'package.json': `${JSON.stringify({ name: 'api', private: true, scripts: { typecheck: 'tsc --noEmit' }, devDependencies: { typescript: '~5.9.3' } }, null, 2)}\n` },
      findings: [{ file: 'package.json', line: 8, side: 'head', message: /^10 type-checking flags loosened in tsconfig\.json: alwaysStrict turned off \(was true by default in TypeScript 6; now false by default in TypeScript 5\)/ }],
    },
    {
      name: 'a gated tsconfig that no longer parses is unresolvable',
      base: single('{\n  "compilerOptions": { "strict": true },\n  "include": ["src"]\n}\n'),
      head: single('{\n  "compilerOptions": { "strict": true }\n  "include": ["src"]\n}\n'),
      findings: [{ file: 'tsconfig.json', line: 3, side: 'head', severity: 'warn', message: 'Cannot resolve tsconfig `tsconfig.json` in tsconfig.json (cannot be parsed (CommaExpected))' }],
    },
  ],
});
