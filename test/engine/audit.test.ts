import { afterEach, describe, expect, it } from 'vitest';
import { audit } from '../../src/engine/audit.js';
import type { ProjectInspector } from '../../src/inspect/inspector.js';
import { allRules } from '../../src/rules/index.js';
import { defineRule } from '../../src/rules/rule.js';
import { GitFixture } from '../helpers/git-fixture.js';

const fixtures: GitFixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.cleanup();
});

const service = (extra = '') => `${extra}import { db } from './db';\n\nexport function load(id: string) {\n  // @ts-ignore\n  return db.get(id);\n}\n`;

describe('audit', () => {
  it('keeps fingerprints when unrelated lines move and later commits are added', async () => {
    const f = new GitFixture();
    fixtures.push(f);
    const base = f.commit({ 'src/load.ts': service().replace('  // @ts-ignore\n', '') });
    const first = f.commit({ 'src/load.ts': service() });
    const later = f.commit({ 'src/load.ts': service('// A header comment\n\nconst unrelated = 1;\n\n'), 'src/other.ts': 'export {};\n' });
    const one = await audit({ repoDir: f.dir, range: { range: `${base}..${first}` } });
    const two = await audit({ repoDir: f.dir, range: { range: `${base}..${later}` } });
    expect(one.findings).toHaveLength(1);
    expect(two.findings).toHaveLength(1);
    expect(two.findings[0]!.line).not.toBe(one.findings[0]!.line);
    expect(two.findings[0]!.fingerprint).toBe(one.findings[0]!.fingerprint);
  });

  it('two identical additions in one file get distinct fingerprints', async () => {
    const f = new GitFixture();
    fixtures.push(f);
    const base = f.commit({ 'src/a.ts': 'export const a = 1;\n' });
    const head = f.commit({ 'src/a.ts': '// @ts-ignore\nexport const a = 1;\n// @ts-ignore\nexport const b = 2;\n' });
    const result = await audit({ repoDir: f.dir, range: { range: `${base}..${head}` } });
    expect(result.findings).toHaveLength(2);
    expect(new Set(result.findings.map((x) => x.fingerprint)).size).toBe(2);
  });

  it('counts binary and over-size files as skipped, and says so', async () => {
    const f = new GitFixture();
    fixtures.push(f);
    const base = f.commit({ 'README.md': 'x\n' });
    const head = f.commit({ 'src/huge.ts': `// @ts-ignore\n${'export const x = 1;\n'.repeat(200)}`, 'src/blob.js': Buffer.from([0, 1, 2, 3]) });
    const result = await audit({ repoDir: f.dir, range: { range: `${base}..${head}` }, sizeLimit: 1000 });
    expect(result.findings).toEqual([]);
    expect(result.stats.skipped).toEqual(
      expect.arrayContaining([
        { path: 'src/huge.ts', side: 'head', reason: 'too-large', size: 4014 },
        { path: 'src/blob.js', side: 'head', reason: 'binary', size: 4 },
      ]),
    );
  });

  it('audits a root commit against the empty tree and records the commit messages', async () => {
    const f = new GitFixture();
    fixtures.push(f);
    const root = f.commit({ 'test/a.test.ts': "import { it } from 'vitest';\nit.only('a', () => {});\n" }, 'initial commit');
    const result = await audit({ repoDir: f.dir, range: { range: root } });
    expect(result.base).toEqual({ commit: null, ref: '(empty tree)' });
    expect(result.stats.commits).toBe(1);
    expect(result.verdict).toBe('block');
  });
});

describe('project inspectors that read files by name', () => {
  it('get the file texts of each side without a path list, and fail loudly if they ask for one', async () => {
    const f = new GitFixture();
    fixtures.push(f);
    const base = f.commit({ 'docs/a.txt': 'one\n', 'src/x.ts': 'export {};\n' });
    const head = f.commit({ 'docs/a.txt': 'two\n', 'src/x.ts': 'export const x = 1;\n' });
    const seen: { a: string | null; missing: string | null; folder: string | null; paths: string }[] = [];
    const byName: ProjectInspector<null> = {
      id: 'test-by-name',
      affectedBy: () => true,
      readsPathList: false,
      collect: async (revision) => {
        let paths: string;
        try {
          paths = `listed ${revision.paths.length}`;
        } catch (error) {
          paths = (error as Error).message;
        }
        seen.push({ a: await revision.readText('docs/a.txt'), missing: await revision.readText('docs/none.txt'), folder: await revision.readText('src'), paths });
        return null;
      },
    };
    const rule = defineRule({ ...allRules[0]!, id: 'test/by-name', inspectors: [], projectInspectors: [byName], check: () => [] });
    await audit({ repoDir: f.dir, range: { range: `${base}..${head}` }, rules: [rule] });
    expect(seen.map((s) => s.a).sort()).toEqual(['one\n', 'two\n']);
    expect(seen.every((s) => s.missing === null && s.folder === null)).toBe(true);
    expect(seen[0]!.paths).toMatch(/no path list/);
  });
});
