import { isPackageJson, isWorkflow } from '../commands/files.js';

/** Files the script and hook rules read, tested by path alone (no parser is loaded for it). */

export const GIT_HOOKS: ReadonlySet<string> = new Set([
  'applypatch-msg', 'pre-applypatch', 'post-applypatch', 'pre-commit', 'pre-merge-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit',
  'pre-rebase', 'post-checkout', 'post-merge', 'pre-push', 'pre-auto-gc', 'post-rewrite',
]);

export const LEFTHOOK = /^(\.config\/)?\.?lefthook(-local)?\.(ya?ml|json)$/;
export const SIMPLE_GIT_HOOKS = /^\.?simple-git-hooks\.json$/;
export const PRE_COMMIT = /^\.pre-commit-config\.ya?ml$/;

export function isHookFile(path: string): boolean {
  if (path.startsWith('.husky/')) return GIT_HOOKS.has(path.slice('.husky/'.length));
  return LEFTHOOK.test(path) || SIMPLE_GIT_HOOKS.test(path) || PRE_COMMIT.test(path);
}

/** Whether a changed path can change what the scripts and hooks of a revision run. */
export function mayAffectScripts(path: string): boolean {
  return isPackageJson(path) || isWorkflow(path) || isHookFile(path);
}
