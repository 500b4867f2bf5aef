import { beforeAll, describe, expect, it } from 'vitest';
import { compareGateScripts, gateCommands, gateKindOfScriptName, loadShellParser, type ScriptInput, type ScriptScope } from '../../../src/inspect/gates/gate-commands.js';

beforeAll(async () => {
  await loadShellParser();
});

/** A scope over package.json scripts by directory. */
function scope(packages: Record<string, Record<string, string>>, dir = ''): ScriptScope {
  return {
    dir,
    packageScripts: (at) => (packages[at] ? new Map(Object.entries(packages[at])) : null),
    workspaceDirs: (at) => Object.keys(packages).filter((d) => d !== at && (at === '' || d.startsWith(`${at}/`))).sort(),
  };
}
const input = (script: string, packages: Record<string, Record<string, string>> = {}, extra: Partial<ScriptInput> = {}): ScriptInput => ({ script, firstLine: 1, scope: scope(packages), ...extra });
const gates = (script: string, packages: Record<string, Record<string, string>> = {}) => gateCommands(input(script, packages)).map((g) => `${g.kind}:${g.tool}${g.masked ? ` (${g.masked.how})` : ''}`);
const compare = (base: string, head: string, basePackages: Record<string, Record<string, string>> = {}, headPackages = basePackages) =>
  compareGateScripts(input(base, basePackages), input(head, headPackages)).map((w) => `${w.how} ${w.key}`);

describe('gateCommands', () => {
  it('classifies tools through launchers, wrappers and subcommands', () => {
    expect(gates('npx vitest run --coverage && pnpm exec eslint . && yarn tsc --noEmit')).toEqual(['test:vitest', 'lint:eslint', 'typecheck:tsc']);
    expect(gates('cross-env CI=1 jest --ci; python -m pytest -q')).toEqual(['test:jest (not-last)', 'test:pytest']);
    expect(gates('c8 --check-coverage vitest run')).toEqual(['coverage:c8', 'test:vitest']);
    expect(gates('coverage run -m pytest && coverage report --fail-under=90')).toEqual(['coverage:coverage', 'test:pytest', 'coverage:coverage']);
    expect(gates('node --test test/ && node scripts/build.mjs')).toEqual(['test:node --test']);
    expect(gates('go test ./... && cargo clippy -- -D warnings && ruff check . && ruff format --check .')).toEqual(['test:go test', 'lint:cargo clippy', 'lint:ruff', 'format:ruff format']);
    expect(gates('playwright test && cypress run && vite build && gatehouse audit')).toEqual(['e2e:playwright', 'e2e:cypress', 'build:vite build', 'gatehouse:gatehouse']);
    // Not gates: rewriting formatters, echo, a tool name as an argument.
    expect(gates('prettier --write . && echo vitest run && rm -rf dist || true')).toEqual([]);
    expect(gates('prettier --check .')).toEqual(['format:prettier']);
    // A shell run with -c: its string is read as a script.
    expect(gates(`bash -c "vitest run || true" && sh -ec 'eslint .; tsc'`)).toEqual(['test:vitest (or)', 'lint:eslint', 'typecheck:tsc']);
  });

  it('follows package scripts transitively, with the caller line and masking', () => {
    const packages = { '': { lint: 'eslint .', unit: 'vitest run', test: 'npm run lint && npm run unit -- --coverage' } };
    const found = gateCommands(input('npm test || true', packages, { firstLine: 7 }));
    expect(found.map((g) => [g.tool, g.line, g.masked?.how ?? null, g.via.map((v) => v.name).join('>'), g.args.join(' ')])).toEqual([
      ['eslint', 7, 'or', 'test>lint', '.'],
      ['vitest', 7, 'or', 'test>unit', '--coverage'],
    ]);
  });

  it('follows recursive workspace runs and cd', () => {
    const packages = { '': { test: 'pnpm -r test' }, 'packages/a': { test: 'vitest run' }, 'packages/b': { test: 'jest' }, 'packages/c': { build: 'tsup' } };
    expect(gates('pnpm -r test', packages)).toEqual(['test:vitest', 'test:jest']);
    expect(gates('turbo run test', packages)).toEqual(['test:vitest', 'test:jest']);
    expect(gates('cd packages/b && npm test', packages)).toEqual(['test:jest']);
    expect(gates('run-s test lint', { '': { test: 'vitest run', lint: 'eslint .' } })).toEqual(['test:vitest', 'lint:eslint']);
    expect(gateCommands({ script: 'pnpm -r test', firstLine: 1, scope: { dir: '', packageScripts: () => null } }).map((g) => g.tool)).toEqual(['workspaces:test']);
  });
});

describe('gateKindOfScriptName', () => {
  it('names gate scripts by name, with their pre/post scripts', () => {
    expect(['test', 'test:unit', 'lint:css', 'typecheck', 'type-check', 'check', 'ci', 'verify', 'validate', 'pretest', 'postlint', 'format:check', 'e2e'].map(gateKindOfScriptName)).toEqual(['test', 'test', 'lint', 'typecheck', 'typecheck', 'test', 'test', 'test', 'test', 'test', 'lint', 'format', 'e2e']);
    expect(['build', 'dev', 'format', 'prepare', 'prebuild', 'release', 'start'].map(gateKindOfScriptName)).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('compareGateScripts: weakenings', () => {
  it('non-failing: || true, ; exit 0, || echo, passWithNoTests, exit-zero, max-warnings', () => {
    expect(compare('vitest run', 'vitest run || true')).toEqual(['non-failing test:vitest:non-failing']);
    expect(compare('vitest run', 'vitest run; exit 0')).toEqual(['non-failing test:vitest:non-failing']);
    expect(compare('eslint . && vitest run', 'eslint . || echo lint failed; vitest run')).toEqual(['non-failing lint:eslint:non-failing']);
    expect(compare('jest --ci', 'jest --ci --passWithNoTests')).toEqual(['non-failing test:jest:non-failing:--passWithNoTests']);
    expect(compare('ruff check .', 'ruff check --exit-zero .')).toEqual(['non-failing lint:ruff:non-failing:--exit-zero']);
    expect(compare('stylelint "**/*.css" --max-warnings 0', 'stylelint "**/*.css" --max-warnings 25')).toEqual(['non-failing lint:stylelint:non-failing:--max-warnings:raised']);
    expect(compare('stylelint "**/*.css" --max-warnings=0', 'stylelint "**/*.css"')).toEqual(['flag-removed lint:stylelint:flag-removed:--max-warnings:removed']);
  });

  it('neutralised and removed', () => {
    expect(compare('vitest run', 'echo "tests skipped"')).toEqual(['neutralised test:vitest:neutralised']);
    expect(compare('vitest run', 'exit 0')).toEqual(['neutralised test:vitest:neutralised']);
    expect(compare('vitest run', 'true')).toEqual(['neutralised test:vitest:neutralised']);
    expect(compare('eslint . && tsc --noEmit', 'eslint .')).toEqual(['removed typecheck:tsc:removed']);
    expect(compare('npm run lint', 'npm run lint', { '': { lint: 'eslint .' } }, { '': { lint: 'echo "no lint"' } })).toEqual(['neutralised lint:eslint:neutralised']);
  });

  it('leaves what the lint and type-check configuration rules compute to them, but not failure paths', () => {
    // lint/scope-narrowed, lint/rule-relaxed, types/strictness-lowered and types/scope-narrowed read these command lines as part of the effective configuration.
    expect(compare('eslint . --max-warnings 0', 'eslint . --max-warnings 25')).toEqual([]);
    expect(compare('eslint src test', 'eslint src')).toEqual([]);
    expect(compare('ruff check .', 'ruff check . --extend-ignore E501,F401')).toEqual([]);
    expect(compare('mypy --strict src', 'mypy src')).toEqual([]);
    expect(compare('tsc --noEmit', 'tsc --noEmit --skipLibCheck')).toEqual([]);
    expect(compare('eslint .', 'eslint . || true')).toEqual(['non-failing lint:eslint:non-failing']);
    expect(compare('ruff check .', 'ruff check --exit-zero .')).toEqual(['non-failing lint:ruff:non-failing:--exit-zero']);
    expect(compare('mypy src', 'echo skipped')).toEqual(['neutralised typecheck:mypy:neutralised']);
  });

  it('narrowed: paths, name filters, projects', () => {
    expect(compare('vitest run', 'vitest run src/cart')).toEqual(['narrowed test:vitest:narrowed:paths']);
    expect(compare('stylelint "src/**/*.css" "app/**/*.css"', 'stylelint "src/**/*.css"')).toEqual(['narrowed lint:stylelint:narrowed:paths']);
    expect(compare('vitest run', 'vitest run -t "adds items"')).toEqual(['narrowed test:vitest:narrowed:-t']);
    expect(compare('playwright test', 'playwright test --grep @smoke')).toEqual(['narrowed e2e:playwright:narrowed:--grep']);
    expect(compare('pytest', 'pytest -k "not slow"')).toEqual(['narrowed test:pytest:narrowed:-k']);
    expect(compare('playwright test --project=chromium --project=firefox', 'playwright test --project=chromium')).toEqual(['narrowed e2e:playwright:narrowed:--project']);
    expect(compare('vitest run', 'vitest run --project unit')).toEqual(['narrowed test:vitest:narrowed:--project']);
    expect(compare('go test ./...', 'go test ./pkg/...')).toEqual(['narrowed test:go test:narrowed:paths']);
    expect(compare('pytest tests', 'pytest tests --ignore=tests/integration')).toEqual(['narrowed test:pytest:narrowed:--ignore']);
    expect(compare('jest', 'jest --onlyChanged')).toEqual(['narrowed test:jest:narrowed:--onlyChanged']);
    expect(compare('pylint src', 'pylint src -d C0114')).toEqual(['narrowed lint:pylint:narrowed:-d']);
  });

  it('flag removed: --coverage, --strict, --ci, --check', () => {
    expect(compare('vitest run --coverage', 'vitest run')).toEqual(['flag-removed coverage:vitest:flag-removed:--coverage']);
    expect(compare('vue-tsc --noEmit --strict', 'vue-tsc --noEmit')).toEqual([]);
    expect(compare('jest --ci', 'jest')).toEqual(['flag-removed test:jest:flag-removed:--ci']);
    expect(compare('prettier --check .', 'prettier --write .')).toEqual(['flag-removed format:prettier:flag-removed:check']);
  });

  it('through package scripts: the weakened gate in a called script', () => {
    const base = { '': { test: 'npm run unit', unit: 'vitest run' } };
    const head = { '': { test: 'npm run unit', unit: 'vitest run --passWithNoTests' } };
    expect(compare('npm test', 'npm test', base, head)).toEqual(['non-failing test:vitest:non-failing:--passWithNoTests']);
  });
});

describe('compareGateScripts: hard negatives', () => {
  it('reformatting, reordered flags, launchers', () => {
    expect(compare(`vitest run --coverage --reporter=dot`, `vitest  --reporter dot  run --coverage`)).toEqual([]);
    expect(compare(`eslint 'src' "test"`, 'eslint test src')).toEqual([]);
    expect(compare('npx vitest run', 'pnpm exec vitest run')).toEqual([]);
    expect(compare('vitest run', 'vitest')).toEqual([]);
  });

  it('&& chains split into scripts, renamed scripts with callers updated, gates moved to a called script', () => {
    expect(compare('eslint . && tsc --noEmit && vitest run', 'npm run lint && npm run typecheck && npm run unit', {}, { '': { lint: 'eslint .', typecheck: 'tsc --noEmit', unit: 'vitest run' } })).toEqual([]);
    expect(compare('npm run unit', 'npm run test:unit', { '': { unit: 'vitest run' } }, { '': { 'test:unit': 'vitest run' } })).toEqual([]);
  });

  it('non-gate commands made non-failing, strengthening flags', () => {
    expect(compare('rm -rf dist && tsc -p .', 'rm -rf dist || true; tsc -p .')).toEqual([]);
    expect(compare('vitest run', 'vitest run --coverage')).toEqual([]);
    expect(compare('eslint . --max-warnings 10', 'eslint . --max-warnings 0')).toEqual([]);
    expect(compare('vitest run src/cart', 'vitest run src')).toEqual([]);
    expect(compare('vitest run || true', 'vitest run || true')).toEqual([]);
    // Flag values are not paths: options with values added or changed are not narrowing.
    expect(compare('eslint . --cache', 'eslint . --cache --cache-strategy content --format stylish')).toEqual([]);
    expect(compare('jest --ci', 'jest --ci --bail 1 --maxWorkers 2')).toEqual([]);
    expect(compare('go test ./pkg/...', 'go test ./...')).toEqual([]);
    expect(compare('playwright test --project=chromium', 'playwright test')).toEqual([]);
  });

  it('reports an unparseable head as unresolvable', () => {
    const [weakening] = compareGateScripts(input('vitest run'), input('if vitest run; then'));
    expect(weakening?.unresolvable).toBe(true);
  });
});
