import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';

/** Colour only for a person at a terminal, and never when NO_COLOR is set (https://no-color.org). */
/** `isTTY` is absent (not false) on pipes and files, whatever Node's types say. */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/** Write a report file atomically: a failed run never leaves a half-written or truncated file. */
export function writeOutput(file: string, content: string): void {
  const target = path.resolve(file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new InputError(`--output ${file}: cannot write (${reason})`);
  }
}
