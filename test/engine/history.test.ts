import { afterEach, describe, expect, it } from 'vitest';
import { secretSamples } from '../../bench/secrets-corpus.js';
import { audit } from '../../src/engine/audit.js';
import { streamPatches, unquotePath, type AddedLines } from '../../src/git/patch-stream.js';
import { Repository } from '../../src/git/repository.js';
import { renderFormat } from '../../src/report/formats.js';
import { runCli } from '../helpers/cli.js';
import { GitFixture } from '../helpers/git-fixture.js';

const byName = (name: string): string => secretSamples(1, 61).find((s) => s.name === name)!.value;
const github = byName('GitHub classic PAT');
const stripe = byName('Stripe live secret key');
const awsExample = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');

let repo: GitFixture;
afterEach(() => {
  repo.cleanup();
});

/** base, then the given commits in order; returns base and the commit ids. */
function history(...commits: Record<string, string | Buffer | null>[]): { base: string; shas: string[] } {
  repo = new GitFixture();
  const base = repo.commit({ 'README.md': '# shop\n', 'src/config.ts': 'export const port = 3000;\n' }, 'base');
  const shas = commits.map((files, i) => repo.commit(files, `step ${i + 1}`));
  return { base, shas };
}

async function historyAudit(range: string) {
  return audit({ repoDir: repo.dir, range: { range }, history: {} });
}

describe('audit --history', () => {
  it('reports a credential added in one commit and removed in a later one, at the commit that added it', async () => {
    const { base, shas } = history(
      { 'src/config.ts': `export const port = 3000;\nexport const token = '${github}';\n` },
      { 'src/config.ts': 'export const port = 3000;\nexport const token = process.env.GITHUB_TOKEN;\n' },
    );
    const plain = await audit({ repoDir: repo.dir, range: { range: `${base}..HEAD` } });
    expect(plain.findings.filter((f) => f.ruleId === 'secrets/added')).toEqual([]);
    const result = await historyAudit(`${base}..HEAD`);
    const secrets = result.findings.filter((f) => f.ruleId === 'secrets/added');
    expect(secrets).toHaveLength(1);
    expect(secrets[0]).toMatchObject({ file: 'src/config.ts', line: 2, severity: 'block', commit: shas[0] });
    expect(secrets[0]!.message).toContain(`In commit ${shas[0]!.slice(0, 12)} (step 1)`);
    expect(secrets[0]!.message).toContain('history keeps it');
    expect(result.verdict).toBe('block');
    expect(result.stats.history).toMatchObject({ commits: 2, audited: 1 });
    expect(result.stats.history!.bytes).toBeGreaterThan(0);
  });

  it('does not repeat a credential the range as a whole adds: the end state reports it once', async () => {
    const { base } = history(
      { 'src/config.ts': `export const port = 3000;\nexport const token = '${github}';\n` },
      { 'README.md': '# shop\n\nNow with a config.\n' },
    );
    const result = await historyAudit(`${base}..HEAD`);
    const secrets = result.findings.filter((f) => f.ruleId === 'secrets/added');
    expect(secrets).toHaveLength(1);
    expect(secrets[0]!.commit).toBeUndefined();
  });

  it('reports a credential once when it is added, removed and added again within the range', async () => {
    const { base, shas } = history(
      { 'src/a.ts': `export const k = '${stripe}';\n` },
      { 'src/a.ts': 'export const k = process.env.STRIPE_KEY;\n' },
      { 'src/b.ts': `export const k = '${stripe}';\n` },
      { 'src/b.ts': null },
    );
    const result = await historyAudit(`${base}..HEAD`);
    const secrets = result.findings.filter((f) => f.ruleId === 'secrets/added');
    expect(secrets.map((f) => [f.file, f.commit])).toEqual([['src/a.ts', shas[0]]]);
  });

  it('a file renamed in a later commit with its credential adds nothing new; a tracked .env value added then removed is reported', async () => {
    const jwtSecret = ['Q7vN2xLp', '9sKd4TfR', '8wYb3HmZ', '6cJe1Ua5'].join('');
    const { base, shas } = history(
      { '.env': `JWT_SECRET=${jwtSecret}\nPORT=3000\n` },
      { '.env': null, 'config/.env': `JWT_SECRET=${jwtSecret}\nPORT=3000\n` },
      { 'config/.env': null, '.env.example': 'JWT_SECRET=change-me\n' },
    );
    const result = await historyAudit(`${base}..HEAD`);
    const secrets = result.findings.filter((f) => f.ruleId === 'secrets/added');
    expect(secrets.map((f) => [f.file, f.line, f.commit, f.severity])).toEqual([['.env', 1, shas[0], 'block']]);
  });

  it('keeps the rule\'s filters: placeholders add nothing, a documented example key is info', async () => {
    const { base } = history(
      { 'docs/setup.md': "Set `GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` and `API_KEY=<your-key>`.\n" },
      { 'docs/aws.md': `aws_access_key_id = ${awsExample}\n` },
      { 'docs/aws.md': null },
    );
    const result = await historyAudit(`${base}..HEAD`);
    const secrets = result.findings.filter((f) => f.ruleId === 'secrets/added');
    expect(secrets.map((f) => [f.file, f.severity])).toEqual([['docs/aws.md', 'info']]);
    expect(result.verdict).toBe('pass');
  });

  it('a credential moved to another file within one commit is a move (warn), not a second leak', async () => {
    const { base, shas } = history(
      { 'src/a.ts': `export const k = '${stripe}';\n` },
      { 'src/a.ts': null, 'src/b.ts': `// moved\nexport const k = '${stripe}';\n` },
      { 'src/b.ts': null },
    );
    const result = await historyAudit(`${base}..HEAD`);
    const secrets = result.findings.filter((f) => f.ruleId === 'secrets/added');
    expect(secrets.map((f) => [f.file, f.commit, f.severity])).toEqual([['src/a.ts', shas[0], 'block']]);
  });

  it('finds a key in a path git quotes, skips binary files and counts them, and ignores merges', async () => {
    const weird = 'notes/caf\u00e9 "draft"\t1.txt';
    const { base } = history(
      { [weird]: `token: ${github}\n` },
      { [weird]: null, 'assets/logo.bin': Buffer.from([0, 1, 2, 0, 3]) },
    );
    repo.git('checkout', '-q', '-b', 'side', base);
    repo.commit({ 'side.txt': 'side\n' }, 'side work');
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-edit', 'side');
    const result = await historyAudit(`${base}..main`);
    const secrets = result.findings.filter((f) => f.ruleId === 'secrets/added');
    expect(secrets.map((f) => f.file)).toEqual([weird]);
    expect(result.stats.history).toMatchObject({ commits: 3, audited: 1, skipped: { binary: 1, 'too-large': 0, 'not-a-file': 0 } });
  });

  it('audits a root commit against the empty tree when the range starts at the root', async () => {
    repo = new GitFixture();
    const root = repo.commit({ 'key.pem': privateKey() }, 'root');
    repo.commit({ 'key.pem': null }, 'remove the key');
    const result = await audit({ repoDir: repo.dir, range: { base: root, head: 'HEAD' }, history: {} });
    // The range starts after the root: the root commit is the base, not part of the history.
    expect(result.findings.filter((f) => f.ruleId === 'secrets/added')).toEqual([]);
    const all = await audit({ repoDir: repo.dir, range: { range: root }, history: {} });
    expect(all.findings.filter((f) => f.ruleId === 'secrets/added').map((f) => f.file)).toEqual(['key.pem']);
  });

  it('catches a private key whose body changed in a later commit, even though the header line did not', async () => {
    const { base, shas } = history({ 'src/readme.txt': 'no keys here\n' });
    const key = privateKey();
    repo.commit({ 'deploy/id.pem': key }, 'add key');
    const lines = key.split('\n');
    lines[3] = lines[3]!.split('').reverse().join('');
    const edited = repo.commit({ 'deploy/id.pem': lines.join('\n') }, 'rotate half a key');
    repo.commit({ 'deploy/id.pem': null }, 'remove the key');
    const result = await historyAudit(`${base}..HEAD`);
    const commits = result.findings.filter((f) => f.ruleId === 'secrets/added').map((f) => f.commit);
    expect(commits).toEqual([repo.git('rev-parse', 'HEAD~2'), edited]);
    expect(shas).toHaveLength(1);
  });

  it('never prints a value: every report format of a history audit is redacted', async () => {
    const { base, shas } = history({ 'src/a.ts': `export const k = '${stripe}';\n` }, { 'src/a.ts': null });
    const result = await historyAudit(`${base}..HEAD`);
    expect(await renderFormat('text', result)).toContain(`src/a.ts:1 (commit ${shas[0]!.slice(0, 12)})`);
    expect(await renderFormat('markdown', result)).toContain(`(commit \`${shas[0]!.slice(0, 12)}\`)`);
    for (const format of ['text', 'json', 'markdown', 'sarif', 'github'] as const) {
      const text = await renderFormat(format, result);
      expect(text).toContain('secrets/added');
      expect(text).not.toContain(stripe);
    }
  });

  it('is a CLI option, with --range as another way to give the range', () => {
    const { base } = history({ 'src/a.ts': `export const k = '${stripe}';\n` }, { 'src/a.ts': null });
    const plain = runCli(['audit', '--range', `${base}..HEAD`, '--format', 'json'], { cwd: repo.dir });
    expect(plain.code).toBe(0);
    const run = runCli(['audit', '--range', `${base}..HEAD`, '--history', '--format', 'json'], { cwd: repo.dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; commit?: string }[]; stats: { history: { commits: number } } };
    expect(report.findings.map((f) => f.ruleId)).toContain('secrets/added');
    expect(report.stats.history.commits).toBe(2);
    const both = runCli(['audit', `${base}..HEAD`, '--range', `${base}..HEAD`], { cwd: repo.dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give the range once');
  });
});

describe('streamPatches', () => {
  it('gives each file\'s added lines with their line numbers, across hunks, oldest commit first', async () => {
    repo = new GitFixture();
    const base = repo.commit({ 'a.txt': 'one\ntwo\nthree\nfour\nfive\nsix\nseven\n' }, 'base');
    const next = repo.commit({ 'a.txt': 'one\nTWO\nthree\nfour\nfive\nsix\nseven\neight\n', 'b.txt': 'bee\n' }, 'edit');
    const seen: { sha: string; files: AddedLines[] }[] = [];
    const git = await Repository.open(repo.dir);
    try {
      await streamPatches(
        git.gitDir,
        null,
        'HEAD',
        {
          commit: (commit) => seen.push({ sha: commit.sha, files: [] }),
          file: (file) => seen.at(-1)!.files.push(file),
          endCommit: () => undefined,
        },
        { sizeLimit: 1 << 20 },
      );
    } finally {
      git.close();
    }
    expect(seen.map((c) => c.sha)).toEqual([base, next]);
    expect(seen[1]!.files).toEqual([
      { path: 'a.txt', text: 'TWO\neight', lines: [2, 8], skipped: null },
      { path: 'b.txt', text: 'bee', lines: [1], skipped: null },
    ]);
  });

  it('stops collecting a file past the size limit and says so', async () => {
    repo = new GitFixture();
    repo.commit({ 'big.txt': 'x'.repeat(100) + '\n' + 'y'.repeat(100) + '\n' }, 'big');
    const files: AddedLines[] = [];
    const git = await Repository.open(repo.dir);
    try {
      await streamPatches(git.gitDir, null, 'HEAD', { commit: () => undefined, file: (file) => files.push(file), endCommit: () => undefined }, { sizeLimit: 150 });
    } finally {
      git.close();
    }
    expect(files).toEqual([{ path: 'big.txt', text: '', lines: [], skipped: 'too-large' }]);
  });

  it('undoes git\'s C-style path quoting', () => {
    expect(unquotePath('"b/caf\\303\\251 \\"x\\"\\t1.txt"')).toBe('b/caf\u00e9 "x"\t1.txt');
    expect(unquotePath('b/plain.txt')).toBe('b/plain.txt');
  });
});

/** A PEM private key block with a random-looking body, assembled at run time. */
function privateKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let seed = 7;
  const body = Array.from({ length: 8 }, () =>
    Array.from({ length: 64 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return alphabet[seed % 64];
    }).join(''),
  );
  return ['-----BEGIN RSA PRIVATE', ' KEY-----'].join('') + '\n' + body.join('\n') + '\n' + ['-----END RSA PRIVATE', ' KEY-----'].join('') + '\n';
}
