import { createRequire } from 'node:module';

/** The package version, read once from package.json (two levels up from dist/src/core or src/core). */
function readVersion(): string {
  const require = createRequire(import.meta.url);
  for (const candidate of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === 'gatehouse' && pkg.version) return pkg.version;
    } catch {
      // Not at this depth; try the next.
    }
  }
  return '0.0.0';
}

export const VERSION = readVersion();
