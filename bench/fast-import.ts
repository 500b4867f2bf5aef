import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Writes a `git fast-import` stream. One fast-import process builds the whole history in seconds,
 * where two thousand `git commit` runs would take minutes; the format is documented in
 * git-fast-import(1).
 */

export type FileChange =
  | { kind: 'write'; path: string; content: string | Buffer }
  | { kind: 'delete'; path: string }
  | { kind: 'rename'; from: string; to: string };

export interface CommitSpec {
  ref: string;
  mark: number;
  /** The parent's mark; omit to continue the branch (or start it, for the first commit). */
  from?: number;
  author: string;
  /** Seconds since the epoch; fixed so the commit ids are the same on every run. */
  time: number;
  message: string;
  changes: readonly FileChange[];
}

export interface FastImport {
  commit(spec: CommitSpec): Promise<void>;
  /** Ends the stream and waits for git; rejects with git's message when it fails. */
  finish(): Promise<void>;
}

/** Flush to git once this much is buffered: big writes keep the pipe busy without holding the history in memory. */
const FLUSH_BYTES = 1 << 20;

export function startFastImport(gitDir: string): FastImport {
  const child = spawn('git', ['--git-dir', gitDir, 'fast-import', '--quiet', '--done'], { stdio: ['pipe', 'ignore', 'pipe'] });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  // A write after git died fails with EPIPE; finish() reports git's own exit code and message instead.
  child.stdin.on('error', () => undefined);
  const exited = once(child, 'close') as Promise<[number | null]>;
  const sink = bufferedWriter(child.stdin);
  return {
    async commit(spec) {
      sink.push(commitHeader(spec));
      for (const change of spec.changes) sink.push(...changeCommand(change));
      sink.push(Buffer.from('\n'));
      await sink.flushIfFull();
    },
    async finish() {
      sink.push(Buffer.from('done\n'));
      await sink.flush();
      child.stdin.end();
      const [code] = await exited;
      if (code !== 0) throw new Error(`git fast-import failed (${code}): ${Buffer.concat(stderr).toString('utf8')}`);
    },
  };
}

function commitHeader(spec: CommitSpec): Buffer {
  const message = Buffer.from(spec.message, 'utf8');
  const lines = [
    `commit ${spec.ref}`,
    `mark :${spec.mark}`,
    `author ${spec.author} ${spec.time} +0000`,
    `committer ${spec.author} ${spec.time} +0000`,
    `data ${message.length}`,
  ];
  const tail = spec.from === undefined ? '' : `from :${spec.from}\n`;
  return Buffer.concat([Buffer.from(`${lines.join('\n')}\n`), message, Buffer.from(`\n${tail}`)]);
}

function changeCommand(change: FileChange): Buffer[] {
  switch (change.kind) {
    case 'delete':
      return [Buffer.from(`D ${quote(change.path)}\n`)];
    case 'rename':
      return [Buffer.from(`R ${quote(change.from)} ${quote(change.to)}\n`)];
    case 'write': {
      const data = typeof change.content === 'string' ? Buffer.from(change.content, 'utf8') : change.content;
      return [Buffer.from(`M 100644 inline ${quote(change.path)}\ndata ${data.length}\n`), data, Buffer.from('\n')];
    }
  }
}

/** Paths are quoted C-style so that a space or quote can never be misread; ours are plain ASCII. */
function quote(path: string): string {
  return /^[\w./@-]+$/.test(path) ? path : JSON.stringify(path);
}

interface BufferedWriter {
  push(...chunks: Buffer[]): void;
  flushIfFull(): Promise<void>;
  flush(): Promise<void>;
}

function bufferedWriter(stream: Writable): BufferedWriter {
  let pending: Buffer[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const chunk = Buffer.concat(pending, size);
    pending = [];
    size = 0;
    // Respect backpressure so a slow git never makes Node buffer the whole stream.
    if (!stream.write(chunk) && !stream.destroyed) await once(stream, 'drain');
  };
  return {
    push(...chunks) {
      for (const chunk of chunks) {
        pending.push(chunk);
        size += chunk.length;
      }
    },
    flushIfFull: () => (size >= FLUSH_BYTES ? flush() : Promise.resolve()),
    flush,
  };
}
