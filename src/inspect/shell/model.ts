/**
 * A small typed model of a POSIX shell script (an npm script, a workflow `run:` step, a husky
 * hook): the simple commands it runs, in source order, and for each whether its failure can fail
 * the script. Built from tree-sitter-bash by `parse.ts`; consumers never see tree-sitter nodes.
 */

/** A word of a command with quotes and escapes removed (`$VAR` and `$(…)` kept as written), and its 1-based line. */
export interface ShellWord {
  readonly text: string;
  readonly line: number;
}

/** Why the failure of a command cannot fail the script. */
export interface Masking {
  how:
    | 'or' // `cmd || true`, `cmd || echo failed`
    | 'not-last' // `cmd; other` without `set -e`: only the last command's status counts
    | 'exit-after' // `cmd; exit 0`
    | 'errexit-off' // `set +e` in a script that otherwise stops at the first failure
    | 'pipeline' // `cmd | tee log` without `pipefail`
    | 'background' // `cmd &`
    | 'negated' // `! cmd`
    | 'condition' // `if cmd; then …` / `while cmd` with no failing branch
    | 'substitution' // `echo $(cmd)`
    | 'function'; // the body of a function definition (its calls are not followed)
  /** The construct as written, for messages: "`|| true`", "`; exit 0`", "`set +e`". */
  detail: string;
}

export interface ShellCommand {
  /** The command's words: its name first. Environment assignments (`CI=1 cmd`) are in `env`. */
  readonly words: readonly ShellWord[];
  /** `NAME=value` words written before the command name. */
  readonly env: readonly ShellWord[];
  /** Line of the command's first word. */
  readonly line: number;
  /** The command as written (assignments included), whitespace normalised: for messages. */
  readonly text: string;
  /** Null when a failure of this command fails the script; otherwise why it cannot. */
  readonly masked: Masking | null;
  /** Inside `$(…)`, backticks or `<(…)`: it runs, but as part of another command's words. */
  readonly substituted: boolean;
}

/** Shared between callers (parses are memoised): read-only. */
export interface ShellScript {
  readonly commands: readonly ShellCommand[];
  /** The first syntax error, when the script does not parse: commands are then empty. */
  error: { line: number; message: string } | null;
}

/** How the script is run: `sh -c` for npm scripts (neither set), `bash -e {0}` for workflow steps, `sh -e` for husky hooks. */
export interface ShellOptions {
  /** 1-based line of the script's first line in its file. */
  firstLine?: number;
  /** The shell starts with `set -e`. */
  errexit?: boolean;
  /** The shell starts with `set -o pipefail`. */
  pipefail?: boolean;
}
