import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Files of one commit: path → content. A `null` content deletes the file. */
export type FileMap = Record<string, string | Buffer | null>;

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** A real git repository in a temporary folder, for tests. */
export class GitFixture {
  readonly dir: string;

  constructor(options: { bare?: boolean } = {}) {
    this.dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-test-'));
    this.git('init', '-q', '-b', 'main', ...(options.bare ? ['--bare'] : []));
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: GIT_ENV, encoding: 'utf8', maxBuffer: 1 << 28 }).trimEnd();
  }

  /** Write files (relative to the root), replacing the whole tree when `replace` is set. */
  write(files: FileMap, options: { replace?: boolean } = {}): void {
    if (options.replace) {
      for (const entry of this.git('ls-files', '-z').split('\0').filter(Boolean)) rmSync(path.join(this.dir, entry), { force: true });
    }
    for (const [file, content] of Object.entries(files)) {
      const target = path.join(this.dir, file);
      if (content === null) {
        rmSync(target, { force: true });
        continue;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }

  /** Commit the given files (on top of the current tree, or as the whole tree with `replace`). */
  commit(files: FileMap, message = 'change', options: { replace?: boolean } = {}): string {
    this.write(files, options);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '--no-verify', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
