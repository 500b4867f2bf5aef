import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { Repository } from '../../src/git/repository.js';
import { resolveRange } from '../../src/git/range.js';
import { FactStore, Revision } from '../../src/model/revision.js';
import type { Inspector } from '../../src/inspect/inspector.js';
import { GitFixture } from '../helpers/git-fixture.js';

const fixtures: GitFixture[] = [];
const repos: Repository[] = [];
function fixture(options?: { bare?: boolean }): GitFixture {
  const f = new GitFixture(options);
  fixtures.push(f);
  return f;
}
async function open(dir: string): Promise<Repository> {
  const repo = await Repository.open(dir);
  repos.push(repo);
  return repo;
}
afterEach(() => {
  for (const repo of repos.splice(0)) repo.close();
  for (const f of fixtures.splice(0)) f.cleanup();
});

/** A snapshot of every file's size and mtime under a folder, to prove nothing was written. */
function snapshot(dir: string): string {
  const lines: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else lines.push(`${path.relative(dir, full)} ${stat.size} ${stat.mtimeMs}`);
    }
  };
  walk(dir);
  return lines.join('\n');
}

describe('Repository', () => {
  it('lists changes with renames, on awkward paths (spaces, unicode, newlines)', async () => {
    const f = fixture();
    const awkward = 'dir with space/naïve\nname ü.ts';
    const base = f.commit({ 'a.ts': 'export const a = 1;\n'.repeat(20), [awkward]: 'x\n', 'gone.ts': 'bye\n' });
    const head = f.commit({ 'a.ts': null, 'b.ts': `${'export const a = 1;\n'.repeat(20)}extra\n`, [awkward]: 'y\n', 'gone.ts': null, 'new file.md': '# hi\n' });
    const repo = await open(f.dir);
    const diff = await repo.diff(base, head);
    const byStatus = new Map(diff.map((d) => [d.headPath ?? d.basePath ?? '', d]));
    expect(byStatus.get('b.ts')).toMatchObject({ status: 'renamed', basePath: 'a.ts', headPath: 'b.ts' });
    expect(byStatus.get('b.ts')!.similarity).toBeGreaterThan(50);
    expect(byStatus.get(awkward)).toMatchObject({ status: 'modified', basePath: awkward });
    expect(byStatus.get('gone.ts')).toMatchObject({ status: 'deleted', headPath: null, headOid: null });
    expect(byStatus.get('new file.md')).toMatchObject({ status: 'added', basePath: null, baseOid: null });
    const content = await repo.readBlob(byStatus.get(awkward)!.headOid!);
    expect(content.kind === 'blob' && content.content.toString()).toBe('y\n');
  });

  it('works on a bare repository and never writes to it', async () => {
    const source = fixture();
    source.commit({ 'a.ts': '// @ts-ignore\nexport const a = 1;\n' });
    source.commit({ 'a.ts': 'export const a = 2;\n' });
    const bareDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-bare-'));
    execFileSync('git', ['clone', '-q', '--bare', source.dir, bareDir]);
    try {
      const before = snapshot(bareDir);
      const repo = await open(bareDir);
      const range = await resolveRange(repo, { range: 'HEAD~1..HEAD' });
      const diff = await repo.diff(range.baseTreeish, range.head);
      expect(diff.map((d) => d.headPath)).toEqual(['a.ts']);
      const read = await repo.readBlob(diff[0]!.baseOid!);
      expect(read.kind === 'blob' && read.content.toString()).toContain('@ts-ignore');
      repo.close();
      expect(snapshot(bareDir)).toBe(before);
    } finally {
      rmSync(bareDir, { recursive: true, force: true });
    }
  });

  it('streams many blobs through one cat-file process, in order', async () => {
    const f = fixture();
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`f${i}.txt`] = `${i}\n`.repeat(i + 1);
    const head = f.commit(files);
    const repo = await open(f.dir);
    const entries = await repo.listTree(head);
    const reads = await Promise.all(entries.map((e) => repo.readBlob(e.oid)));
    entries.forEach((entry, i) => {
      const n = Number(entry.path.slice(1, -4));
      const read = reads[i]!;
      expect(read.kind === 'blob' && read.content.toString()).toBe(`${n}\n`.repeat(n + 1));
    });
  });

  it('skips files above the size limit without keeping their bytes, and recognises binary files', async () => {
    const f = fixture();
    const head = f.commit({ 'big.ts': 'x'.repeat(5000), 'small.ts': 'export {};\n', 'image.png': Buffer.from([137, 80, 78, 71, 0, 0, 1]) });
    const repo = await open(f.dir);
    const store = new FactStore(repo, 1000);
    const revision = new Revision(store, head, head);
    expect(await revision.read('big.ts')).toEqual({ kind: 'too-large', size: 5000 });
    expect(await revision.read('image.png')).toEqual({ kind: 'binary', size: 7 });
    expect(await revision.read('small.ts')).toEqual({ kind: 'text', text: 'export {};\n' });
    expect(await revision.read('absent.ts')).toEqual({ kind: 'missing' });
    // The stream stays in sync after a skipped body.
    const again = await repo.readBlob((await revision.files()).get('small.ts')!.oid, 1000);
    expect(again.kind).toBe('blob');
  });

  it('memoizes facts by blob: an unchanged file is parsed once', async () => {
    const f = fixture();
    const base = f.commit({ 'a.ts': 'same\n', 'b.ts': 'one\n' });
    const head = f.commit({ 'b.ts': 'two\n', 'c.ts': 'same\n' });
    const repo = await open(f.dir);
    const store = new FactStore(repo);
    let calls = 0;
    const counting: Inspector<number> = { id: 'count', appliesTo: () => true, inspect: (_p, text) => (calls++, text.length) };
    const baseTree = new Map((await repo.listTree(base)).map((e) => [e.path, e]));
    const headTree = new Map((await repo.listTree(head)).map((e) => [e.path, e]));
    await store.factsOf(counting, { path: 'a.ts', oid: baseTree.get('a.ts')!.oid, mode: '100644' });
    await store.factsOf(counting, { path: 'a.ts', oid: headTree.get('a.ts')!.oid, mode: '100644' });
    await store.factsOf(counting, { path: 'c.ts', oid: headTree.get('c.ts')!.oid, mode: '100644' });
    expect(calls).toBe(1);
  });

  it('reports submodules as entries of type commit, without reading them', async () => {
    const sub = fixture();
    sub.commit({ 'lib.ts': 'export {};\n' });
    const f = fixture();
    f.commit({ 'README.md': 'x\n' });
    f.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.dir, 'vendor/lib');
    f.git('commit', '-q', '-m', 'add submodule');
    const repo = await open(f.dir);
    const entries = await repo.listTree('HEAD');
    expect(entries.find((e) => e.path === 'vendor/lib')).toMatchObject({ type: 'commit', mode: '160000' });
    const diff = await repo.diff('HEAD~1', 'HEAD');
    expect(diff.find((d) => d.headPath === 'vendor/lib')).toMatchObject({ status: 'added', headMode: '160000' });
  });

  it('knows the empty tree of sha1 and sha256 repositories', async () => {
    const sha1 = fixture();
    expect((await open(sha1.dir)).emptyTree).toBe(execFileSync('git', ['hash-object', '-t', 'tree', '--stdin'], { cwd: sha1.dir, input: '' }).toString().trim());
    const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-sha256-'));
    try {
      execFileSync('git', ['init', '-q', '--object-format=sha256', dir]);
      const expected = execFileSync('git', ['hash-object', '-t', 'tree', '--stdin'], { cwd: dir, input: '' }).toString().trim();
      expect(expected).toHaveLength(64);
      expect((await open(dir)).emptyTree).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails clearly outside a repository', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-norepo-'));
    try {
      await expect(Repository.open(dir)).rejects.toThrow(new InputError(`${dir}: not a git repository`));
      await expect(Repository.open(path.join(dir, 'missing'))).rejects.toThrow(/no such directory/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('resolveRange', () => {
  it('reads A..B, A...B, a single commit, --base/--head and the default branch', async () => {
    const f = fixture();
    const root = f.commit({ 'a.txt': '1\n' }, 'root');
    const second = f.commit({ 'a.txt': '2\n' }, 'second');
    f.git('checkout', '-q', '-b', 'feature');
    const feature = f.commit({ 'b.txt': 'feature\n' }, 'feature');
    f.git('checkout', '-q', 'main');
    const mainTip = f.commit({ 'c.txt': 'main\n' }, 'main moves on');
    f.git('checkout', '-q', 'feature');
    const repo = await open(f.dir);

    expect(await resolveRange(repo, { range: 'main..feature' })).toMatchObject({ base: mainTip, head: feature });
    expect(await resolveRange(repo, { range: 'main...feature' })).toMatchObject({ base: second, head: feature });
    expect(await resolveRange(repo, { range: second })).toMatchObject({ base: root, head: second, label: `${second}^1..${second}` });
    expect(await resolveRange(repo, { range: root })).toMatchObject({ base: null, head: root, baseTreeish: repo.emptyTree });
    expect(await resolveRange(repo, { base: 'main' })).toMatchObject({ base: mainTip, head: feature });
    expect(await resolveRange(repo, {})).toMatchObject({ base: second, head: feature, label: 'main...HEAD' });
  });

  it('audits a merge commit against its first parent', async () => {
    const f = fixture();
    f.commit({ 'a.txt': '1\n' });
    f.git('checkout', '-q', '-b', 'topic');
    f.commit({ 'topic.txt': 't\n' });
    f.git('checkout', '-q', 'main');
    const mainline = f.commit({ 'main.txt': 'm\n' });
    f.git('merge', '-q', '--no-ff', '-m', 'merge topic', 'topic');
    const repo = await open(f.dir);
    const range = await resolveRange(repo, { range: 'HEAD' });
    expect(range.base).toBe(mainline);
    const diff = await repo.diff(range.baseTreeish, range.head);
    expect(diff.map((d) => d.headPath)).toEqual(['topic.txt']);
  });

  it('audits a root commit against the empty tree', async () => {
    const f = fixture();
    const root = f.commit({ 'a.ts': 'x\n' });
    const repo = await open(f.dir);
    const range = await resolveRange(repo, { range: root });
    const diff = await repo.diff(range.baseTreeish, range.head);
    expect(diff).toMatchObject([{ status: 'added', headPath: 'a.ts' }]);
  });

  it('rejects unknown revisions, unrelated histories and option-like revisions with one-line errors', async () => {
    const f = fixture();
    f.commit({ 'a.txt': '1\n' });
    f.git('checkout', '-q', '--orphan', 'other');
    f.commit({ 'b.txt': '1\n' }, 'unrelated', { replace: true });
    const repo = await open(f.dir);
    await expect(resolveRange(repo, { range: 'nope..HEAD' })).rejects.toThrow("unknown revision 'nope'");
    await expect(resolveRange(repo, { range: 'main...other' })).rejects.toThrow("'main' and 'other' have no merge base");
    await expect(resolveRange(repo, { range: '--output=x' })).rejects.toThrow(InputError);
    await expect(resolveRange(repo, { range: 'a..b', base: 'main' })).rejects.toThrow('not both');
  });

  it('explains a revision missing from a shallow clone', async () => {
    const source = fixture();
    const first = source.commit({ 'a.txt': '1\n' });
    source.commit({ 'a.txt': '2\n' });
    source.commit({ 'a.txt': '3\n' });
    const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${source.dir}`, dir]);
    try {
      const repo = await open(dir);
      expect(repo.isShallow).toBe(true);
      await expect(resolveRange(repo, { range: `${first}..HEAD` })).rejects.toThrow(/shallow clone.*fetch --unshallow/);
      await expect(resolveRange(repo, { range: 'HEAD' })).rejects.toThrow(/not in this shallow clone/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
