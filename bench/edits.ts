import { functionBlock, markdownDoc, testCase, exportedNames } from './content.js';
import type { Random } from './prng.js';

/**
 * Edits applied to file contents by the synthetic history. Ordinary edits give the audit real diffs
 * to read; the "gaming" edits are the ones Gatehouse exists to catch, sprinkled in so that the
 * audit's rules fire and its reporting path is measured too.
 */

export type GamingKind = 'skip-test' | 'drop-assertion' | 'ts-ignore' | 'eslint-disable' | 'coverage-ignore';

/** The gaming edits that apply to a test file; the others apply to a source module. */
export const TEST_GAMING: readonly GamingKind[] = ['skip-test', 'drop-assertion'];

/** An ordinary edit to a source module: a changed constant, a new or removed function, an import. */
export function editSource(random: Random, source: string): string {
  const blocks = source.split('\n\n');
  const choice = random.weighted([
    ['number', 4],
    ['append', 3],
    ['remove', blocks.length > 3 ? 1 : 0],
    ['import', 1],
  ] as const);
  switch (choice) {
    case 'number':
      return changeNumber(random, source) ?? appendFunction(random, source);
    case 'append':
      return appendFunction(random, source);
    case 'remove':
      blocks.splice(random.int(2, blocks.length - 1), 1);
      return ensureNewline(blocks.join('\n\n'));
    case 'import':
      return `import { setTimeout as delay } from 'node:timers/promises';\n${source}`;
  }
}

/** An ordinary edit to a test: a new case, or a changed expected value. */
export function editTest(random: Random, source: string): string {
  if (random.chance(0.4)) {
    const changed = changeNumber(random, source);
    if (changed !== null) return changed;
  }
  const names = exportedNamesFromImport(source);
  const name = names.length > 0 ? random.pick(names) : 'subject';
  return insertBeforeLastClose(source, testCase(random, name, 'it'));
}

export function editDoc(random: Random, source: string, title: string): string {
  if (random.chance(0.5)) return `${source}\n${markdownDoc(random, title).split('\n').slice(2).join('\n')}`;
  const lines = source.split('\n');
  const index = random.int(0, lines.length - 1);
  lines[index] = `${lines[index] ?? ''} (updated)`;
  return lines.join('\n');
}

/** A version bump: the kind of routine change to package.json most commits make. */
export function bumpVersion(manifest: string): string {
  return manifest.replace(/"version": "(\d+)\.(\d+)\.(\d+)"/, (_all, major: string, minor: string, patch: string) =>
    `"version": "${major}.${minor}.${Number(patch) + 1}"`,
  );
}

export function applyGaming(random: Random, kind: GamingKind, source: string): string {
  switch (kind) {
    case 'skip-test':
      return skipTest(random, source);
    case 'drop-assertion':
      return dropAssertion(random, source);
    case 'ts-ignore':
      return insertInsideFunction(random, source, '    // @ts-ignore');
    case 'eslint-disable':
      return random.chance(0.3)
        ? `/* eslint-disable */\n${source}`
        : insertInsideFunction(random, source, '    // eslint-disable-next-line @typescript-eslint/no-explicit-any\n    const unchecked = undefined as any;');
    case 'coverage-ignore':
      return ignoreForCoverage(random, source);
  }
}

/** A new rule in an agent instruction file: the change rewrites the instructions it is judged by. */
export function loosenInstructions(random: Random, source: string): string {
  const line = random.pick([
    '- Flaky tests may be skipped with `it.skip` when they block a release.',
    '- `@ts-ignore` is acceptable in generated or legacy code.',
    '- Coverage thresholds may be lowered when a module is hard to test.',
  ]);
  return `${source}${line}\n`;
}

function skipTest(random: Random, source: string): string {
  const lines = source.split('\n');
  const candidates = indexesWhere(lines, (line) => line.startsWith("  it('"));
  if (candidates.length === 0) return source.replace("describe('", "describe.skip('");
  const index = random.pick(candidates);
  lines[index] = lines[index]!.replace("  it('", "  it.skip('");
  return lines.join('\n');
}

function dropAssertion(random: Random, source: string): string {
  const lines = source.split('\n');
  const candidates = indexesWhere(lines, (line) => line.trimStart().startsWith('expect('));
  if (candidates.length === 0) return skipTest(random, source);
  lines.splice(random.pick(candidates), 1);
  return lines.join('\n');
}

function ignoreForCoverage(random: Random, source: string): string {
  const lines = source.split('\n');
  const candidates = indexesWhere(lines, (line) => line.startsWith('export function') || line.startsWith('export async function'));
  const pragma = random.pick(['/* istanbul ignore next */', '/* v8 ignore next */', '/* c8 ignore next */']);
  if (candidates.length === 0) return `${pragma}\n${source}`;
  lines.splice(random.pick(candidates), 0, pragma);
  return lines.join('\n');
}

/** Insert a line inside a function body (an indented line), or at the top when there is none. */
function insertInsideFunction(random: Random, source: string, text: string): string {
  const lines = source.split('\n');
  const candidates = indexesWhere(lines, (line) => /^ {2,}\S/.test(line) && !line.includes('@ts-') && !line.includes('eslint-'));
  if (candidates.length === 0) return `${text.trimStart()}\n${source}`;
  lines.splice(random.pick(candidates), 0, text);
  return lines.join('\n');
}

function changeNumber(random: Random, source: string): string | null {
  const matches = [...source.matchAll(/(?<![\w.])\d{1,4}(?![\w.])/g)].filter((match) => !isInsideImport(source, match.index));
  if (matches.length === 0) return null;
  const match = random.pick(matches);
  const next = String(Number(match[0]) + random.int(1, 50));
  return source.slice(0, match.index) + next + source.slice(match.index + match[0].length);
}

function isInsideImport(source: string, index: number): boolean {
  const lineStart = source.lastIndexOf('\n', index) + 1;
  return source.startsWith('import', lineStart);
}

function appendFunction(random: Random, source: string): string {
  const type = /export interface (\w+)/.exec(source)?.[1] ?? 'Record<string, number>';
  return `${ensureNewline(source)}\n${functionBlock(random, type)}\n`;
}

function exportedNamesFromImport(test: string): string[] {
  const match = /^import \{ ([^}]+) \} from '\.\//m.exec(test);
  if (match?.[1] !== undefined) return match[1].split(',').map((name) => name.trim()).filter(Boolean);
  return exportedNames(test);
}

function insertBeforeLastClose(source: string, block: string): string {
  const at = source.lastIndexOf('});');
  if (at < 0) return `${source}\n${block}\n`;
  return `${source.slice(0, at)}\n${block}\n${source.slice(at)}`;
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

function indexesWhere(lines: readonly string[], test: (line: string) => boolean): number[] {
  const out: number[] = [];
  lines.forEach((line, index) => {
    if (test(line)) out.push(index);
  });
  return out;
}

/** Lower every coverage threshold in a vitest config by a few points. */
export function lowerThresholds(random: Random, config: string): string {
  const drop = random.int(5, 30);
  return config.replace(/(lines|branches|functions|statements): (\d+)/g, (_all, key: string, value: string) => `${key}: ${Math.max(0, Number(value) - drop)}`);
}

/** Turn off strict mode in a tsconfig. */
export function disableStrict(config: string): string {
  return config.includes('"strict": true') ? config.replace('"strict": true', '"strict": false') : config.replace('"compilerOptions": {', '"compilerOptions": {\n    "strict": false,');
}
