import { spawn } from 'node:child_process';

/** Environment for every git call: no optional locks (git never writes while we read), no pager, no prompts. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_OPTIONAL_LOCKS: '0',
  GIT_TERMINAL_PROMPT: '0',
  GIT_PAGER: 'cat',
  LC_ALL: 'C',
};

/** Options every git call gets, so output is byte-exact and never localised or coloured. */
export const GIT_CONFIG = ['-c', 'core.quotePath=false', '-c', 'color.ui=false', '--no-replace-objects'];

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Run one git command to completion and collect its output. */
export function runGit(gitDir: string | undefined, args: readonly string[], cwd?: string, env: NodeJS.ProcessEnv = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const fullArgs = [...GIT_CONFIG, ...(gitDir ? ['--git-dir', gitDir] : []), ...args];
    const child = spawn('git', fullArgs, { cwd, env: { ...GIT_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim() });
    });
  });
}
