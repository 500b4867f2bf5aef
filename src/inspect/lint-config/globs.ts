import picomatch from 'picomatch';

/**
 * Glob lists as the linters read them: picomatch (ESLint's minimatch and Biome's globs agree on
 * the patterns configs use), relative to the config's directory. In an ignore list a later `!`
 * pattern re-includes what an earlier one ignored (ESLint global ignores, `.eslintignore`, Biome
 * `!` includes), and a pattern that matches a folder (`dist/`, `**\/generated`) ignores
 * everything under it.
 */

export type PathTest = (relative: string) => boolean;

const cache = new Map<string, RegExp>();

const GLOB_CHARS = /[*?[\]{}()!+@]/;

/**
 * The shapes most lint globs take, tested without a regular expression when dot files match
 * anyway (`dot: true`): `**\/*.ts`, `dir/**`, `**\/name`, a literal path. A large repository
 * tests every file against every pattern, and these are most of them.
 */
function fastPath(pattern: string, dot: boolean): ((path: string) => boolean) | null {
  if (!dot) return null;
  const extension = /^\*\*\/\*(\.[\w-]+)$/.exec(pattern)?.[1];
  if (extension !== undefined) return (path) => path.endsWith(extension) && path.length > extension.length && path[path.length - extension.length - 1] !== '/';
  if (pattern.endsWith('/**') && !GLOB_CHARS.test(pattern.slice(0, -3))) {
    const prefix = pattern.slice(0, -2);
    return (path) => path.startsWith(prefix);
  }
  if (pattern.startsWith('**/') && !GLOB_CHARS.test(pattern.slice(3))) {
    const name = pattern.slice(3);
    return (path) => path === name || path.endsWith(`/${name}`);
  }
  if (!GLOB_CHARS.test(pattern)) return (path) => path === pattern;
  return null;
}

/** A pattern as a regular expression (tested directly: picomatch's matcher functions cost several times more per call). */
function compile(pattern: string, dot: boolean): (path: string) => boolean {
  const fast = fastPath(pattern, dot);
  if (fast) return fast;
  const key = `${dot ? 1 : 0}\0${pattern}`;
  let re = cache.get(key);
  if (!re) {
    re = picomatch.makeRe(pattern, { dot });
    if (cache.size > 4096) cache.clear();
    cache.set(key, re);
  }
  const compiled = re;
  return (path) => compiled.test(path);
}

/** Any pattern matches the file (no negation): ESLint `files`. */
export function anyMatch(patterns: readonly string[], dot: boolean): PathTest {
  const tests = patterns.map((pattern) => compile(pattern.replace(/^\.\//, ''), dot));
  return (relative) => tests.some((test) => test(relative));
}

/**
 * An ignore list: the last pattern that matches the file, or one of its folders, decides; a
 * `!pattern` re-includes. A pattern ending in `/` matches folders only.
 */
export function ignoreList(patterns: readonly string[], dot: boolean): PathTest {
  if (patterns.length === 0) return () => false;
  const compiled = patterns.map((raw) => {
    const negated = raw.startsWith('!');
    const body = (negated ? raw.slice(1) : raw).replace(/^\.\//, '');
    const folderOnly = body.endsWith('/');
    const test = compile(folderOnly ? body.slice(0, -1) : body, dot);
    return { negated, folderOnly, test };
  });
  // Which patterns match a folder is the same for every file in it: computed once per folder.
  const folderHits = new Map<string, boolean[]>();
  const hitsOf = (folder: string): boolean[] => {
    let hits = folderHits.get(folder);
    if (!hits) {
      const slash = folder.lastIndexOf('/');
      const parent = slash < 0 ? null : hitsOf(folder.slice(0, slash));
      hits = compiled.map(({ test }, i) => (parent?.[i] ?? false) || test(folder));
      folderHits.set(folder, hits);
    }
    return hits;
  };
  return (relative) => {
    const slash = relative.lastIndexOf('/');
    const folder = slash < 0 ? null : hitsOf(relative.slice(0, slash));
    let ignored = false;
    compiled.forEach(({ negated, folderOnly, test }, i) => {
      if ((folder?.[i] ?? false) || (!folderOnly && test(relative))) ignored = !negated;
    });
    return ignored;
  };
}

/** A gitignore-style line (`.eslintignore`, `includeIgnoreFile`) as an ignore glob relative to the same folder. */
export function gitignoreToGlob(line: string): string | null {
  const text = line.replace(/\s+$/, '');
  if (text === '' || text.startsWith('#')) return null;
  const negated = text.startsWith('!');
  let body = negated ? text.slice(1) : text;
  const anchored = body.startsWith('/') || body.slice(0, -1).includes('/');
  body = body.replace(/^\//, '');
  const glob = anchored ? body : `**/${body}`;
  return negated ? `!${glob}` : glob;
}

/** A path relative to a config's folder, or null when the path is outside it. */
export function relativeTo(dir: string, file: string): string | null {
  if (dir === '') return file;
  return file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : null;
}
