import { describe, expect, it } from 'vitest';
import { pytestCovReader } from '../../../src/inspect/coverage/python/pytest-cov.js';
import { memorySource } from './source.js';

describe('pytestCovReader', () => {
  it('reads pytest-cov flags from pyproject addopts over the coverage config', () => {
    const pyproject = `[tool.pytest.ini_options]
addopts = "-ra --cov=src/app --cov-fail-under=90 --cov-report=xml"

[tool.coverage.run]
omit = ["src/app/migrations/*"]
`;
    const facts = pytestCovReader.read(memorySource({ 'pyproject.toml': pyproject }));
    expect(facts.scopes).toEqual([
      {
        tool: 'coverage.py',
        id: 'coverage.py:pytest:.',
        origin: { file: 'pyproject.toml', line: 2 },
        root: '',
        include: [{ pattern: 'src/app', syntax: 'python-path', origin: { flag: '--cov', file: 'pyproject.toml', line: 2 } }],
        exclude: [{ pattern: 'src/app/migrations/*', syntax: 'python-glob', origin: { file: 'pyproject.toml', line: 5 } }],
        extensions: ['.py', '.pyw'],
        dot: true,
        unresolved: [],
      },
    ]);
    expect(facts.thresholds).toEqual([{ tool: 'coverage.py', scopeId: 'coverage.py:pytest:.', target: 'global', metric: 'lines', value: 90, origin: { file: 'pyproject.toml', line: 2 } }]);
  });

  it('follows pytest config precedence: pytest.ini wins, setup.cfg [tool:pytest] multi-line addopts', () => {
    const setupCfg = '[tool:pytest]\naddopts =\n    --cov=shop\n    --cov-fail-under 75\n';
    const both = pytestCovReader.read(memorySource({ 'pytest.ini': '[pytest]\naddopts = --no-cov\n', 'setup.cfg': setupCfg }));
    expect(both.scopes).toEqual([]);
    expect(both.enforcement).toEqual([{ tool: 'coverage.py', scopeId: 'coverage.py:pytest:.', enforced: false, origin: { file: 'pytest.ini', line: 2 } }]);
    const cfg = pytestCovReader.read(memorySource({ 'setup.cfg': setupCfg }));
    expect(cfg.thresholds.map((t) => [t.value, t.origin.line])).toEqual([[75, 4]]);
    expect(cfg.scopes[0]!.include).toEqual([{ pattern: 'shop', syntax: 'python-path', origin: { flag: '--cov', file: 'setup.cfg', line: 3 } }]);
  });
});
