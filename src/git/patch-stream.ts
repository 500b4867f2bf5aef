import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../core/errors.js';
import { GIT_CONFIG, GIT_ENV } from './process.js';

/**
 * Every commit of a range as `git log -p` prints it, read as a stream: one file's added lines are
 * held at a time, so memory stays flat over histories of any length. Only what a history scan
 * needs is kept — the commit, and per file its path and added lines with their line numbers.
 */

export interface PatchCommit {
  sha: string;
  /** Parent commits; empty for a root commit. */
  parents: string[];
  subject: string;
}

export interface AddedLines {
  /** Path on the commit's side; null when git printed none (a deleted file). */
  path: string | null;
  /** The added lines, joined with `\n`. */
  text: string;
  /** The file line number of each line of `text`. */
  lines: number[];
  /** Why the content was not collected: binary patch, submodule or symlink, or more than the size limit. */
  skipped: 'binary' | 'not-a-file' | 'too-large' | null;
}

export interface PatchVisitor {
  commit(commit: PatchCommit): void;
  /** Called once per file of the current commit, after its last hunk. */
  file(file: AddedLines): void;
  endCommit(commit: PatchCommit): void;
}

/** The line git never starts a patch line with: marks our commit header. */
const COMMIT_MARK = '\u0001';

/**
 * Stream `git log -p` of `base..head` (or all of `head`'s history when base is null), oldest
 * first, without merges (a merge adds nothing its parents did not; conflict resolutions are not
 * scanned), with rename detection (a moved file adds nothing) and zero context lines.
 */
export function streamPatches(gitDir: string, base: string | null, head: string, visitor: PatchVisitor, options: { sizeLimit: number }): Promise<{ bytes: number }> {
  const args = [
    ...GIT_CONFIG,
    '--git-dir',
    gitDir,
    'log',
    '--reverse',
    '--no-merges',
    '-p',
    '-U0',
    '-M',
    '--full-index',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    `--format=${COMMIT_MARK}%H %P${COMMIT_MARK}%s`,
    base ? `${base}..${head}` : head,
    '--',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    const parser = new PatchParser(visitor, options.sizeLimit);
    const decoder = new StringDecoder('utf8');
    const stderr: Buffer[] = [];
    let bytes = 0;
    let failure: unknown = null;
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (failure !== null) return;
      try {
        parser.push(decoder.write(chunk));
      } catch (error) {
        failure = error;
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (failure !== null) {
        reject(failure instanceof Error ? failure : new Error('the patch parser failed'));
        return;
      }
      if (code !== 0) {
        reject(new InputError(`cannot read the history of ${base ? `${base}..${head}` : head}: ${Buffer.concat(stderr).toString('utf8').trim().split('\n')[0] ?? ''}`));
        return;
      }
      try {
        parser.push(decoder.end());
        parser.end();
        resolve({ bytes });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** git's C-style quoting of unusual paths (`"b/caf\303\251 \"x\""`), undone. */
export function unquotePath(text: string): string {
  if (!text.startsWith('"')) return text;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, a: 7, v: 11, '"': 34, '\\': 92 };
  for (let i = 1; i < text.length - 1; i++) {
    const char = text[i]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = text[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const stripPrefix = (path: string): string | null => (path === '/dev/null' ? null : path.replace(/^[ab]\//, ''));

/** The line-by-line state machine over `git log -p` output. */
class PatchParser {
  private pending = '';
  private commit: PatchCommit | null = null;
  private file: { path: string | null; guess: string | null; parts: string[]; lines: number[]; size: number; skipped: AddedLines['skipped'] } | null = null;
  private inHunk = false;
  private nextLine = 0;

  constructor(
    private readonly visitor: PatchVisitor,
    private readonly sizeLimit: number,
  ) {}

  push(text: string): void {
    let start = 0;
    let data = text;
    if (this.pending) {
      data = this.pending + text;
      this.pending = '';
    }
    for (let newline = data.indexOf('\n', start); newline !== -1; newline = data.indexOf('\n', start)) {
      this.line(data.slice(start, newline));
      start = newline + 1;
    }
    this.pending = data.slice(start);
  }

  end(): void {
    if (this.pending) this.line(this.pending);
    this.pending = '';
    this.closeCommit();
  }

  private line(line: string): void {
    const file = this.file;
    if (line.startsWith(COMMIT_MARK)) this.openCommit(line);
    else if (line.startsWith('diff --git ')) this.openFile(line);
    else if (!file) return;
    else if (this.inHunk) {
      if (line.startsWith('+')) this.added(file, line.slice(1));
      else if (line.startsWith('@@')) this.hunk(line);
    } else if (line.startsWith('@@')) this.hunk(line);
    else if (line.startsWith('+++ ')) file.path = stripPrefix(unquotePath(line.slice(4)));
    else if (line.startsWith('rename to ')) file.guess = unquotePath(line.slice(10));
    else if (line.startsWith('Binary files ')) file.skipped = 'binary';
    else if (/^(?:new file mode|deleted file mode|new mode|old mode|index \S+) 1[26]0000$/.test(line)) file.skipped = 'not-a-file';
  }

  private openCommit(line: string): void {
    this.closeCommit();
    const [ids = '', subject = ''] = line.slice(1).split(COMMIT_MARK);
    const [sha = '', ...parents] = ids.trim().split(' ');
    this.commit = { sha, parents: parents.filter(Boolean), subject };
    this.visitor.commit(this.commit);
  }

  private closeCommit(): void {
    this.closeFile();
    if (this.commit) this.visitor.endCommit(this.commit);
    this.commit = null;
  }

  private openFile(line: string): void {
    this.closeFile();
    if (!this.commit) throw new Error(`unexpected patch before the first commit: ${line.slice(0, 80)}`);
    this.file = { path: null, guess: symmetricPath(line.slice('diff --git '.length)), parts: [], lines: [], size: 0, skipped: null };
    this.inHunk = false;
  }

  private closeFile(): void {
    const file = this.file;
    if (!file) return;
    this.file = null;
    this.inHunk = false;
    this.visitor.file({ path: file.path ?? file.guess, text: file.parts.join('\n'), lines: file.lines, skipped: file.skipped });
  }

  private hunk(line: string): void {
    // `@@ -a,b +c,d @@`: added lines are numbered from c.
    const match = /^@@+ (?:-\d+(?:,\d+)? )+\+(\d+)/.exec(line);
    this.nextLine = match ? Number(match[1]) : 0;
    this.inHunk = true;
  }

  private added(file: NonNullable<PatchParser['file']>, text: string): void {
    const number = this.nextLine++;
    if (file.skipped) return;
    file.size += text.length + 1;
    if (file.size > this.sizeLimit) {
      file.skipped = 'too-large';
      file.parts = [];
      file.lines = [];
      return;
    }
    file.parts.push(text);
    file.lines.push(number);
  }
}

/** `a/p b/p` with the same path on both sides (the only case git prints for binary files without renames). */
function symmetricPath(rest: string): string | null {
  if (rest.startsWith('"')) return null;
  const half = (rest.length - 1) / 2;
  if (!Number.isInteger(half)) return null;
  const left = rest.slice(0, half);
  const right = rest.slice(half + 1);
  return left.startsWith('a/') && right.startsWith('b/') && left.slice(2) === right.slice(2) ? right.slice(2) : null;
}
