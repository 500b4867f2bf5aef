import type { ChangedFile } from '../rule.js';

const cache = new WeakMap<readonly ChangedFile[], ReadonlyMap<string, string>>();

/** Files the change renamed, base path → head path (computed once per audit). */
export function renamedPaths(files: readonly ChangedFile[]): ReadonlyMap<string, string> {
  let renames = cache.get(files);
  if (!renames) {
    const map = new Map<string, string>();
    for (const file of files) if (file.status === 'renamed' && file.basePath && file.headPath) map.set(file.basePath, file.headPath);
    cache.set(files, (renames = map));
  }
  return renames;
}
