import { coverageInputError, oneLine } from '../coverage/input-error.js';
import { stripBom } from '../coverage/json.js';
import type { CoverageParseOptions } from '../coverage/model.js';
import { createPathResolver, type PathResolver } from '../coverage/paths.js';
import type { TypeDiagnostic, TypecheckReport } from './model.js';

/**
 * What `tsc` printed (also through `npm run typecheck`, `tsc -b`, `vue-tsc`):
 *
 * - `src/a.ts(3,7): error TS2322: Type …` (plain, the default when not on a terminal);
 * - `src/a.ts:3:7 - error TS2322: Type …` (`--pretty`, the default on a terminal; ANSI colours
 *   are stripped), followed by a code frame;
 * - `error TS5023: Unknown compiler option 'x'.` (no file);
 * - lines indented under a diagnostic (the rest of a message chain, a code frame, related
 *   information) belong to it: only the first line is kept as its message;
 * - `Found 3 errors in 2 files.`, `Found 1 error in src/a.ts:3`, `Found 1 error.` and watch
 *   `Found 2 errors in the same file, starting at: src/a.ts:3` and watch mode's
 *   `Found 0 errors. Watching for file changes.` give `statedErrorCount`; the `Errors  Files`
 *   table after it is skipped.
 *
 * Package-manager banners (`> app@1.0.0 typecheck`, `> tsc --noEmit`), `tsc -b --verbose` and watch
 * lines starting with a `[time]`, and `Version 5.x` are allowed. Any other line is an error
 * naming it: a file that is not tsc output must not read as a clean run. Empty output is a clean
 * run (0 diagnostics); whether an empty file is acceptable evidence is the gate's decision.
 */
export function parseTscOutput(input: string, sourceName: string, options?: CoverageParseOptions): TypecheckReport {
  const lines = stripAnsi(stripBom(input)).split(/\r?\n/);
  const resolver = createPathResolver(options);
  const diagnostics: TypeDiagnostic[] = [];
  let statedErrorCount: number | null = null;
  /** Inside a diagnostic (its continuation and code frame) or the summary table. */
  let within: 'diagnostic' | 'table' | null = null;
  lines.forEach((raw, i) => {
    // `tsc -b --verbose` and watch mode put the time first: `[10:00:02 AM] Found 0 errors…`.
    const stamp = WATCH_TIME.exec(raw);
    const line = (stamp === null ? raw : raw.slice(stamp[0].length)).trimEnd();
    if (line.trim() === '') return;
    const diagnostic = diagnosticOf(line, resolver);
    if (diagnostic !== null) {
      diagnostics.push(diagnostic);
      within = 'diagnostic';
      return;
    }
    const summary = SUMMARY.exec(line.trim());
    if (summary !== null) {
      statedErrorCount = Number(summary[1]);
      within = null;
      return;
    }
    if (/^Errors\s+Files$/.test(line.trim())) {
      within = 'table';
      return;
    }
    if (/^\s/.test(raw) && within !== null) return;
    // A pretty code frame's gutter starts the line with the line number.
    if (within === 'diagnostic' && /^\d+\s/.test(line)) return;
    if (stamp !== null || ALLOWED.some((pattern) => pattern.test(line.trim()))) return;
    throw coverageInputError(sourceName, String(i + 1), `not tsc output: ${JSON.stringify(oneLine(line.trim(), 60))}`);
  });
  return {
    format: 'tsc',
    sourceName,
    diagnostics,
    errorCount: diagnostics.filter((d) => d.category === 'error').length,
    statedErrorCount,
  };
}

const PLAIN = /^(.+?)\((\d+),(\d+)\): (error|warning|message) (TS\d+): ?(.*)$/;
const PRETTY = /^(.+?):(\d+):(\d+) - (error|warning|message) (TS\d+): ?(.*)$/;
const GLOBAL = /^(error|warning|message) (TS\d+): ?(.*)$/;
const SUMMARY = /^Found (\d+) errors?(?: in \d+ files| in the same file, starting at: \S.*:\d+| in \S.*:\d+)?\.?(?: Watching for file changes\.)?$/;
const WATCH_TIME = /^\[[\d:. ]+(?:[AP]M)?\] /i;
const ALLOWED = [
  /^> /, // npm/pnpm/yarn script banner
  /^\$ /, // yarn v1 command echo
  /^Version \d+\.\d+/,
  /^(?:npm|pnpm|yarn) (?:ERR!|error|ERROR|warn|WARN)/, // the failing script's own trailer
  /^ELIFECYCLE /,
  /^error Command failed with exit code \d+\.$/,
  /^info Visit https:\/\/yarnpkg\.com/,
];

function diagnosticOf(line: string, resolver: PathResolver): TypeDiagnostic | null {
  const located = PLAIN.exec(line) ?? PRETTY.exec(line);
  if (located !== null) {
    const [, file, row, column, category, code, message] = located;
    return { file: resolver.resolve(file!), line: Number(row), column: Number(column), code: code!, category: category as TypeDiagnostic['category'], message: message!.trim() };
  }
  const global = GLOBAL.exec(line.trim());
  if (global === null) return null;
  const [, category, code, message] = global;
  return { file: null, line: 0, column: 0, code: code!, category: category as TypeDiagnostic['category'], message: message!.trim() };
}

/** CSI and OSC escape sequences (colours, hyperlinks) built from code points, as no-control-regex wants. */
const ANSI = new RegExp(`${String.fromCharCode(0x1b)}(?:\\[[0-?]*[ -/]*[@-~]|\\][^${String.fromCharCode(0x07)}]*(?:${String.fromCharCode(0x07)}|${String.fromCharCode(0x1b)}\\\\))`, 'g');

function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
