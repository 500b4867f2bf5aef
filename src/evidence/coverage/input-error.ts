import { InputError } from '../../core/errors.js';

/**
 * Builds the one error every coverage parser throws for bad input. The CLI prints an InputError's
 * message as a single line, so everything interpolated here is flattened: fuzzed or hostile
 * input must not be able to inject line breaks or terminal control characters into it.
 */
export function coverageInputError(sourceName: string, where: string, problem: string): InputError {
  const place = where === '' ? oneLine(sourceName, 200) : `${oneLine(sourceName, 200)}:${oneLine(where, 200)}`;
  return new InputError(`${place}: ${oneLine(problem, 300)}`);
}

/** Control characters (including CR/LF) become spaces; long text is clipped with an ellipsis. */
export function oneLine(text: string, max: number): string {
  // eslint's no-control-regex would flag a literal range; building the class from code points avoids it.
  const head = text.length > max ? text.slice(0, max) : text;
  const flat = Array.from(head, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029 ? ' ' : ch;
  }).join('');
  return text.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A short, quoted, single-line excerpt of offending input for messages. */
export function excerpt(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** 1-based `line:column` of an offset into the input, for messages. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return `${line}:${offset - lineStart + 1}`;
}
