import path from 'node:path';
import type { ChangedPath, ProjectInspector } from '../inspector.js';
import { readWithSource } from '../config-source.js';
import { emptyCoverageFacts, mergeCoverageFacts, type CoverageFacts, type CoverageReader } from './model.js';

/** Coverage facts of a revision, with its file list: the measured set is computed from both. */
export interface CoverageProjectFacts {
  facts: CoverageFacts;
  paths: readonly string[];
}

/**
 * Files whose change may alter coverage facts even though no reader claims them up front:
 * shared configs imported by a config (`vitest.shared.ts`, `jest.preset.js`) and data files.
 */
const CONFIG_LIKE = /(^|[./_-])(config|configs|shared|preset|setup|coverage|thresholds?|workspace|projects)([./_-]|$)/i;
/** Data files: package.json, workflows, rc files, pyproject.toml, setup.cfg, threshold files. */
const DATA_FILE = /\.(json|jsonc|json5|ya?ml|toml|ini|cfg)$/i;
/** Config files with no telling extension. */
const RC_FILE = /^\.(nycrc|c8rc|coveragerc)$/;

/**
 * The coverage project inspector: runs every coverage reader over a revision. Readers read files
 * synchronously; a read of a file not yet loaded returns null and is recorded, the engine loads
 * it and runs the readers again, so configs importing other configs resolve without any reader
 * needing to be asynchronous.
 */
export function coverageProjectInspector(loadReaders: () => Promise<readonly CoverageReader[]>): ProjectInspector<CoverageProjectFacts> {
  return {
    id: 'coverage-project@1',
    affectedBy: (changed) => changed.some(changeMayAffectCoverage),
    collect: async (revision) => {
      const readers = await loadReaders();
      const readsFile = (file: string) => readers.some((reader) => reader.readsFile(file));
      return { facts: await readWithSource(revision, readsFile, (source) => readers.map((reader) => reader.read(source)).reduce(mergeCoverageFacts, emptyCoverageFacts())), paths: revision.paths };
    },
  };
}

/**
 * Whether a changed path can alter coverage facts. Decided by name, without loading the readers:
 * every file a reader reads is a config-like name, a data file or an rc file (a test checks this
 * against the readers' own `readsFile`).
 */
export function changeMayAffectCoverage(entry: ChangedPath): boolean {
  // A moved file can leave the measured set (moved out of `src/`) without any config changing.
  if (entry.status === 'renamed') return true;
  return [entry.basePath, entry.headPath].some((file) => file !== null && mayBeCoverageInput(file));
}

export function mayBeCoverageInput(file: string): boolean {
  const name = path.posix.basename(file);
  return CONFIG_LIKE.test(name) || DATA_FILE.test(name) || RC_FILE.test(name);
}

