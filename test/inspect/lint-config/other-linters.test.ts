import { describe, expect, it } from 'vitest';
import { lintInvocations } from '../../../src/inspect/lint-config/commands.js';
import { effectiveOf, factsOf, sourceOf } from './helpers.js';

describe('Biome', () => {
  const biome = `{
  "$schema": "https://biomejs.dev/schemas/2.1.2/schema.json",
  // comments and trailing commas, as biome.jsonc allows
  "files": { "includes": ["**", "!**/dist", "!src/generated/**"] },
  "linter": {
    "enabled": true,
    "rules": {
      "recommended": true,
      "suspicious": { "noExplicitAny": "error", "noConsole": { "level": "warn", "options": { "allow": ["error"] } } },
    },
  },
  "overrides": [{ "includes": ["scripts/**"], "linter": { "rules": { "suspicious": { "noConsole": "off" } } } }],
}
`;
  const files = { 'biome.jsonc': biome, 'src/a.ts': '', 'dist/a.js': '', 'src/generated/x.ts': '', 'scripts/seed.ts': '' };

  it('reads levels, options, recommended and includes with negations', () => {
    expect(effectiveOf(files, 'src/a.ts', 'biome')).toMatchObject({
      linted: true,
      shared: ['biome:recommended'],
      rules: { 'suspicious/noExplicitAny': 2, 'suspicious/noConsole': [1, { allow: ['error'] }] },
      lines: { 'suspicious/noExplicitAny': 'biome.jsonc:9' },
    });
    expect(effectiveOf(files, 'scripts/seed.ts', 'biome').rules['suspicious/noConsole']).toEqual([0, { allow: ['error'] }]);
    expect(effectiveOf(files, 'dist/a.js', 'biome').linted).toBe(false);
    expect(effectiveOf(files, 'src/generated/x.ts', 'biome').linted).toBe(false);
  });

  it('a disabled linter lints nothing; v1 ignore lists are read', () => {
    expect(effectiveOf({ 'biome.json': '{ "linter": { "enabled": false } }', 'a.ts': '' }, 'a.ts', 'biome').linted).toBe(false);
    const v1 = { 'biome.json': '{ "files": { "ignore": ["legacy/**"] }, "linter": { "rules": { "recommended": false } } }', 'legacy/a.ts': '', 'b.ts': '' };
    expect(effectiveOf(v1, 'legacy/a.ts', 'biome').linted).toBe(false);
    expect(effectiveOf(v1, 'b.ts', 'biome')).toMatchObject({ linted: true, shared: [] });
  });
});

describe('oxlint', () => {
  it('reads rules (allow/deny), categories, ignorePatterns and overrides', () => {
    const oxlintrc = JSON.stringify({ categories: { correctness: 'error', suspicious: 'warn' }, rules: { 'no-debugger': 'deny', eqeqeq: ['error', 'smart'] }, ignorePatterns: ['vendor/'], overrides: [{ files: ['*.test.ts'], rules: { eqeqeq: 'allow' } }] }, null, 2);
    const files = { '.oxlintrc.json': oxlintrc, 'src/a.ts': '', 'a.test.ts': '', 'vendor/x.js': '' };
    expect(effectiveOf(files, 'src/a.ts', 'oxlint').rules).toEqual({ 'category:correctness': 2, 'category:suspicious': 1, 'no-debugger': 2, eqeqeq: [2, 'smart'] });
    expect(effectiveOf(files, 'a.test.ts', 'oxlint').rules.eqeqeq).toEqual([0, 'smart']);
    expect(effectiveOf(files, 'vendor/x.js', 'oxlint').linted).toBe(false);
  });
});

describe('ruff', () => {
  const pyproject = `[project]
name = "orders"
version = "1.0.0"

[tool.ruff]
line-length = 100
extend-exclude = ["migrations"]

[tool.ruff.lint]
select = ["E", "F", "B", "S"]
ignore = ["E501"]

[tool.ruff.lint.per-file-ignores]
"tests/*" = ["S101"]
"__init__.py" = ["F401"]
`;
  const files = { 'pyproject.toml': pyproject, 'app/orders.py': '', 'app/__init__.py': '', 'tests/test_orders.py': '', 'app/migrations/0001.py': '', '.venv/lib/x.py': '' };
  const codes = ['E', 'E501', 'F', 'F401', 'B', 'S', 'S101'];

  it('decides codes by the longest prefix of select and ignore, then per-file ignores', () => {
    expect(effectiveOf(files, 'app/orders.py', 'ruff', codes).rules).toEqual({ E: 2, E501: 0, F: 2, F401: 2, B: 2, S: 2, S101: 2 });
    expect(effectiveOf(files, 'tests/test_orders.py', 'ruff', codes)).toMatchObject({ rules: { S101: 0, S: 2 }, lines: { S101: 'pyproject.toml:14', E501: 'pyproject.toml:11' } });
    expect(effectiveOf(files, 'app/__init__.py', 'ruff', codes).rules.F401).toBe(0);
  });

  it('excludes ruff defaults and extend-exclude, and reads limits with their defaults', () => {
    expect(effectiveOf(files, 'app/migrations/0001.py', 'ruff', codes).linted).toBe(false);
    expect(effectiveOf(files, '.venv/lib/x.py', 'ruff', codes).linted).toBe(false);
    const config = factsOf(files).configs.find((item) => item.tool === 'ruff')!;
    expect(Object.fromEntries([...config.limits].map(([name, limit]) => [name, [limit.value, limit.origin.line]]))).toEqual({ 'line-length': [100, 6], 'max-complexity': [10, 5] });
  });

  it('uses the default selection when none is written, and ignores a pyproject without [tool.ruff]', () => {
    const bare = { 'ruff.toml': 'line-length = 88\n', 'a.py': '' };
    expect(effectiveOf(bare, 'a.py', 'ruff', ['E4', 'E501', 'F', 'W']).rules).toEqual({ E4: 2, F: 2 });
    expect(factsOf({ 'pyproject.toml': '[project]\nname = "x"\n', 'a.py': '' }).configs).toEqual([]);
  });
});

describe('flake8', () => {
  it('reads setup.cfg: select, extend-ignore, per-file-ignores, exclude and limits', () => {
    const setup = '[metadata]\nname = orders\n\n[flake8]\nmax-line-length = 120\nextend-ignore = E203\nper-file-ignores =\n    tests/*: S101\n    __init__.py:F401\nexclude = .git,build\n';
    const files = { 'setup.cfg': setup, 'app/a.py': '', 'tests/t.py': '', 'build/b.py': '' };
    const codes = ['E', 'E203', 'E121', 'F401', 'S101', 'W'];
    expect(effectiveOf(files, 'app/a.py', 'flake8', codes).rules).toEqual({ E: 2, E203: 0, E121: 0, F401: 2, W: 2 });
    expect(effectiveOf(files, 'tests/t.py', 'flake8', codes).rules).toMatchObject({ E: 2 });
    expect(effectiveOf(files, 'build/b.py', 'flake8', codes).linted).toBe(false);
    const config = factsOf(files).configs[0]!;
    expect(config.limits.get('max-line-length')).toMatchObject({ value: 120, origin: { file: 'setup.cfg', line: 5 } });
    expect(config.limits.get('max-complexity')?.value).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('linter invocations', () => {
  it('reads --max-warnings, --quiet and --error-on-warnings from scripts and workflow steps', () => {
    const source = sourceOf({
      'package.json': JSON.stringify({ scripts: { lint: 'eslint . --max-warnings 0', 'lint:ox': 'npx oxlint --deny-warnings', check: 'biome check --error-on-warnings .', fmt: 'biome format .' } }, null, 2),
      '.github/workflows/ci.yml': 'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Lint\n        run: pnpm exec eslint --max-warnings=5 --quiet src\n      - run: ruff check .\n',
    });
    expect(lintInvocations(source).map(({ id, line, maxWarnings, errorOnWarnings, quiet }) => ({ id, line, maxWarnings, errorOnWarnings, quiet }))).toEqual([
      { id: 'cli:.github/workflows/ci.yml#jobs.lint.steps[name=Lint]/eslint', line: 7, maxWarnings: 5, errorOnWarnings: false, quiet: true },
      { id: 'cli:.github/workflows/ci.yml#jobs.lint.steps[1]/ruff', line: 8, maxWarnings: null, errorOnWarnings: false, quiet: false },
      { id: 'cli:package.json#scripts.lint/eslint', line: 3, maxWarnings: 0, errorOnWarnings: false, quiet: false },
      { id: 'cli:package.json#scripts.lint:ox/oxlint', line: 4, maxWarnings: null, errorOnWarnings: true, quiet: false },
      { id: 'cli:package.json#scripts.check/biome', line: 5, maxWarnings: null, errorOnWarnings: true, quiet: false },
    ]);
  });
});

describe('linter command lines', () => {
  it('reads paths, ignores and rules turned off, skipping the values of options', () => {
    const source = sourceOf({
      'package.json': JSON.stringify(
        {
          scripts: {
            lint: "eslint -c eslint.config.mjs --ext .ts src scripts --ignore-pattern 'src/gen/**' --rule 'no-console: off' --rule '{\"eqeqeq\": [\"error\"]}' -f json",
            ox: 'oxlint -A no-debugger --allow=eqeqeq -D correctness lib',
            py: 'ruff check --select E,F --ignore E501 --exclude migrations app',
            biome: 'biome lint --skip=suspicious/noExplicitAny',
          },
        },
        null,
        2,
      ),
    });
    expect(lintInvocations(source).map(({ tool, paths, ignores, rulesOff }) => ({ tool, paths, ignores, rulesOff }))).toEqual([
      { tool: 'eslint', paths: ['src', 'scripts'], ignores: ['src/gen/**'], rulesOff: ['no-console'] },
      { tool: 'oxlint', paths: ['lib'], ignores: [], rulesOff: ['no-debugger', 'eqeqeq'] },
      { tool: 'ruff', paths: ['app'], ignores: ['migrations'], rulesOff: ['E501'] },
      { tool: 'biome', paths: ['.'], ignores: [], rulesOff: ['suspicious/noExplicitAny'] },
    ]);
  });
});
