import { posix } from 'node:path';

import type { CoverageParseOptions } from './model.js';

/**
 * Turns a path as a coverage tool wrote it into the repository-relative POSIX path Gatehouse uses
 * for revisions. Reports are produced on other machines (CI checkouts under /home/runner/work/…,
 * Windows agents), so the same file must compare equal whatever directory the report came from.
 *
 * Root detection, in order:
 * 1. `repoRoot` given and the path is under it → strip it.
 * 2. `knownPaths` given: an absolute path maps onto the longest known path it ends with
 *    (`/ci/x/app/src/a.ts` → `src/a.ts`); a relative path that is not known maps onto the only
 *    known path it is a suffix of (a report written inside `packages/web`). Ambiguous → unchanged.
 * 3. Otherwise the path is kept, absolute, and listed in the report's `unresolvedPaths`: guessing
 *    a root from the common prefix would be wrong for a report that measures one folder.
 */
export interface PathResolver {
  resolve(raw: string): string;
  /** Whether a resolved path is still absolute (no root or known path matched it). */
  isUnresolved(resolved: string): boolean;
}

export function createPathResolver(options: CoverageParseOptions = {}): PathResolver {
  const root = options.repoRoot === undefined ? null : withTrailingSlash(toPosix(options.repoRoot));
  const known = options.knownPaths;
  const byBaseName = known === undefined ? null : indexByBaseName(known);
  return {
    resolve(raw) {
      const path = toPosix(raw);
      if (root !== null && path.startsWith(root)) return path.slice(root.length);
      if (known === undefined || byBaseName === null || known.has(path)) return path;
      return isAbsolute(path) ? (longestKnownSuffix(path, known) ?? path) : (uniqueKnownEnding(path, byBaseName) ?? path);
    },
    isUnresolved: isAbsolute,
  };
}

/** Backslashes to slashes, `file://` dropped, `.`/`..`/`//` collapsed, drive letter lower-cased. */
export function toPosix(raw: string): string {
  let path = raw.trim().replaceAll('\\', '/');
  if (path.startsWith('file://')) path = path.slice('file://'.length);
  path = path.replace(/^([A-Za-z]):\//, (_m, drive: string) => `${drive.toLowerCase()}:/`);
  const normalised = posix.normalize(path);
  return normalised.startsWith('./') ? normalised.slice(2) : normalised;
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[a-z]:\//.test(path);
}

function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/** Tries the suffixes after each `/`, longest first: at most one set lookup per path segment. */
function longestKnownSuffix(path: string, known: ReadonlySet<string>): string | null {
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) {
    const suffix = path.slice(at + 1);
    if (suffix !== '' && known.has(suffix)) return suffix;
  }
  return null;
}

function uniqueKnownEnding(path: string, byBaseName: ReadonlyMap<string, readonly string[]>): string | null {
  const candidates = (byBaseName.get(posix.basename(path)) ?? []).filter((p) => p.endsWith(`/${path}`));
  return candidates.length === 1 ? candidates[0]! : null;
}

function indexByBaseName(known: ReadonlySet<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const path of known) {
    const name = posix.basename(path);
    const list = index.get(name);
    if (list === undefined) index.set(name, [path]);
    else list.push(path);
  }
  return index;
}
