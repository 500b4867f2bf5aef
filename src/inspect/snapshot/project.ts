import type { ChangedPath, ProjectInspector } from '../inspector.js';
import { parseModeOf } from '../js/parse.js';
import { isSnapshotFile } from './snap-file.js';

/** Which JS/TS source files a revision has: whether a snapshot file's test file still exists. */
export interface SnapshotProjectFacts {
  sources: ReadonlySet<string>;
}

/**
 * Runs only when a change touches a `__snapshots__/*.snap` file. A test file left unchanged is
 * not among the changed files, so this is how the rule knows it is still there when its
 * snapshot file is deleted. Only paths are listed; no file is read.
 */
export const snapshotProjectInspector: ProjectInspector<SnapshotProjectFacts> = {
  id: 'snapshot-sources@1',
  affectedBy: (changed: readonly ChangedPath[]) =>
    changed.some((entry) => (entry.basePath !== null && isSnapshotFile(entry.basePath)) || (entry.headPath !== null && isSnapshotFile(entry.headPath))),
  collect: (revision) => Promise.resolve({ sources: new Set(revision.paths.filter((path) => parseModeOf(path) !== null)) }),
};

const IMAGE = /\.(?:png|jpe?g|webp|gif|bmp)$/i;
/**
 * Image snapshots: Playwright's `<test file>-snapshots/`, jest-image-snapshot's `__image_snapshots__/`,
 * vitest browser mode's `__screenshots__/`, and image files under `__snapshots__/`.
 */
const IMAGE_FOLDER = /(?:^|\/)(?:[^/]+-snapshots|__image_snapshots__|__screenshots__|__snapshots__)\//;

export function isImageSnapshot(path: string): boolean {
  return IMAGE.test(path) && IMAGE_FOLDER.test(path);
}

/** The snapshot folder an image snapshot sits in (its innermost one). */
export function imageSnapshotFolder(path: string): string {
  const matches = [...path.matchAll(new RegExp(IMAGE_FOLDER.source, 'g'))];
  const last = matches.at(-1);
  return last ? path.slice(0, last.index + last[0].length - 1) : path.slice(0, path.lastIndexOf('/'));
}
