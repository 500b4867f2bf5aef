import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startFastImport } from './fast-import.js';
import { history, type HistoryShape } from './history.js';
import { createRandom } from './prng.js';

/**
 * Builds the synthetic repository once and caches it under the system temp folder. Bump
 * GENERATOR_VERSION whenever the generated content changes: the cache is keyed by it, and the
 * figures of two versions are not comparable.
 */
export const GENERATOR_VERSION = 1;
const SEED = 0x6a7e_4005;
export const SHAPE: HistoryShape = { initialFiles: 20_400, commits: 2_000, featureFiles: 50 };

export interface RepoStats {
  generatorVersion: number;
  /** Files at the tip of `main`. */
  files: number;
  /** Commits reachable from `main`. */
  commits: number;
  /** Total size of the files at the tip of `main`. */
  contentBytes: number;
  /** Size of the packed object store on disk. */
  packBytes: number;
  /** How long generating took when it last ran, in seconds. */
  generateSeconds: number;
  mainTip: string;
  featureTip: string;
}

export interface BenchRepo {
  gitDir: string;
  stats: RepoStats;
  /** True when this run built the repository, false when it came from the cache. */
  built: boolean;
}

export function defaultCacheDir(): string {
  return path.join(tmpdir(), `gatehouse-bench-v${GENERATOR_VERSION}`);
}

/** The cached repository when it is complete and of this generator version; otherwise build it. */
export async function ensureRepo(cacheDir: string, fresh: boolean): Promise<BenchRepo> {
  const gitDir = path.join(cacheDir, 'repo.git');
  const cached = fresh ? null : readStats(cacheDir);
  if (cached) return { gitDir, stats: cached, built: false };
  // Build beside the cache and rename at the end, so an interrupted run never leaves a half-made repo that looks complete.
  const partial = `${cacheDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const stats = await build(path.join(partial, 'repo.git'));
  writeFileSync(path.join(partial, 'stats.json'), `${JSON.stringify(stats, null, 2)}\n`);
  rmSync(cacheDir, { recursive: true, force: true });
  renameSync(partial, cacheDir);
  return { gitDir, stats, built: true };
}

function readStats(cacheDir: string): RepoStats | null {
  const file = path.join(cacheDir, 'stats.json');
  if (!existsSync(file) || !existsSync(path.join(cacheDir, 'repo.git'))) return null;
  try {
    const stats = JSON.parse(readFileSync(file, 'utf8')) as RepoStats;
    return stats.generatorVersion === GENERATOR_VERSION ? stats : null;
  } catch {
    return null;
  }
}

async function build(gitDir: string): Promise<RepoStats> {
  const started = performance.now();
  git(undefined, ['init', '--quiet', '--bare', '--initial-branch=main', gitDir]);
  const importer = startFastImport(gitDir);
  for (const commit of history(createRandom(SEED), SHAPE)) await importer.commit(commit);
  await importer.finish();
  // fast-import deltas only against the previous blob; a real repository is repacked, and reading
  // its history means resolving delta chains. Repack so git and Gatehouse both pay that cost.
  git(gitDir, ['repack', '-a', '-d', '-f', '-q', '--window=10', '--depth=50']);
  return measureRepo(gitDir, (performance.now() - started) / 1000);
}

function measureRepo(gitDir: string, generateSeconds: number): RepoStats {
  const tree = git(gitDir, ['ls-tree', '-r', '-l', '-z', 'main']).split('\0').filter(Boolean);
  const contentBytes = tree.reduce((sum, entry) => sum + (Number(/^\S+ \S+ \S+ +(\d+)\t/.exec(entry)?.[1]) || 0), 0);
  const objects = git(gitDir, ['count-objects', '-v']);
  const packKiB = Number(/^size-pack: (\d+)$/m.exec(objects)?.[1] ?? 0);
  return {
    generatorVersion: GENERATOR_VERSION,
    files: tree.length,
    commits: Number(git(gitDir, ['rev-list', '--count', 'main']).trim()),
    contentBytes,
    packBytes: packKiB * 1024,
    generateSeconds: Math.round(generateSeconds * 10) / 10,
    mainTip: git(gitDir, ['rev-parse', 'main']).trim(),
    featureTip: git(gitDir, ['rev-parse', 'feature']).trim(),
  };
}

export function git(gitDir: string | undefined, args: readonly string[]): string {
  const prefix = gitDir === undefined ? [] : ['--git-dir', gitDir];
  // git's stderr is kept in the thrown error's message rather than interleaved with the bench's output.
  return execFileSync('git', [...prefix, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}
