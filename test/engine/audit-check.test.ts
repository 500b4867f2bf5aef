import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/engine/audit.js';
import { runCli } from '../helpers/cli.js';
import type { GitFixture } from '../helpers/git-fixture.js';
import { BROKEN_SUM, RUNNER, UNIT_GATE, project, scratch } from '../gates/project.js';

function setUp(gates: string): { repo: GitFixture; base: string } {
  const repo = project(gates);
  return { repo, base: repo.git('rev-parse', 'HEAD') };
}

/** The agent's move: the runner no longer runs one of the three tests. */
const NARROWED_RUNNER = RUNNER.replace("  ['adds negatives', () => sum(-1, -2) === -3],\n", '');

describe('audit --check', () => {
  it('runs the base gates on both sides and checks the tests that ran and the claims against their evidence', async () => {
    const { repo, base } = setUp(UNIT_GATE);
    const head = repo.commit({ 'scripts/test.mjs': NARROWED_RUNNER }, 'Tidy the test runner\n\nAll 3 tests pass.');
    const result = await audit({ repoDir: repo.dir, range: { range: `${base}..${head}` }, check: {}, report: '## Verification\n- Coverage is 100%\n', reportName: 'pr.md' });
    expect(result.gates?.base?.results.map((r) => [r.name, r.state])).toEqual([['unit', 'passed']]);
    expect(result.gates?.head?.results.map((r) => [r.name, r.state])).toEqual([['unit', 'passed']]);
    const notRun = result.findings.filter((f) => f.ruleId === 'tests/not-run');
    expect(notRun).toHaveLength(1);
    expect(notRun[0]!.message).toContain('adds negatives');
    const claims = result.claims.map((check) => [check.claim.kind, check.status]);
    // "All 3 tests pass": the head run has 2 tests, one that ran at base did not run.
    expect(claims).toContainEqual(['tests-pass', 'contradicted']);
    // The coverage gate's lcov says 100% of the one measured file at both sides.
    expect(claims).toContainEqual(['coverage', 'supported']);
    expect(result.verdict).toBe('block');
  });

  it('reports a gate that passed at base and fails at head, and contradicts "all tests pass"', async () => {
    const { repo, base } = setUp(UNIT_GATE);
    const head = repo.commit({ 'src/sum.js': BROKEN_SUM }, 'Simplify sum; all tests pass');
    const result = await audit({ repoDir: repo.dir, range: { range: `${base}..${head}` }, check: {} });
    const failed = result.findings.filter((f) => f.ruleId === 'gates/failed');
    expect(failed.map((f) => [f.file, f.severity])).toEqual([['gatehouse.yml', 'block']]);
    expect(failed[0]!.message).toMatch(/passed at base/);
    expect(result.claims.map((check) => [check.claim.kind, check.status])).toEqual([['tests-pass', 'contradicted']]);
  });

  it('reuses cached results for trees already checked: the second audit runs no gate', async () => {
    const dir = scratch();
    const counter = path.join(dir, 'counter');
    const { repo, base } = setUp(`${UNIT_GATE}    env: { COUNTER: ${JSON.stringify(counter)} }\n`);
    const head = repo.commit({ 'README.md': '# sum\n' }, 'docs');
    await audit({ repoDir: repo.dir, range: { range: `${base}..${head}` }, check: {} });
    expect(readFileSync(counter, 'utf8').trim().split('\n')).toHaveLength(2);
    const again = await audit({ repoDir: repo.dir, range: { range: `${base}..${head}` }, check: {} });
    expect(readFileSync(counter, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(again.gates?.head?.results.every((r) => r.cached)).toBe(true);
    await audit({ repoDir: repo.dir, range: { range: `${base}..${head}` }, check: { noCache: true } });
    expect(readFileSync(counter, 'utf8').trim().split('\n')).toHaveLength(4);
  });

  it('takes the gates from the base policy only: gates the change declares do not run, and none at base is an error', () => {
    const { repo } = setUp('');
    const base = repo.commit({ 'gatehouse.yml': 'version: 1\n' }, 'no gates');
    const head = repo.commit({ 'gatehouse.yml': `version: 1\ngates:\n${UNIT_GATE}` }, 'add a gate');
    const run = runCli(['audit', `${base}..${head}`, '--check'], { cwd: repo.dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`--check: gatehouse.yml@${base.slice(0, 12)} declares no gates`);
  });

  it('on Ctrl-C during the gates stops them, removes the worktree, writes no report and exits 130', async () => {
    const work = scratch();
    const temp = scratch();
    const pidFile = path.join(work, 'pid');
    const { repo, base } = setUp(`  slow: { kind: e2e, run: "sleep 60 & echo $! > ${pidFile}; wait" }\n`);
    const head = repo.commit({ 'README.md': '# sum\n' }, 'docs');
    const cli = path.resolve(import.meta.dirname, '../../dist/cli/main.js');
    const child = spawn(process.execPath, [cli, 'audit', `${base}..${head}`, '--check', '--repo', repo.dir], { env: { ...process.env, TMPDIR: temp }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => {
      child.on('exit', (code) => {
        resolve(code);
      });
    });
    for (let i = 0; i < 200 && !(existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== ''); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(2);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('gatehouse: interrupted while running the gates');
    expect(stdout).toBe('');
    expect(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('is a CLI option: progress on stderr, gates and claims in the JSON report', () => {
    const { repo, base } = setUp(UNIT_GATE);
    const head = repo.commit({ 'src/sum.js': BROKEN_SUM }, 'x');
    const run = runCli(['audit', `${base}..${head}`, '--check', '--format', 'json'], { cwd: repo.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('gatehouse: running the gates at base');
    expect(run.stderr).toContain('head: ');
    const report = JSON.parse(run.stdout) as { gates: { head: { results: { name: string; state: string }[] } }; findings: { ruleId: string }[] };
    expect(report.gates.head.results.map((r) => [r.name, r.state])).toEqual([['unit', 'failed']]);
    expect(report.findings.map((f) => f.ruleId)).toContain('gates/failed');
    expect(runCli(['audit', `${base}..${head}`, '--no-cache'], { cwd: repo.dir }).stderr).toContain('--no-cache and --jobs go with --check');
  });
});
