import path from 'node:path';
import type { SourceFacts } from '../../inspect/source-facts.js';

/** Repository paths a test file's relative imports can refer to (JS/TS extensions and index files; Python modules). */
export function importedPaths(testFile: string, facts: SourceFacts): string[] {
  return facts.imports.flatMap((specifier) => moduleCandidates(testFile, specifier, facts.language));
}

/** Repository paths an import of `specifier` from `fromFile` can refer to; none for a JS package. */
export function moduleCandidates(fromFile: string, specifier: string, language: SourceFacts['language']): string[] {
  const dir = path.posix.dirname(fromFile);
  const candidates: string[] = [];
  if (language === 'js') {
    if (!specifier.startsWith('.')) return candidates;
    const base = path.posix.normalize(path.posix.join(dir, specifier)).replace(/\.(js|jsx|mjs|cjs)$/, '');
    for (const extension of ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']) candidates.push(`${base}${extension}`);
    for (const extension of ['.ts', '.tsx', '.js', '.jsx']) candidates.push(`${base}/index${extension}`);
    return candidates;
  }
  const relative = specifier.startsWith('.');
  const module = specifier.replace(/^\.+/, '').replace(/\./g, '/');
  const root = relative ? dir : '';
  for (const form of [`${module}.py`, `${module}/__init__.py`]) candidates.push(path.posix.normalize(root ? `${root}/${form}` : form));
  if (!relative) for (const form of [`src/${module}.py`, `src/${module}/__init__.py`]) candidates.push(form);
  return candidates;
}
