import { spawn } from 'node:child_process';
import { InputError } from '../core/errors.js';
import { GIT_CONFIG, GIT_ENV } from '../git/process.js';

/**
 * git for gate runs: unlike the audit's reader, these calls need a working directory and, for the
 * working-tree hash, an index of their own (`GIT_INDEX_FILE`), so they get their own small runner.
 */
export function git(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...GIT_CONFIG, ...args], { cwd, env: { ...GIT_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8').trimEnd());
      else reject(new GitError(args, Buffer.concat(err).toString('utf8').trim()));
    });
  });
}

export class GitError extends InputError {
  constructor(args: readonly string[], stderr: string) {
    super(`git ${args[0] ?? ''}: ${stderr.split('\n')[0] ?? 'failed'}`);
  }
}
