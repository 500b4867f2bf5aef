import type { Suppression } from '../source-facts.js';
import { suppressionIn, type CommentView } from './comment-view.js';

/*
 * The forms tsc honours, from TypeScript's scanner and parser (5.x):
 * - `@ts-ignore` / `@ts-expect-error`: a `//` or `///` comment starting with the directive
 *   (`// foo @ts-ignore` is ignored), or a block comment whose LAST line starts with it after
 *   any run of `/` and `*` (`/* @ts-ignore *\/`, `/** @ts-ignore *\/`; not the middle line of a
 *   JSDoc block). Case-sensitive, and no word boundary is required (`@ts-ignorefoo` counts).
 * - `@ts-nocheck`: a pragma, read only from `//` comments before the first token, name
 *   case-insensitive, followed by whitespace, `:` or the end; the last `@ts-check`/`@ts-nocheck` wins.
 */
const LINE_DIRECTIVE = /^\/?\s*@(ts-expect-error|ts-ignore)/;
const BLOCK_LAST_LINE_DIRECTIVE = /^(?:\/|\*)*\s*@(ts-expect-error|ts-ignore)/;
const PRAGMA = /^\/?\s*@([^\s:]+)(?:[^\S\r\n]|:|$)/;
const LINE_BREAK = /[\n\r\u2028\u2029]/g;

/** A `@ts-ignore` or `@ts-expect-error` that tsc honours, scoped to the next line. */
export function typescriptDirective(view: CommentView): Suppression | null {
  if (!view.value.includes('@ts-')) return null;
  if (view.type === 'Line') {
    const match = LINE_DIRECTIVE.exec(view.value);
    return match ? suppressionIn(view, 'typescript', match[1]!, 'next-line', [], view.value.indexOf('@')) : null;
  }
  // Block comment: tsc tests only its last line, trimmed at the start; on a one-line comment
  // that line begins with the `/*` delimiter itself.
  let lastLineStart = 0;
  for (const lineBreak of view.value.matchAll(LINE_BREAK)) lastLineStart = lineBreak.index + 1;
  const lastLine = view.value.slice(lastLineStart);
  const tested = lastLineStart === 0 ? `/*${lastLine}` : lastLine.trimStart();
  const match = BLOCK_LAST_LINE_DIRECTIVE.exec(tested);
  if (!match) return null;
  return suppressionIn(view, 'typescript', match[1]!, 'next-line', [], view.value.indexOf(`@${match[1]!}`, lastLineStart));
}

/** `@ts-check` or `@ts-nocheck` in a leading `//` comment (the caller checks "leading"). */
export function typescriptCheckPragma(view: CommentView): { nocheck: boolean; suppression: Suppression } | null {
  if (view.type !== 'Line' || !/@ts-/i.test(view.value)) return null;
  const match = PRAGMA.exec(view.value);
  const name = match?.[1]?.toLowerCase();
  if (name !== 'ts-nocheck' && name !== 'ts-check') return null;
  return { nocheck: name === 'ts-nocheck', suppression: suppressionIn(view, 'typescript', 'ts-nocheck', 'file', [], view.value.indexOf('@')) };
}
