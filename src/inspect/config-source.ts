import type { RevisionFiles } from './inspector.js';

/**
 * What a config reader gets: the revision's file list and a way to read text files. Reads are
 * synchronous because the engine preloads the files a reader declares it may need.
 */
export interface ConfigSource {
  /** Every file path of the revision. */
  readonly paths: readonly string[];
  /** Text of a file of the revision, or null when absent, binary or too large. */
  read(path: string): string | null;
}

/** Rounds of "a config imported a file we had not loaded": enough for chains of shared configs. */
const MAX_LOAD_ROUNDS = 5;

/**
 * Runs synchronous readers over a revision. The files `readsFile` claims are loaded first; a read
 * of a file of the revision that is not loaded yet returns null and is recorded, those files are
 * loaded and `run` is called again (at most 5 rounds), so configs importing other configs resolve
 * without any reader needing to be asynchronous. Returns the last round's result.
 */
export async function readWithSource<F>(revision: RevisionFiles, readsFile: (file: string) => boolean, run: (source: ConfigSource) => F): Promise<F> {
  const existing = new Set(revision.paths);
  const loaded = new Map<string, string | null>();
  const load = async (files: Iterable<string>): Promise<void> => {
    const list = [...files].filter((file) => !loaded.has(file));
    const texts = await Promise.all(list.map((file) => revision.readText(file)));
    list.forEach((file, i) => loaded.set(file, texts[i] ?? null));
  };
  await load(revision.paths.filter((file) => readsFile(file)));
  for (let round = 0; ; round++) {
    const requested = new Set<string>();
    const source: ConfigSource = {
      paths: revision.paths,
      read: (file) => {
        if (loaded.has(file)) return loaded.get(file) ?? null;
        if (existing.has(file)) requested.add(file);
        return null;
      },
    };
    const result = run(source);
    if (requested.size === 0 || round + 1 >= MAX_LOAD_ROUNDS) return result;
    await load(requested);
  }
}

const pathSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * A revision's path list as a set, built once per list. Every reader, evaluator and command
 * needs membership tests, and rebuilding a 20,000-entry set for each of them dominated the time
 * of an audit that runs the coverage and runner inspectors.
 */
export function pathSet(paths: readonly string[]): ReadonlySet<string> {
  let set = pathSets.get(paths);
  if (!set) {
    set = new Set(paths);
    pathSets.set(paths, set);
  }
  return set;
}

const sortedPaths = new WeakMap<readonly string[], readonly string[]>();

/**
 * The paths under a folder ('' is every path), found by binary search in the sorted list: a
 * monorepo has a test and coverage scope per package, and filtering all paths for each scope
 * made the runner and coverage inspectors quadratic in practice.
 */
export function pathsUnder(paths: readonly string[], dir: string): readonly string[] {
  if (dir === '' || dir === '.') return paths;
  let sorted = sortedPaths.get(paths);
  if (!sorted) {
    sorted = [...paths].sort();
    sortedPaths.set(paths, sorted);
  }
  const prefix = `${dir.replace(/\/+$/, '')}/`;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const result: string[] = [];
  for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i++) result.push(sorted[i]!);
  return result;
}
