import picomatch from 'picomatch';

/**
 * Glob lists as the linters read them: picomatch (ESLint's minimatch and Biome's globs agree on
 * the patterns configs use), relative to the config's directory. In an ignore list a later `!`
 * pattern re-includes what an earlier one ignored (ESLint global ignores, `.eslintignore`, Biome
 * `!` includes), and a pattern that matches a folder (`dist/`, `**\/generated`) ignores
 * everything under it.
 */

export type PathTest = (relative: string) => boolean;

const cache = new Map<string, (path: string) => boolean>();

function compile(pattern: string, dot: boolean): (path: string) => boolean {
  const key = `${dot ? 1 : 0}\0${pattern}`;
  let test = cache.get(key);
  if (!test) {
    test = picomatch(pattern, { dot });
    if (cache.size > 4096) cache.clear();
    cache.set(key, test);
  }
  return test;
}

/** Any pattern matches the file (no negation): ESLint `files`. */
export function anyMatch(patterns: readonly string[], dot: boolean): PathTest {
  const tests = patterns.map((pattern) => compile(pattern.replace(/^\.\//, ''), dot));
  return (relative) => tests.some((test) => test(relative));
}

/** The folders a file is in, as `a/`, `a/b/`… (with the trailing slash ignore patterns use for folders). */
function folders(relative: string): string[] {
  const parts = relative.split('/');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(`${parts.slice(0, i).join('/')}/`);
  return out;
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
  return (relative) => {
    const dirs = folders(relative);
    let ignored = false;
    for (const { negated, folderOnly, test } of compiled) {
      const hit = (!folderOnly && test(relative)) || dirs.some((dir) => test(dir.slice(0, -1)));
      if (hit) ignored = !negated;
    }
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
