/** What a type checker printed: `tsc` output (plain `file(line,col): error TSnnnn:` and `--pretty` forms). */

export interface TypeDiagnostic {
  /** Repository-relative POSIX path, or null for global diagnostics (`error TS5023: …`). */
  readonly file: string | null;
  readonly line: number;
  readonly column: number;
  /** `TS2322`. */
  readonly code: string;
  readonly category: 'error' | 'warning' | 'message';
  /** First line of the message. */
  readonly message: string;
}

export interface TypecheckReport {
  readonly format: 'tsc';
  readonly sourceName: string;
  readonly diagnostics: readonly TypeDiagnostic[];
  readonly errorCount: number;
  /** `Found N errors` as tsc stated it, or null when the summary line is absent. */
  readonly statedErrorCount: number | null;
}
