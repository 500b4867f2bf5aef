import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretSamples } from '../../bench/secrets-corpus.js';
import { redact } from '../../src/core/redact.js';
import { runGates } from '../../src/gates/run.js';
import { renderGateSummary } from '../../src/gates/summary.js';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import type { GitFixture } from '../helpers/git-fixture.js';
import { BROKEN_SUM, gatehouseYml, project, scratch, UNIT_GATE } from './project.js';




function gatesOf(repo: GitFixture) {
  return parsePolicy(readFileSync(path.join(repo.dir, 'gatehouse.yml'), 'utf8'), 'gatehouse.yml', new Set()).gates;
}

function run(repo: GitFixture, options: { revision?: string; noCache?: boolean; jobs?: number } = {}) {
  return runGates({ repoDir: repo.dir, revision: options.revision ?? 'worktree', gates: gatesOf(repo), noCache: options.noCache ?? true, ...(options.jobs ? { jobs: options.jobs } : {}) });
}

/** Waits up to 5 s for a process to be gone (and reaped), then says whether it is still there. */
async function stillAlive(pid: number): Promise<boolean> {
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return alive(pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('runGates: fail closed', () => {
  it('passes a gate that exits 0 with JUnit and coverage evidence it wrote', async () => {
    const repo = project(UNIT_GATE);
    const result = (await run(repo)).results[0]!;
    expect(result).toMatchObject({ name: 'unit', state: 'passed', reason: null, exitCode: 0, cached: false, failure: null, line: 3 });
    expect(result.evidence.map((entry) => [entry.spec.format, entry.status])).toEqual([
      ['junit', 'ok'],
      ['coverage', 'ok'],
    ]);
    const tests = result.evidence[0]!.evidence;
    expect(tests?.kind === 'tests' ? tests.report.totals : null).toMatchObject({ tests: 3, passed: 3, failed: 0 });
    expect(result.evidence[1]!.evidence?.kind).toBe('coverage');
    expect(result.outputTail).toContain('✓ adds negatives');
  });

  it('fails a gate whose command exits non-zero', async () => {
    const repo = project(UNIT_GATE);
    repo.write({ 'src/sum.js': BROKEN_SUM });
    const result = (await run(repo)).results[0]!;
    expect(result).toMatchObject({ state: 'failed', reason: 'exited 1', exitCode: 1, failure: 'exit' });
    expect(result.outputTail).toContain('✗ adds');
  });

  it('fails a gate that passes with zero tests', async () => {
    const repo = project('  unit:\n    kind: test\n    run: node scripts/test.mjs no-such-test\n    evidence: { junit: reports/junit.xml }\n');
    const result = (await run(repo)).results[0]!;
    expect(result).toMatchObject({ state: 'failed', exitCode: 0, failure: 'report', reason: 'reported zero tests (reports/junit.xml)' });
  });

  it('fails a gate whose JUnit report shows failures though it exited 0, and one over max-skipped', async () => {
    const repo = project(
      [
        '  lenient:',
        '    kind: test',
        '    run: node scripts/test.mjs || true',
        '    evidence: { junit: reports/junit.xml }',
        '  skipping:',
        '    kind: test',
        '    run: node scripts/test.mjs',
        '    env: { SKIP: "adds zero,adds negatives" }',
        '    evidence: { junit: reports/junit.xml }',
        '    max-skipped: 1',
        '    needs: [lenient]',
        '',
      ].join('\n'),
    );
    repo.write({ 'src/sum.js': 'export const sum = (a, b) => (a === 0 ? 0 : a + b);\n' });
    let [lenient, skipping] = (await run(repo)).results;
    expect(lenient).toMatchObject({ state: 'failed', exitCode: 0, failure: 'report', reason: 'reports/junit.xml reports 1 failing test, though the command exited 0' });
    expect(skipping).toMatchObject({ state: 'not-run', reason: "not run: needs 'lenient', which failed" });
    repo.write({ 'src/sum.js': 'export const sum = (a, b) => a + b;\n' });
    [lenient, skipping] = (await run(repo)).results;
    expect(lenient!.state).toBe('passed');
    expect(skipping).toMatchObject({ state: 'failed', failure: 'report', reason: 'reports/junit.xml reports 2 skipped tests, more than max-skipped 1' });
  });

  it('reads tsc output and ESLint JSON as evidence, and fails a gate whose report shows errors though it exited 0', async () => {
    const eslint = (errors: number) =>
      JSON.stringify([{ filePath: 'src/sum.js', messages: Array.from({ length: errors }, () => ({ ruleId: 'no-undef', severity: 2, message: "'x' is not defined.", line: 1, column: 1 })), errorCount: errors, warningCount: 0 }]);
    const repo = project(
      [
        '  types: { kind: typecheck, run: "true", evidence: { tsc: null } }',
        '  types-lenient:',
        '    kind: typecheck',
        '    run: |',
        '      echo "src/sum.ts(1,7): error TS2322: Type \'string\' is not assignable to type \'number\'."; exit 0',
        '    evidence: { tsc: null }',
        '  lint:',
        '    kind: lint',
        `    run: mkdir -p reports && echo '${eslint(0)}' > reports/eslint.json`,
        '    evidence: { eslint: reports/eslint.json }',
        '  lint-lenient:',
        '    kind: lint',
        `    run: mkdir -p reports && echo '${eslint(2)}' > reports/eslint-lenient.json`,
        '    evidence: { eslint: reports/eslint-lenient.json }',
        '',
      ].join('\n'),
    );
    const [types, typesLenient, lint, lintLenient] = (await run(repo)).results;
    expect(types).toMatchObject({ state: 'passed', evidence: [{ status: 'ok', evidence: { kind: 'typecheck', report: { errorCount: 0 } } }] });
    expect(typesLenient).toMatchObject({ state: 'failed', failure: 'report', reason: 'its output reports 1 type error, though the command exited 0' });
    expect(lint).toMatchObject({ state: 'passed', evidence: [{ status: 'ok', evidence: { kind: 'lint' } }] });
    expect(lintLenient).toMatchObject({ state: 'failed', failure: 'report', reason: 'reports/eslint-lenient.json reports 2 lint errors, though the command exited 0' });
  });

  it('fails a gate whose tsc output is not tsc output', async () => {
    const repo = project('  types: { kind: typecheck, run: "echo all types fine", evidence: { tsc: null } }\n');
    const result = (await run(repo)).results[0]!;
    expect(result).toMatchObject({ state: 'failed', failure: 'evidence' });
    expect(result.reason).toMatch(/^unparseable tsc evidence: output:1: not tsc output/);
  });

  it('keeps the last 40 lines of output, with credentials redacted', async () => {
    const token = secretSamples(1).find((sample) => sample.kind === 'github-token')!.value;
    const repo = project(`  noisy: { kind: test, run: "seq 1 100; echo token=${token}; exit 1" }\n`);
    const result = (await run(repo)).results[0]!;
    const lines = result.outputTail.split('\n');
    expect(lines).toHaveLength(40);
    expect(lines[0]).toBe('62');
    expect(lines.at(-1)).toBe(`token=${redact(token)}`);
    expect(result.outputTail).not.toContain(token);
  });

  it('runs a gate in its cwd, with evidence paths still relative to the checkout root', async () => {
    const repo = project(
      [
        '  app:',
        '    kind: test',
        '    cwd: packages/app',
        '    run: node ../../scripts/test.mjs && pwd > where.txt && mv reports ../../reports',
        '    evidence: { junit: reports/junit.xml }',
        '  nowhere: { kind: test, run: "true", cwd: packages/missing }',
        '',
      ].join('\n'),
      { 'packages/app/.keep': '' },
    );
    const [app, nowhere] = (await run(repo)).results;
    expect(app).toMatchObject({ state: 'passed' });
    expect(readFileSync(path.join(repo.dir, 'packages/app/where.txt'), 'utf8').trim()).toBe(execFileSync('realpath', [path.join(repo.dir, 'packages/app')], { encoding: 'utf8' }).trim());
    expect(nowhere).toMatchObject({ state: 'failed', failure: 'error', reason: "cwd 'packages/missing' does not exist in the checkout" });
  });

  it('fails a gate whose declared evidence file is missing, naming the file', async () => {
    const repo = project('  unit:\n    kind: test\n    run: node -e "console.log(\'all good\')"\n    evidence: { junit: reports/junit.xml }\n');
    const result = (await run(repo)).results[0]!;
    expect(result).toMatchObject({ state: 'failed', exitCode: 0, failure: 'evidence', reason: 'reports/junit.xml: missing (the command did not write it)' });
    expect(result.evidence[0]).toMatchObject({ status: 'missing', evidence: null });
  });

  it('fails a gate whose evidence is empty or unparseable', async () => {
    const repo = project(
      [
        '  empty:',
        '    kind: test',
        '    run: mkdir -p reports && printf "" > reports/empty.xml',
        '    evidence: { junit: reports/empty.xml }',
        '  garbled:',
        '    kind: coverage',
        '    run: mkdir -p coverage && echo "this is not coverage" > coverage/lcov.info',
        '    evidence: { coverage: coverage/lcov.info }',
        '  truncated:',
        '    kind: test',
        '    run: mkdir -p reports && printf \'<testsuites><testsuite name="a"><testcase name="b">\' > reports/junit.xml',
        '    evidence: { junit: reports/junit.xml }',
        '',
      ].join('\n'),
    );
    const [empty, garbled, truncated] = (await run(repo)).results;
    expect(empty).toMatchObject({ state: 'failed', failure: 'evidence', reason: 'reports/empty.xml: empty' });
    expect(garbled).toMatchObject({ state: 'failed', failure: 'evidence' });
    expect(garbled!.reason).toMatch(/^unparseable coverage evidence: coverage\/lcov\.info/);
    expect(truncated).toMatchObject({ state: 'failed', failure: 'evidence' });
    expect(truncated!.reason).toMatch(/^unparseable junit evidence: reports\/junit\.xml/);
  });

  it('does not accept an evidence file left over from before the run', async () => {
    const repo = project('  unit:\n    kind: test\n    run: "true"\n    evidence: { junit: reports/junit.xml }\n');
    execFileSync('node', ['scripts/test.mjs'], { cwd: repo.dir });
    expect(existsSync(path.join(repo.dir, 'reports/junit.xml'))).toBe(true);
    const result = (await run(repo)).results[0]!;
    expect(result).toMatchObject({ state: 'failed', failure: 'evidence', reason: 'reports/junit.xml: not written by this run (the file is older than the run)' });
  });

  it('does not accept a committed evidence file when running a revision', async () => {
    const repo = project('  unit:\n    kind: test\n    run: "true"\n    evidence: { junit: reports/junit.xml }\n', { '.gitignore': '' });
    execFileSync('node', ['scripts/test.mjs'], { cwd: repo.dir });
    repo.commit({}, 'commit a green report');
    const result = (await run(repo, { revision: 'HEAD' })).results[0]!;
    expect(result).toMatchObject({ state: 'failed', failure: 'evidence', reason: 'reports/junit.xml: missing (the command did not write it)' });
  });

  it('fails a gate whose browser did not start, whatever its exit code', async () => {
    const repo = project(
      [
        '  e2e:',
        '    kind: e2e',
        '    run: |',
        '      echo "Error: browserType.launch: Executable doesn\'t exist at /root/.cache/ms-playwright/chromium-1140/chrome-linux/chrome" >&2; exit 1',
        '  puppeteer:',
        '    kind: e2e',
        '    run: |',
        '      echo "Error: Could not find Chrome (ver. 131.0.6778.85)."; exit 0',
        '',
      ].join('\n'),
    );
    const [e2e, puppeteer] = (await run(repo)).results;
    expect(e2e).toMatchObject({ state: 'failed', failure: 'browser' });
    expect(e2e!.reason).toBe("could not start its browser: Error: browserType.launch: Executable doesn't exist at /root/.cache/ms-playwright/chromium-1140/chrome-linux/chrome");
    expect(puppeteer).toMatchObject({ state: 'failed', failure: 'browser', exitCode: 0, reason: 'could not start its browser: Error: Could not find Chrome (ver. 131.0.6778.85).' });
  });

  it('kills the whole process group of a gate that times out', async () => {
    const dir = scratch();
    const pidFile = path.join(dir, 'sleep.pid');
    const repo = project(`  slow:\n    kind: test\n    run: sleep 30 & echo $! > ${pidFile}; wait\n    timeout: 500ms\n`);
    const started = Date.now();
    const result = (await run(repo)).results[0]!;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result).toMatchObject({ state: 'timed-out', reason: 'timed out after 500ms', failure: 'timeout' });
    expect(await stillAlive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('runs gates after the gates they need, and does not run those whose need failed', async () => {
    const dir = scratch();
    const log = path.join(dir, 'order.log');
    const repo = project(
      [
        `  build: { kind: build, run: "sleep 0.3; echo build >> ${log}" }`,
        `  unit: { kind: test, run: "echo unit >> ${log}", needs: [build] }`,
        `  e2e: { kind: e2e, run: "echo e2e >> ${log}", needs: [unit] }`,
        '',
      ].join('\n'),
    );
    const passed = await run(repo, { jobs: 4 });
    expect(passed.results.map((result) => result.state)).toEqual(['passed', 'passed', 'passed']);
    expect(readFileSync(log, 'utf8')).toBe('build\nunit\ne2e\n');

    rmSync(log);
    repo.commit({ 'gatehouse.yml': gatehouseYml(`  build: { kind: build, run: "exit 3" }\n  unit: { kind: test, run: "echo unit >> ${log}", needs: [build] }\n  e2e: { kind: e2e, run: "echo e2e >> ${log}", needs: [unit] }\n`) });
    const failed = await run(repo);
    expect(failed.results.map((result) => [result.name, result.state, result.reason])).toEqual([
      ['build', 'failed', 'exited 3'],
      ['unit', 'not-run', "not run: needs 'build', which failed"],
      ['e2e', 'not-run', "not run: needs 'unit', which did not run"],
    ]);
    expect(existsSync(log)).toBe(false);
    const summary = renderGateSummary(failed);
    expect(summary).toContain("not run: needs 'build', which failed");
    expect(summary).toContain('3 gates: 1 failed, 2 not run');
    expect(summary).not.toMatch(/✓/);
  });

  it('runs independent gates in parallel', async () => {
    const dir = scratch();
    const stamp = (name: string) => `node -e "const fs=require('fs');const a=Date.now();setTimeout(()=>fs.writeFileSync('${path.join(dir, name)}',a+' '+Date.now()),800)"`;
    const repo = project(`  one: { kind: custom, run: "${stamp('one').replaceAll('"', '\\"')}" }\n  two: { kind: custom, run: "${stamp('two').replaceAll('"', '\\"')}" }\n`);
    const result = await run(repo, { jobs: 2 });
    expect(result.results.map((r) => r.state)).toEqual(['passed', 'passed']);
    const [oneStart, oneEnd] = readFileSync(path.join(dir, 'one'), 'utf8').split(' ').map(Number);
    const [twoStart, twoEnd] = readFileSync(path.join(dir, 'two'), 'utf8').split(' ').map(Number);
    // Overlapping intervals: each started before the other ended.
    expect(oneStart!).toBeLessThan(twoEnd!);
    expect(twoStart!).toBeLessThan(oneEnd!);
  });

  it('runs one at a time with jobs 1', async () => {
    const dir = scratch();
    const stamp = (name: string) => `node -e \\"const fs=require('fs');const a=Date.now();setTimeout(()=>fs.writeFileSync('${path.join(dir, name)}',a+' '+Date.now()),300)\\"`;
    const repo = project(`  one: { kind: custom, run: "${stamp('one')}" }\n  two: { kind: custom, run: "${stamp('two')}" }\n`);
    await run(repo, { jobs: 1 });
    const [, oneEnd] = readFileSync(path.join(dir, 'one'), 'utf8').split(' ').map(Number);
    const [twoStart] = readFileSync(path.join(dir, 'two'), 'utf8').split(' ').map(Number);
    expect(twoStart!).toBeGreaterThanOrEqual(oneEnd!);
  });
});

describe('runGates: revisions and the cache', () => {
  it('runs a revision in a temporary worktree and removes it', async () => {
    const repo = project(UNIT_GATE);
    const head = repo.git('rev-parse', 'HEAD');
    repo.write({ 'src/sum.js': BROKEN_SUM });
    const result = await run(repo, { revision: 'HEAD' });
    expect(result.commit).toBe(head);
    expect(result.tree).toBe(repo.git('rev-parse', 'HEAD^{tree}'));
    expect(result.results[0]!.state).toBe('passed');
    expect(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    // The working tree was not touched: the edit is still there, and not what ran.
    expect(readFileSync(path.join(repo.dir, 'src/sum.js'), 'utf8')).toBe(BROKEN_SUM);
  });

  it('hashes uncommitted and untracked files without touching the real index', async () => {
    const repo = project(UNIT_GATE);
    const committedTree = repo.git('rev-parse', 'HEAD^{tree}');
    const clean = await run(repo);
    expect(clean.tree).toBe(committedTree);
    repo.write({ 'src/extra.js': 'export const x = 1;\n' });
    repo.git('add', 'src/extra.js');
    repo.write({ 'src/untracked.js': 'export const y = 2;\n' });
    const stagedBefore = repo.git('diff', '--cached', '--name-status');
    const edited = await run(repo);
    expect(edited.tree).not.toBe(committedTree);
    expect(repo.git('ls-tree', '-r', '--name-only', edited.tree).split('\n')).toEqual(expect.arrayContaining(['src/extra.js', 'src/untracked.js']));
    expect(repo.git('diff', '--cached', '--name-status')).toBe(stagedBefore);
    expect(repo.git('status', '--porcelain')).toBe('A  src/extra.js\n?? src/untracked.js');
  });

  it('reuses results for the same tree, runs again when a file changes or the cache is refused', async () => {
    const dir = scratch();
    const counter = path.join(dir, 'counter');
    const repo = project(UNIT_GATE.replace('    kind: test\n', `    kind: test\n    env: { COUNTER: ${counter} }\n`));
    const runs = () => (existsSync(counter) ? readFileSync(counter, 'utf8').split('\n').filter(Boolean).length : 0);
    const first = await run(repo, { noCache: false });
    expect(first.results[0]).toMatchObject({ state: 'passed', cached: false });
    expect(runs()).toBe(1);
    const second = await run(repo, { noCache: false });
    expect(second.results[0]).toMatchObject({ state: 'passed', cached: true });
    expect(second.results[0]!.evidence[0]!.evidence?.kind).toBe('tests');
    expect(second.tree).toBe(first.tree);
    expect(runs()).toBe(1);
    expect(renderGateSummary(second)).toContain('cached');
    // Gatehouse's own folder ignores itself: it is neither in git status nor in the tree.
    expect(repo.git('status', '--porcelain')).toBe('');

    // Same size, within a second of the commit: the tree hash must still see the edit.
    writeFileSync(path.join(repo.dir, 'src/sum.js'), BROKEN_SUM);
    const changed = await run(repo, { noCache: false });
    expect(changed.tree).not.toBe(first.tree);
    expect(changed.results[0]).toMatchObject({ state: 'failed', cached: false, reason: 'exited 1' });
    expect(runs()).toBe(2);
    // A failure is a fact about the tree too: cached.
    expect((await run(repo, { noCache: false })).results[0]).toMatchObject({ state: 'failed', cached: true });
    expect(runs()).toBe(2);
    expect((await run(repo, { noCache: true })).results[0]).toMatchObject({ state: 'failed', cached: false });
    expect(runs()).toBe(3);
  });

  it('does not cache a timeout', async () => {
    const dir = scratch();
    const counter = path.join(dir, 'counter');
    const repo = project(`  slow: { kind: test, run: "echo x >> ${counter}; sleep 5", timeout: 300ms }\n`);
    await run(repo, { noCache: false });
    const again = await run(repo, { noCache: false });
    expect(again.results[0]).toMatchObject({ state: 'timed-out', cached: false });
    expect(readFileSync(counter, 'utf8')).toBe('x\nx\n');
  });

  it('cancels running and waiting gates when aborted, and removes the worktree', async () => {
    const dir = scratch();
    const pidFile = path.join(dir, 'pid');
    const repo = project(`  slow: { kind: test, run: "sleep 30 & echo $! > ${pidFile}; wait" }\n  after: { kind: test, run: "true", needs: [slow] }\n`);
    const controller = new AbortController();
    // Interrupt once the gate's child process is running.
    const poll = setInterval(() => {
      if (existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '') controller.abort();
    }, 50);
    const result = await runGates({ repoDir: repo.dir, revision: 'HEAD', gates: gatesOf(repo), noCache: true, signal: controller.signal }).finally(() => {
      clearInterval(poll);
    });
    expect(result.results.map((r) => r.state)).toEqual(['cancelled', 'not-run']);
    expect(result.results[1]!.reason).toBe("not run: needs 'slow', which was cancelled");
    expect(await stillAlive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
    expect(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
  });
});
