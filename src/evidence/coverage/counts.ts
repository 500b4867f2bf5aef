import { coverageInputError } from './input-error.js';
import type { Counts } from './model.js';

/** Counts that passed the one invariant every format shares: covered never exceeds total. */
export function checkedCounts(sourceName: string, where: string, total: number, covered: number): Counts {
  if (covered > total) throw coverageInputError(sourceName, where, `covered ${covered} exceeds total ${total}`);
  return { total, covered };
}

/** Counts from hit counts: every entry is one measured item, covered when hit at least once. */
export function countHits(hits: Iterable<number>): Counts {
  let total = 0;
  let covered = 0;
  for (const h of hits) {
    total += 1;
    if (h > 0) covered += 1;
  }
  return { total, covered };
}
