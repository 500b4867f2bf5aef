import type { Comment } from 'oxc-parser';
import type { Suppression } from '../source-facts.js';
import type { ParsedSource } from './parse.js';
import { excerpt } from './text.js';

/** One comment as the directive parsers see it: its body, where it sits, and how to cite it. */
export interface CommentView {
  readonly type: Comment['type'];
  /** The text between the delimiters (`//`, or `/*` and `*\/`). */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** The 1-based line of a position inside `value`. */
  lineOf(valueIndex: number): number;
  /** The whole comment, delimiters included, whitespace collapsed. */
  text(): string;
}

/** Both comment kinds open with two characters (`//`, `/*`), so the body starts two past the comment. */
const OPENER_LENGTH = 2;

export function commentView(comment: Comment, source: ParsedSource): CommentView {
  return {
    type: comment.type,
    value: comment.value,
    start: comment.start,
    end: comment.end,
    lineOf: (valueIndex) => source.lines.lineAt(comment.start + OPENER_LENGTH + valueIndex),
    text: () => excerpt(source.text.slice(comment.start, comment.end)),
  };
}

export function suppressionIn(
  view: CommentView,
  tool: Suppression['tool'],
  directive: string,
  scope: Suppression['scope'],
  rules: readonly string[],
  valueIndex: number,
): Suppression {
  return { tool, directive, scope, rules: [...rules], line: view.lineOf(valueIndex), text: view.text() };
}

/** Index of the first non-whitespace character of `text` at or after `from`. */
export function skipWhitespace(text: string, from = 0): number {
  let index = from;
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return index;
}
