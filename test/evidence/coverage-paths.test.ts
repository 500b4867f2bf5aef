import { describe, expect, it } from 'vitest';

import { createPathResolver, toPosix } from '../../src/evidence/coverage/paths.js';

describe('coverage report paths', () => {
  it('normalises separators, dots and drive letters', () => {
    expect(toPosix('.\\src\\a.ts')).toBe('src/a.ts');
    expect(toPosix('src//x/../a.ts')).toBe('src/a.ts');
    expect(toPosix('C:\\Repo\\src\\a.ts')).toBe('c:/Repo/src/a.ts');
    expect(toPosix('file:///ci/app/src/a.ts')).toBe('/ci/app/src/a.ts');
  });

  it('strips the repository root', () => {
    const resolver = createPathResolver({ repoRoot: '/ci/app/' });
    expect(resolver.resolve('/ci/app/src/a.ts')).toBe('src/a.ts');
    expect(resolver.resolve('/ci/application/src/a.ts')).toBe('/ci/application/src/a.ts');
    expect(resolver.isUnresolved('/ci/application/src/a.ts')).toBe(true);
  });

  it('maps absolute paths onto the longest known path they end with', () => {
    const resolver = createPathResolver({ knownPaths: new Set(['src/a.ts', 'packages/web/src/a.ts', 'a.ts']) });
    expect(resolver.resolve('/home/runner/work/app/app/packages/web/src/a.ts')).toBe('packages/web/src/a.ts');
    expect(resolver.resolve('/tmp/build/src/a.ts')).toBe('src/a.ts');
    expect(resolver.resolve('/tmp/build/lib/b.ts')).toBe('/tmp/build/lib/b.ts');
  });

  it('maps a relative path from a sub-package onto the one known path it ends with, never guessing between two', () => {
    const resolver = createPathResolver({ knownPaths: new Set(['packages/web/src/a.ts', 'packages/api/src/a.ts', 'packages/web/src/b.ts']) });
    expect(resolver.resolve('src/b.ts')).toBe('packages/web/src/b.ts');
    expect(resolver.resolve('src/a.ts')).toBe('src/a.ts');
  });
});
