import { describe, expect, it } from 'vitest';
import { parseIni, iniGet, iniList, IniError } from '../../../src/inspect/coverage/ini.js';
import { coveragePyReader } from '../../../src/inspect/coverage/python/coverage-py.js';
import { pythonGlobMatcher, pythonScopeMatcher } from '../../../src/inspect/coverage/python/match.js';
import { memorySource } from './source.js';

const DJANGO_SETUP_CFG = `[metadata]
name = shop
version = 1.4.0

[flake8]
max-line-length = 100

[tool:pytest]
DJANGO_SETTINGS_MODULE = shop.settings.test
addopts = --reuse-db --cov=shop --cov-report=term-missing
python_files = tests.py test_*.py

[coverage:run]
branch = True
source = shop
omit =
    # generated
    */migrations/*
    shop/settings/*,
    manage.py

[coverage:report]
fail_under = 92.5
show_missing = True
exclude_lines =
    pragma: no cover
    def __repr__
    raise NotImplementedError
`;

describe('parseIni (configparser semantics)', () => {
  it('reads sections, multi-line values with lines, comments and both separators', () => {
    const ini = parseIni(DJANGO_SETUP_CFG);
    const omit = iniGet(ini, 'coverage:run', 'omit')!;
    expect(omit.line).toBe(16);
    expect(iniList(omit)).toEqual([
      { text: '*/migrations/*', line: 18 },
      { text: 'shop/settings/*', line: 19 },
      { text: 'manage.py', line: 20 },
    ]);
    expect(iniGet(ini, 'tool:pytest', 'django_settings_module')!.value).toBe('shop.settings.test');
    const colon = parseIni('[run]\nSource: app\n; comment\n[report]\nfail_under=80  # not a comment\n');
    expect(iniGet(colon, 'run', 'source')!.value).toBe('app');
    expect(iniGet(colon, 'report', 'fail_under')!.value).toBe('80  # not a comment');
  });

  it('keeps %(here)s literal, inherits [DEFAULT], and rejects duplicates', () => {
    const ini = parseIni('[DEFAULT]\nbranch = yes\n[run]\ndata_file = %(here)s/.coverage\n');
    expect(iniGet(ini, 'run', 'data_file')!.value).toBe('%(here)s/.coverage');
    expect(iniGet(ini, 'run', 'branch')!.value).toBe('yes');
    expect(() => parseIni('[run]\nsource = a\nSOURCE = b\n')).toThrow(IniError);
    expect(() => parseIni('source = a\n')).toThrow(/before any/);
  });
});

describe('coverage.py reader', () => {
  it('reads a Django-style setup.cfg', () => {
    const facts = coveragePyReader.read(memorySource({ 'setup.cfg': DJANGO_SETUP_CFG, 'shop/__init__.py': '' }));
    expect(facts.scopes).toHaveLength(1);
    const scope = facts.scopes[0]!;
    expect(scope.id).toBe('coverage.py:.');
    expect(scope.origin).toEqual({ file: 'setup.cfg', line: 13 });
    expect(scope.include).toEqual([{ pattern: 'shop', syntax: 'python-path', origin: { file: 'setup.cfg', line: 15 } }]);
    expect(scope.exclude.map((p) => [p.pattern, p.syntax])).toEqual([
      ['*/migrations/*', 'python-glob'],
      ['shop/settings/*', 'python-glob'],
      ['manage.py', 'python-glob'],
    ]);
    expect(facts.thresholds).toEqual([
      { tool: 'coverage.py', scopeId: 'coverage.py:.', target: 'global', metric: 'lines', value: 92.5, origin: { file: 'setup.cfg', line: 23 } },
      { tool: 'coverage.py', scopeId: 'coverage.py:.', target: 'global', metric: 'branches', value: 92.5, origin: { file: 'setup.cfg', line: 14 } },
    ]);
    expect(facts.enforcement).toEqual([{ tool: 'coverage.py', scopeId: 'coverage.py:.', enforced: true, origin: { file: 'setup.cfg', line: 23 } }]);
    expect(facts.excludedLinePatterns.map((p) => [p.pattern, p.origin.line])).toEqual([
      ['pragma: no cover', 26],
      ['def __repr__', 27],
      ['raise NotImplementedError', 28],
    ]);
  });

  const PYPROJECT = `[project]
name = "api"

[tool.coverage.run]
source = ["src/api"]
omit = [
  "src/api/generated/*",
  "*/tests/*",
]

[tool.coverage.report]
fail_under = 85
exclude_also = [
  "if TYPE_CHECKING:",
  "@(abc\\\\.)?abstractmethod",
]
`;

  it('reads pyproject.toml [tool.coverage] with lines for array items', () => {
    const facts = coveragePyReader.read(memorySource({ 'services/api/pyproject.toml': PYPROJECT }));
    const scope = facts.scopes[0]!;
    expect(scope.id).toBe('coverage.py:services/api');
    expect(scope.root).toBe('services/api');
    expect(scope.include).toEqual([{ pattern: 'src/api', syntax: 'python-path', origin: { file: 'services/api/pyproject.toml', line: 5 } }]);
    expect(scope.exclude.map((p) => [p.pattern, (p.origin as { line: number }).line])).toEqual([
      ['src/api/generated/*', 7],
      ['*/tests/*', 8],
    ]);
    expect(facts.thresholds).toEqual([
      { tool: 'coverage.py', scopeId: 'coverage.py:services/api', target: 'global', metric: 'lines', value: 85, origin: { file: 'services/api/pyproject.toml', line: 12 } },
    ]);
    expect(facts.excludedLinePatterns.map((p) => [p.pattern, p.origin.line])).toEqual([
      ['if TYPE_CHECKING:', 14],
      ['@(abc\\.)?abstractmethod', 15],
    ]);
  });

  it('gives identical facts, lines aside, for a reformatted pyproject.toml', () => {
    const reformatted = `[tool.coverage]
run.source = ['src/api']
run.omit = ['src/api/generated/*', '*/tests/*']
report.fail_under = 85.0
report.exclude_also = ["if TYPE_CHECKING:", '@(abc\\.)?abstractmethod']
`;
    const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'line' || key === 'file' ? undefined : v)));
    const a = coveragePyReader.read(memorySource({ 'pyproject.toml': PYPROJECT }));
    const b = coveragePyReader.read(memorySource({ 'pyproject.toml': reformatted }));
    expect(strip(b)).toEqual(strip(a));
    expect(b.scopes[0]!.origin.line).toBe(2);
  });

  it('uses the first config that coverage.py uses: .coveragerc wins even over a richer pyproject.toml', () => {
    const coveragerc = `# coverage settings
[run]
source = app
omit =
    app/vendor/*
    app/legacy/*.py

[report]
fail_under = 70
`;
    const facts = coveragePyReader.read(memorySource({ '.coveragerc': coveragerc, 'pyproject.toml': PYPROJECT, 'tox.ini': '[coverage:run]\nsource = other\n' }));
    expect(facts.scopes).toHaveLength(1);
    expect(facts.scopes[0]!.origin).toEqual({ file: '.coveragerc', line: 2 });
    expect(facts.scopes[0]!.exclude.map((p) => p.pattern)).toEqual(['app/vendor/*', 'app/legacy/*.py']);
    expect(facts.thresholds.map((t) => t.value)).toEqual([70]);
  });

  it('skips setup.cfg without coverage options and falls through to tox.ini, then pyproject.toml', () => {
    const tox = `[tox]
envlist = py311

[coverage:run]
source = pkg
[coverage:report]
fail_under = 0
`;
    const facts = coveragePyReader.read(memorySource({ 'setup.cfg': '[metadata]\nname = x\n', 'tox.ini': tox, 'pyproject.toml': PYPROJECT }));
    expect(facts.scopes[0]!.origin.file).toBe('tox.ini');
    expect(facts.enforcement).toEqual([{ tool: 'coverage.py', scopeId: 'coverage.py:.', enforced: false, origin: { file: 'tox.ini', line: 7 } }]);
    const none = coveragePyReader.read(memorySource({ 'setup.cfg': '[metadata]\nname = x\n', 'tox.ini': '[tox]\nenvlist = py3\n' }));
    expect(none.scopes).toEqual([]);
  });

  it('reports an unreadable config and environment variables as unresolved', () => {
    const bad = coveragePyReader.read(memorySource({ 'pyproject.toml': '[tool.coverage.run]\nomit = "just/a/string"\n' }));
    expect(bad.scopes).toEqual([]);
    expect(bad.unresolved).toEqual([
      { file: 'pyproject.toml', line: 2, setting: 'coverage.py config', expression: '[tool.coverage.run] omit is not a list of strings', reason: 'coverage.py cannot read the file' },
    ]);
    const env = coveragePyReader.read(memorySource({ '.coveragerc': '[run]\nsource = ${SRC_DIR}\n' }));
    expect(env.scopes[0]!.unresolved).toEqual([{ file: '.coveragerc', line: 2, setting: 'run.source', expression: '${SRC_DIR}', reason: 'environment variable' }]);
  });

  it('reads [report] include as a second scope', () => {
    const facts = coveragePyReader.read(memorySource({ '.coveragerc': '[report]\ninclude = app/core/*\n' }));
    expect(facts.scopes.map((s) => [s.id, s.include === 'dynamic' ? 'dynamic' : s.include.map((p) => p.pattern)])).toEqual([
      ['coverage.py:.', 'dynamic'],
      ['coverage.py:.#report', ['app/core/*']],
    ]);
  });
});

describe('coverage.py file matching', () => {
  it('follows coverage.py star semantics', () => {
    const omit = pythonGlobMatcher(['*/migrations/*', 'shop/settings/*', 'manage.py', 'app/*.py'], '');
    expect(omit('shop/orders/migrations/0001_initial.py')).toBe(true);
    expect(omit('migrations/0001.py')).toBe(true);
    expect(omit('shop/settings/base.py')).toBe(true);
    expect(omit('shop/settings/prod/eu.py')).toBe(true); // a trailing /* is /**
    expect(omit('tools/manage.py')).toBe(true); // no slash: the name in any directory
    expect(omit('app/models.py')).toBe(true);
    expect(omit('app/sub/models.py')).toBe(false); // a middle * does not cross /
    expect(omit('shop/views.py')).toBe(false);
    const rooted = pythonGlobMatcher(['src/*'], 'services/api');
    expect(rooted('services/api/src/x.py')).toBe(true);
    expect(rooted('src/x.py')).toBe(false);
    expect(() => pythonGlobMatcher(['src/a**/x.py'], '')).toThrow(/can't include/);
  });

  it('measures source trees with importable files only, minus omit', () => {
    const paths = ['shop/__init__.py', 'shop/views.py', 'shop/orders/__init__.py', 'shop/orders/models.py', 'shop/orders/migrations/0001.py', 'shop/orders/migrations/__init__.py', 'shop/scripts/run.py', 'shop/settings/base.py', 'manage.py', 'docs/conf.py', 'shop/README.md'];
    const facts = coveragePyReader.read(memorySource({ 'setup.cfg': DJANGO_SETUP_CFG, ...Object.fromEntries(paths.map((p) => [p, ''])) }));
    const match = pythonScopeMatcher(facts.scopes[0]!, { paths: [...paths, 'setup.cfg'] });
    expect(paths.filter(match)).toEqual(['shop/__init__.py', 'shop/views.py', 'shop/orders/__init__.py', 'shop/orders/models.py']);
    const packages = pythonScopeMatcher({ ...facts.scopes[0]!, include: [{ pattern: 'api.v1', syntax: 'python-path', origin: { default: 'test' } }], exclude: [] }, { paths: ['src/api/v1/__init__.py', 'src/api/v1/views.py', 'src/api/v2/x.py'] });
    expect(['src/api/v1/__init__.py', 'src/api/v1/views.py', 'src/api/v2/x.py'].filter(packages)).toEqual(['src/api/v1/__init__.py', 'src/api/v1/views.py']);
    const dynamic = pythonScopeMatcher({ ...facts.scopes[0]!, include: 'dynamic' });
    expect(['a.py', 'shop/orders/migrations/0001.py', 'b.txt'].filter(dynamic)).toEqual(['a.py']);
  });
});
