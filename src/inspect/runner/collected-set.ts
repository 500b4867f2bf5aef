import picomatch from 'picomatch';
import { pathsUnder } from '../config-source.js';
import type { RunnerPattern, RunnerScope } from './model.js';

/**
 * The test files a runner scope collects from a revision's paths, with each tool's semantics
 * (same approach as `coverage/measured-set.ts`):
 *
 * - vitest (packages/vitest/src/node/project.ts `globTestFiles` → `globFiles`: tinyglobby with
 *   `cwd: dir ?? root`, `dot: true`, `ignore: exclude`): include/exclude globs relative to
 *   `root` (which is `test.dir` when set); CLI file filters keep files whose path contains one.
 * - jest (jest-config normalize.ts, jest SearchSource.ts `_filterTestPathsWithStats`): files under
 *   one of `roots`; `testMatch` globs (jest-util `globsToMatcher`, picomatch `dot: true`) or
 *   `testRegex` regexes, tested against the absolute path (`/` + repository path here);
 *   `testPathIgnorePatterns` regexes against the same; CLI `testPathPatterns` regexes.
 * - pytest (src/_pytest/main.py `pytest_ignore_collect`, python.py `pytest_collect_file`,
 *   pathlib.py `fnmatch_ex`): from each of `roots` (testpaths, or command-line paths; a `.py`
 *   file named directly is collected whatever its name), recursing into folders not matching
 *   `norecursedirs` (a pattern without `/` matches the folder name, with `/` the path ending) nor
 *   `__pycache__`; files whose name matches `python_files`; `--ignore` paths (the path and what
 *   is under it) and `--ignore-glob` (fnmatch, where `*` also matches `/`) removed.
 * - mocha (lib/cli/collect-files.js, lookup-files.js): each `spec` is a file, a folder (files with
 *   one of `extension` directly in it, or below with `recursive`; hidden files skipped), a glob
 *   (glob, no dot files), or a name to which the extensions are appended; `ignore` globs
 *   (minimatch) remove files.
 */
export type CollectedSet = { kind: 'static'; files: Set<string> } | { kind: 'unresolved' };

const COLLECTION_SETTINGS = /\b(include|exclude|dir|root|rootDir|roots|testMatch|testRegex|testPathIgnorePatterns|testpaths|python_files|norecursedirs|addopts|spec|ignore|extension|recursive|projects|workspace|config)\b/;

/** Whether which files a scope collects can be computed (no collection setting left unresolved). */
export function collectionResolved(scope: RunnerScope): boolean {
  return !scope.unresolved.some((value) => COLLECTION_SETTINGS.test(value.setting));
}

export function collectedSet(scope: RunnerScope, paths: readonly string[]): CollectedSet {
  if (!collectionResolved(scope)) return { kind: 'unresolved' };
  const matches = collectMatcher(scope, paths);
  // A vitest scope collects only below its root; jest roots, pytest paths and mocha specs may reach elsewhere.
  const candidates = scope.tool === 'vitest' ? pathsUnder(paths, scope.root) : paths;
  return { kind: 'static', files: new Set(candidates.filter(matches)) };
}

const stripDot = (pattern: string): string => pattern.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
const under = (file: string, dir: string): boolean => dir === '' || file === dir || file.startsWith(`${dir}/`);
const join = (root: string, rel: string): string => {
  const clean = stripDot(rel);
  if (clean === '' || clean === '.') return root;
  return root === '' ? clean : `${root}/${clean}`;
};
const relativeTo = (file: string, root: string): string => (root === '' ? file : file.slice(root.length + 1));

/** A Python `fnmatch` pattern as a regex (`*` and `?` also match `/`; `[seq]`, `[!seq]`). */
export function fnmatchRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 's');
}

/** pytest's `fnmatch_ex`: without a `/`, the pattern matches the last name; with one, the path ending. */
function fnmatchEx(pattern: string, path: string): boolean {
  if (!pattern.includes('/')) return fnmatchRegex(pattern).test(path.slice(path.lastIndexOf('/') + 1));
  return fnmatchRegex(pattern.startsWith('/') ? pattern : `*/${pattern}`).test(`/${path}`);
}

function regexTest(source: string): (file: string) => boolean {
  try {
    const regex = new RegExp(source);
    return (file) => regex.test(`/${file}`);
  } catch {
    return () => false;
  }
}

function anyOf(tests: ((file: string) => boolean)[]): (file: string) => boolean {
  return (file) => tests.some((test) => test(file));
}

export function collectMatcher(scope: RunnerScope, paths: readonly string[]): (file: string) => boolean {
  switch (scope.tool) {
    case 'vitest':
      return vitestMatcher(scope);
    case 'jest':
      return jestMatcher(scope);
    case 'pytest':
      return pytestMatcher(scope);
    case 'mocha':
      return mochaMatcher(scope, paths);
  }
}

function pathFilter(scope: RunnerScope): (file: string) => boolean {
  if (scope.pathFilters.length === 0) return () => true;
  return anyOf(
    scope.pathFilters.map((filter) => {
      if (filter.syntax === 'regex') return regexTest(filter.pattern);
      const text = stripDot(filter.pattern);
      return (file: string) => relativeTo(file, scope.root).includes(text) || file.includes(text);
    }),
  );
}

function globList(patterns: readonly RunnerPattern[], dot: boolean): (relative: string) => boolean {
  const positive = patterns.filter((p) => !p.pattern.startsWith('!')).map((p) => stripDot(p.pattern));
  const negative = patterns.filter((p) => p.pattern.startsWith('!')).map((p) => stripDot(p.pattern.slice(1)));
  const yes = positive.length > 0 ? picomatch(positive, { dot }) : () => false;
  const no = negative.length > 0 ? picomatch(negative, { dot }) : () => false;
  return (relative) => yes(relative) && !no(relative);
}

function vitestMatcher(scope: RunnerScope): (file: string) => boolean {
  const include = globList(scope.include, true);
  // tinyglobby `ignore`: a folder pattern (`dir/`, or `dir/**`) ignores what is below it.
  const exclude = picomatch(
    scope.exclude.flatMap((p) => [stripDot(p.pattern), `${stripDot(p.pattern)}/**`]),
    { dot: true },
  );
  const filter = pathFilter(scope);
  return (file) => {
    if (!under(file, scope.root) || file === scope.root) return false;
    const relative = relativeTo(file, scope.root);
    return include(relative) && !exclude(relative) && filter(file);
  };
}

function jestMatcher(scope: RunnerScope): (file: string) => boolean {
  const roots = scope.roots.map((p) => stripDot(p.pattern));
  const globs = scope.include.filter((p) => p.syntax === 'glob');
  const regexes = scope.include.filter((p) => p.syntax === 'regex').map((p) => regexTest(p.pattern));
  const glob = globs.length > 0 ? globList(globs.map((p) => ({ ...p, pattern: p.pattern.startsWith('!') ? `!${p.pattern.slice(1).replace(/^\//, '')}` : p.pattern.replace(/^\//, '') })), true) : null;
  const ignore = anyOf(scope.exclude.map((p) => regexTest(p.pattern)));
  const filter = pathFilter(scope);
  return (file) => {
    if (!roots.some((root) => under(file, root))) return false;
    // Jest tests absolute paths; patterns like `**/x` match at any depth, `<rootDir>/…` were made repository-relative.
    const included = glob ? glob(file) : regexes.some((test) => test(file));
    return included && !ignore(file) && filter(file);
  };
}

function pytestMatcher(scope: RunnerScope): (file: string) => boolean {
  const starts = (scope.roots.length > 0 ? scope.roots : [{ pattern: '', syntax: 'path' as const }]).map((p) => ({ path: join(scope.root, p.pattern), glob: p.syntax === 'glob' }));
  const names = scope.include.map((p) => p.pattern);
  const noRecurse = scope.noRecurse.map((p) => p.pattern);
  const ignores = scope.exclude.filter((p) => p.syntax === 'path').map((p) => join(scope.root, p.pattern));
  const ignoreGlobs = scope.exclude.filter((p) => p.syntax === 'fnmatch').map((p) => fnmatchRegex(join(scope.root, p.pattern)));
  const filter = pathFilter(scope);
  return (file) => {
    if (!file.endsWith('.py')) return false;
    if (ignores.some((path) => under(file, path)) || ignoreGlobs.some((regex) => regex.test(file))) return false;
    if (!filter(file)) return false;
    return starts.some((start) => {
      let base = start.path;
      if (start.glob) {
        // testpaths globs (pytest ≥ 7): the deepest matching prefix of the file is the start.
        const parts = file.split('/');
        const match = picomatch(start.path);
        const index = parts.findIndex((_, i) => match(parts.slice(0, i + 1).join('/')));
        if (index < 0) return false;
        base = parts.slice(0, index + 1).join('/');
      }
      if (file === base) return true;
      if (!under(file, base)) return false;
      const rest = relativeTo(file, base).split('/');
      for (let i = 0; i < rest.length - 1; i++) {
        const dir = [base, ...rest.slice(0, i + 1)].filter((part) => part !== '').join('/');
        if (rest[i] === '__pycache__' || noRecurse.some((pattern) => fnmatchEx(pattern, dir))) return false;
      }
      return names.some((pattern) => fnmatchEx(pattern, file));
    });
  };
}

function mochaMatcher(scope: RunnerScope, paths: readonly string[]): (file: string) => boolean {
  const extensions = (scope.extensions ?? []).map((ext) => (ext.startsWith('.') ? ext : `.${ext}`));
  const existing = new Set(paths);
  const folders = new Set<string>();
  for (const path of paths) for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) folders.add(path.slice(0, at));
  const specs = scope.roots.map((spec): ((file: string) => boolean) => {
    const target = join(scope.root, spec.pattern);
    if (existing.has(target)) return (file) => file === target;
    if (folders.has(target) || target === scope.root) {
      return (file) => {
        if (!under(file, target) || file === target) return false;
        const rest = relativeTo(file, target);
        if (!scope.recursive && rest.includes('/')) return false;
        const name = rest.slice(rest.lastIndexOf('/') + 1);
        return !name.startsWith('.') && extensions.some((ext) => name.endsWith(ext));
      };
    }
    if (picomatch.scan(spec.pattern).isGlob) {
      const glob = picomatch(stripDot(spec.pattern));
      return (file) => under(file, scope.root) && glob(relativeTo(file, scope.root));
    }
    return (file) => extensions.some((ext) => file === `${target}${ext}`);
  });
  const ignore = picomatch(
    scope.exclude.map((p) => stripDot(p.pattern)),
    {},
  );
  return (file) => specs.some((spec) => spec(file)) && !(scope.exclude.length > 0 && ignore(relativeTo(file, scope.root)));
}
