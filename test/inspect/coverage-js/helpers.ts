import type { ConfigSource } from '../../../src/inspect/coverage/model.js';

export function repo(files: Record<string, string>): ConfigSource {
  return { paths: Object.keys(files), read: (path) => files[path] ?? null };
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Patterns as plain strings, for compact assertions. */
export function names(patterns: readonly { pattern: string }[] | 'dynamic'): string[] | 'dynamic' {
  return patterns === 'dynamic' ? 'dynamic' : patterns.map((pattern) => pattern.pattern);
}
