import type { ShellWord } from '../shell/model.js';

/**
 * Commands that run `package.json` scripts: `npm run X -- args`, `npm test`, `pnpm [run] X`,
 * `yarn [run] X`, `bun run X`, recursive runs over workspaces (`pnpm -r X`, `npm run X -ws`,
 * `yarn workspaces foreach run X`, `turbo run X`, `lerna run X`, `nx run-many -t X`) and script
 * runners (`npm-run-all`, `run-s`, `run-p`, `concurrently "npm:X"`).
 */

export type RunTarget =
  | { kind: 'here' }
  /** A directory relative to the command's (`npm --prefix app`, `pnpm -C app`). */
  | { kind: 'dir'; dir: string }
  /** Every workspace package below the command's directory that has the script. */
  | { kind: 'workspaces' };

export interface PackageRun {
  /** Script names; a name ending in `:*` (npm-run-all) is a prefix pattern. */
  names: string[];
  /** Words passed to the script (`npm run test -- --coverage`, `pnpm test --coverage`). */
  extra: ShellWord[];
  target: RunTarget;
  /** `pnpm X` / `yarn X` may run a binary X when there is no script X. */
  mayBeBinary: boolean;
  /** `concurrently "vitest run" "eslint ."`: shell commands to read as scripts. */
  commands: ShellWord[];
}

const ENV_ASSIGNMENT = /^[A-Za-z_]\w*=/;
const baseName = (word: string): string => word.slice(word.lastIndexOf('/') + 1);

/** npm options with a value before the script name. */
const NPM_VALUE = new Set(['--prefix', '-w', '--workspace', '--loglevel', '--userconfig', '--cache']);
const PNPM_VALUE = new Set(['-C', '--dir', '--filter', '-F', '--filter-prod', '--reporter', '--workspace-concurrency', '--changed-files-ignore-pattern', '--test-pattern']);
/** Built-in commands of the package managers: not script names. */
const PNPM_BUILTINS = new Set(['install', 'i', 'add', 'remove', 'rm', 'update', 'up', 'exec', 'dlx', 'x', 'ci', 'link', 'unlink', 'publish', 'pack', 'store', 'why', 'list', 'ls', 'outdated', 'audit', 'import', 'rebuild', 'prune', 'fetch', 'patch', 'patch-commit', 'init', 'create', 'config', 'setup', 'env', 'deploy', 'licenses', 'root', 'bin', 'version', 'workspaces', 'workspace', 'info', 'npm', 'node', 'set', 'plugin', 'constraints', 'dedupe', 'explain', 'cache']);

/** The script run a command makes, or null when it runs none. */
export function packageRun(input: readonly ShellWord[]): PackageRun | null {
  let words = [...input];
  while (words.length > 0 && ENV_ASSIGNMENT.test(words[0]!.text)) words = words.slice(1);
  const program = words[0] ? baseName(words[0].text) : '';
  switch (program) {
    case 'npm':
      return npmRun(words.slice(1));
    case 'pnpm':
    case 'yarn':
    case 'bun':
      return pnpmLikeRun(program, words.slice(1));
    case 'turbo':
    case 'lerna':
      return taskRunner(words.slice(1));
    case 'nx':
      return nxRun(words.slice(1));
    case 'npm-run-all':
    case 'npm-run-all2':
    case 'run-s':
    case 'run-p':
      return { names: words.slice(1).filter((word) => !word.text.startsWith('-')).map((word) => word.text), extra: [], target: { kind: 'here' }, mayBeBinary: false, commands: [] };
    case 'concurrently':
      return concurrently(words.slice(1));
    default:
      return null;
  }
}

function npmRun(args: ShellWord[]): PackageRun | null {
  let target: RunTarget = { kind: 'here' };
  let i = 0;
  let name: string | undefined;
  const option = (at: number): number => {
    const text = args[at]!.text;
    const [flag, value] = text.includes('=') ? [text.slice(0, text.indexOf('=')), text.slice(text.indexOf('=') + 1)] : [text, undefined];
    const takes = NPM_VALUE.has(flag) && value === undefined;
    const val = value ?? (takes ? args[at + 1]?.text : undefined);
    if (flag === '--prefix' && val !== undefined) target = { kind: 'dir', dir: val };
    if ((flag === '-w' || flag === '--workspace') && val !== undefined) target = { kind: 'workspaces' };
    if (flag === '--workspaces' || flag === '-ws') target = { kind: 'workspaces' };
    return takes ? 2 : 1;
  };
  while (i < args.length && args[i]!.text.startsWith('-')) i += option(i);
  const command = args[i]?.text;
  if (command === 'test' || command === 't' || command === 'tst') {
    name = 'test';
    i++;
  } else if (command === 'run' || command === 'run-script' || command === 'rum' || command === 'urn') {
    i++;
    while (i < args.length && args[i]!.text.startsWith('-')) i += option(i);
    name = args[i]?.text;
    i++;
  } else return null;
  if (name === undefined) return null;
  // npm passes only the words after `--` to the script; options before it are npm's own.
  const rest = args.slice(i);
  const dash = rest.findIndex((word) => word.text === '--');
  for (let j = 0; j < (dash < 0 ? rest.length : dash); j++) if (rest[j]!.text.startsWith('-')) j += option(i + j) - 1;
  const extra = dash < 0 ? [] : rest.slice(dash + 1);
  return { names: [name], extra, target, mayBeBinary: false, commands: [] };
}

function pnpmLikeRun(program: 'pnpm' | 'yarn' | 'bun', args: ShellWord[]): PackageRun | null {
  let target: RunTarget = { kind: 'here' };
  let i = 0;
  const options = (): void => {
    while (i < args.length && args[i]!.text.startsWith('-')) {
      const text = args[i]!.text;
      const flag = text.includes('=') ? text.slice(0, text.indexOf('=')) : text;
      const value = text.includes('=') ? text.slice(text.indexOf('=') + 1) : args[i + 1]?.text;
      const takes = !text.includes('=') && (PNPM_VALUE.has(flag) || (program === 'yarn' && flag === '--cwd'));
      if (flag === '-r' || flag === '--recursive' || flag === '--filter' || flag === '-F' || flag === '--filter-prod') target = { kind: 'workspaces' };
      if ((flag === '-C' || flag === '--dir' || flag === '--cwd') && value !== undefined) target = { kind: 'dir', dir: value };
      if (flag === '-w' || flag === '--workspace-root') target = { kind: 'here' };
      i += takes ? 2 : 1;
    }
  };
  options();
  if (program === 'yarn' && args[i]?.text === 'workspaces' && args[i + 1]?.text === 'foreach') {
    i += 2;
    while (i < args.length && args[i]!.text !== 'run' && !PNPM_BUILTINS.has(args[i]!.text)) i++;
    target = { kind: 'workspaces' };
  } else if (program === 'yarn' && args[i]?.text === 'workspace') {
    // `yarn workspace <name> <script>`: one workspace, named by package name: any workspace (approximation).
    i += 2;
    target = { kind: 'workspaces' };
  }
  let explicit = false;
  if (args[i]?.text === 'run' || args[i]?.text === 'run-script') {
    explicit = true;
    i++;
    options();
  }
  const name = args[i]?.text;
  if (name === undefined || (!explicit && (PNPM_BUILTINS.has(name) || program === 'bun'))) return null;
  let extra = args.slice(i + 1);
  if (extra[0]?.text === '--') extra = extra.slice(1);
  // Flags after the name belong to the script (pnpm ≥ 7, yarn), except pnpm's own recursive flags.
  return { names: [name], extra, target, mayBeBinary: !explicit, commands: [] };
}

/** `turbo run test lint --filter x`, `turbo test`, `lerna run test`: each workspace's scripts. */
function taskRunner(args: ShellWord[]): PackageRun | null {
  let i = 0;
  if (args[i]?.text === 'run') i++;
  const names: string[] = [];
  for (; i < args.length && !args[i]!.text.startsWith('-'); i++) names.push(args[i]!.text);
  return names.length === 0 ? null : { names, extra: [], target: { kind: 'workspaces' }, mayBeBinary: false, commands: [] };
}

/** `nx run-many -t test lint`, `nx run-many --target=test`, `nx affected -t test`. */
function nxRun(args: ShellWord[]): PackageRun | null {
  if (args[0]?.text !== 'run-many' && args[0]?.text !== 'affected') return null;
  const names: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const text = args[i]!.text;
    if (text.startsWith('--target=') || text.startsWith('--targets=')) names.push(...text.slice(text.indexOf('=') + 1).split(','));
    else if (text === '-t' || text === '--target' || text === '--targets') {
      for (i++; i < args.length && !args[i]!.text.startsWith('-'); i++) names.push(...args[i]!.text.split(','));
      i--;
    }
  }
  return names.length === 0 ? null : { names, extra: [], target: { kind: 'workspaces' }, mayBeBinary: false, commands: [] };
}

/** `concurrently "npm:lint" "npm run test" "tsc --noEmit"`: `npm:X` names a script, other arguments are commands. */
function concurrently(args: ShellWord[]): PackageRun {
  const names: string[] = [];
  const commands: ShellWord[] = [];
  const VALUE = new Set(['-n', '--names', '-c', '--prefix-colors', '-p', '--prefix', '-k', '--kill-others-on-fail', '--success', '-s', '--max-processes', '-m', '--restart-tries', '--restart-after', '-t', '--timestamp-format']);
  for (let i = 0; i < args.length; i++) {
    const text = args[i]!.text;
    if (text.startsWith('-')) {
      if (VALUE.has(text) && text !== '-k' && text !== '--kill-others-on-fail') i++;
      continue;
    }
    const script = /^(npm|pnpm|yarn|bun):(.+)$/.exec(text);
    if (script) names.push(script[2]!);
    else commands.push(args[i]!);
  }
  return { names, extra: [], target: { kind: 'here' }, mayBeBinary: false, commands };
}
