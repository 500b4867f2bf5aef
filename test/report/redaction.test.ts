import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretSamples } from '../../bench/secrets-corpus.js';
import { redact, redactText } from '../../src/core/redact.js';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { GitFixture } from '../helpers/git-fixture.js';

describe('redact', () => {
  it('shows the first 4 and last 2 characters and the length', () => {
    expect(redact(`sk-a${'b'.repeat(45)}9f`)).toBe('sk-a…9f (51 chars)');
  });
  it('shows only the length of a short value', () => {
    expect(redact('hunter2hunter2')).toBe('… (14 chars)');
  });
  it('redactText replaces given values and detected ones', () => {
    const token = secretSamples(1).find((s) => s.kind === 'github-token')!.value;
    expect(redactText(`token ${token} and password kitten-parade-42`, ['kitten-parade-42'])).toBe(
      `token ${redact(token)} and password ${redact('kitten-parade-42')}`,
    );
  });
});

/**
 * The output scan: a change plants secrets of many kinds, in new files, in modified files, in a
 * protected file whose whole diff is quoted, and in a test; then every format, --output, --debug
 * and failing runs are scanned for any full value.
 */
describe('no output of a run shows a planted secret', () => {
  const samples = secretSamples(1, 2026);
  const pick = (name: string) => samples.find((s) => s.name === name)!;
  const planted = [
    'Stripe live secret key',
    'GitHub classic PAT',
    'Anthropic API key',
    'OpenAI project key',
    'AWS secret access key in credentials file',
    'RSA private key (PEM)',
    'Postgres URL with password',
    'captcha secret in .env',
    'signed JWT',
  ].map(pick);
  const pem = pick('RSA private key (PEM)');
  const github = pick('GitHub classic PAT').value;
  const stripe = pick('Stripe live secret key').value;
  let repo: GitFixture;
  let outDir: string;
  let range: string;
  const runs: { name: string; run: CliRun; files: string[] }[] = [];

  beforeAll(() => {
    repo = new GitFixture();
    outDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-redaction-'));
    const base = repo.commit(
      {
        'package.json': '{ "name": "shop", "scripts": { "test": "vitest run" } }\n',
        'CLAUDE.md': '# Agent notes\n\nRun the tests before committing.\n',
        'src/pay.test.ts': "import { expect, it } from 'vitest';\nit('pays', () => { expect(1).toBe(1); });\n",
      },
      'base',
    );
    const files: Record<string, string> = {
      'CLAUDE.md': `# Agent notes\n\nRun the tests before committing.\nUse the GitHub token ${github} to push.\n`,
      'src/pay.test.ts': `import { expect, it } from 'vitest';\nit.skip('pays', () => { expect('${stripe}').toBe('${stripe}'); });\n`,
    };
    for (const sample of planted) files[sample.path === 'src/config.ts' ? `src/${sample.kind}.ts` : sample.path] = sample.text;
    const head = repo.commit(files, 'head');
    range = `${base}..${head}`;
    for (const format of REPORT_FORMATS) {
      runs.push({ name: `--format ${format}`, run: runCli(['audit', range, '--format', format], { cwd: repo.dir }), files: [] });
      const file = path.join(outDir, `report.${format}`);
      runs.push({ name: `--format ${format} --output`, run: runCli(['audit', range, '--format', format, '--output', file, '--debug'], { cwd: repo.dir }), files: [file] });
    }
    // Failing runs: the secret is in the arguments, and an error message quotes them.
    runs.push({ name: 'bad range', run: runCli(['audit', `${github}..HEAD`], { cwd: repo.dir }), files: [] });
    runs.push({ name: 'bad range --debug', run: runCli(['audit', `${github}..HEAD`, '--debug'], { cwd: repo.dir }), files: [] });
    const unwritable = path.join(outDir, stripe, 'report.json');
    runs.push({ name: 'unwritable --output --debug', run: runCli(['audit', range, '--output', unwritable, '--debug'], { cwd: repo.dir }), files: [] });
    runs.push({ name: 'unknown command', run: runCli([stripe], { cwd: repo.dir }), files: [] });
  }, 120_000);

  afterAll(() => {
    repo.cleanup();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('every run happened, and the audits found the secrets', () => {
    expect(runs.length).toBe(REPORT_FORMATS.length * 2 + 4);
    const json = runs.find((r) => r.name === '--format json')!.run;
    expect(json.code).toBe(1);
    const findings = (JSON.parse(json.stdout) as { findings: { ruleId: string; after?: string }[] }).findings;
    // Other rules quote the changed lines themselves: the secret was in their excerpts, redacted.
    const quoted = findings.find((f) => f.ruleId === 'gates/protected-file-changed')!;
    expect(quoted.after).toContain(`Use the GitHub token ${redact(github)} to push.`);
    expect(findings.filter((f) => f.ruleId === 'secrets/added').length).toBeGreaterThanOrEqual(planted.length);
    expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['gates/protected-file-changed', 'tests/disabled']));
    for (const failing of ['bad range', 'bad range --debug', 'unwritable --output --debug', 'unknown command']) {
      const run = runs.find((r) => r.name === failing)!.run;
      expect(run.code, failing).toBe(2);
      expect(run.stderr, failing).toContain('…');
    }
  });

  it('no stdout, stderr or output file contains a full value', () => {
    const values = [...planted.map((s) => s.value), github, stripe];
    // PEM bodies may be shown line by line: no line of it may appear either.
    const pemLines = pem.value.split('\n').filter((line) => line.length >= 20);
    for (const { name, run, files } of runs) {
      const outputs = [run.stdout, run.stderr, ...files.map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : ''))];
      expect(outputs.join('').length, name).toBeGreaterThan(0);
      for (const output of outputs) {
        for (const value of [...values, ...pemLines]) expect(output.includes(value), `${name} shows ${redact(value)}`).toBe(false);
      }
    }
  });
});
