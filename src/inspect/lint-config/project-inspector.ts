import { readWithSource } from '../config-source.js';
import type { ChangedPath, ProjectInspector } from '../inspector.js';
import type { LintFacts } from './model.js';

/** Lint facts of a revision, with its file list: the linted sets are computed from both. */
export interface LintProjectFacts {
  facts: LintFacts;
  paths: readonly string[];
}

const LINT_INPUT = /(^|\/)(eslint\.config\.[cm]?[jt]s|\.eslintrc(\.(js|cjs|ya?ml|json))?|\.eslintignore|biome\.jsonc?|\.oxlintrc\.json|\.?ruff\.toml|pyproject\.toml|setup\.cfg|tox\.ini|\.flake8|package\.json)$/;

/**
 * Whether a changed path can alter lint facts: a lint config or ignore file, a file a config may
 * import (config-like JS/TS/JSON names), a workflow or package.json (scripts), or a rename (a
 * file moved out of the linted folders).
 */
export function changeMayAffectLint(entry: ChangedPath): boolean {
  if (entry.status === 'renamed') return true;
  return [entry.basePath, entry.headPath].some((file) => file !== null && mayBeLintInput(file));
}

export function mayBeLintInput(file: string): boolean {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const folders = file.slice(0, Math.max(0, file.lastIndexOf('/')));
  return (
    LINT_INPUT.test(file) ||
    /^\.github\/workflows\//.test(file) ||
    /(^|[./_-])(eslint|lint|config|configs|shared|preset)([./_-]|$)/i.test(name) ||
    // Files a lint config imports usually live in a lint folder (`eslint/rules.mjs`, `tooling/eslint-config/`).
    /(^|\/)[^/]*lint[^/]*(\/|$)/i.test(folders)
  );
}

/** The lint project inspector; readers load lazily, only when a change can affect lint facts. */
export const lintConfigInspector: ProjectInspector<LintProjectFacts> = {
  id: 'lint-config@1',
  affectedBy: (changed) => changed.some(changeMayAffectLint),
  collect: async (revision) => {
    const readers = await import('./all-readers.js');
    return { facts: await readWithSource(revision, (file) => readers.readsLintFile(file), (source) => readers.readLintFacts(source)), paths: revision.paths };
  },
};
