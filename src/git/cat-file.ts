import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GIT_CONFIG, GIT_ENV } from './process.js';

export type BlobRead =
  | { kind: 'blob'; size: number; content: Buffer }
  /** Larger than the limit: the bytes were streamed past, not kept. */
  | { kind: 'too-large'; size: number }
  | { kind: 'missing' };

interface Pending {
  limit: number;
  resolve: (read: BlobRead) => void;
  reject: (error: Error) => void;
}

/**
 * One long-lived `git cat-file --batch` process serving every blob read of an audit.
 * Requests are answered in order, so a FIFO of pending reads is enough to pair answers with them.
 */
export class CatFile {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private buffered: Buffer = Buffer.alloc(0);
  /** The body being received: how many bytes are left and whether they are kept. */
  private body: { size: number; left: number; chunks: Buffer[] | null } | null = null;
  private failure: Error | null = null;

  constructor(gitDir: string) {
    this.child = spawn('git', [...GIT_CONFIG, '--git-dir', gitDir, 'cat-file', '--batch'], {
      env: GIT_ENV,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.receive(chunk);
    });
    let stderr = '';
    this.child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    this.child.on('error', (error) => {
      this.fail(error);
    });
    this.child.on('close', (code) => {
      if (this.pending.length > 0) this.fail(new Error(`git cat-file exited (${code ?? 'signal'}): ${stderr.trim()}`));
    });
    this.child.stdin.on('error', (error) => {
      this.fail(error);
    });
  }

  /** Read a blob by object id; contents above `limit` bytes are skipped, not buffered. */
  read(oid: string, limit = Number.POSITIVE_INFINITY): Promise<BlobRead> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ limit, resolve, reject });
      this.child.stdin.write(`${oid}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.pending.splice(0)) waiting.reject(error);
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      if (this.body) {
        if (!this.consumeBody()) return;
        continue;
      }
      const newline = this.buffered.indexOf(0x0a);
      if (newline < 0) return;
      const header = this.buffered.subarray(0, newline).toString('utf8');
      this.buffered = this.buffered.subarray(newline + 1);
      const request = this.pending[0];
      if (!request) {
        this.fail(new Error(`git cat-file sent an unexpected line: ${header}`));
        return;
      }
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.pending.shift();
        request.resolve({ kind: 'missing' });
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(' ') + 1));
      // Body bytes plus the newline git prints after them.
      this.body = { size, left: size + 1, chunks: size <= request.limit ? [] : null };
    }
  }

  /** Move bytes of the current body out of the buffer; true when the body is complete. */
  private consumeBody(): boolean {
    const body = this.body!;
    const take = Math.min(body.left, this.buffered.length);
    if (take === 0) return false;
    body.chunks?.push(this.buffered.subarray(0, take));
    this.buffered = this.buffered.subarray(take);
    body.left -= take;
    if (body.left > 0) return false;
    this.body = null;
    const request = this.pending.shift()!;
    if (body.chunks) {
      const content = Buffer.concat(body.chunks).subarray(0, body.size);
      request.resolve({ kind: 'blob', size: body.size, content });
    } else {
      request.resolve({ kind: 'too-large', size: body.size });
    }
    return true;
  }
}
