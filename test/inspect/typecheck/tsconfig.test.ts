import { describe, expect, it } from 'vitest';
import type { ConfigSource } from '../../../src/inspect/config-source.js';
import { readTypeCheckFacts, readsTypeCheckFile } from '../../../src/inspect/typecheck/all-readers.js';
import { changeMayAffectTypeCheck } from '../../../src/inspect/typecheck/project-inspector.js';
import { checkedFiles } from '../../../src/inspect/typecheck/ts-files.js';
import { effectiveOption } from '../../../src/inspect/typecheck/ts-options.js';
import { resolveConfig, resolveExtends } from '../../../src/inspect/typecheck/tsconfig.js';
import { publishedBase } from '../../../src/inspect/typecheck/tsconfig-bases.js';

function source(files: Record<string, string>): ConfigSource {
  return { paths: Object.keys(files).sort(), read: (path) => files[path] ?? null };
}

describe('tsconfig extends resolution', () => {
  const files = source({
    'tsconfig.json': '{}',
    'configs/base.json': '{}',
    'configs/strict': '{}',
    'packages/web/tsconfig.json': '{}',
    'tools/tsconfig/package.json': '{ "name": "@acme/tsconfig", "tsconfig": "./strict.json", "exports": { "./node": "./node.json", ".": "./strict.json" } }',
    'tools/tsconfig/strict.json': '{}',
    'tools/tsconfig/node.json': '{}',
    'tools/tsconfig/react/tsconfig.json': '{}',
    'packages/web/node_modules/@vendored/base/tsconfig.json': '{}',
  });

  it('resolves relative paths, with .json appended only when the file does not exist', () => {
    expect(resolveExtends(files, 'packages/web/tsconfig.json', '../../configs/base')).toEqual({ kind: 'file', path: 'configs/base.json' });
    expect(resolveExtends(files, 'packages/web/tsconfig.json', '../../configs/base.json')).toEqual({ kind: 'file', path: 'configs/base.json' });
    expect(resolveExtends(files, 'tsconfig.json', './configs/strict')).toEqual({ kind: 'file', path: 'configs/strict' });
    expect(resolveExtends(files, 'tsconfig.json', './configs/missing')).toMatchObject({ kind: 'unresolvable' });
  });

  it('resolves workspace packages by name: tsconfig field, exports, subpaths, folders', () => {
    expect(resolveExtends(files, 'tsconfig.json', '@acme/tsconfig')).toEqual({ kind: 'file', path: 'tools/tsconfig/strict.json' });
    expect(resolveExtends(files, 'tsconfig.json', '@acme/tsconfig/node')).toEqual({ kind: 'file', path: 'tools/tsconfig/node.json' });
    expect(resolveExtends(files, 'tsconfig.json', '@acme/tsconfig/react')).toEqual({ kind: 'file', path: 'tools/tsconfig/react/tsconfig.json' });
    expect(resolveExtends(files, 'tsconfig.json', '@acme/tsconfig/nope')).toMatchObject({ kind: 'unresolvable', reason: 'package @acme/tsconfig has no nope in the repository' });
  });

  it('looks in node_modules folders above the config first', () => {
    expect(resolveExtends(files, 'packages/web/tsconfig.json', '@vendored/base')).toEqual({ kind: 'file', path: 'packages/web/node_modules/@vendored/base/tsconfig.json' });
  });

  it('knows published bases from its table and nothing else', () => {
    expect(resolveExtends(files, 'tsconfig.json', '@tsconfig/node20/tsconfig.json')).toMatchObject({ kind: 'published', label: '@tsconfig/node20@20.1.0' });
    expect(publishedBase('@tsconfig/strictest')?.compilerOptions.noUncheckedIndexedAccess).toBe(true);
    expect(publishedBase('@tsconfig/node16/tsconfig')?.compilerOptions.strict).toBe(true);
    expect(publishedBase('@tsconfig/ember')).toBeNull();
    expect(resolveExtends(files, 'tsconfig.json', '@tsconfig/ember/tsconfig.json')).toMatchObject({ kind: 'unresolvable' });
  });
});

describe('tsconfig chains', () => {
  it('merges compilerOptions option by option, later extends entries winning, with each value origin', () => {
    const files = source({
      'tsconfig.json': '{\n  // app\n  "extends": ["./a.json", "./b.json"],\n  "compilerOptions": {\n    "noEmit": true,\n  },\n}\n',
      'a.json': '{\n  "compilerOptions": {\n    "strict": true,\n    "skipLibCheck": true\n  },\n  "include": ["lib"]\n}\n',
      'b.json': '{ "extends": "@tsconfig/strictest", "compilerOptions": { "skipLibCheck": false } }\n',
    });
    const resolved = resolveConfig(files, 'tsconfig.json');
    // A published base's values point at the repository line that extends it.
    expect(resolved.options.strict).toEqual({ value: true, origin: { file: 'b.json', line: 1 }, from: '@tsconfig/strictest@2.0.0' });
    expect(resolved.options.skipLibCheck).toEqual({ value: false, origin: { file: 'b.json', line: 1 } });
    expect(resolved.options.noEmit).toEqual({ value: true, origin: { file: 'tsconfig.json', line: 5 } });
    expect(resolved.include).toEqual({ patterns: ['lib'], dir: '', origin: { file: 'a.json', line: 6 } });
    expect(resolved.unknownBase).toBeNull();
  });

  it('makes what an unreadable base could set unknown, but keeps what is set after it', () => {
    const files = source({ 'tsconfig.json': '{ "extends": ["./known.json", "@corp/secret-base"], "compilerOptions": { "noImplicitReturns": true } }', 'known.json': '{ "compilerOptions": { "strict": true } }' });
    const resolved = resolveConfig(files, 'tsconfig.json');
    const project = { ...resolved, gates: [], cliOptions: {} };
    expect(resolved.unknownBase).toMatchObject({ setting: 'extends', expression: '@corp/secret-base' });
    expect(effectiveOption(project, 'strictNullChecks')).toEqual({ kind: 'unknown' });
    expect(effectiveOption(project, 'noImplicitReturns')).toMatchObject({ kind: 'set', value: true });
    expect(checkedFiles(project, ['tsconfig.json', 'src/a.ts'])).toMatchObject({ kind: 'unresolved' });
  });

  it('reports circular chains and parse errors as unresolvable', () => {
    const circular = resolveConfig(source({ 'a.json': '{ "extends": "./b.json" }', 'b.json': '{ "extends": "./a.json" }' }), 'a.json');
    expect(circular.unresolved).toEqual([expect.objectContaining({ reason: 'a circular extends chain' })]);
    const broken = resolveConfig(source({ 'tsconfig.json': '{\n  "compilerOptions": {\n    "strict": true\n    "noEmit": true\n  }\n}\n' }), 'tsconfig.json');
    expect(broken.unknownBase?.line).toBe(4);
    expect(broken.unknownBase?.reason).toMatch(/^cannot be parsed/);
  });

  it('strict implies its family unless a flag is set explicitly', () => {
    const files = source({ 'tsconfig.json': '{ "compilerOptions": { "strict": true, "strictNullChecks": false } }' });
    const project = { ...resolveConfig(files, 'tsconfig.json'), gates: [], cliOptions: {} };
    expect(effectiveOption(project, 'noImplicitAny')).toMatchObject({ kind: 'strict', value: true });
    expect(effectiveOption(project, 'strictNullChecks')).toMatchObject({ kind: 'set', value: false });
    expect(effectiveOption(project, 'forceConsistentCasingInFileNames')).toEqual({ kind: 'default', value: true });
  });
});

describe('checked files', () => {
  const paths = [
    'tsconfig.json',
    'src/index.ts',
    'src/view.tsx',
    'src/types.d.ts',
    'src/esm.mts',
    'src/legacy/old.ts',
    'src/.hidden/secret.ts',
    'src/vendor.min.js',
    'src/util.js',
    'src/node_modules/dep/index.ts',
    'node_modules/pkg/index.d.ts',
    'dist/index.d.ts',
    'test/a.test.ts',
  ];
  const project = (config: string) => ({ ...resolveConfig(source({ 'tsconfig.json': config }), 'tsconfig.json'), gates: [], cliOptions: {} });
  const files = (config: string): string[] => {
    const set = checkedFiles(project(config), paths);
    return set.kind === 'static' ? [...set.files].sort() : [];
  };

  it('defaults to **/* minus node_modules and outDir, TypeScript extensions only, no dot folders', () => {
    expect(files('{ "compilerOptions": { "outDir": "dist" } }')).toEqual(['src/esm.mts', 'src/index.ts', 'src/legacy/old.ts', 'src/types.d.ts', 'src/view.tsx', 'test/a.test.ts']);
  });

  it('a folder in include means everything below it; exclude removes folders', () => {
    expect(files('{ "include": ["src"], "exclude": ["src/legacy"] }')).toEqual(['src/esm.mts', 'src/index.ts', 'src/types.d.ts', 'src/view.tsx']);
  });

  it('JavaScript counts only with allowJs and checkJs; .min.js never through a wildcard', () => {
    expect(files('{ "compilerOptions": { "allowJs": true }, "include": ["src/*"] }')).toEqual(['src/esm.mts', 'src/index.ts', 'src/types.d.ts', 'src/view.tsx']);
    expect(files('{ "compilerOptions": { "checkJs": true }, "include": ["src/*"] }')).toEqual(['src/esm.mts', 'src/index.ts', 'src/types.d.ts', 'src/util.js', 'src/view.tsx']);
  });

  it('files are taken as named, and exclude does not remove them', () => {
    expect(files('{ "files": ["src/legacy/old.ts"], "exclude": ["src/legacy/**"] }')).toEqual(['src/legacy/old.ts']);
  });
});

describe('gates and selection', () => {
  const pkg = (scripts: Record<string, string>) => JSON.stringify({ name: 'app', scripts });
  const configs = {
    'tsconfig.json': '{ "files": [], "references": [{ "path": "./packages/a" }, { "path": "packages/b/tsconfig.build.json" }] }',
    'packages/a/tsconfig.json': '{ "references": [{ "path": "../c" }] }',
    'packages/b/tsconfig.build.json': '{}',
    'packages/c/tsconfig.json': '{}',
    'packages/d/tsconfig.json': '{}',
  };

  it('tsc -b follows references transitively', () => {
    const facts = readTypeCheckFacts(source({ ...configs, 'package.json': pkg({ typecheck: 'tsc -b' }) }));
    expect(facts.tsSelection).toBe('gates');
    expect(facts.ts.map((p) => p.config)).toEqual(['packages/a/tsconfig.json', 'packages/b/tsconfig.build.json', 'packages/c/tsconfig.json', 'tsconfig.json']);
  });

  it('tsc -p does not follow references; options on the command line are kept', () => {
    const facts = readTypeCheckFacts(source({ ...configs, 'package.json': pkg({ typecheck: 'npx tsc --noEmit -p packages/a --strict false' }) }));
    expect(facts.ts.map((p) => p.config)).toEqual(['packages/a/tsconfig.json']);
    expect(facts.ts[0]!.cliOptions.strict).toEqual({ value: false, origin: { file: 'package.json', line: 1 } });
  });

  it('a workflow step and a bare tsc in a package folder; every tsconfig when nothing runs tsc', () => {
    const workflow = 'on: push\njobs:\n  types:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pnpm exec vue-tsc --noEmit\n        working-directory: packages/d\n';
    const facts = readTypeCheckFacts(source({ ...configs, '.github/workflows/ci.yml': workflow }));
    expect(facts.ts.map((p) => p.config)).toEqual(['packages/d/tsconfig.json']);
    expect(facts.ts[0]!.gates[0]).toMatchObject({ how: 'project', origin: { file: '.github/workflows/ci.yml', line: 6 } });
    const none = readTypeCheckFacts(source({ ...configs, 'package.json': pkg({ build: 'vite build' }) }));
    expect(none.tsSelection).toBe('every-config');
    expect(none.ts).toHaveLength(5);
  });

  it('a tsc -p path that does not exist is unresolvable', () => {
    const facts = readTypeCheckFacts(source({ ...configs, 'package.json': pkg({ typecheck: 'tsc -p tsconfig.app.json' }) }));
    expect(facts.ts).toEqual([]);
    expect(facts.unresolved).toEqual([expect.objectContaining({ setting: 'tsc --project', expression: 'tsconfig.app.json' })]);
  });
});

describe('when the inspector runs', () => {
  it('runs for configs, manifests, workflows, Python configs and renames, not for edited source', () => {
    const changed = (status: 'added' | 'modified' | 'renamed', basePath: string | null, headPath: string | null) => changeMayAffectTypeCheck({ status, basePath, headPath });
    expect(changed('modified', 'packages/web/tsconfig.app.json', 'packages/web/tsconfig.app.json')).toBe(true);
    expect(changed('modified', 'configs/base.json', 'configs/base.json')).toBe(true);
    expect(changed('modified', '.github/workflows/ci.yml', '.github/workflows/ci.yml')).toBe(true);
    expect(changed('modified', 'mypy.ini', 'mypy.ini')).toBe(true);
    expect(changed('added', null, 'billing/legacy/__init__.py')).toBe(true);
    expect(changed('renamed', 'src/a.ts', 'lib/a.ts')).toBe(true);
    expect(changed('modified', 'src/a.ts', 'src/a.ts')).toBe(false);
    expect(changed('added', null, 'src/b.ts')).toBe(false);
  });

  it('every file the readers read up front is one whose change runs the inspector', () => {
    for (const file of ['tsconfig.json', 'packages/a/tsconfig.build.json', 'jsconfig.json', 'package.json', '.github/workflows/ci.yml', 'mypy.ini', '.mypy.ini', 'setup.cfg', 'pyproject.toml', 'pyrightconfig.json']) {
      expect(readsTypeCheckFile(file), file).toBe(true);
      expect(changeMayAffectTypeCheck({ status: 'modified', basePath: file, headPath: file }), file).toBe(true);
    }
  });
});
