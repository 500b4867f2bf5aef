import { describe, expect, it } from 'vitest';
import { thresholdFilesReader } from '../../../src/inspect/coverage/threshold-files.js';
import type { ConfigSource } from '../../../src/inspect/coverage/model.js';

function memorySource(files: Record<string, string>): ConfigSource {
  return { paths: Object.keys(files), read: (path) => files[path] ?? null };
}

const FLOORS = `{
  "packages": {
    "web": { "lines": 80, "statements": 80, "functions": 75, "branches": 70 },
    "api": { "lines": 90, "branches": -10 }
  },
  "python": { "lines": 85, "branches": 60 }
}
`;

const WORKFLOW = `name: coverage
on: pull_request
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - run: node scripts/check-coverage.mjs --floors ci/quality-floors.json
`;

describe('thresholdFilesReader', () => {
  it('reads nested per-package floors referenced from a workflow', () => {
    const facts = thresholdFilesReader.read(memorySource({ '.github/workflows/coverage.yml': WORKFLOW, 'ci/quality-floors.json': FLOORS }));
    expect(facts.thresholds.map((t) => [t.scopeId, t.target, t.metric, t.value, t.origin.line])).toEqual([
      ['ci/quality-floors.json', 'packages.web', 'lines', 80, 3],
      ['ci/quality-floors.json', 'packages.web', 'statements', 80, 3],
      ['ci/quality-floors.json', 'packages.web', 'functions', 75, 3],
      ['ci/quality-floors.json', 'packages.web', 'branches', 70, 3],
      ['ci/quality-floors.json', 'packages.api', 'lines', 90, 4],
      ['ci/quality-floors.json', 'packages.api', 'branches', -10, 4],
      ['ci/quality-floors.json', 'python', 'lines', 85, 6],
      ['ci/quality-floors.json', 'python', 'branches', 60, 6],
    ]);
    expect(facts.thresholds.every((t) => t.tool === 'threshold-file')).toBe(true);
  });

  it('reads a YAML file referenced from a script file, and the same floors reformatted', () => {
    const yaml = `# per-package floors\npackages:\n  web:\n    lines: 80\n    branches: 70\n`;
    const script = `import { readFileSync } from 'node:fs';\nconst floors = parse(readFileSync(new URL('../coverage/floors.yml', import.meta.url)));\n`;
    const facts = thresholdFilesReader.read(memorySource({ 'scripts/check.mjs': script, 'config/floors.yml': yaml }));
    expect(facts.thresholds.map((t) => [t.target, t.metric, t.value, t.origin.line])).toEqual([
      ['packages.web', 'lines', 80, 4],
      ['packages.web', 'branches', 70, 5],
    ]);
    const json = thresholdFilesReader.read(memorySource({ 'scripts/check.mjs': script, 'config/floors.yml': '{"packages": {"web": {"branches": 70, "lines": 80}}}' }));
    const key = (t: { target: string; metric: string; value: number }): string => `${t.target}/${t.metric}=${t.value}`;
    expect(json.thresholds.map(key).sort()).toEqual(facts.thresholds.map(key).sort());
  });

  it('counts a file named like thresholds on its shape alone', () => {
    const facts = thresholdFilesReader.read(memorySource({ 'coverage-thresholds.json': '{ "lines": 95, "functions": 90 }' }));
    expect(facts.thresholds.map((t) => [t.target, t.metric, t.value])).toEqual([['global', 'lines', 95], ['global', 'functions', 90]]);
  });

  it('ignores numbers-only JSON that is neither referenced nor named like thresholds', () => {
    const stats = '{ "lines": 1200, "functions": 80, "branches": 44, "statements": 900 }';
    const small = '{ "lines": 12, "functions": 8 }';
    expect(thresholdFilesReader.read(memorySource({ 'packages/web/stats.json': small, 'package.json': '{"scripts":{"test":"vitest"}}' })).thresholds).toEqual([]);
    // Referenced, but a metric above 100 means counts, not percentage floors.
    expect(thresholdFilesReader.read(memorySource({ 'stats.json': stats, 'package.json': '{"scripts":{"stats":"node scripts/s.js stats.json"}}' })).thresholds).toEqual([]);
  });
});
