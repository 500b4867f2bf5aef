import { describe, expect, it } from 'vitest';
import { vitestReader } from '../../../src/inspect/coverage/vitest.js';
import { json, names, repo } from './helpers.js';

const pkg = (vitest: string): string => json({ name: 'app', devDependencies: { vitest } });

describe('vitest coverage reader', () => {
  it('reads a workspace root: coverage from the root config only, project configs are not scopes', () => {
    const facts = vitestReader.read(
      repo({
        'package.json': pkg('^3.2.4'),
        'vitest.config.ts': [
          "import { defineConfig, coverageConfigDefaults } from 'vitest/config';",
          'export default defineConfig({',
          '  test: {',
          "    projects: ['packages/*'],",
          '    coverage: {',
          "      provider: 'v8',",
          "      include: ['packages/*/src/**'],",
          "      exclude: [...coverageConfigDefaults.exclude, '**/generated/**'],",
          '      thresholds: { lines: 90, branches: -10, perFile: false, "packages/core/**": { 100: true } },',
          '    },',
          '  },',
          '});',
        ].join('\n'),
        'packages/web/vitest.config.ts': "export default defineProject({ test: { coverage: { include: ['nothing'] }, environment: 'jsdom' } });",
        'packages/core/vitest.config.ts': "export default defineProject({ test: { name: 'core' } });",
      }),
    );
    expect(facts.scopes.map((scope) => scope.id)).toEqual(['vitest:.']);
    const [scope] = facts.scopes;
    expect(scope?.root).toBe('');
    expect(names(scope!.include)).toEqual(['packages/*/src/**']);
    expect(scope?.include).toMatchObject([{ origin: { file: 'vitest.config.ts', line: 7 } }]);
    const exclude = names(scope!.exclude);
    expect(exclude.slice(0, 3)).toEqual(['coverage/**', 'dist/**', '**/node_modules/**']);
    expect(exclude).toContain('**/generated/**');
    // v3 adds the test include to the coverage exclude.
    expect(exclude.at(-1)).toBe('**/*.{test,spec}.?(c|m)[jt]s?(x)');
    expect(scope?.exclude[0]?.origin).toEqual({ default: 'vitest@3.2 coverageConfigDefaults.exclude' });
    expect(scope?.extensions).toContain('.astro');
    expect(scope?.dot).toBe(true);
    expect(facts.thresholds.map((t) => [t.target, t.metric, t.value, t.origin.line])).toEqual([
      ['global', 'lines', 90, 9],
      ['global', 'branches', -10, 9],
      ['packages/core/**', 'lines', 100, 9],
      ['packages/core/**', 'statements', 100, 9],
      ['packages/core/**', 'functions', 100, 9],
      ['packages/core/**', 'branches', 100, 9],
    ]);
    expect(facts.unresolved).toEqual([]);
  });

  it('mergeConfig with a shared base file and defineConfig(() => ({…}))', () => {
    const facts = vitestReader.read(
      repo({
        'apps/web/package.json': pkg('~2.1.0'),
        'apps/web/vite.config.ts': "import { defineConfig } from 'vite';\nexport default defineConfig(({ mode }) => ({ test: { coverage: { exclude: ['src/legacy/**'], thresholds: { statements: 80 } } } }));",
        'apps/web/vitest.config.ts': [
          "import { defineConfig, mergeConfig } from 'vitest/config';",
          "import viteConfig from './vite.config';",
          "import shared from '../../vitest.shared';",
          'export default mergeConfig(shared, defineConfig({ test: { coverage: { include: ["src/**"], thresholds: { lines: 95 } } } }));',
        ].join('\n'),
        'vitest.shared.ts': "export default { test: { coverage: { exclude: ['src/**/*.stories.tsx'], all: true, thresholds: { lines: 80, functions: 70 } } } };",
      }),
    );
    expect(facts.scopes.map((scope) => scope.id)).toEqual(['vitest:apps/web']);
    const [scope] = facts.scopes;
    expect(scope?.root).toBe('apps/web');
    expect(names(scope!.include)).toEqual(['src/**']);
    expect(names(scope!.exclude)).toEqual(['src/**/*.stories.tsx', '**/node_modules/**']);
    expect(scope?.extensions).not.toContain('.cts');
    expect(facts.thresholds.map((t) => [t.metric, t.value, t.origin.file])).toEqual([
      ['lines', 95, 'apps/web/vitest.config.ts'],
      ['functions', 70, 'vitest.shared.ts'],
    ]);
  });

  it('vitest 4 without coverage.include measures only loaded files', () => {
    const facts = vitestReader.read(repo({ 'package.json': pkg('4.1.0'), 'vitest.config.mts': "export default { test: { coverage: { all: true, exclude: ['x/**'] } } };" }));
    expect(facts.scopes[0]?.include).toBe('dynamic');
    expect(facts.scopes[0]?.extensions).toBeNull();
    expect(names(facts.scopes[0]!.exclude)).toEqual(['x/**', '**/node_modules/**', '**/*.{test,spec}.?(c|m)[jt]s?(x)']);
  });

  it('vitest 1 without include measures every file (all: true), and all: false makes it dynamic', () => {
    const on = vitestReader.read(repo({ 'package.json': pkg('^1.6.0'), 'vitest.config.js': 'export default { test: { coverage: {} } };' }));
    expect(names(on.scopes[0]!.include)).toEqual(['**']);
    expect(on.scopes[0]?.include).toMatchObject([{ origin: { default: 'vitest@1.6 coverage.include (all: true)' } }]);
    const off = vitestReader.read(repo({ 'package.json': pkg('^1.6.0'), 'vitest.config.js': "export default { test: { coverage: { all: false, include: ['src/**'] } } };" }));
    expect(off.scopes[0]?.include).toBe('dynamic');
    expect(off.scopes[0]).toMatchObject({ dynamicInclude: [{ pattern: 'src/**' }] });
  });

  it('an env-variable include is unresolved with file, line and expression while thresholds are still read', () => {
    const facts = vitestReader.read(
      repo({
        'package.json': pkg('^3.0.0'),
        'vitest.config.ts': "export default defineConfig({\n  test: {\n    coverage: {\n      include: [process.env.COVERAGE_INCLUDE ?? 'src/**'],\n      thresholds: { lines: 100 },\n    },\n  },\n});",
      }),
    );
    expect(facts.scopes[0]?.unresolved).toEqual([
      { file: 'vitest.config.ts', line: 4, setting: 'test.coverage.include[0]', expression: "process.env.COVERAGE_INCLUDE ?? 'src/**'", reason: 'environment variable' },
    ]);
    expect(facts.thresholds).toMatchObject([{ metric: 'lines', value: 100, origin: { file: 'vitest.config.ts', line: 5 } }]);
  });

  it('reformatting and renaming the config give the same facts (origins aside)', () => {
    const a = vitestReader.read(repo({ 'package.json': pkg('^3.2.0'), 'vitest.config.ts': "export default { test: { coverage: { include: ['src/**'], thresholds: { lines: 80 } } } }" }));
    const b = vitestReader.read(
      repo({
        'package.json': pkg('^3.2.0'),
        'vite.config.mts': "const include = ['src/**'];\n\nexport default {\n  test: {\n    coverage: {\n      include,\n      thresholds: {\n        lines: 80,\n      },\n    },\n  },\n};\n",
      }),
    );
    const strip = (facts: typeof a): unknown => JSON.parse(JSON.stringify(facts, (key, value: unknown) => (key === 'origin' ? undefined : value)));
    expect(strip(b)).toEqual(strip(a));
    expect(a.scopes[0]?.id).toBe('vitest:.');
  });

  it('a vite.config without a test section is not a vitest scope; an unknown version is said', () => {
    expect(vitestReader.read(repo({ 'vite.config.ts': 'export default { plugins: [] };' })).scopes).toEqual([]);
    const facts = vitestReader.read(repo({ 'package.json': json({ devDependencies: { vitest: 'catalog:' } }), 'vitest.config.ts': 'export default {};' }));
    expect(facts.unresolved).toMatchObject([{ setting: 'vitest version', reason: 'vitest version not found in package.json; assumed vitest@4.0' }]);
    expect(facts.scopes[0]?.include).toBe('dynamic');
  });
});
