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
  expect(run.stdout).not.toContain('MISSED');
});
