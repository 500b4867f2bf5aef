import picomatch from 'picomatch';
import { pathSet, pathsUnder } from '../config-source.js';
import { dirname, joinPath } from '../config-eval/paths.js';
import type { Origin, PatternList, TsProject } from './model.js';
import { jsChecked, mergedOptions } from './ts-options.js';

/**
 * The files a tsconfig type-checks (its root files), with TypeScript's matching rules
 * (`getFileMatcherPatterns` / `matchFiles` in the compiler's `utilities.ts`):
 *
 * - `files` names files; `include` holds patterns (`*` within a name, `?`, `**` for any folders;
 *   a last segment without an extension or wildcard is a folder: `src` = `src/**\/*`). Without
 *   both, `include` is `**\/*`. With `files` but no `include`, only `files`.
 * - Wildcards do not match names starting with `.`, nor (for `**`) node_modules,
 *   bower_components and jspm_packages, nor `.min.js` files.
 * - `exclude` removes what `include` matched (never a `files` entry); a pattern also excludes
 *   what is below a folder it matches. Without `exclude`: node_modules, bower_components,
 *   jspm_packages and `outDir` / `declarationDir`.
 * - Extensions: .ts .tsx .d.ts .mts .cts .d.mts .d.cts; with `allowJs` also .js .jsx .mjs .cjs,
 *   which count as type-checked only with `checkJs`.
 * - `${configDir}` (TypeScript 5.5) is the folder of the tsconfig being compiled.
 *
 * Files reached only through imports are not counted: they are checked, but what reaches them is
 * a property of the code, not of the configuration.
 */

export type CheckedSet = { kind: 'static'; files: Set<string> } | { kind: 'unresolved'; reason: string; origin: Origin };

const TS_EXTENSIONS = ['.d.mts', '.d.cts', '.d.ts', '.mts', '.cts', '.tsx', '.ts'];
const JS_EXTENSIONS = ['.mjs', '.cjs', '.jsx', '.js'];
const IMPLICIT = ['node_modules', 'bower_components', 'jspm_packages'];

/** A pattern of a list as a repository path pattern (`${configDir}` is the compiled config's folder). */
export function repoPattern(pattern: string, list: PatternList, configDir: string): string | null {
  const configured = /^\$\{configDir\}\/?/.exec(pattern);
  if (configured) return joinPath(configDir, pattern.slice(configured[0].length));
  return joinPath(list.dir, pattern);
}

const isFolderPattern = (pattern: string): boolean => {
  const last = pattern.slice(pattern.lastIndexOf('/') + 1);
  return !/[*?]/.test(last) && !last.includes('.');
};

/**
 * Globs as one regular expression (picomatch's, joined): a monorepo has a tsconfig per package
 * and each is tested against every file below it, where picomatch's own matcher objects cost
 * several times more.
 */
export function globTest(globs: readonly string[], options: { dot: boolean }): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  const regex = new RegExp(globs.map((glob) => picomatch.makeRe(glob, options).source).join('|'));
  return (file) => regex.test(file);
}

const IMPLICIT_SEGMENT = /(^|\/)(node_modules|bower_components|jspm_packages)\//;

/** A matcher for a list of include patterns (folders expanded, TypeScript's wildcard rules). */
export function includeMatcher(list: PatternList, configDir: string): (file: string) => boolean {
  const globs = list.patterns.map((p) => repoPattern(p, list, configDir)).filter((p): p is string => p !== null);
  const expanded = globs.map((glob) => (glob === '' ? '**/*' : isFolderPattern(glob) ? `${glob}/**/*` : glob));
  const match = globTest(expanded, { dot: false });
  // Folders a pattern names literally may be matched; wildcards never enter them.
  const named = new Set(globs.flatMap((glob) => glob.split('/')));
  return (file) => {
    if (!match(file) || file.endsWith('.min.js')) return false;
    if (!IMPLICIT_SEGMENT.test(file)) return true;
    const parts = file.split('/');
    return !IMPLICIT.some((name) => parts.includes(name) && !named.has(name));
  };
}

/** A matcher for exclude patterns: a pattern matches a file or any folder above it. */
export function excludeMatcher(patterns: readonly string[]): (file: string) => boolean {
  return globTest(
    patterns.flatMap((p) => [p, `${p.replace(/\/+$/, '')}/**`]),
    { dot: true },
  );
}

/** The literal folders include patterns start from (`packages/web/src` for `packages/web/src/**\/*.ts`), nested ones dropped. */
function includeRoots(list: PatternList, configDir: string): string[] {
  const roots = list.patterns
    .map((p) => repoPattern(p, list, configDir))
    .filter((p): p is string => p !== null)
    .map((glob) => {
      const scanned = picomatch.scan(glob);
      return scanned.isGlob ? scanned.base : isFolderPattern(glob) ? glob : dirname(glob);
    });
  const sorted = [...new Set(roots)].sort();
  return sorted.filter((root, i) => !sorted.slice(0, i).some((outer) => outer === '' || root.startsWith(`${outer}/`)));
}

export function excludePatterns(project: TsProject): string[] {
  const configDir = dirname(project.config);
  if (project.exclude) return project.exclude.patterns.map((p) => repoPattern(p, project.exclude!, configDir)).filter((p): p is string => p !== null);
  const merged = mergedOptions(project);
  const defaults = IMPLICIT.map((name) => joinPath(configDir, name));
  for (const name of ['outDir', 'declarationDir']) {
    const setting = merged[name];
    if (setting && typeof setting.value === 'string' && !setting.from) defaults.push(joinPath(dirname(setting.origin.file), setting.value));
  }
  return defaults.filter((p): p is string => p !== null);
}

export function checkedFiles(project: TsProject, paths: readonly string[]): CheckedSet {
  if (project.unknownBase && (project.include === null || project.exclude === null || project.files === null)) {
    return { kind: 'unresolved', reason: `part of the extends chain cannot be read (${project.unknownBase.expression}: ${project.unknownBase.reason})`, origin: project.unknownBase };
  }
  const configDir = dirname(project.config);
  const { allowJs, checkJs } = jsChecked(project);
  const extensions = allowJs ? [...TS_EXTENSIONS, ...JS_EXTENSIONS] : TS_EXTENSIONS;
  const hasExtension = (file: string): boolean => extensions.some((ext) => file.endsWith(ext));
  const checked = (file: string): boolean => TS_EXTENSIONS.some((ext) => file.endsWith(ext)) || checkJs;
  const files = new Set<string>();
  const existing = pathSet(paths);
  if (project.files) {
    for (const name of project.files.patterns) {
      const path = repoPattern(name, project.files, configDir);
      if (path !== null && existing.has(path) && checked(path)) files.add(path);
    }
  }
  const include = project.include ?? (project.files ? null : { patterns: ['**/*'], dir: configDir, origin: { file: project.config, line: 1 } });
  if (include) {
    const included = includeMatcher(include, configDir);
    const excluded = excludeMatcher(excludePatterns(project));
    // Only the folders the patterns start from are scanned: a monorepo has a tsconfig per package.
    for (const root of includeRoots(include, configDir)) {
      for (const file of pathsUnder(paths, root)) if (hasExtension(file) && checked(file) && included(file) && !excluded(file)) files.add(file);
    }
  }
  return { kind: 'static', files };
}
