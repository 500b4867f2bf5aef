import type { CoverageScope, Pattern } from '../model.js';

/**
 * coverage.py's file selection, ported from `coverage/files.py` and `coverage/inorout.py`
 * (coverage.py 7.x; the `**` / star semantics date from 7.2.0 and 7.3.1):
 *
 * - File patterns (`include`, `omit`): `?` one non-separator character, `*` any run of
 *   non-separator characters, `**` any number of directories (a whole component only), a
 *   pattern starting with `*` + `/` or ending with `/` + `*` matches any number of leading / trailing
 *   components, a pattern without a slash matches the file name in any directory. The pattern
 *   must match the whole absolute path. A pattern not starting with `*` or `?` is ALSO tried made
 *   absolute from the directory coverage runs in (the scope's root) — `prep_patterns`.
 * - `source`: an entry that is a directory measures its tree; otherwise it is an importable
 *   package or module name. Unexecuted files are found only when importable: `.py` / `.pyw`
 *   names without odd punctuation, and every sub-directory below the source directory having an
 *   `__init__.py` (`find_python_files`). With `source` set, `include` is ignored.
 * - `include` without `source`: only executed files matching it are measured; the matcher answers
 *   for the bound (which files could be measured).
 * - `omit` removes files in every case.
 *
 * Static approximations: the repository is placed at a virtual absolute directory, so patterns
 * depending on the checkout directory's own name cannot match; a package name is looked up as
 * `<root>/<a/b>` and `<root>/src/<a/b>` (`src` layout); Windows case-insensitivity is ignored.
 */

const ABS = '/__repo__';

const TOKENS: [RegExp, string | null][] = [
  [/\*\*\*+/y, null],
  [/[^/]+\*\*+/y, null],
  [/\*\*+[^/]+/y, null],
  [/\*\*\/\*\*/y, null],
  [/^\*+\//y, '(.*[/\\\\])?'],
  [/\/\*+$/y, '[/\\\\].*'],
  [/\*\*\//y, '(.*[/\\\\])?'],
  [/\//y, '[/\\\\]'],
  [/\*/y, '[^/\\\\]*'],
  [/\?/y, '[^/\\\\]'],
  [/\[.*?\]/y, '$&'],
  [/[a-zA-Z0-9_-]+/y, '$&'],
  [/[[\]]/y, null],
  [/./y, '\\$&'],
];

/** coverage.py's `_glob_to_regex`; throws on patterns coverage.py rejects (`a**`, `***`). */
export function pythonGlobToRegexSource(glob: string): string {
  let pattern = glob.replaceAll('\\', '/');
  if (!pattern.includes('/')) pattern = `**/${pattern}`;
  let out = '';
  let pos = 0;
  while (pos < pattern.length) {
    for (const [rx, sub] of TOKENS) {
      // `^` and `$` anchors in the tokenizer refer to the whole pattern, as in Python's `rx.match(pattern, pos)`.
      if (rx.source.startsWith('^') && pos !== 0) continue;
      rx.lastIndex = pos;
      const match = rx.exec(pattern);
      if (!match) continue;
      if (rx.source.endsWith('$') && match.index + match[0].length !== pattern.length) continue;
      if (sub === null) throw new Error(`File pattern can't include '${match[0]}'`);
      out += sub === '$&' ? match[0] : sub === '\\$&' ? `\\${match[0]}` : sub;
      pos += match[0].length;
      break;
    }
  }
  return out;
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const join = (root: string, path: string): string => (root === '' ? path : path === '' ? root : `${root}/${path}`);

/** `prep_patterns` + `GlobMatcher` for patterns relative to `root`: matches repository-relative paths. */
export function pythonGlobMatcher(patterns: readonly string[], root: string): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const cwd = normalize(`${ABS}/${root}`);
  const prepped: string[] = [];
  for (const pattern of patterns) {
    prepped.push(pattern);
    if (!pattern.startsWith('*') && !pattern.startsWith('?')) {
      const absolute = pattern.replaceAll('\\', '/');
      prepped.push(absolute.startsWith('/') ? normalize(absolute) : normalize(`${cwd}/${absolute}`));
    }
  }
  const regex = new RegExp(`^(?:${prepped.map(pythonGlobToRegexSource).join('|')})$`);
  return (path) => regex.test(`${ABS}/${path}`);
}

const IMPORTABLE_NAME = /^[^.#~!$@%^&*()+=,]+\.pyw?$/;

export interface PythonMatchOptions {
  /** The revision's files: lets `source` entries be told apart (directory or package) and `__init__.py` be checked. */
  paths?: readonly string[];
  /** coverage.py `include_namespace_packages`: no `__init__.py` needed below a source directory. */
  includeNamespacePackages?: boolean;
}

function patterns(list: readonly Pattern[], syntax: Pattern['syntax']): string[] {
  return list.filter((p) => p.syntax === syntax).map((p) => p.pattern);
}

/**
 * Which repository files (`.py`, `.pyw`) a coverage.py scope measures. `include: 'dynamic'`
 * (no `source`, no `include`) measures every executed file outside the standard library: every
 * Python file of the repository not omitted is a candidate, so the matcher answers true for them.
 */
export function pythonScopeMatcher(scope: CoverageScope, options: PythonMatchOptions = {}): (path: string) => boolean {
  const root = scope.root;
  const omit = pythonGlobMatcher(patterns(scope.exclude, 'python-glob'), root);
  const paths = options.paths;
  const dirs = paths ? directories(paths) : null;
  const files = paths ? new Set(paths) : null;
  const isPython = (path: string): boolean => IMPORTABLE_NAME.test(path.slice(path.lastIndexOf('/') + 1));
  let inside: (path: string) => boolean;
  if (scope.include === 'dynamic') {
    inside = () => true;
  } else {
    const sources = patterns(scope.include, 'python-path');
    const globs = patterns(scope.include, 'python-glob');
    if (sources.length > 0) {
      const trees: string[] = [];
      for (const source of sources) {
        const asDir = normalize(join(root, source)).slice(1);
        if (!dirs || dirs.has(asDir)) trees.push(asDir);
        if (dirs?.has(asDir)) continue;
        // A package or module name (`source_pkgs`, or a `source` that is not a directory).
        if (!/^[\w.]+$/.test(source)) continue;
        const module = source.replaceAll('.', '/');
        for (const base of [root, join(root, 'src')]) {
          const candidate = normalize(join(base, module)).slice(1);
          if (!dirs || dirs.has(candidate)) trees.push(candidate);
          if (!files || files.has(`${candidate}.py`)) trees.push(`${candidate}.py`);
        }
      }
      inside = (path) =>
        trees.some((tree) => {
          if (path === tree) return true;
          if (tree !== '' && !path.startsWith(`${tree}/`)) return false;
          if (!files || options.includeNamespacePackages) return true;
          // Every directory below the tree down to the file needs an __init__.py.
          const rest = path.slice(tree === '' ? 0 : tree.length + 1).split('/').slice(0, -1);
          let dir = tree;
          for (const part of rest) {
            dir = join(dir, part);
            if (!files.has(`${dir}/__init__.py`)) return false;
          }
          return true;
        });
    } else {
      inside = pythonGlobMatcher(globs, root);
    }
  }
  return (path) => isPython(path) && inside(path) && !omit(path);
}

function directories(paths: readonly string[]): Set<string> {
  const dirs = new Set<string>(['']);
  for (const path of paths) {
    let at = path.lastIndexOf('/');
    while (at > 0) {
      const dir = path.slice(0, at);
      if (dirs.has(dir)) break;
      dirs.add(dir);
      at = dir.lastIndexOf('/');
    }
  }
  return dirs;
}
