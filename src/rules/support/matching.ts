/**
 * Multiset matching of items between base and head. Rules compare *facts*, and most facts are
 * "how many of this thing are there": matching by key, in order, means an unchanged item that
 * merely moved (to another line, or in a renamed file) is matched and never reported.
 */

/** Head items with no base item of the same key left to pair with, in head order. */
export function unmatchedItems<T>(base: readonly T[], head: readonly T[], keyOf: (item: T) => string): T[] {
  const available = countKeys(base, keyOf);
  const unmatched: T[] = [];
  for (const item of head) {
    const key = keyOf(item);
    const left = available.get(key) ?? 0;
    if (left > 0) available.set(key, left - 1);
    else unmatched.push(item);
  }
  return unmatched;
}

export function countKeys<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * A pool of items removed somewhere in the change. Code moved from one file to another takes
 * its suppressions with it: an addition in one file is matched against a removal in another
 * with the same key, so a move is not reported as a new suppression.
 */
export class RemovalPool<T> {
  private readonly counts: Map<string, number>;
  constructor(
    removed: readonly T[],
    private readonly keyOf: (item: T) => string,
  ) {
    this.counts = countKeys(removed, keyOf);
  }

  /** Take a matching removal for this addition; true when one was available. */
  take(item: T): boolean {
    const key = this.keyOf(item);
    const left = this.counts.get(key) ?? 0;
    if (left === 0) return false;
    this.counts.set(key, left - 1);
    return true;
  }
}

/** Collapse all whitespace so reformatting does not change a key. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
