import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
import type { ConfigSource } from '../config-source.js';
import { scriptCall } from './launchers.js';
import { isPackageJson, isWorkflow } from './files.js';
import { readPackageScripts, type ScriptEntry } from './package-scripts.js';
import { splitShell, type Word } from './shell.js';

/**
 * The simple commands of a revision's `package.json` scripts and GitHub Actions `run:` steps.
 *
 * Files are visited in path order. A step runs in its `working-directory`, else the job's or the
 * workflow's `defaults.run.working-directory`, else the root. `cd DIR` moves the later commands
 * of the same script or step. `npm run X -- args` / `pnpm X args` / `yarn X args` with extra words
 * re-read script X of the package.json of the command's directory with the words appended (5
 * levels at most); the re-read words carry the line of the script or step.
 *
 * Site ids: `cli:<file>#scripts.<name>` and `cli:<file>#jobs.<job>.steps[name=…|id=…|<index>]`;
 * readers append `/<tool>` and `#2`, `#3`… for a tool's later invocations (`numberedId`).
 */

/** A script or workflow step, and the directory a command of it runs in. */
export interface CommandSite {
  /** The file of the script or workflow. */
  file: string;
  /** Base scope id: `cli:<file>#scripts.test`. */
  id: string;
  /** Line of the script, or of the step (see `WalkOptions.stepLine`). */
  line: number;
  /** Directory the command runs in. */
  dir: string;
}

export interface WalkOptions {
  /** The line of a workflow step's site: the step's first line, or the first line of its `run:` value. */
  stepLine: 'step' | 'run';
  /** The directory `rel` names from `dir`: `cd rel`, and `working-directory: rel` from the root (''). */
  resolveDir(dir: string, rel: string): string;
  /** A workflow that is not valid YAML (the first error's line and message). */
  invalidWorkflow?(file: string, line: number, message: string): void;
}

/**
 * Called for each simple command, after script calls are resolved. `again` visits further words
 * of the same site one level deeper (the command a wrapper such as `nyc` runs).
 */
export type CommandVisitor = (site: CommandSite, words: Word[], again: (words: Word[]) => void) => void;

const MAX_DEPTH = 5;

const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
export { isPackageJson, isWorkflow } from './files.js';

/** `key` the first time, then `key#2`, `key#3`…: ids of a tool's invocations in one script or step. */
export function numberedId(counts: Map<string, number>, key: string): string {
  const n = (counts.get(key) ?? 0) + 1;
  counts.set(key, n);
  return n === 1 ? key : `${key}#${n}`;
}

/** Every simple command of the revision's scripts and workflow steps. */
export function walkCommands(source: ConfigSource, options: WalkOptions, visit: CommandVisitor): void {
  const packages = new Map<string, Map<string, ScriptEntry> | null>();
  const scriptsIn = (dir: string): Map<string, ScriptEntry> | null => {
    if (!packages.has(dir)) {
      const text = source.read(dir === '' ? 'package.json' : `${dir}/package.json`);
      packages.set(dir, text === null ? null : readPackageScripts(text));
    }
    return packages.get(dir) ?? null;
  };
  const command = (site: CommandSite, words: Word[], depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const call = scriptCall(words);
    if (call && call.extra.length > 0) {
      const script = scriptsIn(site.dir)?.get(call.name);
      if (script) {
        for (const called of shellCommands(script.text, 1)) command(site, [...called.map((w) => ({ text: w.text, line: site.line })), ...call.extra], depth + 1);
        return;
      }
    }
    visit(site, words, (more) => { command(site, more, depth + 1); });
  };
  const script = (site: CommandSite, text: string, firstLine: number): void => {
    let dir = site.dir;
    for (const words of shellCommands(text, firstLine)) {
      if (words[0]?.text === 'cd' && words[1] !== undefined) {
        dir = options.resolveDir(dir, words[1].text);
        continue;
      }
      command({ ...site, dir }, words, 0);
    }
  };
  for (const path of [...source.paths].sort()) {
    if (isPackageJson(path)) {
      const dir = dirOf(path);
      for (const [name, entry] of scriptsIn(dir) ?? []) script({ file: path, id: `cli:${path}#scripts.${name}`, line: entry.line, dir }, entry.text, entry.line);
    } else if (isWorkflow(path)) {
      const text = source.read(path);
      if (text !== null) readWorkflow(path, text, options, script);
    }
  }
}

/**
 * The simple commands of a script as words, read by the hand splitter (`shell.ts`).
 *
 * Why not the tree-sitter-bash model (`../shell/`), which the script and hook rules use: measured
 * on the benchmark repository (23,000 files), calling the WebAssembly parser at all from the
 * coverage and runner readers made every later step of the audit slower — an audit of one commit
 * with a rename went from 1.9 s to 3.1 s of CPU although the 624 parses themselves took 31 ms,
 * apparently a process-wide V8 slow path after WebAssembly calls (typed-array access measured
 * several times slower afterwards). Those readers run on every rename, so they keep the splitter,
 * which reads the simple scripts and steps they look for identically (tested in
 * `test/inspect/commands`); the model is used only when a script, workflow or hook file changed.
 */
export function shellCommands(text: string, firstLine: number): Word[][] {
  return splitShell(text, firstLine);
}



function scalarText(node: unknown): string | null {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : null;
}

/** First line of a `run:` value's text (the line after `run: |`). */
function runStartLine(node: YamlNode, counter: LineCounter): number {
  const line = counter.linePos(node.range?.[0] ?? 0).line;
  const block = isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
  return block ? line + 1 : line;
}

function readWorkflow(file: string, text: string, options: WalkOptions, script: (site: CommandSite, text: string, firstLine: number) => void): void {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    options.invalidWorkflow?.(file, error.linePos?.[0].line ?? 1, error.message.split('\n')[0]!);
    return;
  }
  if (!isMap(doc.contents)) return;
  const defaultsDir = (map: unknown): string | null => {
    if (!isMap(map)) return null;
    const defaults = map.get('defaults', true);
    const run = isMap(defaults) ? defaults.get('run', true) : undefined;
    return isMap(run) ? scalarText(run.get('working-directory', true)) : null;
  };
  const workflowDir = defaultsDir(doc.contents) ?? '';
  const jobs = doc.contents.get('jobs', true);
  if (!isMap(jobs)) return;
  for (const jobPair of jobs.items) {
    const job = jobPair.value;
    const jobName = scalarText(jobPair.key);
    if (!isMap(job) || jobName === null) continue;
    const jobDir = defaultsDir(job) ?? workflowDir;
    const steps = job.get('steps', true);
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, index) => {
      if (!isMap(step)) return;
      const run = step.get('run', true);
      const body = scalarText(run);
      if (body === null || !run) return;
      const name = scalarText(step.get('name', true));
      const stepId = scalarText(step.get('id', true));
      const selector = name !== null ? `name=${name}` : stepId !== null ? `id=${stepId}` : String(index);
      const dir = options.resolveDir('', scalarText(step.get('working-directory', true)) ?? jobDir);
      const firstLine = runStartLine(run as YamlNode, counter);
      const line = options.stepLine === 'step' ? counter.linePos(step.range?.[0] ?? 0).line : counter.linePos((run as YamlNode).range?.[0] ?? 0).line;
      script({ file, id: `cli:${file}#jobs.${jobName}.steps[${selector}]`, line, dir }, body, firstLine);
    });
  }
}
