import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

it('npm start replays the coverage story and catches every move a shipped rule covers', () => {
  const demo = path.resolve(import.meta.dirname, '../dist/src/demo/main.js');
  const run = spawnSync(process.execPath, [demo], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('BLOCK');
  expect(run.stdout).toContain('caught by tests/disabled');
  expect(run.stdout).toContain('caught by types/suppression');
  expect(run.stdout).toContain('caught by coverage/ignore-pragma');
  expect(run.stdout).toContain('caught by gates/protected-file-changed');
  expect(run.stdout).toContain('caught by coverage/scope-narrowed');
  expect(run.stdout).toContain('caught by coverage/true-coverage');
  expect(run.stdout).toContain('caught by tests/assertion-weakened');
  expect(run.stdout).toMatch(/Coverage no longer measures 2 files that still exist .*src\/cart\.ts, src\/discount\.ts/);
  expect(run.stdout).toContain("Head reports 100% (2/2) of lines; over the base's files it is 18.18% (2/11)");
  expect(run.stdout).toContain('caught by claims/contradicted');
  expect(run.stdout).toMatch(/✗ CONTRADICTED {2}pr\.md:\d+ {2}"Coverage is now 100% across statements, branches, functions and lines\."/);
  expect(run.stdout).toMatch(/✗ CONTRADICTED {2}pr\.md:\d+ {2}"All tests pass \(2 passed, 1 skipped\)\."/);
  expect(run.stdout).toContain('2 files were removed from measurement');
  // The JUnit evidence of the two runs: the skipped test did not run at head.
  expect(run.stdout).toMatch(/evidence: junit .*junit-head\.xml: 2 passed, 1 skipped of 3/);
  expect(run.stdout).toContain('caught by tests/not-run');
  expect(run.stdout).not.toContain('MISSED');
  expect(run.stdout).not.toContain('not yet');
});
