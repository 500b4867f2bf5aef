import type { PathGroups } from '../policy/path-groups.js';

/**
 * An inspector turns one file of one revision into one kind of fact. It is a pure function of
 * the file's path and text, so its result can be memoized by blob id. A file it cannot parse
 * makes it throw `UnparseableError`, which the engine reports as an `unresolvable` finding.
 */
export interface Inspector<F> {
  /** Stable id; part of the memo key. Bump `version`-like suffixes when the facts change shape. */
  readonly id: string;
  /** Whether this inspector has anything to say about a path (path groups come from the base policy). */
  appliesTo(path: string, paths: PathGroups): boolean;
  /** Extra memo key from the path when the same bytes parse differently by name (`.ts` vs `.tsx`). */
  cacheKey?(path: string): string;
  inspect(path: string, text: string): F;
}
