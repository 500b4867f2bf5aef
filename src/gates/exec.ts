import { spawn } from 'node:child_process';

/** How a gate's command ended. */
export interface CommandOutcome {
  /** Exit code of `sh`, or null when it was killed or could not start. */
  readonly exitCode: number | null;
  /** The signal that ended it, when one did. */
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
  /** Set when the shell could not be started at all. */
  readonly spawnError: string | null;
  readonly durationMs: number;
  /** stdout and stderr interleaved as they came (the last MAX_OUTPUT bytes). */
  readonly output: string;
  /** stdout alone (the last MAX_OUTPUT bytes): the evidence of a `tsc: null` gate. */
  readonly stdout: string;
}

export interface CommandOptions {
  readonly command: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

/** Output kept in memory per stream; a gate that prints more keeps its last bytes. */
const MAX_OUTPUT = 8 * 1024 * 1024;
/** Between SIGTERM and SIGKILL of a process group: time for test runners to tidy up. */
const KILL_GRACE_MS = 2000;

/**
 * Run `sh -c command` in a process group of its own (detached), so that a timeout or Ctrl-C can
 * kill the whole tree it starts (`npm test` → node → workers), not only the shell. When the
 * shell exits, whatever it left running in its group is killed too: a gate leaves nothing behind.
 */
export function runCommand(options: CommandOptions): Promise<CommandOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const output = new Tail();
    const stdout = new Tail();
    let timedOut = false;
    let cancelled = false;
    let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let spawnError: string | null = null;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];

    const child = spawn('sh', ['-c', options.command], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });

    const killGroup = (signal: NodeJS.Signals): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // ESRCH: the group is already gone.
      }
    };
    const stop = (): void => {
      killGroup('SIGTERM');
      const hard = setTimeout(() => {
        killGroup('SIGKILL');
      }, KILL_GRACE_MS);
      hard.unref();
      timers.push(hard);
    };
    const finish = (): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({
        exitCode: exited?.code ?? null,
        signal: exited?.signal ?? null,
        timedOut,
        cancelled,
        spawnError,
        durationMs: Date.now() - started,
        output: output.text(),
        stdout: stdout.text(),
      });
    };
    const onAbort = (): void => {
      if (exited) return;
      cancelled = true;
      stop();
    };

    child.stdout.on('data', (chunk: Buffer) => {
      output.push(chunk);
      stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output.push(chunk);
    });
    child.on('error', (error) => {
      spawnError = error.message;
      finish();
    });
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      // Background processes the command left behind would hold the pipes open (and run on).
      killGroup('SIGKILL');
      // A process that left the group (setsid) may still hold the pipes: do not wait for it forever.
      const late = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      }, 1000);
      late.unref();
      timers.push(late);
    });
    child.on('close', finish);

    const deadline = setTimeout(() => {
      if (exited) return;
      timedOut = true;
      stop();
    }, options.timeoutMs);
    deadline.unref();
    timers.push(deadline);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort);
  });
}

/** The last MAX_OUTPUT bytes of a stream. */
class Tail {
  private chunks: Buffer[] = [];
  private size = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - (this.chunks[0]?.length ?? 0) >= MAX_OUTPUT) this.size -= this.chunks.shift()!.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
