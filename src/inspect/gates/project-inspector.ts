import type { ScriptEntry } from '../commands/package-scripts.js';
import type { ChangedPath, ProjectInspector } from '../inspector.js';
import { loadShellParser } from '../shell/parse.js';
import { mayAffectScripts } from './files.js';
import type { HookEntry } from './hooks.js';

/**
 * The inputs of the script and hook rules for one revision: every `package.json`'s scripts with
 * their lines, the `run:` steps of the GitHub workflows (to know which scripts CI calls), and the
 * git hooks of husky, lefthook, simple-git-hooks and pre-commit. Only texts are collected here;
 * the rules read them with the shell model, which this inspector loads. The readers (and the YAML
 * parser) load only when a change touches one of these files.
 */


export interface PackageScripts {
  /** The package.json path. */
  file: string;
  /** Its directory, '' for the root. */
  dir: string;
  scripts: ReadonlyMap<string, ScriptEntry>;
}

export interface WorkflowStep {
  file: string;
  /** First line of the `run:` text. */
  line: number;
  dir: string;
  run: string;
}

export interface ScriptsFacts {
  /** By directory. */
  packages: ReadonlyMap<string, PackageScripts>;
  steps: readonly WorkflowStep[];
  hooks: readonly HookEntry[];
  /** Files that could not be read (invalid JSON or YAML): reported as unresolvable. */
  problems: readonly { file: string; line: number; message: string }[];
}

export { mayAffectScripts } from './files.js';

export const scriptsInspector: ProjectInspector<ScriptsFacts> = {
  id: 'scripts-hooks@1',
  affectedBy: (changed: readonly ChangedPath[]) => changed.some((entry) => [entry.basePath, entry.headPath].some((path) => path !== null && mayAffectScripts(path))),
  collect: async (revision) => {
    const [{ readScriptsFacts }] = await Promise.all([import('./read-revision.js'), loadShellParser()]);
    return readScriptsFacts(revision);
  },
};
