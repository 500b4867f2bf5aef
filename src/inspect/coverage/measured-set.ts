import picomatch from 'picomatch';
import { pathsUnder } from '../config-source.js';
import type { CoverageScope, Pattern } from './model.js';
import { pythonScopeMatcher } from './python/match.js';

/** The files a scope measures, or why that cannot be said statically. */
export type MeasuredSet =
  | { kind: 'static'; files: Set<string> }
  /** Only the files the tests load are measured: the set depends on running the tests. */
  | { kind: 'dynamic' }
  /** Some include/exclude value could not be resolved. */
  | { kind: 'unresolved' };

/** Decides, for one scope, whether a repository path is measured. */
export type ScopeMatcher = (file: string) => boolean;

/**
 * A matcher with the scope's tool semantics. Globs are picomatch (the engine of micromatch,
 * test-exclude and tinyglobby), relative to the scope's root; a leading `!` negates, as in
 * jest's `collectCoverageFrom` and test-exclude's `exclude`; jest's `coveragePathIgnorePatterns`
 * are regular expressions tested against the path with a leading slash, as jest tests absolute
 * paths; Python scopes follow coverage.py.
 */
export function scopeMatcher(scope: CoverageScope): ScopeMatcher {
  if (scope.tool === 'coverage.py') return pythonScopeMatcher(scope);
  if (scope.include === 'dynamic') return () => false;
  const root = scope.root === '' ? '' : `${scope.root.replace(/\/+$/, '')}/`;
  const include = patternList(scope.include, scope.dot);
  const exclude = patternList(scope.exclude, scope.dot);
  const extensions = scope.extensions;
  return (file) => {
    if (root && !file.startsWith(root)) return false;
    const relative = file.slice(root.length);
    if (extensions && !extensions.some((extension) => relative.endsWith(extension))) return false;
    const included = scope.include.length === 0 ? true : include.matches(relative, file);
    return included && !exclude.matches(relative, file);
  };
}

/** A pattern list with negations: matched when a positive pattern matches and no negation does. */
function patternList(patterns: readonly Pattern[], dot: boolean): { matches(relative: string, file: string): boolean } {
  const positive: ((relative: string, file: string) => boolean)[] = [];
  const negative: ((relative: string, file: string) => boolean)[] = [];
  for (const { pattern, syntax } of patterns) {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    (negated ? negative : positive).push(compile(body, syntax, dot));
  }
  return {
    matches: (relative, file) => positive.some((test) => test(relative, file)) && !negative.some((test) => test(relative, file)),
  };
}

function compile(pattern: string, syntax: Pattern['syntax'], dot: boolean): (relative: string, file: string) => boolean {
  if (syntax === 'regex') {
    let regex: RegExp;
    try {
      regex = new RegExp(pattern);
    } catch {
      // An invalid pattern makes jest fail at start-up; treat it as matching nothing here.
      return () => false;
    }
    return (_relative, file) => regex.test(`/${file}`);
  }
  // A NUL can never be in a repository path (vitest excludes `**/\0*` virtual modules), and
  // picomatch would read the pattern as `**/*`: such a pattern matches nothing here.
  if (pattern.includes('\0')) return () => false;
  // test-exclude and jest let `dir/` or `dir` name a whole folder: try the pattern as a folder too.
  const globs = [pattern.replace(/^\.\//, ''), `${pattern.replace(/^\.\//, '').replace(/\/+$/, '')}/**`];
  const test = picomatch(globs, { dot });
  return (relative) => test(relative);
}

export function measuredSet(scope: CoverageScope, paths: readonly string[]): MeasuredSet {
  if (scope.unresolved.some((value) => /\b(include|exclude|collectCoverageFrom|coveragePathIgnorePatterns|source|omit|root|rootDir|extension|all)\b/.test(value.setting))) {
    return { kind: 'unresolved' };
  }
  if (scope.include === 'dynamic') return { kind: 'dynamic' };
  const matches = scopeMatcher(scope);
  // Every non-Python scope measures only files under its root; coverage.py sources may sit elsewhere.
  const candidates = scope.tool === 'coverage.py' ? paths : pathsUnder(paths, scope.root);
  return { kind: 'static', files: new Set(candidates.filter(matches)) };
}
