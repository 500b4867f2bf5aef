import { describe, expect, it } from 'vitest';
import { cliFlagsReader } from '../../../src/inspect/coverage/cli-flags.js';
import type { ConfigSource } from '../../../src/inspect/coverage/model.js';

function memorySource(files: Record<string, string>): ConfigSource {
  return { paths: Object.keys(files), read: (path) => files[path] ?? null };
}

const PACKAGE_JSON = `{
  "name": "web",
  "scripts": {
    "test": "vitest run",
    "test:cov": "NODE_ENV=test vitest run --coverage --coverage.include=src/web/** --coverage.include 'src/shared/**' --coverage.thresholds.lines=95",
    "cov:jest": "npx jest --coverage --collectCoverageFrom='src/**/*.ts' --coveragePathIgnorePatterns /generated/ /fixtures/ --ci",
    "nyc": "nyc --reporter=lcov --check-coverage --lines 80 --branches=70 -x 'src/legacy/**' mocha 'test/**/*.js'",
    "ci": "npm run test -- --coverage.exclude=src/web/experimental/**"
  }
}
`;

const WORKFLOW = `name: CI
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    defaults:
      run:
        working-directory: services/api
    steps:
      - uses: actions/checkout@v4
      - name: Unit tests
        run: |
          npm ci
          npx jest --coverageThreshold='{"global":{"lines":90,"branches":80},"./src/payments/":{"lines":100}}' \\
            --collectCoverageFrom 'src/**/*.ts'
      - id: py
        run: pytest --cov=app --cov=lib --cov-fail-under=85 tests/ && coverage report --fail-under=80
      - run: uv run coverage run --source=app -m pytest -q
`;

describe('cliFlagsReader', () => {
  it('reads vitest, jest and nyc flags from package.json scripts', () => {
    const facts = cliFlagsReader.read(memorySource({ 'package.json': PACKAGE_JSON }));
    const byId = new Map(facts.scopes.map((s) => [s.id, s]));
    expect([...byId.keys()]).toEqual([
      'cli:package.json#scripts.test:cov/vitest',
      'cli:package.json#scripts.cov:jest/jest',
      'cli:package.json#scripts.nyc/nyc',
      'cli:package.json#scripts.ci/vitest',
    ]);
    const vitest = byId.get('cli:package.json#scripts.test:cov/vitest')!;
    expect(vitest.include).toEqual([
      { pattern: 'src/web/**', syntax: 'glob', origin: { flag: '--coverage.include', file: 'package.json', line: 5 } },
      { pattern: 'src/shared/**', syntax: 'glob', origin: { flag: '--coverage.include', file: 'package.json', line: 5 } },
    ]);
    expect(vitest.origin).toEqual({ file: 'package.json', line: 5 });
    const jest = byId.get('cli:package.json#scripts.cov:jest/jest')!;
    expect(jest.include).toEqual([{ pattern: 'src/**/*.ts', syntax: 'glob', origin: { flag: '--collectCoverageFrom', file: 'package.json', line: 6 } }]);
    expect(jest.exclude.map((p) => [p.pattern, p.syntax])).toEqual([['/generated/', 'regex'], ['/fixtures/', 'regex']]);
    expect(byId.get('cli:package.json#scripts.nyc/nyc')!.include).toBe('dynamic');
    expect(byId.get('cli:package.json#scripts.nyc/nyc')!.exclude.map((p) => p.pattern)).toEqual(['src/legacy/**']);
    expect(byId.get('cli:package.json#scripts.ci/vitest')!.exclude.map((p) => p.pattern)).toEqual(['src/web/experimental/**']);
    expect(facts.thresholds.map((t) => [t.tool, t.scopeId, t.target, t.metric, t.value])).toEqual([
      ['vitest', 'cli:package.json#scripts.test:cov/vitest', 'global', 'lines', 95],
      ['nyc', 'cli:package.json#scripts.nyc/nyc', 'global', 'lines', 80],
      ['nyc', 'cli:package.json#scripts.nyc/nyc', 'global', 'branches', 70],
    ]);
    expect(facts.enforcement.map((e) => [e.tool, e.scopeId, e.enforced])).toEqual([
      ['vitest', 'cli:package.json#scripts.test:cov/vitest', true],
      ['jest', 'cli:package.json#scripts.cov:jest/jest', true],
      ['nyc', 'cli:package.json#scripts.nyc/nyc', true],
    ]);
  });

  it('reads multi-line run steps, jest JSON thresholds and pytest/coverage flags with their lines', () => {
    const facts = cliFlagsReader.read(memorySource({
      '.github/workflows/ci.yml': WORKFLOW,
      'services/api/.coveragerc': '[run]\nomit = app/migrations/*\n',
    }));
    expect(facts.thresholds.map((t) => [t.tool, t.scopeId, t.target, t.metric, t.value, t.origin.line])).toEqual([
      ['jest', 'cli:.github/workflows/ci.yml#jobs.test.steps[name=Unit tests]/jest', 'global', 'lines', 90, 14],
      ['jest', 'cli:.github/workflows/ci.yml#jobs.test.steps[name=Unit tests]/jest', 'global', 'branches', 80, 14],
      ['jest', 'cli:.github/workflows/ci.yml#jobs.test.steps[name=Unit tests]/jest', './src/payments/', 'lines', 100, 14],
      ['coverage.py', 'cli:.github/workflows/ci.yml#jobs.test.steps[id=py]/pytest', 'global', 'lines', 85, 17],
      ['coverage.py', 'cli:.github/workflows/ci.yml#jobs.test.steps[id=py]/coverage-report', 'global', 'lines', 80, 17],
    ]);
    const jest = facts.scopes.find((s) => s.tool === 'jest')!;
    expect(jest.root).toBe('services/api');
    expect(jest.include).toEqual([{ pattern: 'src/**/*.ts', syntax: 'glob', origin: { flag: '--collectCoverageFrom', file: '.github/workflows/ci.yml', line: 15 } }]);
    const pytest = facts.scopes.find((s) => s.id.endsWith('/pytest'))!;
    expect(pytest.include).toEqual([
      { pattern: 'app', syntax: 'python-path', origin: { flag: '--cov', file: '.github/workflows/ci.yml', line: 17 } },
      { pattern: 'lib', syntax: 'python-path', origin: { flag: '--cov', file: '.github/workflows/ci.yml', line: 17 } },
    ]);
    // The directory's .coveragerc omit still applies under the --cov flags.
    expect(pytest.exclude).toEqual([{ pattern: 'app/migrations/*', syntax: 'python-glob', origin: { file: 'services/api/.coveragerc', line: 2 } }]);
    const run = facts.scopes.find((s) => s.id === 'cli:.github/workflows/ci.yml#jobs.test.steps[3]/coverage-run')!;
    expect(run.include).toEqual([{ pattern: 'app', syntax: 'python-path', origin: { flag: '--source', file: '.github/workflows/ci.yml', line: 18 } }]);
  });

  it('gives the same facts, lines aside, for a reformatted workflow', () => {
    const reformatted = WORKFLOW.replace(
      `        run: |
          npm ci
          npx jest --coverageThreshold='{"global":{"lines":90,"branches":80},"./src/payments/":{"lines":100}}' \\
            --collectCoverageFrom 'src/**/*.ts'`,
      `        run: >-
          npm ci &&
          pnpm exec jest --collectCoverageFrom='src/**/*.ts'
          --coverageThreshold "{\\"global\\": {\\"lines\\": 90, \\"branches\\": 80}, \\"./src/payments/\\": {\\"lines\\": 100}}"`,
    );
    expect(reformatted).not.toBe(WORKFLOW);
    const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'line' ? undefined : v)));
    const a = cliFlagsReader.read(memorySource({ '.github/workflows/ci.yml': WORKFLOW }));
    const b = cliFlagsReader.read(memorySource({ '.github/workflows/ci.yml': reformatted }));
    expect(strip(b)).toEqual(strip(a));
  });

  it('ignores commands without coverage flags and non-coverage tools', () => {
    const facts = cliFlagsReader.read(memorySource({ 'package.json': '{"scripts":{"test":"vitest run","lint":"eslint --max-warnings 0 .","e":"echo --coverage.include=x"}}' }));
    expect(facts).toEqual({ scopes: [], thresholds: [], enforcement: [], excludedLinePatterns: [], unresolved: [] });
  });

  it('reads --coverage.thresholds.100, perFile, cd and c8 wrapping vitest', () => {
    const facts = cliFlagsReader.read(memorySource({ 'package.json': JSON.stringify({ scripts: { cov: 'cd packages/web && pnpm vitest run --coverage.thresholds.100 --coverage.exclude=src/gen/**', c8: 'c8 --check-coverage --per-file --functions 60 vitest run --coverage.include=lib/**' } }, null, 2) }));
    expect(facts.scopes.map((s) => [s.id, s.root])).toEqual([
      ['cli:package.json#scripts.cov/vitest', 'packages/web'],
      ['cli:package.json#scripts.c8/vitest', ''],
    ]);
    expect(facts.thresholds.map((t) => [t.scopeId, t.target, t.metric, t.value])).toEqual([
      ['cli:package.json#scripts.cov/vitest', 'global', 'lines', 100],
      ['cli:package.json#scripts.cov/vitest', 'global', 'functions', 100],
      ['cli:package.json#scripts.cov/vitest', 'global', 'branches', 100],
      ['cli:package.json#scripts.cov/vitest', 'global', 'statements', 100],
      ['cli:package.json#scripts.c8/c8', 'perFile', 'functions', 60],
    ]);
    expect(facts.enforcement.map((e) => [e.scopeId, e.enforced])).toEqual([['cli:package.json#scripts.c8/c8', true]]);
  });
});
