import { InputError } from '../core/errors.js';
import { runGit } from '../git/process.js';

/**
 * git for gate runs: unlike the audit's reader, these calls need a working directory and, for the
 * working-tree hash, an index of their own (`GIT_INDEX_FILE`); a failure is an error naming the command.
 */
export async function git(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const result = await runGit(undefined, args, cwd, env);
  if (result.code !== 0) throw new GitError(args, result.stderr);
  return result.stdout.toString('utf8').trimEnd();
}

export class GitError extends InputError {
  constructor(args: readonly string[], stderr: string) {
    super(`git ${args[0] ?? ''}: ${stderr.split('\n')[0] ?? 'failed'}`);
  }
}
