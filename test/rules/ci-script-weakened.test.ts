import { ciScriptWeakened } from '../../src/rules/ci/script-weakened.js';
import { ruleTester } from '../helpers/rule-tester.js';

/** A package.json shaped like a real one: scripts on their own lines (line 5 is the first script). */
const pkg = (scripts: Record<string, string>, name = 'shop', extra: Record<string, unknown> = {}): string =>
  `${JSON.stringify({ name, version: '1.4.0', private: true, type: 'module', scripts, devDependencies: { vitest: '^3.2.4', eslint: '^9.30.0', typescript: '^5.8.0' }, ...extra }, null, 2)}\n`;
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

const src = { 'src/cart.ts': 'export const total = (items: number[]) => items.reduce((a, b) => a + b, 0);\n', 'src/cart.test.ts': "import { expect, it } from 'vitest';\nimport { total } from './cart';\nit('adds', () => expect(total([1, 2])).toBe(3));\n" };

const workflow = (run: string): string => `name: CI
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
      - run: npm ci
      - name: Verify
        run: ${run}
`;

const baseScripts = { build: 'tsc -p tsconfig.build.json', lint: 'eslint . --max-warnings 0', typecheck: 'tsc --noEmit', test: 'vitest run --coverage' };

// pnpm monorepo: root `test` runs every workspace's `test`.
const monorepo = (apiTest: string, webTest = 'jest --ci') => ({
  'package.json': pkg({ test: 'pnpm -r test', lint: 'eslint .' }, 'acme', { workspaces: ['packages/*'] }),
  'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
  'packages/api/package.json': pkg({ build: 'tsup', test: apiTest }, '@acme/api'),
  'packages/web/package.json': pkg({ build: 'vite build', test: webTest }, '@acme/web'),
});

const weakPkg = pkg({ ...baseScripts, test: 'vitest run --coverage || true' });
const renamedHead = pkg({ build: baseScripts.build, lint: baseScripts.lint, typecheck: baseScripts.typecheck, 'test:unit': 'vitest run --coverage', test: 'npm run test:unit' });

ruleTester(ciScriptWeakened, {
  valid: [
    { name: 'docs: good example', base: ciScriptWeakened.docs.good.base, head: ciScriptWeakened.docs.good.head },
    { name: 'version bump only', base: { 'package.json': pkg(baseScripts), ...src }, head: { 'package.json': pkg(baseScripts).replace('1.4.0', '1.5.0'), ...src } },
    {
      name: 'scripts reformatted: quotes, spacing, flags reordered, launchers',
      base: { 'package.json': pkg(baseScripts) },
      head: { 'package.json': pkg({ build: 'tsc -p tsconfig.build.json', lint: "npx eslint '.' --max-warnings=0", typecheck: 'pnpm exec tsc  --noEmit', test: 'vitest --coverage run' }) },
    },
    {
      name: '&& chain split into scripts called with npm run',
      base: { 'package.json': pkg({ ci: 'eslint . && tsc --noEmit && vitest run --coverage' }) },
      head: { 'package.json': pkg({ 'ci:lint': 'eslint .', 'ci:types': 'tsc --noEmit', 'ci:unit': 'vitest run --coverage', ci: 'npm run ci:lint && npm run ci:types && npm run ci:unit' }) },
    },
    { name: 'script renamed with its callers updated', base: { 'package.json': pkg({ ...baseScripts, unit: 'vitest run --coverage', test: 'npm run unit' }) }, head: { 'package.json': renamedHead } },
    {
      name: 'gate command moved into another script that CI still runs',
      base: { 'package.json': pkg({ test: 'eslint . && vitest run' }), '.github/workflows/ci.yml': workflow('npm test') },
      head: { 'package.json': pkg({ test: 'vitest run', lint: 'eslint .' }), '.github/workflows/ci.yml': workflow('npm run lint && npm test') },
    },
    { name: '--passWithNoTests on a script that is not a gate', base: { 'package.json': pkg({ ...baseScripts, 'dev:watch': 'vitest' }) }, head: { 'package.json': pkg({ ...baseScripts, 'dev:watch': 'vitest --passWithNoTests' }) } },
    { name: '|| true on a non-gate command', base: { 'package.json': pkg({ ...baseScripts, build: 'rm -rf dist && tsc -p tsconfig.build.json' }) }, head: { 'package.json': pkg({ ...baseScripts, build: 'rm -rf dist || true; tsc -p tsconfig.build.json' }) } },
    { name: 'a strengthening flag added', base: { 'package.json': pkg({ ...baseScripts, test: 'vitest run' }) }, head: { 'package.json': pkg({ ...baseScripts, test: 'vitest run --coverage' }) } },
    { name: 'monorepo: workspace test scripts reformatted', base: monorepo('vitest run'), head: monorepo('npx vitest run') },
    {
      name: 'a script CI calls renamed, with the workflow updated',
      base: { 'package.json': pkg({ unit: 'vitest run --coverage' }), '.github/workflows/ci.yml': workflow('npm run unit') },
      head: { 'package.json': pkg({ 'test:unit': 'vitest run --coverage' }), '.github/workflows/ci.yml': workflow('npm run test:unit') },
    },
    {
      name: 'a workspace package moved to another folder',
      base: monorepo('vitest run'),
      head: { ...Object.fromEntries(Object.entries(monorepo('vitest run')).filter(([path]) => !path.startsWith('packages/api/'))), 'services/api/package.json': monorepo('vitest run')['packages/api/package.json'] },
    },
    {
      name: 'a workspace package deleted with its tests (left to tests/deleted)',
      base: monorepo('vitest run'),
      head: Object.fromEntries(Object.entries(monorepo('vitest run')).filter(([path]) => !path.startsWith('packages/api/'))),
    },
    {
      name: 'run-s and concurrently call the same gates as the chain they replace',
      base: { 'package.json': pkg({ check: 'eslint . && tsc --noEmit && vitest run' }) },
      head: { 'package.json': pkg({ 'check:lint': 'eslint .', 'check:types': 'tsc --noEmit', 'check:unit': 'vitest run', check: 'run-s check:lint check:types && concurrently "npm:check:unit"' }) },
    },
  ],
  invalid: [
    { name: 'docs: bad example', base: ciScriptWeakened.docs.bad.base, head: ciScriptWeakened.docs.bad.head, findings: [{ file: 'package.json', message: 'made non-failing with `|| true`' }] },
    {
      name: 'test made non-failing with || true, at the script line, before/after the script text',
      base: { 'package.json': pkg(baseScripts), ...src },
      head: { 'package.json': weakPkg, ...src },
      findings: [{ file: 'package.json', line: lineOf(weakPkg, '"test"'), side: 'head', severity: 'block', message: /Script `test`: `vitest run --coverage` made non-failing with `\|\| true`/, before: 'vitest run --coverage', after: 'vitest run --coverage || true' }],
    },
    {
      name: 'lint neutralised with echo, typecheck with exit 0',
      base: { 'package.json': pkg(baseScripts) },
      head: { 'package.json': pkg({ ...baseScripts, lint: 'echo "lint disabled for now"', typecheck: 'exit 0' }) },
      findings: [
        { file: 'package.json', message: /`lint`: `eslint \. --max-warnings 0` \(lint\) was replaced by `echo "lint disabled for now"`/ },
        { file: 'package.json', message: /`typecheck`: `tsc --noEmit` \(typecheck\) was replaced by `exit 0`/ },
      ],
    },
    {
      name: 'narrowed to a path and a test name; --coverage dropped',
      base: { 'package.json': pkg(baseScripts) },
      head: { 'package.json': pkg({ ...baseScripts, test: 'vitest run src/cart -t "adds"' }) },
      findings: [
        { file: 'package.json', message: 'lost `--coverage`' },
        { file: 'package.json', message: 'runs on `src/cart` only' },
        { file: 'package.json', message: 'runs only what `-t adds` selects' },
      ],
    },
    {
      // ESLint's --max-warnings is part of its effective configuration: lint/scope-narrowed reports it, once.
      name: '--max-warnings raised (left to lint/scope-narrowed), --passWithNoTests added',
      base: { 'package.json': pkg(baseScripts) },
      head: { 'package.json': pkg({ ...baseScripts, lint: 'eslint . --max-warnings 50', test: 'vitest run --coverage --passWithNoTests' }) },
      findings: [{ file: 'package.json', message: 'gained `--passWithNoTests`' }],
    },
    {
      name: 'weakened in a script the CI step calls (not a gate by name), reported once at that script',
      base: { 'package.json': pkg({ 'verify:all': 'npm run unit', unit: 'vitest run' }), '.github/workflows/ci.yml': workflow('npm run unit') },
      head: { 'package.json': pkg({ 'verify:all': 'npm run unit', unit: 'vitest run; exit 0' }), '.github/workflows/ci.yml': workflow('npm run unit') },
      findings: [{ file: 'package.json', message: 'Script `unit`: `vitest run` made non-failing with `; exit 0`' }],
    },
    {
      name: 'gate removed from the only script that ran it',
      base: { 'package.json': pkg({ test: 'tsc --noEmit && vitest run' }) },
      head: { 'package.json': pkg({ test: 'vitest run', typecheck: 'echo ok' }) },
      findings: [{ file: 'package.json', message: '`tsc --noEmit` (typecheck) no longer runs' }],
    },
    {
      name: 'lint script deleted and nothing else runs eslint: reported at the base line',
      base: { 'package.json': pkg(baseScripts) },
      head: { 'package.json': pkg({ build: baseScripts.build, typecheck: baseScripts.typecheck, test: baseScripts.test }) },
      findings: [{ file: 'package.json', side: 'base', line: lineOf(pkg(baseScripts), '"lint"'), message: 'Script `lint` was removed: `eslint . --max-warnings 0` (lint) no longer runs in any gate script, workflow step or hook', after: '(removed)' }],
    },
    {
      name: 'yarn and bash -c: a called script made non-failing inside bash -c',
      base: { 'package.json': pkg({ test: 'yarn unit', unit: 'bash -c "vitest run"' }) },
      head: { 'package.json': pkg({ test: 'yarn unit', unit: 'bash -c "vitest run || echo failed"' }) },
      findings: [{ file: 'package.json', message: 'Script `unit`: `vitest run` made non-failing with `|| echo failed`' }],
    },
    {
      name: 'monorepo: a workspace test script weakened is reported in its package.json',
      base: monorepo('vitest run'),
      head: monorepo('vitest run --passWithNoTests'),
      findings: [{ file: 'packages/api/package.json', message: 'gained `--passWithNoTests`' }],
    },
    {
      name: 'turbo: root runs every workspace test; a workspace test narrowed with a name filter',
      base: { ...monorepo('vitest run'), 'package.json': pkg({ test: 'turbo run test' }, 'acme', { workspaces: ['packages/*'] }) },
      head: { ...monorepo('vitest run'), 'package.json': pkg({ test: 'turbo run test' }, 'acme', { workspaces: ['packages/*'] }), 'packages/web/package.json': pkg({ build: 'vite build', test: 'jest --ci -t smoke' }, '@acme/web') },
      findings: [{ file: 'packages/web/package.json', message: 'Script `test`: `jest --ci -t smoke` runs only what `-t smoke` selects' }],
    },
    {
      name: 'a script that no longer parses is unresolvable (warn)',
      base: { 'package.json': pkg(baseScripts) },
      head: { 'package.json': pkg({ ...baseScripts, test: 'if vitest run; then' }) },
      findings: [{ file: 'package.json', severity: 'warn', message: 'cannot be parsed' }],
    },
  ],
});
