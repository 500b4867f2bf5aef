/** What a linter reported, from ESLint's JSON formatter or any SARIF 2.1.0 log (ESLint, ruff, Biome, …). */

export interface LintProblem {
  /** Repository-relative POSIX path when it can be made relative, else as reported. */
  readonly file: string;
  /** 1-based; 0 when the problem has no position (a whole-file problem). */
  readonly line: number;
  /** Rule id, or null for parse errors and problems without a rule. */
  readonly ruleId: string | null;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface LintReport {
  readonly format: 'eslint-json' | 'sarif';
  readonly sourceName: string;
  /** The tool that produced it (`eslint`, or SARIF's `tool.driver.name`). */
  readonly tool: string;
  readonly problems: readonly LintProblem[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** Files the linter looked at (ESLint JSON lists every linted file; SARIF `artifacts` when present), or null when unknown. */
  readonly filesLinted: number | null;
}
