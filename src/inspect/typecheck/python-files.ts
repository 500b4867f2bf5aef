import picomatch from 'picomatch';
import { pathSet, pathsUnder } from '../config-source.js';
import { dirname, joinPath } from '../config-eval/paths.js';
import type { MypyConfig, MypySection, Origin, PatternList, PyrightConfig } from './model.js';
import { globTest, type CheckedSet } from './ts-files.js';

/**
 * The Python files mypy and pyright check, from their configs and the file list.
 *
 * mypy (`mypy/find_sources.py`, `mypy/modulefinder.py` `matches_exclude`, `mypy/options.py`
 * per-module sections): each target that is a file is checked as named; a folder is crawled for
 * `.py`/`.pyi` files, skipping `__pycache__`, `site-packages`, `node_modules` and names starting
 * with `.`, and skipping what `exclude` matches (`re.search` on the path relative to the working
 * folder, folders with a trailing `/`). A module whose most specific section sets
 * `ignore_errors = True` is not checked (errors are dropped). Module names come from the file path
 * from the top of its chain of packages (folders holding `__init__.py`).
 *
 * pyright: `.py`/`.pyi` files under `include`, not under `exclude`, and not under `ignore`
 * (whose diagnostics are suppressed). Paths are relative to the config's folder; a path without
 * wildcards is a file or a folder.
 */

const PYTHON = /\.pyi?$/;

/**
 * A Python regular expression as a JavaScript one, where the meaning is the same: `(?P<name>…)`
 * and `(?P=name)`, leading inline flags `(?i)`, `(?m)`, `(?s)`, `(?x)` (verbose: whitespace and
 * `#` comments outside character classes removed), `\A` and `\Z`. Anything else Python-specific
 * makes it null (unresolvable), as does a pattern JavaScript rejects.
 */
export function pythonRegex(source: string): RegExp | null {
  let text = source;
  let flags = '';
  let verbose = false;
  const inline = /^\(\?([aiLmsux]+)\)/.exec(text);
  if (inline) {
    if (inline[1]!.includes('L')) return null;
    for (const flag of inline[1]!) {
      if (flag === 'x') verbose = true;
      else if (flag === 'i' || flag === 'm' || flag === 's') flags += flag;
    }
    text = text.slice(inline[0].length);
  }
  if (verbose) {
    let out = '';
    let inClass = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\\') {
        out += c + (text[i + 1] ?? '');
        i++;
      } else if (inClass) {
        if (c === ']') inClass = false;
        out += c;
      } else if (c === '[') {
        inClass = true;
        out += c;
      } else if (c === '#') {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (!/\s/.test(c)) out += c;
    }
    text = out;
  }
  if (/\(\?[aiLmsux-]+[:)]|\(\?#|\(\?\(/.test(text)) return null;
  text = text.replace(/\(\?P<(\w+)>/g, '(?<$1>').replace(/\(\?P=(\w+)\)/g, '\\k<$1>').replace(/\\A/g, '^').replace(/\\Z/g, '$');
  try {
    return new RegExp(text, flags);
  } catch {
    return null;
  }
}

/** mypy's module name of a file: from the top of its chain of packages. */
export function moduleName(file: string, existing: ReadonlySet<string>): string {
  const parts = file.replace(PYTHON, '').split('/');
  // A package's `__init__.py` is the package itself: its chain starts at the folder above it.
  let dir = dirname(file);
  if (parts.at(-1) === '__init__') {
    parts.pop();
    dir = dirname(dir);
  }
  let start = parts.length - 1;
  while (dir !== '' && (existing.has(`${dir}/__init__.py`) || existing.has(`${dir}/__init__.pyi`))) {
    start--;
    dir = dirname(dir);
  }
  return parts.slice(Math.max(0, start)).join('.');
}

/** How specific a mypy module pattern is (mypy: concrete names, then structured wildcards, then unstructured). */
function specificity(pattern: string): number {
  if (!pattern.includes('*')) return 2000 + pattern.length;
  if (pattern.endsWith('.*') && !pattern.slice(0, -2).includes('*')) return 1000 + pattern.length;
  return pattern.length;
}

export function modulePatternMatches(pattern: string, module: string): boolean {
  const parts = pattern.split('.');
  let regex = '';
  parts.forEach((part, i) => {
    const sep = i === 0 ? '' : '\\.';
    if (part === '*' && i === parts.length - 1) regex += `(${sep}.+)?`;
    else if (part === '*') regex += `${sep}[^.]+(\\.[^.]+)*`;
    else regex += sep + part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.]*');
  });
  return new RegExp(`^${regex}$`).test(module);
}

/** The most specific per-module section of a module that sets `option`, if any. */
export function moduleSection(config: MypyConfig, module: string, option: string): { pattern: string; section: MypySection } | null {
  let best: { pattern: string; section: MypySection; score: number } | null = null;
  for (const section of config.modules.values()) {
    if (section.options[option] === undefined) continue;
    for (const pattern of section.modules) {
      if (!modulePatternMatches(pattern, module)) continue;
      const score = specificity(pattern);
      if (!best || score > best.score) best = { pattern, section, score };
    }
  }
  return best;
}

export function mypyExcludes(config: MypyConfig): { regexes: RegExp[]; problem: { pattern: string; origin: Origin } | null } {
  const setting = config.global.options.exclude;
  if (!setting) return { regexes: [], problem: null };
  const sources = Array.isArray(setting.value) ? setting.value.map(String) : [String(setting.value)];
  const regexes: RegExp[] = [];
  for (const source of sources) {
    const regex = pythonRegex(source);
    if (!regex) return { regexes: [], problem: { pattern: source, origin: setting.origin } };
    regexes.push(regex);
  }
  return { regexes, problem: null };
}

/** Python files mypy checks, before `ignore_errors` (which `mypyIgnored` applies). */
export function mypyDiscovered(config: MypyConfig, paths: readonly string[]): CheckedSet {
  const existing = pathSet(paths);
  const { regexes, problem } = mypyExcludes(config);
  if (problem) return { kind: 'unresolved', reason: `mypy exclude \`${problem.pattern}\` is a Python regular expression JavaScript cannot evaluate the same way`, origin: problem.origin };
  const excluded = (file: string, from: string): boolean => {
    const parts = file.split('/');
    for (let i = from === '' ? 1 : from.split('/').length + 1; i <= parts.length; i++) {
      const name = parts[i - 1]!;
      if (i < parts.length && (name === '__pycache__' || name === 'site-packages' || name === 'node_modules' || name.startsWith('.'))) return true;
      const subpath = parts.slice(0, i).join('/') + (i < parts.length ? '/' : '');
      if (regexes.some((regex) => regex.test(subpath))) return true;
    }
    return false;
  };
  const files = new Set<string>();
  for (const target of config.targets.patterns) {
    const path = joinPath(config.targets.dir, target);
    if (path === null) continue;
    if (/[*?[]/.test(path)) {
      const match = picomatch(path);
      for (const file of paths) if (PYTHON.test(file) && match(file)) files.add(file);
    } else if (existing.has(path)) {
      if (PYTHON.test(path)) files.add(path);
    } else {
      for (const file of pathsUnder(paths, path)) if (PYTHON.test(file) && !excluded(file, path)) files.add(file);
    }
  }
  return { kind: 'static', files };
}

/** Whether mypy drops a module's errors (`ignore_errors`), globally or by its most specific section. */
export function mypyIgnored(config: MypyConfig, file: string, existing: ReadonlySet<string>): { pattern: string; origin: Origin } | null {
  const module = moduleName(file, existing);
  const section = moduleSection(config, module, 'ignore_errors');
  if (section) return section.section.options.ignore_errors!.value === true ? { pattern: section.pattern, origin: section.section.options.ignore_errors!.origin } : null;
  const global = config.global.options.ignore_errors;
  return global?.value === true ? { pattern: '*', origin: global.origin } : null;
}

export function mypyCheckedFiles(config: MypyConfig, paths: readonly string[]): CheckedSet {
  const discovered = mypyDiscovered(config, paths);
  if (discovered.kind !== 'static') return discovered;
  const existing = pathSet(paths);
  return { kind: 'static', files: new Set([...discovered.files].filter((file) => mypyIgnored(config, file, existing) === null)) };
}

function pathMatcher(list: PatternList | null, fallback: string[], dir: string): (file: string) => boolean {
  const patterns = (list ? list.patterns : fallback).map((p) => joinPath(list?.dir ?? dir, p.replace(/^\.\/?/, ''))).filter((p): p is string => p !== null);
  if (patterns.length === 0) return () => false;
  const globs = patterns.flatMap((p) => (p === '' ? ['**'] : [p, `${p}/**`]));
  return globTest(globs, { dot: true });
}

export const PYRIGHT_DEFAULT_EXCLUDE = ['**/node_modules', '**/__pycache__', '**/.*'];

export function pyrightMatchers(config: PyrightConfig): { include: (f: string) => boolean; exclude: (f: string) => boolean; ignore: (f: string) => boolean } {
  return {
    include: pathMatcher(config.include, [''], config.dir),
    exclude: pathMatcher(config.exclude, PYRIGHT_DEFAULT_EXCLUDE, config.dir),
    ignore: pathMatcher(config.ignore, [], config.dir),
  };
}

export function pyrightCheckedFiles(config: PyrightConfig, paths: readonly string[]): CheckedSet {
  const inherits = config.settings.extends;
  if (inherits && (!config.include || !config.exclude || !config.ignore)) {
    return { kind: 'unresolved', reason: `${config.file} extends another configuration, which Gatehouse does not follow`, origin: inherits.origin };
  }
  const { include, exclude, ignore } = pyrightMatchers(config);
  const files = new Set<string>();
  for (const file of pathsUnder(paths, config.dir)) if (PYTHON.test(file) && include(file) && !exclude(file) && !ignore(file)) files.add(file);
  return { kind: 'static', files };
}
