import type { ConfigSource } from '../../../src/inspect/coverage/model.js';

/** An in-memory revision: path → text. */
export function memorySource(files: Record<string, string>): ConfigSource {
  return { paths: Object.keys(files), read: (path) => files[path] ?? null };
}
