import { createHash } from 'node:crypto';
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
  return createHash('sha1').update(stripped.replace(/\s+/g, '')).digest('hex');
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
