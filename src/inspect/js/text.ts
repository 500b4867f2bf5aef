/** Text helpers shared by the extractors: excerpts are whitespace-collapsed so they survive reformatting. */

const DEFAULT_EXCERPT_LENGTH = 200;

/** Trimmed, with every run of whitespace collapsed to one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A collapsed excerpt, cut with an ellipsis when it is too long to show or to key on. */
export function excerpt(text: string, maxLength = DEFAULT_EXCERPT_LENGTH): string {
  const collapsed = collapseWhitespace(text);
  return collapsed.length <= maxLength ? collapsed : `${collapsed.slice(0, maxLength - 1)}…`;
}

/** The text of the line holding `offset` (without its line break). */
export function lineTextAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end);
}
