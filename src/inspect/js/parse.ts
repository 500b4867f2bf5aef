import { parseSync, type Comment, type OxcError, type ParserOptions, type Program } from 'oxc-parser';
import { UnparseableError } from '../../core/errors.js';
import { createLineIndex, type LineIndex } from './lines.js';

export type JsLang = NonNullable<ParserOptions['lang']>;
type SourceType = NonNullable<ParserOptions['sourceType']>;

/** How a file parses, decided by its name alone. */
export interface ParseMode {
  lang: JsLang;
  sourceType: SourceType;
  /** The extension that decided it (`.tsx`, `.d.ts`, `.mjs`…), lower-cased. */
  extension: string;
}

// `.d.ts`, `.d.mts`, `.d.cts` and TypeScript 5's arbitrary-extension declarations (`.d.css.ts`).
const DECLARATION = /\.d(?:\.[^./\\]+)?\.([cm]?)ts$/;
const SCRIPT = /\.([cm]?)([jt])s(x?)$/;

/** The parse mode for a path, or null when it is not a JS/TS source file. */
export function parseModeOf(path: string): ParseMode | null {
  const lower = path.toLowerCase();
  const declaration = DECLARATION.exec(lower);
  if (declaration) {
    const flavour = declaration[1] ?? '';
    return { lang: 'dts', sourceType: flavour === 'c' ? 'commonjs' : 'module', extension: `.d.${flavour}ts` };
  }
  const script = SCRIPT.exec(lower);
  if (!script) return null;
  const [extension, flavour = '', letter, x] = script;
  // `.cjs`/`.jsx` can only be told apart by JSX syntax, and JSX inside plain `.js` is common
  // (React projects), so every JS flavour parses as JSX: no valid JS program changes meaning.
  const lang: JsLang = letter === 't' ? (x ? 'tsx' : 'ts') : 'jsx';
  const sourceType: SourceType = flavour === 'm' ? 'module' : flavour === 'c' ? 'commonjs' : 'unambiguous';
  return { lang, sourceType, extension };
}

export interface ParsedSource {
  readonly text: string;
  readonly program: Program;
  /** Every comment, in source order, with UTF-16 offsets. */
  readonly comments: readonly Comment[];
  readonly lines: LineIndex;
  /** Offset of the first token: comments before it are the file's leading comments. */
  readonly firstTokenStart: number;
}

/**
 * Parses once with the dialect the path implies. oxc-parser reports offsets in UTF-16 code
 * units (it converts from UTF-8 itself), so they index the JS string directly.
 * @throws UnparseableError at the line of the first error.
 */
export function parseSource(path: string, text: string, mode: ParseMode): ParsedSource {
  const result = parseSync(path, text, { lang: mode.lang, sourceType: mode.sourceType, preserveParens: true });
  const lines = createLineIndex(text);
  const fatal = result.errors.find(isFatal);
  if (fatal) throw new UnparseableError(fatal.message, lines.lineAt(errorOffset(fatal, text)));
  const { program } = result;
  return { text, program, comments: result.comments, lines, firstTokenStart: program.body[0]?.start ?? text.length };
}

function isFatal(error: OxcError): boolean {
  // `Severity` is a const enum in the typings; compare its string values.
  const severity: string = error.severity;
  return severity !== 'Warning' && severity !== 'Advice';
}

/**
 * Where to report an error: its first label, except that "unexpected end of input" points past
 * the trailing newline, onto an empty line; the last line with code on it is the one to fix.
 */
function errorOffset(error: OxcError, text: string): number {
  const offset = error.labels[0]?.start ?? 0;
  return offset < text.length ? offset : Math.max(0, text.trimEnd().length - 1);
}
