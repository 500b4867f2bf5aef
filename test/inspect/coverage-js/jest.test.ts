import { describe, expect, it } from 'vitest';
import { jestReader } from '../../../src/inspect/coverage/jest.js';
import { json, names, repo } from './helpers.js';

describe('jest coverage reader', () => {
  it('package.json#jest with projects: global collectCoverageFrom, per-project ignore patterns', () => {
    const facts = jestReader.read(
      repo({
        'package.json': json({
          name: 'mono',
          jest: {
            collectCoverageFrom: ['<rootDir>/packages/*/src/**/*.ts', '!**/*.d.ts'],
            coverageThreshold: { global: { lines: 90, branches: -5 }, './packages/api/src/': { statements: 100 } },
            projects: ['<rootDir>/packages/*', { displayName: 'lint', rootDir: 'tools', coveragePathIgnorePatterns: ['<rootDir>/fixtures/'] }],
          },
        }),
        'packages/api/package.json': json({ name: 'api' }),
        'packages/api/jest.config.js': "module.exports = { coveragePathIgnorePatterns: ['/node_modules/', '<rootDir>/src/generated/'] };",
        'packages/ui/package.json': json({ name: 'ui', jest: { testEnvironment: 'jsdom' } }),
      }),
    );
    expect(facts.scopes.map((scope) => scope.id)).toEqual(['jest:.#packages/api', 'jest:.#packages/ui', 'jest:.#projects[1]']);
    for (const scope of facts.scopes) {
      expect(scope.root).toBe('');
      expect(names(scope.include)).toEqual(['packages/*/src/**/*.ts']);
    }
    expect(names(facts.scopes[0]!.exclude)).toEqual(['**/*.d.ts', '/node_modules/', '/packages/api/src/generated/']);
    expect(facts.scopes[0]?.exclude[2]).toMatchObject({ syntax: 'regex', origin: { file: 'packages/api/jest.config.js', line: 1 } });
    expect(names(facts.scopes[1]!.exclude)).toEqual(['**/*.d.ts', '/node_modules/']);
    expect(facts.scopes[1]?.exclude[1]?.origin).toEqual({ default: 'jest coveragePathIgnorePatterns' });
    expect(names(facts.scopes[2]!.exclude)).toEqual(['**/*.d.ts', '/tools/fixtures/']);
    expect(facts.thresholds.map((t) => [t.scopeId, t.target, t.metric, t.value])).toEqual([
      ['jest:.', 'global', 'lines', 90],
      ['jest:.', 'global', 'branches', -5],
      ['jest:.', './packages/api/src/', 'statements', 100],
    ]);
    expect(facts.thresholds[0]?.origin).toEqual({ file: 'package.json', line: 10 });
  });

  it('jest.config.ts with rootDir and <rootDir> patterns; without collectCoverageFrom the scope is dynamic', () => {
    const facts = jestReader.read(
      repo({
        'apps/api/jest.config.ts': [
          "import type { Config } from 'jest';",
          'const config: Config = {',
          "  rootDir: '.',",
          '  collectCoverage: true,',
          "  coveragePathIgnorePatterns: ['<rootDir>/src/migrations/'],",
          '  coverageThreshold: { global: { functions: 80 } },',
          '};',
          'export default config;',
        ].join('\n'),
      }),
    );
    expect(facts.scopes).toMatchObject([{ id: 'jest:apps/api', root: 'apps/api', include: 'dynamic', extensions: null, dot: true }]);
    expect(names(facts.scopes[0]!.exclude)).toEqual(['/apps/api/src/migrations/']);
    expect(facts.enforcement).toEqual([{ tool: 'jest', scopeId: 'jest:apps/api', enforced: true, origin: { file: 'apps/api/jest.config.ts', line: 4 } }]);
    expect(facts.thresholds).toMatchObject([{ metric: 'functions', value: 80, origin: { line: 6 } }]);
  });

  it('moving the config from package.json to jest.config.json keeps the facts (origins aside)', () => {
    const values = { collectCoverageFrom: ['src/**/*.{js,ts}'], coverageThreshold: { global: { lines: 80 } } };
    const a = jestReader.read(repo({ 'package.json': json({ name: 'x', jest: values }) }));
    const b = jestReader.read(repo({ 'package.json': json({ name: 'x' }), 'jest.config.json': json(values) }));
    const strip = (facts: typeof a): unknown => JSON.parse(JSON.stringify(facts, (key, value: unknown) => (key === 'origin' ? undefined : value)));
    expect(strip(b)).toEqual(strip(a));
    expect(a.scopes[0]?.id).toBe('jest:.');
  });

  it('an unresolvable collectCoverageFrom entry is reported while thresholds are still read', () => {
    const facts = jestReader.read(repo({ 'jest.config.js': "module.exports = {\n  collectCoverageFrom: [process.env.COV_GLOB, 'src/**'],\n  coverageThreshold: { global: { lines: 70 } },\n};" }));
    expect(names(facts.scopes[0]!.include)).toEqual(['src/**']);
    expect(facts.scopes[0]?.unresolved).toEqual([{ file: 'jest.config.js', line: 2, setting: 'collectCoverageFrom[0]', expression: 'process.env.COV_GLOB', reason: 'environment variable' }]);
    expect(facts.thresholds).toMatchObject([{ metric: 'lines', value: 70 }]);
  });
});
