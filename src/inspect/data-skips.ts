import type { ConfigValue } from './config-eval/index.js';
import type { Inspector } from './inspector.js';

/**
 * A test definition switched off through data, as project-specific runners read it: a case file
 * or definition module gaining `skip: true`, `disabled: true`, `pending: true`, `enabled: false`
 * or `run: false`, or a platform / environment condition widened to always (`skip_on` naming
 * every CI platform, `only_on: []`). Keys are matched case-insensitively, at any depth.
 */
export interface DataSkip {
  /** Where the switch sits: `cases[3].skip`, `login.enabled`. */
  keyPath: string;
  /** The entry it switches off: the key path of its parent object (`cases[3]`), or '' for the file. */
  entry: string;
  /** The entry's name or id when it has one, for messages. */
  name: string | null;
  /** As written: `skip: true`, `enabled: false`, `skip: "flaky on CI"`. */
  text: string;
  line: number;
}

const SKIP_WHEN_SET = /^(skip|skipped|disabled?|pending|ignored?|xfail|quarantined?)$/i;
const SKIP_WHEN_FALSE = /^(enabled?|run|active)$/i;
/** Where a definition is skipped: `skip_on: [windows]`, `skipPlatforms`, `disabled_envs`. */
const SKIP_WHERE = /^(skip|skipped|disabled?|ignored?|exclude[sd]?)[_-]?(on|if|when|for|in|platforms?|os|oses|systems?|envs?|environments?)$/i;
/** Where a definition runs: `only_on: [linux]`, `runOn`, `platforms`, `os`. */
const RUN_WHERE = /^((only|run|enabled?)[_-]?(on|if|when|for|in|platforms?|os|oses|systems?|envs?|environments?)|platforms?|os|oses)$/i;
/** What covers every environment when written as a value. */
const EVERYWHERE = /^(\*|all|any|always|everywhere|true)$/i;
const NOWHERE = /^(none|never|nowhere|nothing|false)$/i;
/** Operating-system names, grouped by the platform CI runners provide (Linux, macOS, Windows). */
const PLATFORM_NAMES: Record<string, 'linux' | 'darwin' | 'win32' | 'other'> = {
  linux: 'linux', ubuntu: 'linux', debian: 'linux', 'ubuntu-latest': 'linux',
  darwin: 'darwin', macos: 'darwin', mac: 'darwin', osx: 'darwin', 'macos-latest': 'darwin',
  win32: 'win32', windows: 'win32', win: 'win32', 'windows-latest': 'win32',
  aix: 'other', freebsd: 'other', openbsd: 'other', netbsd: 'other', sunos: 'other', solaris: 'other', android: 'other', ios: 'other', plan9: 'other', cygwin: 'other',
};
const DATA = /\.(json|ya?ml)$/i;
const MODULE = /\.(js|mjs|cjs|ts|mts|cts)$/i;
/** Test files declare tests in code; the JS inspector reads those. Definition modules are the other files. */
const TEST_CODE = /\.(test|spec)\.[cm]?[jt]sx?$/i;

/**
 * A value that switches a skip-like key on: `true`, or a reason string. Numbers are counts
 * (`stats.ignored: 1`, `skipped: 3` in fixtures and reports), never a switch.
 */
function isOn(value: ConfigValue): boolean {
  if (value.kind === 'boolean') return value.value;
  if (value.kind === 'string') return value.value !== '' && !/^(false|no|0|off)$/i.test(value.value);
  return false;
}

function isOff(value: ConfigValue): boolean {
  return (value.kind === 'boolean' && !value.value) || (value.kind === 'string' && /^(false|no|off)$/i.test(value.value));
}

/** The words of a string or a list of strings; null for anything else. */
function words(value: ConfigValue): string[] | null {
  if (value.kind === 'string') return value.value.split(/[\s,]+/).filter((word) => word !== '');
  if (value.kind === 'boolean') return [String(value.value)];
  if (value.kind !== 'array') return null;
  const list: string[] = [];
  for (const item of value.items) {
    if (item.kind !== 'string') return null;
    list.push(item.value);
  }
  return list;
}

/**
 * A platform or environment condition that now holds everywhere: a skip list naming every CI
 * platform (Linux, macOS and Windows) or `all` / `*` / `always`; a run list that is empty,
 * `none`, or names only platforms no CI runner provides (`only_on: [plan9]`). Lists of other
 * words (`envs: [staging]`) say nothing statically and are left alone.
 */
function skippedEverywhere(key: string, value: ConfigValue): boolean {
  const list = words(value);
  if (list === null) return false;
  const lower = list.map((word) => word.toLowerCase());
  if (SKIP_WHERE.test(key)) {
    if (lower.some((word) => EVERYWHERE.test(word))) return true;
    const platforms = new Set(lower.map((word) => PLATFORM_NAMES[word]));
    return platforms.has('linux') && platforms.has('darwin') && platforms.has('win32');
  }
  if (RUN_WHERE.test(key)) {
    if (value.kind === 'array' && lower.length === 0) return true;
    if (lower.length > 0 && lower.every((word) => NOWHERE.test(word))) return true;
    return lower.length > 0 && lower.every((word) => PLATFORM_NAMES[word] === 'other');
  }
  return false;
}

function nameOf(value: ConfigValue): string | null {
  if (value.kind !== 'object') return null;
  for (const key of ['name', 'title', 'id', 'description']) {
    const named = value.properties.get(key);
    if (named?.kind === 'string') return named.value;
  }
  return null;
}

function render(value: ConfigValue): string {
  if (value.kind === 'string') return JSON.stringify(value.value);
  if (value.kind === 'boolean' || value.kind === 'number') return String(value.value);
  if (value.kind === 'array' && value.items.every((item) => item.kind === 'string')) return `[${value.items.map(render).join(', ')}]`;
  return value.kind;
}

function collect(value: ConfigValue, path: string, parentName: string | null, into: DataSkip[], depth = 0): void {
  if (depth > 12) return;
  if (value.kind === 'array') {
    value.items.forEach((item, i) => {
      collect(item, `${path}[${i}]`, nameOf(item), into, depth + 1);
    });
    return;
  }
  if (value.kind !== 'object') return;
  for (const [key, child] of value.properties) {
    const keyPath = path ? `${path}.${key}` : key;
    if ((SKIP_WHEN_SET.test(key) && isOn(child)) || (SKIP_WHEN_FALSE.test(key) && isOff(child)) || skippedEverywhere(key, child)) {
      into.push({ keyPath, entry: path, name: parentName, text: `${key}: ${render(child)}`, line: child.line });
    }
    collect(child, keyPath, nameOf(child) ?? parentName, into, depth + 1);
  }
}

/** The evaluator (and the YAML parser behind it), loaded only when a test data file changed. */
let evaluator: typeof import('./config-eval/index.js') | null = null;

/** Skip switches in data files and definition modules of the `tests` path group. */
export const dataSkipInspector: Inspector<DataSkip[]> = {
  id: 'data-skips@2',
  appliesTo: (file, paths) => paths.isTest(file) && (DATA.test(file) || (MODULE.test(file) && !TEST_CODE.test(file))),
  prepare: async () => {
    evaluator ??= await import('./config-eval/index.js');
  },
  inspect: (file, text) => {
    if (!evaluator) throw new Error('dataSkipInspector.inspect called before prepare()');
    const { evaluateModuleText, jsonValue, yamlValue } = evaluator;
    const skips: DataSkip[] = [];
    if (DATA.test(file)) {
      const value = /\.json$/i.test(file) ? jsonValue(file, text) : yamlValue(file, text);
      collect(value, '', nameOf(value), skips);
      return skips;
    }
    // A definition module: its default export and its named exports (`export const skip = true`).
    const module = evaluateModuleText(file, text);
    collect(module.defaultExport, '', nameOf(module.defaultExport), skips);
    const named: ConfigValue = { kind: 'object', file, line: 1, properties: module.named, opaque: [] };
    collect(named, '', null, skips);
    return skips;
  },
};
