import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { BROKEN_SUM, gatehouseYml, project, scratch, UNIT_GATE } from '../gates/project.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli/main.js');




function count(file: string): number {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
}

describe('gatehouse check', () => {
  it('runs the gates, prints plain progress off a terminal and a summary, exits 0 when all pass', () => {
    const repo = project(`  build: { kind: build, run: "echo built" }\n${UNIT_GATE}    needs: [build]\n`);
    const run = runCli(['check', '--repo', repo.dir]);
    expect(run.stderr).toContain('build: started\nbuild: passed in');
    expect(run.stderr).toContain('unit: started\nunit: passed in');
    expect(run.stdout).toContain('Gates on the working tree');
    expect(run.stdout).toMatch(/✓ unit\s+passed/);
    expect(run.stdout).toContain('2 gates: 2 passed');
    expect(run.code).toBe(0);
  });

  it('exits 1 with the reason when a gate fails, and writes JSON with --format json', () => {
    const repo = project(UNIT_GATE);
    repo.write({ 'src/sum.js': BROKEN_SUM });
    const text = runCli(['check', '--repo', repo.dir, '--no-cache']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/✗ unit\s+failed .* exited 1/);
    expect(text.stdout).toContain('│ ✗ adds');
    const json = runCli(['check', '--repo', repo.dir, '--format', 'json']);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { commit: string | null; results: { name: string; state: string; reason: string; cached: boolean }[] };
    expect(parsed.commit).toBeNull();
    expect(parsed.results).toMatchObject([{ name: 'unit', state: 'failed', reason: 'exited 1', cached: true }]);
  });

  it('runs no gate again on an unchanged tree, again after an edit, and always with --no-cache', () => {
    const counter = path.join(scratch(), 'counter');
    const repo = project(UNIT_GATE.replace('    kind: test\n', `    kind: test\n    env: { COUNTER: ${counter} }\n`));
    expect(runCli(['check', '--repo', repo.dir]).code).toBe(0);
    expect(count(counter)).toBe(1);
    const again = runCli(['check', '--repo', repo.dir]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('unit: passed (cached)');
    expect(again.stderr).not.toContain('unit: started');
    expect(again.stdout).toContain('(1 from cache)');
    expect(count(counter)).toBe(1);
    writeFileSync(path.join(repo.dir, 'src/sum.js'), 'export const sum = (a, b) => b + a;\n');
    expect(runCli(['check', '--repo', repo.dir]).code).toBe(0);
    expect(count(counter)).toBe(2);
    expect(runCli(['check', '--repo', repo.dir, '--no-cache']).code).toBe(0);
    expect(count(counter)).toBe(3);
  });

  it('takes gate definitions from the committed gatehouse.yml, not from working-tree edits', () => {
    const repo = project(UNIT_GATE);
    // An agent "fixes" the gate by editing the policy in the working tree.
    repo.write({ 'gatehouse.yml': gatehouseYml('  unit: { kind: test, run: "true" }\n'), 'src/sum.js': BROKEN_SUM });
    const run = runCli(['check', '--repo', repo.dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/note: gatehouse\.yml has uncommitted changes; they are not used: the gates come from gatehouse\.yml@[0-9a-f]{12}/);
    expect(run.stdout).toMatch(/✗ unit\s+failed .* exited 1/);
    // Committed, the lenient gate is what HEAD declares; --policy-from picks another revision's.
    repo.commit({}, 'lenient gate');
    expect(runCli(['check', '--repo', repo.dir]).code).toBe(0);
    const strict = runCli(['check', '--repo', repo.dir, '--policy-from', 'HEAD~1']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/✗ unit\s+failed .* exited 1/);
  });

  it('runs only the named gate and the gates it needs', () => {
    const log = path.join(scratch(), 'log');
    const repo = project(`  build: { kind: build, run: "echo build >> ${log}" }\n  unit: { kind: test, run: "echo unit >> ${log}", needs: [build] }\n  lint: { kind: lint, run: "echo lint >> ${log}" }\n`);
    const run = runCli(['check', '--repo', repo.dir, '--gate', 'unit']);
    expect(run.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('build\nunit\n');
  });

  it('runs a revision in a temporary worktree and leaves none behind', () => {
    const repo = project(UNIT_GATE);
    repo.commit({ 'src/sum.js': BROKEN_SUM }, 'break it');
    repo.write({ 'src/sum.js': 'export const sum = (a, b) => a + b;\n' });
    const run = runCli(['check', '--repo', repo.dir, '--rev', 'HEAD']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Gates on ${repo.git('rev-parse', 'HEAD').slice(0, 12)}`);
    expect(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    expect(runCli(['check', '--repo', repo.dir, '--rev', 'HEAD~1']).code).toBe(0);
  });

  it('runs a revision of a bare repository, keeping its cache in the git directory', () => {
    const repo = project(UNIT_GATE);
    const bare = scratch();
    repo.git('clone', '-q', '--bare', repo.dir, path.join(bare, 'repo.git'));
    const run = runCli(['check', '--repo', path.join(bare, 'repo.git'), '--rev', 'HEAD']);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(bare, 'repo.git', 'gatehouse', 'cache')).length).toBe(1);
    expect(runCli(['check', '--repo', path.join(bare, 'repo.git')]).stderr).toContain('a bare repository has no working tree: give --rev');
  });

  it.each([
    [['--rev', 'no-such-rev'], '--rev no-such-rev: not a commit in this repository'],
    [['--gate', 'nope'], "--gate nope: no such gate in gatehouse.yml@"],
    [['--jobs', '0'], "--jobs: '0' is not a positive whole number"],
    [['--format', 'xml'], "--format: 'xml' is not one of text, json"],
    [['extra'], "check: unexpected argument 'extra'"],
  ])('exits 2 for bad input %j', (args, message) => {
    const repo = project(UNIT_GATE);
    const run = runCli(['check', '--repo', repo.dir, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('exits 2 naming the line of a bad gate definition, and when no gates are declared', () => {
    const repo = project(`  unit: { kind: test, run: "true", needs: [build] }\n`);
    const run = runCli(['check', '--repo', repo.dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^gatehouse: error: gatehouse\.yml@[0-9a-f]{12}:3: gates\.unit\.needs: unknown gate 'build'/);
    repo.commit({ 'gatehouse.yml': 'version: 1\n' });
    const none = runCli(['check', '--repo', repo.dir]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('declares no gates');
  });

  it('on Ctrl-C kills the gate, removes the worktree and its folder, and exits 130', async () => {
    const work = scratch();
    const temp = scratch();
    const pidFile = path.join(work, 'pid');
    const repo = project(`  slow: { kind: e2e, run: "sleep 60 & echo $! > ${pidFile}; wait" }\n`);
    const child = spawn(process.execPath, [CLI, 'check', '--rev', 'HEAD', '--repo', repo.dir], { env: { ...process.env, TMPDIR: temp }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
      resolve(code);
    }));
    for (let i = 0; i < 200 && !(existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== ''); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(2);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stdout).toMatch(/✗ slow\s+cancelled/);
    expect(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    expect(readdirSync(temp)).toEqual([]);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    const alive = (): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 50 && alive(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive()).toBe(false);
  });
});
