import path from 'node:path';
import { mayBeCoverageInput } from '../coverage/project-inspector.js';
import { readWithSource } from '../config-source.js';
import type { ChangedPath, ProjectInspector } from '../inspector.js';
import type { ConfigSource, RunnerFacts } from './model.js';

/** Runner facts of a revision, with its file list: the collected set is computed from both. */
export interface RunnerProjectFacts {
  facts: RunnerFacts;
  paths: readonly string[];
}

/**
 * Whether a changed path can alter runner facts: the coverage inspector's test (config-like
 * names, data files, renames) plus mocha's rc files. Adding a test file cannot narrow anything;
 * a rename can (a file moved out of `testpaths`).
 */
export function changeMayAffectRunner(entry: ChangedPath): boolean {
  if (entry.status === 'renamed') return true;
  return [entry.basePath, entry.headPath].some((file) => file !== null && mayBeRunnerInput(file));
}

export function mayBeRunnerInput(file: string): boolean {
  return mayBeCoverageInput(file) || /^\.mocharc(\.[cm]?js)?$/.test(path.posix.basename(file));
}

interface Loaded {
  readsRunnerFile(path: string): boolean;
  readRunnerFacts(source: ConfigSource): RunnerFacts;
}

/**
 * The runner project inspector. Like the coverage inspector, readers are loaded lazily and read
 * synchronously; a file a config imports that was not loaded is recorded, loaded, and the readers
 * run again (`readWithSource`, shared with the coverage inspector).
 */
export function runnerProjectInspector(loadReaders: () => Promise<Loaded>): ProjectInspector<RunnerProjectFacts> {
  return {
    id: 'runner-project@1',
    affectedBy: (changed) => changed.some(changeMayAffectRunner),
    collect: async (revision) => {
      const readers = await loadReaders();
      return { facts: await readWithSource(revision, (file) => readers.readsRunnerFile(file), (source) => readers.readRunnerFacts(source)), paths: revision.paths };
    },
  };
}

/** The runner facts of a whole revision, shared by the runner rules; readers load only when a change can affect them. */
export const runnerInspector = runnerProjectInspector(async () => import('./all-readers.js'));
