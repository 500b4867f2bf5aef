import { describe, expect, it } from 'vitest';
import type { ConfigSource } from '../../../src/inspect/config-source.js';
import { readMypy } from '../../../src/inspect/typecheck/mypy.js';
import { mypyEffective } from '../../../src/inspect/typecheck/mypy-options.js';
import { readPyright } from '../../../src/inspect/typecheck/pyright.js';
import { pyrightDefault } from '../../../src/inspect/typecheck/pyright-defaults.js';
import { modulePatternMatches, moduleName, mypyCheckedFiles, pyrightCheckedFiles, pythonRegex } from '../../../src/inspect/typecheck/python-files.js';

function source(files: Record<string, string>): ConfigSource {
  return { paths: Object.keys(files).sort(), read: (path) => files[path] ?? null };
}

describe('Python regular expressions (mypy exclude)', () => {
  it('translates what means the same in JavaScript', () => {
    expect(pythonRegex('^build/')?.test('build/x.py')).toBe(true);
    expect(pythonRegex('(?P<dir>legacy)/(?P=dir)')?.test('legacy/legacy')).toBe(true);
    expect(pythonRegex('(?i)^DOCS/')?.test('docs/conf.py')).toBe(true);
    const verbose = pythonRegex('(?x)(\n    ^one\\.py$    # first\n  | ^two\\.py$ # second [not a class]\n  | [ ]space\n)');
    expect(verbose?.source).toBe('(^one\\.py$|^two\\.py$|[ ]space)');
    expect(pythonRegex('\\Asetup\\.py\\Z')?.test('setup.py')).toBe(true);
  });

  it('refuses what it cannot evaluate the same way', () => {
    expect(pythonRegex('(a)?(?(1)b|c)')).toBeNull();
    expect(pythonRegex('(?L)x')).toBeNull();
    expect(pythonRegex('x(?#comment)')).toBeNull();
    expect(pythonRegex('a{,2}(')).toBeNull();
  });
});

describe('mypy modules', () => {
  const existing = new Set(['src/billing/__init__.py', 'src/billing/legacy/__init__.py', 'src/billing/legacy/export.py', 'scripts/tool.py']);
  it('names modules from the top of their package chain', () => {
    expect(moduleName('src/billing/legacy/export.py', existing)).toBe('billing.legacy.export');
    expect(moduleName('src/billing/legacy/__init__.py', existing)).toBe('billing.legacy');
    expect(moduleName('scripts/tool.py', existing)).toBe('tool');
  });

  it('matches section patterns as mypy does', () => {
    expect(modulePatternMatches('billing.*', 'billing')).toBe(true);
    expect(modulePatternMatches('billing.*', 'billing.legacy.export')).toBe(true);
    expect(modulePatternMatches('billing.legacy', 'billing.legacy.export')).toBe(false);
    expect(modulePatternMatches('billing.*.export', 'billing.legacy.export')).toBe(true);
    expect(modulePatternMatches('billing.*.export', 'billing.export')).toBe(false);
  });
});

describe('mypy configuration', () => {
  const sources = { 'app/__init__.py': '', 'app/core.py': '', 'app/legacy/__init__.py': '', 'app/legacy/old.py': '', 'tests/test_core.py': '', '.venv/lib/site.py': '' };

  it('uses the first config file mypy would, and normalises inverted spellings', () => {
    const config = readMypy(source({ ...sources, 'setup.cfg': '[mypy]\nstrict = True\n', 'mypy.ini': '[mypy]\nallow_untyped_defs = True\nno_implicit_optional = True\n\n[mypy-app.legacy.*, tests.*]\nstrict_optional = False\n' }))!;
    expect(config.file).toBe('mypy.ini');
    expect(config.global.options.disallow_untyped_defs).toEqual({ value: false, origin: { file: 'mypy.ini', line: 2 } });
    expect(config.global.options.implicit_optional?.value).toBe(false);
    expect([...config.modules.keys()]).toEqual(['app.legacy.*,tests.*']);
    expect(mypyEffective(config, 'strict_optional', config.modules.get('app.legacy.*,tests.*'))).toMatchObject({ kind: 'set', value: false });
  });

  it('skips a pyproject.toml without [tool.mypy] and a setup.cfg without [mypy]', () => {
    const config = readMypy(source({ ...sources, 'pyproject.toml': '[project]\nname = "x"\n', 'setup.cfg': '[mypy]\nstrict = True\n' }))!;
    expect(config.file).toBe('setup.cfg');
    expect(mypyEffective(config, 'disallow_untyped_defs')).toMatchObject({ kind: 'strict', value: true });
    expect(mypyEffective(config, 'implicit_reexport')).toMatchObject({ kind: 'strict', value: false });
  });

  it('reads [[tool.mypy.overrides]] with their lines', () => {
    const toml = '[tool.mypy]\nfiles = ["app"]\n\n[[tool.mypy.overrides]]\nmodule = "app.legacy.*"\nignore_errors = true\n\n[[tool.mypy.overrides]]\nmodule = ["tests.*"]\ndisallow_untyped_defs = false\n';
    const config = readMypy(source({ ...sources, 'pyproject.toml': toml }))!;
    expect(config.modules.get('app.legacy.*')?.options.ignore_errors).toEqual({ value: true, origin: { file: 'pyproject.toml', line: 6 } });
    expect(config.modules.get('tests.*')?.options.disallow_untyped_defs).toEqual({ value: false, origin: { file: 'pyproject.toml', line: 10 } });
    const checked = mypyCheckedFiles(config, Object.keys(sources));
    expect(checked.kind === 'static' ? [...checked.files].sort() : checked).toEqual(['app/__init__.py', 'app/core.py']);
  });

  it('crawls targets from a gate command, skipping dot folders and exclude matches', () => {
    const config = readMypy(source({ ...sources, 'mypy.ini': '[mypy]\nexclude = ^app/legacy/\n', 'package.json': '{ "scripts": { "types": "uv run mypy ." } }' }))!;
    expect(config.targets.patterns).toEqual(['']);
    const checked = mypyCheckedFiles(config, Object.keys(sources));
    expect(checked.kind === 'static' ? [...checked.files].sort() : checked).toEqual(['app/__init__.py', 'app/core.py', 'tests/test_core.py']);
  });
});

describe('pyright configuration', () => {
  it('prefers pyrightconfig.json over [tool.pyright] in the same folder and reads [tool.basedpyright]', () => {
    const { configs } = readPyright(
      source({
        'pyrightconfig.json': '{\n  // strict everywhere\n  "typeCheckingMode": "strict",\n}\n',
        'pyproject.toml': '[tool.pyright]\ntypeCheckingMode = "off"\n\n[tool.basedpyright]\nreportAny = "warning"\n',
      }),
    );
    expect(configs.map((c) => `${c.tool}:${c.file}`)).toEqual(['pyright:pyrightconfig.json', 'basedpyright:pyproject.toml']);
    expect(configs[0]!.settings.typeCheckingMode).toEqual({ value: 'strict', origin: { file: 'pyrightconfig.json', line: 3 } });
    expect(configs[1]!.settings.reportAny?.origin.line).toBe(5);
  });

  it('knows the mode defaults of pyright rules', () => {
    expect(pyrightDefault('reportMissingImports', 'off')).toBe('warning');
    expect(pyrightDefault('reportMissingImports', 'basic')).toBe('error');
    expect(pyrightDefault('reportPrivateUsage', 'standard')).toBe('none');
    expect(pyrightDefault('strictListInference', 'strict')).toBe(true);
    expect(pyrightDefault('reportAny', 'strict')).toBeUndefined();
  });

  it('checks .py and .pyi under include, not under exclude (default: dot folders, node_modules, __pycache__) nor ignore', () => {
    const paths = ['src/app.py', 'src/app.pyi', 'src/__pycache__/app.py', 'src/.cache/x.py', 'src/gen/models.py', 'scripts/run.py', 'web/node_modules/x.py'];
    const { configs } = readPyright(source({ 'pyrightconfig.json': '{ "ignore": ["src/gen"] }' }));
    const checked = pyrightCheckedFiles(configs[0]!, paths);
    expect(checked.kind === 'static' ? [...checked.files].sort() : checked).toEqual(['scripts/run.py', 'src/app.py', 'src/app.pyi']);
  });
});
