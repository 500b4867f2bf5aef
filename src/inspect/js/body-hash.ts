import { hash } from 'node:crypto';
import type { Comment } from 'oxc-parser';

/**
 * A hash of a test's body that survives moving, renaming and reformatting: the source of the
 * range with its comments cut out (using the parser's comment ranges, so `//` inside a string
 * stays) and then every whitespace character removed. Whitespace inside string literals is lost
 * too; a body that differs only there hashes the same, which is acceptable for matching.
 */
export function bodyHash(text: string, comments: readonly Comment[], start: number, end: number): string {
  let stripped = '';
  let position = start;
  for (let index = firstCommentAtOrAfter(comments, start); index < comments.length; index++) {
    const comment = comments[index]!;
    if (comment.start >= end) break;
    stripped += text.slice(position, comment.start);
    position = comment.end;
  }
  stripped += text.slice(position, end);
  // One-shot `hash` (Node ≥ 20.12) avoids a Hash object per call: this runs once per test and statement.
  return hash('sha1', stripped.replace(/\s+/g, ''), 'hex');
}

/** Binary search over comments (sorted by start). */
function firstCommentAtOrAfter(comments: readonly Comment[], offset: number): number {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (comments[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Each statement of a body, normalised like `bodyHash` and hashed to 8 hex characters, in order;
 * an expression body (`() => expr`) is one statement.
 */
export function statementHashes(text: string, comments: readonly Comment[], ranges: readonly { start: number; end: number }[]): string[] {
  return ranges.map((range) => bodyHash(text, comments, range.start, range.end).slice(0, 8));
}
