import type { CoveragePragma } from '../source-facts.js';

/**
 * Comments of Python source, found by a small tokenizer that skips string literals: single and
 * triple quoted, any prefix (`r`, `b`, `u`, `f`, `t` and their combinations, any case), escapes
 * (a raw string still cannot end at `\"`), and f-/t-string replacement fields, which are code
 * and may hold nested strings and, in triple-quoted f-strings (Python 3.12, PEP 701), comments.
 * `{{` / `}}` are literal braces. An unterminated string runs to its end (single-quoted: the end
 * of the line), as the tokenizer would report an error there.
 */

export interface PythonComment {
  /** 1-based line of the `#`. */
  line: number;
  /** The comment from `#` to the end of the line. */
  text: string;
}

export function pythonComments(source: string): PythonComment[] {
  const comments: PythonComment[] = [];
  let line = 1;
  let i = 0;
  const n = source.length;

  const comment = (): void => {
    let end = source.indexOf('\n', i);
    if (end < 0) end = n;
    comments.push({ line, text: source.slice(i, end).replace(/\r$/, '') });
    i = end;
  };

  /** Code until `stop` (a `}` closing an f-string field at depth 0) or the end; returns at the stop. */
  const code = (inField: boolean, fieldMultiline: boolean): void => {
    let depth = 0;
    while (i < n) {
      const c = source[i]!;
      if (c === '\n') {
        line++;
        i++;
      } else if (c === '#') {
        if (inField && !fieldMultiline) return;
        comment();
      } else if (c === '\\' && source[i + 1] === '\n') {
        line++;
        i += 2;
      } else if (inField && depth === 0 && (c === '}' || c === '!' || c === ':') && !(c === '!' && source[i + 1] === '=')) {
        // End of the field's expression: `}`, a conversion `!r`, or a format spec `:…` (which is
        // string content again, handled by the caller).
        return;
      } else if (c === '(' || c === '[' || c === '{') {
        depth++;
        i++;
      } else if (c === ')' || c === ']' || c === '}') {
        depth--;
        i++;
      } else if (c === '"' || c === "'") {
        string('');
      } else if (/[A-Za-z_]/.test(c)) {
        const word = /^[A-Za-z_]\w*/.exec(source.slice(i, i + 64))![0];
        const next = source[i + word.length];
        if (word.length <= 3 && /^(?:[rRbBuUfFtT]{1,2})$/.test(word) && (next === '"' || next === "'")) {
          i += word.length;
          string(word.toLowerCase());
        } else i += word.length;
      } else i++;
    }
  };

  const string = (prefix: string): void => {
    const quote = source[i]!;
    const triple = source.startsWith(quote.repeat(3), i);
    const close = triple ? quote.repeat(3) : quote;
    const formatted = prefix.includes('f') || prefix.includes('t');
    i += close.length;
    while (i < n) {
      const c = source[i]!;
      if (source.startsWith(close, i)) {
        i += close.length;
        return;
      }
      if (c === '\n') {
        line++;
        i++;
        if (!triple) return;
        continue;
      }
      if (c === '\\') {
        if (source[i + 1] === '\n') line++;
        i += 2;
        continue;
      }
      if (formatted && c === '{') {
        if (source[i + 1] === '{') {
          i += 2;
          continue;
        }
        i++;
        // A replacement field: an expression, an optional `!r`, an optional `:spec` (which may
        // itself hold nested fields), then `}`.
        field(triple);
        continue;
      }
      if (formatted && c === '}' && source[i + 1] === '}') {
        i += 2;
        continue;
      }
      i++;
    }
  };

  const field = (multiline: boolean): void => {
    code(true, multiline);
    while (i < n) {
      const c = source[i]!;
      if (c === '}') {
        i++;
        return;
      }
      if (c === '!' || c === '#') {
        i++;
        continue;
      }
      if (c === ':') {
        // Format spec: literal text with nested `{…}` fields, up to the closing `}`.
        i++;
        while (i < n && source[i] !== '}') {
          if (source[i] === '{') {
            i++;
            field(multiline);
          } else {
            if (source[i] === '\n') line++;
            i++;
          }
        }
        continue;
      }
      i++;
    }
  };

  code(false, false);
  return comments;
}

/**
 * coverage.py's default exclusion regexes as they apply to a comment (`coverage/config.py`
 * `DEFAULT_EXCLUDE` and `DEFAULT_PARTIAL`): `#\s*(pragma|PRAGMA)[:\s]?\s*(no|NO)\s*(cover|COVER)`
 * and the same with `branch`. They may appear anywhere in the comment (`# noqa # pragma: no cover`).
 */
const PRAGMA = /#\s*(?:pragma|PRAGMA)[:\s]?\s*(?:no|NO)\s*(cover|COVER|branch|BRANCH)/;

export function pythonCoveragePragmas(source: string): CoveragePragma[] {
  const pragmas: CoveragePragma[] = [];
  for (const { line, text } of pythonComments(source)) {
    const match = PRAGMA.exec(text);
    if (!match) continue;
    pragmas.push({ tool: 'coverage.py', directive: match[1]!.toLowerCase() === 'cover' ? 'no cover' : 'no branch', line, text: text.replace(/\s+/g, ' ').trim() });
  }
  return pragmas;
}
