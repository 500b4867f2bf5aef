import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../core/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with its errors turned into one-line input errors (exit 2). */
export function parseCommandLine<T extends Options>(args: string[], options: T, command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '') : String(error);
    throw new InputError(`${command}: ${message} (see \`gatehouse ${command} --help\`)`);
  }
}

/** Pick a value from a fixed list, or fail naming the option and the choices. */
export function oneOf<const C extends readonly string[]>(value: string | undefined, choices: C, option: string, fallback: C[number]): C[number] {
  if (value === undefined) return fallback;
  const choice = choices.find((candidate) => candidate === value);
  if (choice !== undefined) return choice;
  throw new InputError(`${option}: '${value}' is not one of ${choices.join(', ')}`);
}
