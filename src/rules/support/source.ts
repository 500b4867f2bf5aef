import { RemovalPool, unmatchedItems as unmatched } from './matching.js';
import { jsSourceInspector } from '../../inspect/js/source-inspector.js';
import { pythonSourceInspector } from '../../inspect/python/source-inspector.js';
import type { Inspector } from '../../inspect/inspector.js';
import type { SourceFacts } from '../../inspect/source-facts.js';
import type { ChangedFile } from '../rule.js';

/** Every inspector producing SourceFacts; adding a language means adding it here, not changing rules. */
export const SOURCE_INSPECTORS: readonly Inspector<SourceFacts>[] = [jsSourceInspector, pythonSourceInspector];

/** The source facts of one side of a changed file, from whichever language inspector applies. */
export function sourceFacts(file: ChangedFile, side: 'base' | 'head'): SourceFacts | null {
  for (const inspector of SOURCE_INSPECTORS) {
    const facts = side === 'base' ? file.base(inspector) : file.head(inspector);
    if (facts) return facts;
  }
  return null;
}

/** A changed file's source facts on both sides, for files where the head side has facts. */
export interface SourcePair {
  file: ChangedFile;
  path: string;
  basePath: string | null;
  base: SourceFacts | null;
  head: SourceFacts;
}

export function sourcePairs(files: readonly ChangedFile[]): SourcePair[] {
  const pairs: SourcePair[] = [];
  for (const file of files) {
    const head = file.headPath ? sourceFacts(file, 'head') : null;
    if (!head || !file.headPath) continue;
    pairs.push({ file, path: file.headPath, basePath: file.basePath, base: file.basePath ? sourceFacts(file, 'base') : null, head });
  }
  return pairs;
}

/**
 * Items of one kind (suppressions, escapes, pragmas) that the change adds: per file, head items
 * not matched by base items of the same key; then additions matched against removals elsewhere
 * in the change (code moved between files) are dropped.
 */
export function addedItems<T extends { line: number }>(
  files: readonly ChangedFile[],
  select: (facts: SourceFacts) => readonly T[],
  keyOf: (item: T) => string,
): { path: string; item: T }[] {
  const additions: { path: string; item: T }[] = [];
  const removals: T[] = [];
  for (const file of files) {
    const base = file.basePath ? sourceFacts(file, 'base') : null;
    const head = file.headPath ? sourceFacts(file, 'head') : null;
    const baseItems = base ? select(base) : [];
    const headItems = head ? select(head) : [];
    if (file.headPath) for (const item of unmatched(baseItems, headItems, keyOf)) additions.push({ path: file.headPath, item });
    removals.push(...unmatched(headItems, baseItems, keyOf));
  }
  const pool = new RemovalPool(removals, keyOf);
  return additions.filter((addition) => !pool.take(addition.item));
}
