import { describe, expect, it } from 'vitest';
import { readRunnerFacts } from '../../../src/inspect/runner/all-readers.js';
import { collectedSet, fnmatchRegex } from '../../../src/inspect/runner/collected-set.js';
import type { ConfigSource, RunnerFacts } from '../../../src/inspect/runner/model.js';

function repo(files: Record<string, string>): ConfigSource {
  return { paths: Object.keys(files), read: (path) => files[path] ?? null };
}
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function collected(facts: RunnerFacts, id: string, paths: readonly string[]): string[] {
  const scope = facts.scopes.find((candidate) => candidate.id === id);
  if (!scope) throw new Error(`no scope ${id}: ${facts.scopes.map((s) => s.id).join(', ')}`);
  const set = collectedSet(scope, paths);
  return set.kind === 'static' ? [...set.files].sort() : ['(unresolved)'];
}

const jsTests = {
  'src/a.test.ts': '',
  'src/b.spec.tsx': '',
  'src/util.ts': '',
  'src/__tests__/c.js': '',
  'node_modules/x/y.test.js': '',
  'dist/d.test.js': '',
  'e2e/login.test.ts': '',
};

describe('vitest runner facts', () => {
  it('uses the default include and configDefaults.exclude, with a written exclude', () => {
    const files = {
      'package.json': json({ devDependencies: { vitest: '^3.2.4' }, scripts: { test: 'vitest run --exclude e2e/** --retry=2 --passWithNoTests' } }),
      'vitest.config.ts': "import { configDefaults, defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { exclude: [...configDefaults.exclude, 'src/legacy/**'], allowOnly: true } });\n",
      ...jsTests,
    };
    const facts = readRunnerFacts(repo(files));
    const paths = Object.keys(files);
    expect(collected(facts, 'vitest:.', paths)).toEqual(['e2e/login.test.ts', 'src/a.test.ts', 'src/b.spec.tsx']);
    expect(collected(facts, 'cli:package.json#scripts.test/vitest/vitest:.', paths)).toEqual(['src/a.test.ts', 'src/b.spec.tsx']);
    const settings = facts.settings.filter((s) => s.scopeId === 'cli:package.json#scripts.test/vitest/vitest:.');
    expect(Object.fromEntries(settings.map((s) => [s.setting, s.value]))).toEqual({ passWithNoTests: true, allowOnly: true, retries: 2, bail: 0 });
    expect(facts.settings.find((s) => s.scopeId === 'vitest:.' && s.setting === 'allowOnly')?.origin).toEqual({ file: 'vitest.config.ts', line: 2 });
  });

  it('reads projects as scopes of their own', () => {
    const files = {
      'package.json': json({ devDependencies: { vitest: '^3.2.4' } }),
      'vitest.config.ts': "export default { test: { projects: ['packages/*'] } };\n",
      'packages/web/vitest.config.ts': "export default { test: { include: ['src/**/*.test.ts'] } };\n",
      'packages/web/src/x.test.ts': '',
      'packages/web/y.test.ts': '',
    };
    const facts = readRunnerFacts(repo(files));
    expect(facts.scopes.map((s) => s.id)).toEqual(['vitest:packages/web']);
    expect(collected(facts, 'vitest:packages/web', Object.keys(files))).toEqual(['packages/web/src/x.test.ts']);
  });
});

describe('jest runner facts', () => {
  it('uses testMatch and testPathIgnorePatterns with <rootDir>, and command-line overrides', () => {
    const files = {
      'package.json': json({ jest: { testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/'], bail: true }, scripts: { ci: 'jest --ci --testPathIgnorePatterns /node_modules/ src/__tests__ --passWithNoTests' } }),
      ...jsTests,
    };
    const facts = readRunnerFacts(repo(files));
    const paths = Object.keys(files);
    expect(collected(facts, 'jest:.', paths)).toEqual(['dist/d.test.js', 'src/__tests__/c.js', 'src/a.test.ts', 'src/b.spec.tsx']);
    expect(collected(facts, 'cli:package.json#scripts.ci/jest/jest:.', paths)).toEqual(['dist/d.test.js', 'e2e/login.test.ts', 'src/a.test.ts', 'src/b.spec.tsx']);
    expect(facts.settings.find((s) => s.scopeId === 'jest:.' && s.setting === 'bail')?.value).toBe(1);
    expect(facts.settings.find((s) => s.scopeId.startsWith('cli:') && s.setting === 'passWithNoTests')?.value).toBe(true);
  });
});

describe('pytest runner facts', () => {
  const py = {
    'tests/test_a.py': '',
    'tests/unit/b_test.py': '',
    'tests/unit/helpers.py': '',
    'tests/slow/test_big.py': '',
    'build/test_gen.py': '',
    '.venv/test_x.py': '',
    'src/app/test_inline.py': '',
  };
  it('reads testpaths, python_files, norecursedirs and addopts', () => {
    const files = { 'pytest.ini': '[pytest]\ntestpaths = tests\naddopts = --ignore=tests/slow -k "not flaky" --reruns 2\n', ...py };
    const facts = readRunnerFacts(repo(files));
    expect(collected(facts, 'pytest:.', Object.keys(files))).toEqual(['tests/test_a.py', 'tests/unit/b_test.py']);
    const scope = facts.scopes[0]!;
    expect(scope.filters).toEqual([{ kind: '-k', value: 'not flaky', origin: { flag: 'addopts -k', file: 'pytest.ini', line: 3 } }]);
    expect(facts.settings.find((s) => s.setting === 'retries')?.value).toBe(2);
  });

  it('collects from the rootdir without testpaths, skipping norecursedirs defaults', () => {
    const files = { 'pyproject.toml': '[tool.pytest.ini_options]\nminversion = "7.0"\n', ...py };
    expect(collected(readRunnerFacts(repo(files)), 'pytest:.', Object.keys(files))).toEqual(['src/app/test_inline.py', 'tests/slow/test_big.py', 'tests/test_a.py', 'tests/unit/b_test.py']);
  });

  it('reads workflow steps: positional paths replace testpaths, --deselect is a filter', () => {
    const files = {
      'pyproject.toml': '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Tests\n        run: python -m pytest tests/unit --deselect tests/unit/b_test.py::test_x\n',
      ...py,
    };
    const facts = readRunnerFacts(repo(files));
    const id = 'cli:.github/workflows/ci.yml#jobs.test.steps[name=Tests]/pytest/pytest:.';
    expect(collected(facts, id, Object.keys(files))).toEqual(['tests/unit/b_test.py']);
    expect(facts.scopes.find((s) => s.id === id)?.filters.map((f) => f.kind)).toEqual(['--deselect']);
  });

  it('translates fnmatch patterns', () => {
    expect(fnmatchRegex('test_*.py').test('test_a.py')).toBe(true);
    expect(fnmatchRegex('[!_]*.py').test('_a.py')).toBe(false);
    expect(fnmatchRegex('*/legacy/*').test('/r/tests/legacy/x/test_a.py')).toBe(true);
  });
});

describe('mocha runner facts', () => {
  it('reads spec, ignore, extension, recursive from .mocharc.yml', () => {
    const files = {
      '.mocharc.yml': "spec:\n  - 'test/**/*.spec.js'\nignore:\n  - 'test/legacy/**'\nretries: 1\nforbid-only: true\n",
      'test/a.spec.js': '',
      'test/legacy/b.spec.js': '',
      'test/helper.js': '',
    };
    const facts = readRunnerFacts(repo(files));
    expect(collected(facts, 'mocha:.', Object.keys(files))).toEqual(['test/a.spec.js']);
    expect(Object.fromEntries(facts.settings.map((s) => [s.setting, s.value]))).toEqual({ retries: 1, bail: 0, forbidOnly: true });
  });

  it('uses ./test with the default extensions when no spec is written', () => {
    const files = { 'package.json': json({ mocha: { recursive: false } }), 'test/a.js': '', 'test/b.ts': '', 'test/sub/c.js': '', 'test/.hidden.js': '' };
    expect(collected(readRunnerFacts(repo(files)), 'mocha:.', Object.keys(files))).toEqual(['test/a.js']);
  });
});
