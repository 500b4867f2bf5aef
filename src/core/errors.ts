/**
 * An error a user caused or can fix: bad input, bad configuration, a missing revision.
 * The CLI prints its message as one line and exits with code 2; no stack trace unless --debug.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly exitCode = 2;
}

/** Raised by an inspector when a file cannot be parsed; becomes an `unresolvable` finding. */
export class UnparseableError extends Error {
  override readonly name = 'UnparseableError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** The user interrupted the run (Ctrl-C, SIGTERM) after it started gates: exit 130, as shells do. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  readonly exitCode = 130;
}
