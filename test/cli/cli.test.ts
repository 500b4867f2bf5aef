import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { GitFixture } from '../helpers/git-fixture.js';

const fixtures: GitFixture[] = [];
function repoWith(base: Record<string, string>, head: Record<string, string>): { f: GitFixture; base: string; head: string } {
  const f = new GitFixture();
  fixtures.push(f);
  const baseSha = f.commit(base, 'base', { replace: true });
  const headSha = f.commit(head, 'head: all tests pass', { replace: true });
  return { f, base: baseSha, head: headSha };
}
afterEach(() => {
  for (const f of fixtures.splice(0)) f.cleanup();
});

/** An ANSI escape sequence (ESC + '['), built from its code so the pattern holds no control character. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

const clean = { 'src/a.ts': 'export const a = 1;\n' };
const suppressed = { 'src/a.ts': '// @ts-ignore\nexport const a: number = "1";\n' };
const skipped = {
  'src/a.ts': 'export const a = 1;\n',
  'test/a.test.ts': "import { it, expect } from 'vitest';\nit.skip('a', () => {\n  expect(1).toBe(1);\n});\n",
};
const testFile = { 'src/a.ts': 'export const a = 1;\n', 'test/a.test.ts': "import { it, expect } from 'vitest';\nit('a', () => {\n  expect(1).toBe(1);\n});\n" };

/** A user-facing error: exactly one line on stderr, exit 2, no stack trace. */
function expectOneLineError(run: ReturnType<typeof runCli>, text: string | RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('gatehouse CLI', () => {
  it('prints help for every command', () => {
    for (const args of [['--help'], ['audit', '--help'], ['rules', '--help'], ['audit', '-h']]) {
      const run = runCli(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/^Usage: gatehouse/);
    }
  });

  it('lists rules and shows one', () => {
    const list = runCli(['rules']);
    expect(list.code).toBe(0);
    for (const id of ['tests/disabled', 'types/suppression', 'lint/suppression', 'coverage/ignore-pragma', 'gatehouse/config-changed', 'gates/protected-file-changed']) {
      expect(list.stdout).toContain(id);
    }
    const one = runCli(['rules', 'tests/disabled']);
    expect(one.stdout).toContain('Why it matters');
    const json = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as { id: string }[];
    expect(json.map((r) => r.id)).toContain('lint/suppression');
    expectOneLineError(runCli(['rules', 'nope/rule']), "unknown rule 'nope/rule'");
  });

  it('rejects unknown commands and options with one line and exit 2', () => {
    expectOneLineError(runCli(['frobnicate']), "unknown command 'frobnicate'");
    expectOneLineError(runCli(['audit', '--frobnicate']), "audit: Unknown option '--frobnicate'");
    expectOneLineError(runCli(['audit', '--format', 'pdf']), "--format: 'pdf' is not one of text, json, markdown, sarif, github");
    expectOneLineError(runCli(['audit', '--fail-on', 'never']), '--fail-on');
  });

  it('rejects a folder that is not a repository, and unknown revisions', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-cli-'));
    try {
      expectOneLineError(runCli(['audit', 'HEAD~1..HEAD', '--repo', dir]), 'not a git repository');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const { f } = repoWith(clean, clean);
    expectOneLineError(runCli(['audit', 'nope..HEAD', '--repo', f.dir]), "unknown revision 'nope'");
  });

  it('shows a stack trace only with --debug', () => {
    const { f } = repoWith(clean, clean);
    const run = runCli(['audit', 'nope..HEAD', '--repo', f.dir, '--debug']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\n\s+at /);
  });

  it('exits 0 on pass, 1 on needs-human or block, and honours --fail-on block', () => {
    const pass = repoWith(clean, { 'src/a.ts': 'export const a = 2;\n' });
    expect(runCli(['audit', `${pass.base}..${pass.head}`, '--repo', pass.f.dir]).code).toBe(0);

    const warn = repoWith(clean, suppressed);
    const warnRun = runCli(['audit', `${warn.base}..${warn.head}`, '--repo', warn.f.dir]);
    expect(warnRun.code).toBe(1);
    expect(warnRun.stdout).toContain('src/a.ts:1');
    expect(runCli(['audit', `${warn.base}..${warn.head}`, '--repo', warn.f.dir, '--fail-on', 'block']).code).toBe(0);

    const block = repoWith(testFile, skipped);
    expect(runCli(['audit', `${block.base}..${block.head}`, '--repo', block.f.dir, '--fail-on', 'block']).code).toBe(1);
  });

  it('audits the current branch against the default branch when no range is given', () => {
    const f = new GitFixture();
    fixtures.push(f);
    f.commit(testFile, 'base');
    f.git('checkout', '-q', '-b', 'agent');
    f.commit(skipped, 'skip it', { replace: true });
    const run = runCli(['audit', '--format', 'json'], { cwd: f.dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { range: string; findings: { ruleId: string }[] };
    expect(report.range).toBe('main...HEAD');
    expect(report.findings.map((x) => x.ruleId)).toEqual(['tests/disabled']);
  });

  it('reads the policy from the base revision, never from the head', () => {
    const base = { ...testFile, 'gatehouse.yml': 'rules:\n  tests/disabled: block\n' };
    const head = { ...skipped, 'gatehouse.yml': 'rules:\n  tests/disabled: off\nignore:\n  - paths: ["**"]\n    reason: all good\n' };
    const { f, base: b, head: h } = repoWith(base, head);
    const run = runCli(['audit', `${b}..${h}`, '--repo', f.dir, '--format', 'json']);
    const report = JSON.parse(run.stdout) as { verdict: string; policy: string; findings: { ruleId: string; ignored?: unknown }[] };
    expect(run.code).toBe(1);
    expect(report.verdict).toBe('block');
    expect(report.policy).toBe(`gatehouse.yml@${b.slice(0, 12)}`);
    // The head commit's message says "all tests pass" while a test is skipped: a contradicted claim.
    expect(report.findings.map((x) => x.ruleId).sort()).toEqual(['claims/contradicted', 'gatehouse/config-changed', 'tests/disabled']);
    expect(report.findings.every((x) => x.ignored === undefined)).toBe(true);
  });

  it('stops on an invalid base policy without writing or truncating the output file', () => {
    const { f, base, head } = repoWith({ ...clean, 'gatehouse.yml': 'rules:\n  tests/disabled: sometimes\n' }, suppressed);
    const out = path.join(f.dir, 'report.json');
    writeFileSync(out, 'previous report\n');
    const run = runCli(['audit', `${base}..${head}`, '--repo', f.dir, '--output', out]);
    expectOneLineError(run, `gatehouse.yml@${base.slice(0, 12)}:2: rules.tests/disabled: must be one of`);
    expect(readFileSync(out, 'utf8')).toBe('previous report\n');
  });

  it('writes every format to --output, and reads the agent report from stdin', () => {
    const { f, base, head } = repoWith(testFile, skipped);
    for (const format of ['text', 'json', 'markdown', 'sarif', 'github']) {
      const out = path.join(f.dir, `report.${format}`);
      const run = runCli(['audit', `${base}..${head}`, '--repo', f.dir, '--format', format, '--output', out, '--report', '-'], {
        input: '## Verification\nAll tests pass.\n',
      });
      expect(run.code, `${format}: ${run.stderr}`).toBe(1);
      expect(run.stdout).toBe('');
      expect(existsSync(out)).toBe(true);
      expect(readFileSync(out, 'utf8')).toContain('test/a.test.ts');
    }
    expectOneLineError(runCli(['audit', `${base}..${head}`, '--repo', f.dir, '--report', path.join(f.dir, 'missing.md')]), 'ENOENT');
  });

  it('reads coverage reports as evidence, and rejects a malformed one without writing output', () => {
    const { f, base, head } = repoWith({ 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 1;\n' }, { 'src/a.ts': 'export const a = 2;\n', 'src/b.ts': 'export const b = 1;\n' });
    const baseReport = path.join(f.dir, 'base.lcov');
    const headReport = path.join(f.dir, 'head.json');
    writeFileSync(baseReport, 'SF:src/a.ts\nDA:1,1\nend_of_record\nSF:src/b.ts\nDA:1,0\nend_of_record\n');
    const full = { total: 1, covered: 1, skipped: 0, pct: 100 };
    const summary = { lines: full, statements: full, functions: full, branches: { total: 0, covered: 0, skipped: 0, pct: 100 } };
    writeFileSync(headReport, JSON.stringify({ total: summary, 'src/a.ts': summary }));
    const run = runCli(['audit', `${base}..${head}`, '--repo', f.dir, '--format', 'json', '--coverage-base', baseReport, '--coverage-head', headReport]);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; message: string }[] };
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'coverage/true-coverage', message: expect.stringContaining("over the base's files it is 50% (1/2)") as unknown })]);

    writeFileSync(headReport, 'SF:src/a.ts\nDA:1,1\n');
    const out = path.join(f.dir, 'out.json');
    expectOneLineError(runCli(['audit', `${base}..${head}`, '--repo', f.dir, '--coverage-base', baseReport, '--coverage-head', headReport, '--output', out]), 'head.json');
    expect(existsSync(out)).toBe(false);
    expectOneLineError(runCli(['audit', `${base}..${head}`, '--repo', f.dir, '--coverage-base', baseReport]), '--coverage-base and --coverage-head go together');
  });

  it('prints no colour when NO_COLOR is set or output is not a terminal', () => {
    const { f, base, head } = repoWith(clean, suppressed);
    const plain = runCli(['audit', `${base}..${head}`, '--repo', f.dir]);
    expect(plain.stdout).not.toMatch(ANSI);
    const forced = runCli(['audit', `${base}..${head}`, '--repo', f.dir], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(ANSI);
    const noColour = runCli(['audit', `${base}..${head}`, '--repo', f.dir], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColour.stdout).not.toMatch(ANSI);
  });

  it('reports a file it cannot parse as unresolvable and goes on', () => {
    const { f, base, head } = repoWith(testFile, { ...skipped, 'src/broken.ts': 'export const = ;\n' });
    const run = runCli(['audit', `${base}..${head}`, '--repo', f.dir, '--format', 'json']);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; category: string; file: string }[] };
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'gatehouse/unparseable', category: 'unresolvable', file: 'src/broken.ts' }),
        expect.objectContaining({ ruleId: 'tests/disabled' }),
      ]),
    );
  });
});
