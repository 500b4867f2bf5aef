import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLMap } from 'yaml';
import { GIT_HOOKS, isHookFile, LEFTHOOK, PRE_COMMIT, SIMPLE_GIT_HOOKS } from './files.js';

/**
 * Git hooks as shell scripts, from the four common managers:
 * - husky: `.husky/<hook>` files, run with `sh -e` (by v9's `_/h`, and by the `_/husky.sh` that
 *   v5–v8 files source, which re-runs the file with `sh -e`), and the legacy v4
 *   `package.json#husky.hooks` (commands run by `sh -c`);
 * - lefthook: `lefthook.yml` and variants, `<hook>.commands.<name>.run` and `<hook>.jobs[].run`
 *   (`skip: true` on the command or the hook turns it off; `root:` is its directory);
 * - simple-git-hooks: `package.json#simple-git-hooks` or `.simple-git-hooks.json`;
 * - pre-commit: `.pre-commit-config.yaml` hooks; a known hook id stands for its tool's check
 *   (`ruff` → `ruff check`, `black` → `black --check`: pre-commit fails when a hook rewrites a
 *   file), a `repo: local` hook runs its `entry`; `args` are appended; a hook runs in the git hooks
 *   `default_install_hook_types` installs (default `pre-commit`) that its `stages` (or
 *   `default_stages`) include.
 */

export type HookManager = 'husky' | 'lefthook' | 'simple-git-hooks' | 'pre-commit';

export interface HookEntry {
  /** The git hook: `pre-commit`, `pre-push`, `commit-msg`… */
  hook: string;
  manager: HookManager;
  /** Identity within the manager and hook: the husky file, the lefthook command, the pre-commit hook id. */
  name: string;
  file: string;
  line: number;
  /** The shell text the hook runs. */
  script: string;
  /** Whether the script runs under `sh -e`. */
  errexit: boolean;
  /** Why the hook is configured but does not run (`skip: true`, a stage not installed), or null. */
  skipped: string | null;
  /** pre-commit `exclude`/`files` filters (hook-level and top-level), for narrowing. */
  filters: readonly string[];
}

type Problems = { file: string; line: number; message: string }[];

/** Every hook of a revision, from the texts of its hook files and its root package.json. */
export function readHooks(texts: ReadonlyMap<string, string>, problems: Problems): HookEntry[] {
  const out: HookEntry[] = [];
  for (const [file, text] of [...texts].sort(([a], [b]) => a.localeCompare(b))) {
    if (file.startsWith('.husky/') && isHookFile(file)) {
      out.push({ hook: file.slice('.husky/'.length), manager: 'husky', name: file, file, line: 1, script: text, errexit: true, skipped: null, filters: [] });
    } else if (file === 'package.json') readPackageHooks(file, text, out);
    else if (LEFTHOOK.test(file)) withYaml(file, text, problems, (doc, counter) => { readLefthook(file, doc, counter, out); });
    else if (SIMPLE_GIT_HOOKS.test(file)) withYaml(file, text, problems, (doc, counter) => { readCommandMap(file, doc.contents, counter, 'simple-git-hooks', out); });
    else if (PRE_COMMIT.test(file)) withYaml(file, text, problems, (doc, counter) => { readPreCommit(file, doc, counter, out); });
  }
  return out;
}

function withYaml(file: string, text: string, problems: Problems, read: (doc: Document, counter: LineCounter) => void): void {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    problems.push({ file, line: error.linePos?.[0].line ?? 1, message: error.message.split('\n')[0]! });
    return;
  }
  read(doc, counter);
}

const text = (node: unknown): string | null => (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : null);
const lineOf = (node: unknown, counter: LineCounter): number => {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return counter.linePos(range?.[0] ?? 0).line;
};

function readPackageHooks(file: string, source: string, out: HookEntry[]): void {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return;
  const husky = doc.contents.get('husky', true);
  if (isMap(husky)) readCommandMap(file, husky.get('hooks', true), counter, 'husky', out);
  readCommandMap(file, doc.contents.get('simple-git-hooks', true), counter, 'simple-git-hooks', out);
}

/** `{ "pre-commit": "npx lint-staged" }`: hook name → command, run by `sh -c`. */
function readCommandMap(file: string, map: unknown, counter: LineCounter, manager: HookManager, out: HookEntry[]): void {
  if (!isMap(map)) return;
  for (const pair of map.items) {
    const hook = text(pair.key);
    const script = text(pair.value);
    if (hook === null || script === null || !GIT_HOOKS.has(hook)) continue;
    out.push({ hook, manager, name: `${file}#${hook}`, file, line: lineOf(pair.value, counter), script, errexit: false, skipped: null, filters: [] });
  }
}

/** `skip: true` (or a list of conditions, which still runs in other cases: not a skip). */
const skipped = (map: YAMLMap): boolean => {
  const skip = map.get('skip', true);
  return isScalar(skip) && skip.value === true;
};

function readLefthook(file: string, doc: Document, counter: LineCounter, out: HookEntry[]): void {
  if (!isMap(doc.contents)) return;
  for (const pair of doc.contents.items) {
    const hook = text(pair.key);
    if (hook === null || !GIT_HOOKS.has(hook) || !isMap(pair.value)) continue;
    const hookSkipped = skipped(pair.value);
    const add = (name: string, command: YAMLMap): void => {
      const run = command.get('run', true);
      const script = text(run);
      if (script === null) return;
      const root = text(command.get('root', true));
      // `root:` runs the command in that directory: `cd` keeps the model's directory handling in one place.
      const body = root ? `cd ${root} && ${script}` : script;
      out.push({ hook, manager: 'lefthook', name: `${hook}:${name}`, file, line: lineOf(run, counter), script: body, errexit: false, skipped: hookSkipped || skipped(command) ? '`skip: true`' : null, filters: [] });
    };
    const commands = pair.value.get('commands', true);
    if (isMap(commands)) for (const entry of commands.items) if (isMap(entry.value)) add(text(entry.key) ?? '?', entry.value);
    const jobs = pair.value.get('jobs', true);
    if (isSeq(jobs)) jobs.items.forEach((job, index) => { if (isMap(job)) add(text(job.get('name', true)) ?? `jobs[${index}]`, job); });
  }
}

/** Hook id → the command it stands for (pre-commit fails when a hook rewrites files, so a formatter hook is a check). */
const PRE_COMMIT_IDS: Record<string, string> = {
  ruff: 'ruff check', 'ruff-check': 'ruff check', 'ruff-format': 'ruff format --check', black: 'black --check', 'black-jupyter': 'black --check',
  isort: 'isort --check', flake8: 'flake8', pylint: 'pylint', mypy: 'mypy', pyright: 'pyright', basedpyright: 'basedpyright', eslint: 'eslint',
  prettier: 'prettier --check', stylelint: 'stylelint', shellcheck: 'shellcheck', markdownlint: 'markdownlint', 'markdownlint-cli2': 'markdownlint',
  'biome-check': 'biome check', 'biome-lint': 'biome lint', 'biome-format': 'biome format', 'golangci-lint': 'golangci-lint run', 'go-vet': 'go vet',
  clippy: 'cargo clippy', fmt: 'cargo fmt --check', 'cargo-check': 'cargo check', tsc: 'tsc', pytest: 'pytest', oxlint: 'oxlint',
};

const STAGE_ALIASES: Record<string, string> = { commit: 'pre-commit', push: 'pre-push', 'merge-commit': 'pre-merge-commit' };
const quote = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);
const list = (node: unknown): string[] | null => (isSeq(node) ? node.items.map(text).filter((item): item is string => item !== null) : null);

function readPreCommit(file: string, doc: Document, counter: LineCounter, out: HookEntry[]): void {
  if (!isMap(doc.contents)) return;
  const installed = list(doc.contents.get('default_install_hook_types', true)) ?? ['pre-commit'];
  const defaultStages = list(doc.contents.get('default_stages', true));
  const topExclude = text(doc.contents.get('exclude', true));
  const topFiles = text(doc.contents.get('files', true));
  const repos = doc.contents.get('repos', true);
  if (!isSeq(repos)) return;
  for (const repo of repos.items) {
    if (!isMap(repo)) continue;
    const local = text(repo.get('repo', true)) === 'local';
    const hooks = repo.get('hooks', true);
    if (!isSeq(hooks)) continue;
    for (const hook of hooks.items) {
      if (!isMap(hook)) continue;
      const id = text(hook.get('id', true));
      if (id === null) continue;
      const entry = text(hook.get('entry', true));
      const command = local || entry !== null ? entry : (PRE_COMMIT_IDS[id] ?? null);
      if (command === null) continue;
      const args = list(hook.get('args', true)) ?? [];
      const script = [command, ...args.map(quote)].join(' ');
      const stages = (list(hook.get('stages', true)) ?? defaultStages)?.map((stage) => STAGE_ALIASES[stage] ?? stage) ?? null;
      const filters = [topExclude && `exclude: ${topExclude}`, topFiles && `files: ${topFiles}`, text(hook.get('exclude', true)) && `exclude: ${text(hook.get('exclude', true))!}`, text(hook.get('files', true)) && `files: ${text(hook.get('files', true))!}`].filter((f): f is string => typeof f === 'string' && f !== '');
      for (const type of installed) {
        const runs = stages === null || stages.includes(type);
        out.push({ hook: type, manager: 'pre-commit', name: `${type}:${id}`, file, line: lineOf(hook.get('id', true), counter), script, errexit: false, skipped: runs ? null : `\`stages: [${stages.join(', ')}]\``, filters });
      }
    }
  }
}
