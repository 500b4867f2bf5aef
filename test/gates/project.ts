import { mkdtempSync, rmSync } from 'node:fs';
import { onTestFinished } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GitFixture } from '../helpers/git-fixture.js';

/**
 * A small real project: a module, its tests, and a test script that runs them and writes what
 * vitest or jest would (a JUnit report and an lcov file). No network, no npx: the test runner is
 * a dozen lines of node, so the gates run real commands on real files.
 */
export const RUNNER = `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { sum } from '../src/sum.js';

const filter = process.argv[2] ?? '';
const skip = (process.env.SKIP ?? '').split(',').filter(Boolean);
const cases = [
  ['adds', () => sum(1, 2) === 3],
  ['adds negatives', () => sum(-1, -2) === -3],
  ['adds zero', () => sum(0, 5) === 5],
].filter(([name]) => name.includes(filter));
if (process.env.COUNTER) appendFileSync(process.env.COUNTER, 'ran\\n');
const results = cases.map(([name, test]) => ({ name, outcome: skip.includes(name) ? 'skipped' : test() ? 'passed' : 'failed' }));
const failures = results.filter((r) => r.outcome === 'failed').length;
const skipped = results.filter((r) => r.outcome === 'skipped').length;
const body = results
  .map((r) => '    <testcase classname="test/sum.test.js" name="' + r.name + '" time="0.001">' + (r.outcome === 'failed' ? '<failure message="expected"/>' : r.outcome === 'skipped' ? '<skipped/>' : '') + '</testcase>')
  .join('\\n');
mkdirSync('reports', { recursive: true });
writeFileSync('reports/junit.xml', '<?xml version="1.0" encoding="UTF-8"?>\\n<testsuites name="vitest tests" tests="' + results.length + '" failures="' + failures + '" errors="0" skipped="' + skipped + '">\\n  <testsuite name="test/sum.test.js" tests="' + results.length + '" failures="' + failures + '" errors="0" skipped="' + skipped + '">\\n' + body + '\\n  </testsuite>\\n</testsuites>\\n');
mkdirSync('coverage', { recursive: true });
writeFileSync('coverage/lcov.info', 'TN:\\nSF:src/sum.js\\nFN:1,sum\\nFNDA:' + results.length + ',sum\\nFNF:1\\nFNH:1\\nDA:1,' + results.length + '\\nLF:1\\nLH:1\\nend_of_record\\n');
for (const r of results) console.log((r.outcome === 'passed' ? '✓ ' : r.outcome === 'skipped' ? '↓ ' : '✗ ') + r.name);
process.exit(failures > 0 ? 1 : 0);
`;

export const SUM = 'export const sum = (a, b) => a + b;\n';
export const BROKEN_SUM = 'export const sum = (a, b) => a - b;\n';

export function gatehouseYml(gates: string): string {
  return `version: 1\ngates:\n${gates}`;
}

export const UNIT_GATE = `  unit:
    kind: test
    run: node scripts/test.mjs
    evidence:
      junit: reports/junit.xml
      coverage: coverage/lcov.info
`;

/**
 * A committed project with the given gates; reports/ and coverage/ are gitignored as in real
 * projects. Removed when the test that made it finishes.
 */
export function project(gates: string, extra: Record<string, string> = {}): GitFixture {
  const repo = new GitFixture();
  onTestFinished(() => {
    repo.cleanup();
  });
  repo.commit({
    'package.json': '{ "name": "sum", "type": "module", "scripts": { "test": "node scripts/test.mjs" } }\n',
    '.gitignore': 'reports/\ncoverage/\n',
    'src/sum.js': SUM,
    'scripts/test.mjs': RUNNER,
    'gatehouse.yml': gatehouseYml(gates),
    ...extra,
  });
  return repo;
}

/** A folder outside every repository, for counter files and logs; removed when the test finishes. */
export function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-scratch-'));
  onTestFinished(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
