import { joinPath } from '../config-eval/paths.js';
import { unwrapLauncher } from '../commands/launchers.js';
import type { Word } from '../commands/shell.js';
import { numberedId, walkCommands } from '../commands/walk.js';
import type { ConfigSource, Invocation, RunnerTool } from './model.js';

/**
 * Test-runner invocations on command lines: `package.json` scripts and GitHub Actions `run:`
 * steps, from the shared command walker (`../commands/`: shell splitting, launchers such as `npx`,
 * `pnpm exec`, `yarn`, `cross-env`, `python -m`, `uv run`, `npm run X -- args`, `cd DIR`), with
 * coverage wrappers skipped as launchers here (`nyc mocha`, `c8 vitest`, `coverage run -m pytest`).
 * An invocation's line is its command's; a step's own line is that of its `run:` value.
 */

const TOOLS = new Map<string, RunnerTool>([['vitest', 'vitest'], ['jest', 'jest'], ['pytest', 'pytest'], ['py.test', 'pytest'], ['mocha', 'mocha'], ['_mocha', 'mocha']]);
const WRAPPERS = new Set(['nyc', 'c8', 'coverage']);

/** Every test-runner invocation of the revision's scripts and workflow steps. */
export function runnerInvocations(source: ConfigSource): (Invocation & { tool: RunnerTool })[] {
  const out: (Invocation & { tool: RunnerTool })[] = [];
  const counts = new Map<string, number>();
  // `cd ..` above the root, or a `working-directory` outside the repository, leaves the directory as it was.
  const resolveDir = (dir: string, rel: string): string => joinPath(dir, rel) ?? dir;
  walkCommands(source, { stepLine: 'run', resolveDir }, (at, words) => {
    const found = unwrapLauncher(words, (name) => TOOLS.get(name) ?? null, WRAPPERS);
    if (!found) return;
    const id = numberedId(counts, `${at.id}/${found.tool}`);
    out.push({ file: at.file, id, line: words[0]?.line ?? at.line, dir: at.dir, words: found.words, tool: found.tool });
  });
  return out;
}

// ─── Flag reading helpers shared by the tools ─────────────────────────────────────────────────

export interface FlagReader {
  /** Index of the current word. */
  i: number;
  words: Word[];
}

/** `--name=value` / `--name value` / `-kvalue` (short options): the value and its line, advancing the reader. */
export function takeValue(reader: FlagReader, names: readonly string[]): { value: string; line: number; flag: string } | null {
  const word = reader.words[reader.i];
  if (!word) return null;
  for (const name of names) {
    if (word.text === name) {
      const next = reader.words[reader.i + 1];
      if (next === undefined) return null;
      reader.i += 2;
      return { value: next.text, line: next.line, flag: name };
    }
    if (word.text.startsWith(`${name}=`)) {
      reader.i += 1;
      return { value: word.text.slice(name.length + 1), line: word.line, flag: name };
    }
    if (/^-[A-Za-z]$/.test(name) && word.text.startsWith(name) && word.text.length > 2) {
      reader.i += 1;
      return { value: word.text.slice(2), line: word.line, flag: name };
    }
  }
  return null;
}

/** A boolean flag (`--flag`, `--flag=false`, `--no-flag`), advancing the reader. */
export function takeBoolean(reader: FlagReader, names: readonly string[]): { value: boolean; line: number; flag: string } | null {
  const word = reader.words[reader.i];
  if (!word) return null;
  for (const name of names) {
    if (word.text === name) {
      reader.i += 1;
      return { value: true, line: word.line, flag: name };
    }
    if (word.text.startsWith(`${name}=`)) {
      reader.i += 1;
      return { value: !['false', '0'].includes(word.text.slice(name.length + 1)), line: word.line, flag: name };
    }
    if (name.startsWith('--') && word.text === `--no-${name.slice(2)}`) {
      reader.i += 1;
      return { value: false, line: word.line, flag: name };
    }
  }
  return null;
}

/** Words of a yargs array option: every following word up to the next option. */
export function takeArray(reader: FlagReader, names: readonly string[]): { values: Word[]; flag: string } | null {
  const word = reader.words[reader.i];
  if (!word) return null;
  for (const name of names) {
    if (word.text.startsWith(`${name}=`)) {
      reader.i += 1;
      return { values: [{ text: word.text.slice(name.length + 1), line: word.line }], flag: name };
    }
    if (word.text === name) {
      reader.i += 1;
      const values: Word[] = [];
      while (reader.i < reader.words.length && !reader.words[reader.i]!.text.startsWith('-')) values.push(reader.words[reader.i++]!);
      return { values, flag: name };
    }
  }
  return null;
}

/** `${{ matrix.x }}` or `$VAR` in a value: only known when the job runs. */
export const RUNTIME_VALUE = /\$\{\{|\$\{?[A-Za-z_]/;
