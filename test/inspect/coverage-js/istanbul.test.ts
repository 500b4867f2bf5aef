import { describe, expect, it } from 'vitest';
import { c8Reader } from '../../../src/inspect/coverage/c8.js';
import { nycReader } from '../../../src/inspect/coverage/nyc.js';
import { json, names, repo } from './helpers.js';

const strip = (facts: unknown): unknown => JSON.parse(JSON.stringify(facts, (key, value: unknown) => (key === 'origin' ? undefined : value)));

describe('nyc coverage reader', () => {
  it('reads .nycrc JSON with extends of a known shared config, kebab-case keys and defaults', () => {
    const facts = nycReader.read(
      repo({
        'package.json': json({ name: 'svc', devDependencies: { nyc: '^17.0.0' } }),
        '.nycrc': json({ extends: '@istanbuljs/nyc-config-typescript', all: true, include: ['src/**/*.ts'], 'check-coverage': true, branches: 80, 'per-file': true }),
      }),
    );
    expect(facts.unresolved).toEqual([]);
    expect(facts.scopes).toMatchObject([{ id: 'nyc:.', root: '', dot: true, extensions: ['.js', '.cjs', '.mjs', '.ts', '.tsx', '.jsx'] }]);
    expect(names(facts.scopes[0]!.include)).toEqual(['src/**/*.ts']);
    expect(names(facts.scopes[0]!.exclude)).toContain('**/node_modules/**');
    expect(names(facts.scopes[0]!.exclude)[0]).toBe('coverage/**');
    expect(facts.enforcement).toMatchObject([{ enforced: true, origin: { file: '.nycrc', line: 7 } }]);
    // Unset thresholds are checked with the schema defaults (lines 90, others 0).
    expect(facts.thresholds.map((t) => [t.target, t.metric, t.value])).toEqual([
      ['perFile', 'lines', 90],
      ['perFile', 'statements', 0],
      ['perFile', 'functions', 0],
      ['perFile', 'branches', 80],
    ]);
  });

  it('reads .nycrc.yml extending a repository file, package.json#nyc underneath; all: false is dynamic', () => {
    const facts = nycReader.read(
      repo({
        'package.json': json({ name: 'svc', nyc: { lines: 50, exclude: ['pkg/**'] } }),
        '.nycrc.yml': 'extends: ./config/nyc-base.json\ninclude:\n  - lib/**\nlines: 85\n',
        'config/nyc-base.json': json({ exclude: ['lib/vendor/**'], checkCoverage: true }),
      }),
    );
    const [scope] = facts.scopes;
    expect(scope?.include).toBe('dynamic');
    expect(scope).toMatchObject({ dynamicInclude: [{ pattern: 'lib/**', origin: { file: '.nycrc.yml', line: 3 } }] });
    expect(names(scope!.exclude)).toEqual(['lib/vendor/**', '**/node_modules/**']);
    expect(facts.enforcement).toMatchObject([{ enforced: true, origin: { file: 'config/nyc-base.json' } }]);
    expect(facts.thresholds.find((t) => t.metric === 'lines')).toMatchObject({ value: 85, origin: { file: '.nycrc.yml', line: 4 } });
  });

  it('an unknown shared config is unresolved; JSON and YAML forms give the same facts', () => {
    const unknown = nycReader.read(repo({ 'package.json': json({}), '.nycrc.json': json({ extends: '@acme/nyc-config', all: true }) }));
    expect(unknown.scopes[0]?.unresolved).toEqual([{ file: '.nycrc.json', line: 2, setting: 'extends', expression: '@acme/nyc-config', reason: 'shared config not known' }]);
    const a = nycReader.read(repo({ 'package.json': json({}), '.nycrc.json': json({ all: true, include: ['src/**'], 'check-coverage': true, lines: 100 }) }));
    const b = nycReader.read(repo({ 'package.json': json({}), '.nycrc.yaml': 'all: true\ninclude: [src/**]\ncheck-coverage: true\nlines: 100\n' }));
    expect(strip(b)).toEqual(strip(a));
  });

  it('nyc.config.js is evaluated statically', () => {
    const facts = nycReader.read(
      repo({
        'package.json': json({}),
        'nyc.config.js': "const defaultExclude = require('@istanbuljs/schema/default-exclude');\nmodule.exports = { all: true, include: ['src/**'], exclude: [...defaultExclude, 'src/gen/**'] };",
      }),
    );
    expect(names(facts.scopes[0]!.exclude)).toEqual(['src/gen/**', '**/node_modules/**']);
    expect(facts.scopes[0]?.unresolved).toMatchObject([{ setting: 'exclude[0]', reason: 'import from a package', line: 1 }]);
  });
});

describe('c8 coverage reader', () => {
  it('reads .c8rc.json with 100 and per-file; package.json#c8 underneath', () => {
    const facts = c8Reader.read(
      repo({
        'package.json': json({ name: 'cli', c8: { all: true, include: ['lib/**'] } }),
        '.c8rc.json': json({ exclude: ['lib/fixtures/**'], 100: true, 'per-file': true }),
      }),
    );
    expect(facts.scopes).toMatchObject([{ id: 'c8:.', tool: 'c8' }]);
    expect(names(facts.scopes[0]!.include)).toEqual(['lib/**']);
    expect(names(facts.scopes[0]!.exclude)).toEqual(['lib/fixtures/**', '**/node_modules/**']);
    expect(facts.enforcement).toMatchObject([{ enforced: true, origin: { file: '.c8rc.json', line: 2 } }]);
    expect(facts.thresholds.map((t) => [t.target, t.metric, t.value])).toEqual([
      ['perFile', 'lines', 100],
      ['perFile', 'statements', 100],
      ['perFile', 'functions', 100],
      ['perFile', 'branches', 100],
    ]);
  });

  it('package.json#c8 alone, check-coverage off: thresholds as written, not enforced', () => {
    const facts = c8Reader.read(repo({ 'package.json': json({ c8: { lines: 75, 'exclude-node-modules': false } }) }));
    expect(facts.scopes[0]?.include).toBe('dynamic');
    expect(names(facts.scopes[0]!.exclude)).not.toContain('**/node_modules/**');
    expect(facts.enforcement).toMatchObject([{ enforced: false }]);
    expect(facts.thresholds).toMatchObject([{ metric: 'lines', value: 75 }]);
  });
});
