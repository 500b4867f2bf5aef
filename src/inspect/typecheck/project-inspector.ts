import path from 'node:path';
import { readWithSource } from '../config-source.js';
import type { ChangedPath, ProjectInspector } from '../inspector.js';
import type { TypeCheckProjectFacts } from './model.js';

/**
 * Whether a changed path can alter what is type-checked or how strictly: a renamed file (it can
 * leave an `include`), any JSON file (tsconfigs, what they extend, package.json, pyrightconfig),
 * workflows, and the Python config files mypy and pyright read. Adding or deleting a source file
 * cannot take a file that still exists out of a checked set, so it does not run the inspector.
 */
export function changeMayAffectTypeCheck(entry: ChangedPath): boolean {
  if (entry.status === 'renamed') return true;
  return [entry.basePath, entry.headPath].some((file) => file !== null && mayBeTypeCheckInput(file));
}

export function mayBeTypeCheckInput(file: string): boolean {
  const name = path.posix.basename(file);
  return /\.(json|jsonc|json5)$/i.test(name) || /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file) || ['mypy.ini', '.mypy.ini', 'setup.cfg', 'pyproject.toml'].includes(name) || (name === '__init__.py' || name === '__init__.pyi');
}

interface Readers {
  readsTypeCheckFile(path: string): boolean;
  readTypeCheckFacts: (source: Parameters<Parameters<typeof readWithSource>[2]>[0]) => TypeCheckProjectFacts['facts'];
}

export function typeCheckProjectInspector(loadReaders: () => Promise<Readers>): ProjectInspector<TypeCheckProjectFacts> {
  return {
    id: 'typecheck-project@1',
    affectedBy: (changed) => changed.some(changeMayAffectTypeCheck),
    collect: async (revision) => {
      const readers = await loadReaders();
      return { facts: await readWithSource(revision, (file) => readers.readsTypeCheckFile(file), (source) => readers.readTypeCheckFacts(source)), paths: revision.paths };
    },
  };
}

/** The type-check facts of a whole revision; the readers (and smol-toml, jsonc-parser) load only when a change can affect them. */
export const typeCheckInspector = typeCheckProjectInspector(async () => import('./all-readers.js'));
