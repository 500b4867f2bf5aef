/** Repository-relative POSIX paths ('' is the root); nothing here touches the file system. */

export function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index === -1 ? '' : path.slice(0, index);
}

/** Joins and normalises segments; `..` above the root is kept out (returns null). */
export function joinPath(...segments: string[]): string | null {
  const parts: string[] = [];
  for (const segment of segments) {
    for (const part of segment.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (parts.length === 0) return null;
        parts.pop();
      } else {
        parts.push(part);
      }
    }
  }
  return parts.join('/');
}

/** Resolves `target` against the directory `from`, like `path.resolve(from, target)` with the repository as `/`. */
export function resolvePath(from: string, target: string): string | null {
  return target.startsWith('/') ? null : joinPath(from, target);
}

/** `to` relative to `from` (both repository-relative directories/files). */
export function relativePath(from: string, to: string): string {
  const a = from === '' ? [] : from.split('/');
  const b = to === '' ? [] : to.split('/');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...Array<string>(a.length - common).fill('..'), ...b.slice(common)].join('/');
}

export const SCRIPT_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.tsx', '.jsx'] as const;

/**
 * Candidates for a relative import, in the order Node/TypeScript bundlers try them: the path as
 * written, `.js` written for a `.ts` source (NodeNext style), each extension, then `/index.*`.
 */
export function importCandidates(importer: string, specifier: string): string[] | null {
  const base = resolvePath(dirname(importer), specifier);
  if (base === null) return null;
  const candidates = [base];
  const jsLike = /\.([cm]?)js$/.exec(base);
  if (jsLike) candidates.push(`${base.slice(0, -jsLike[0].length)}.${jsLike[1] ?? ''}ts`);
  for (const extension of [...SCRIPT_EXTENSIONS, '.json']) candidates.push(base + extension);
  for (const extension of SCRIPT_EXTENSIONS) candidates.push(base === '' ? `index${extension}` : `${base}/index${extension}`);
  return candidates;
}
