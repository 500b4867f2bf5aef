import type { Word } from './shell.js';

/**
 * Launchers in front of a tool on a command line: `VAR=value` prefixes, `npx`/`bunx`/`pnpx`,
 * `pnpm|yarn|npm|bun exec|dlx|x`, `pnpm <bin>`, `yarn <bin>`, `cross-env`, `env`, `time`, `exec`,
 * `python -m`, `uv|poetry|pipenv|hatch|pdm|rye run`, `node_modules/.bin/…` (a path to the tool).
 */

const NPX_VALUE_FLAGS = new Set(['-p', '--package', '-c', '--call', '--node-options']);
const ENV_ASSIGNMENT = /^[A-Za-z_]\w*=/;
const baseName = (word: string): string => word.slice(word.lastIndexOf('/') + 1);

export interface Launched<T> {
  tool: T;
  /** Line of the tool's word. */
  line: number;
  /** The words after the tool's. */
  words: Word[];
}

/**
 * The tool a command runs once launchers are removed, or null when it runs none of them.
 * `toolOf` names the tool of a program name (its base name: `node_modules/.bin/jest` → `jest`).
 * `wrappers` are programs that run another command after their own options (`nyc mocha`,
 * `c8 vitest`, `coverage run -m pytest`): the first word (or `-m` module) naming a tool is taken.
 */
export function unwrapLauncher<T>(words: readonly Word[], toolOf: (name: string) => T | null, wrappers: ReadonlySet<string> = new Set()): Launched<T> | null {
  const toolOfWord = (word: Word | undefined): T | null => (word === undefined ? null : toolOf(baseName(word.text)));
  let rest = [...words];
  for (let guard = 0; guard < 12 && rest.length > 0; guard++) {
    while (rest.length > 0 && ENV_ASSIGNMENT.test(rest[0]!.text)) rest = rest.slice(1);
    const head = rest[0];
    if (head === undefined) return null;
    const name = baseName(head.text);
    const second = rest[1]?.text;
    const tool = toolOfWord(head);
    if (tool !== null) return { tool, line: head.line, words: rest.slice(1) };
    if (wrappers.has(name)) {
      const at = rest.findIndex((word, index) => index > 0 && (toolOfWord(word) !== null || (word.text === '-m' && toolOfWord(rest[index + 1]) !== null)));
      if (at < 0) return null;
      rest = rest.slice(rest[at]!.text === '-m' ? at + 1 : at);
      continue;
    }
    if (name === 'npx' || name === 'bunx' || name === 'pnpx') {
      let i = 1;
      while (i < rest.length && rest[i]!.text.startsWith('-')) i += NPX_VALUE_FLAGS.has(rest[i]!.text) ? 2 : 1;
      rest = rest.slice(i);
      continue;
    }
    if ((name === 'pnpm' || name === 'yarn' || name === 'npm' || name === 'bun') && (second === 'exec' || second === 'dlx' || second === 'x')) {
      rest = rest.slice(2);
      if (rest[0]?.text === '--') rest = rest.slice(1);
      continue;
    }
    if ((name === 'pnpm' || name === 'yarn') && toolOfWord(rest[1]) !== null) {
      rest = rest.slice(1);
      continue;
    }
    if (name === 'cross-env' || name === 'env' || name === 'time' || name === 'exec') {
      rest = rest.slice(1);
      continue;
    }
    if (/^python(\d(\.\d+)?)?$/.test(name) && second === '-m') {
      rest = rest.slice(2);
      continue;
    }
    if (['uv', 'poetry', 'pipenv', 'hatch', 'pdm', 'rye'].includes(name) && second === 'run') {
      let i = 2;
      while (i < rest.length && rest[i]!.text.startsWith('-')) i++;
      rest = rest.slice(i);
      continue;
    }
    return null;
  }
  return null;
}

/** `npm run X -- a b`, `npm test`, `pnpm [run] X a b`, `yarn [run] X a b`, `bun run X`: the script name and extra words. */
export function scriptCall(words: readonly Word[]): { name: string; extra: Word[] } | null {
  let rest = [...words];
  while (rest.length > 0 && ENV_ASSIGNMENT.test(rest[0]!.text)) rest = rest.slice(1);
  const head = rest[0]?.text;
  if (head !== 'npm' && head !== 'pnpm' && head !== 'yarn' && head !== 'bun') return null;
  let i = 1;
  if (rest[i]?.text === 'run' || rest[i]?.text === 'run-script') i++;
  else if (head === 'npm' && rest[i]?.text !== 'test' && rest[i]?.text !== 't') return null;
  while (i < rest.length && rest[i]!.text.startsWith('-')) i++;
  const name = rest[i]?.text;
  if (name === undefined) return null;
  let extra = rest.slice(i + 1);
  if (extra[0]?.text === '--') extra = extra.slice(1);
  else if (head === 'npm') extra = [];
  return { name: name === 't' ? 'test' : name, extra };
}
