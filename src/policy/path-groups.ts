import picomatch from 'picomatch';

/** Named sets of paths the policy can talk about. Each is a list of globs (picomatch, `dot: true`). */
export interface PathGroupGlobs {
  tests: string[];
  generated: string[];
  vendored: string[];
  /** Extra files whose change needs a human, beside CODEOWNERS and agent instruction files. */
  protected: string[];
}

export const DEFAULT_PATH_GROUPS: PathGroupGlobs = {
  tests: [
    '**/*.{test,spec}.{js,jsx,mjs,cjs,ts,tsx,mts,cts}',
    '**/*-{test,spec}.{js,jsx,mjs,cjs,ts,tsx,mts,cts}',
    '**/__tests__/**',
    '**/{test,tests,spec,e2e}/**',
    '**/test_*.py',
    '**/*_test.py',
    '**/conftest.py',
  ],
  generated: [
    '**/{dist,build,coverage,.next,__generated__}/**',
    '**/*.min.{js,css}',
    '**/*.generated.*',
    '**/*.{pb,gen}.{ts,js}',
  ],
  vendored: ['**/{node_modules,vendor,third_party,third-party,bower_components}/**'],
  protected: [],
};

/** Compiled path groups: ask whether a path belongs to a group. */
export interface PathGroups {
  readonly globs: PathGroupGlobs;
  isTest(path: string): boolean;
  isGenerated(path: string): boolean;
  isVendored(path: string): boolean;
  isProtected(path: string): boolean;
}

export function compilePathGroups(globs: PathGroupGlobs): PathGroups {
  const match = (patterns: string[]) => (patterns.length === 0 ? () => false : picomatch(patterns, { dot: true }));
  const tests = match(globs.tests);
  const generated = match(globs.generated);
  const vendored = match(globs.vendored);
  const protectedFiles = match(globs.protected);
  return {
    globs,
    isTest: (path) => tests(path),
    isGenerated: (path) => generated(path),
    isVendored: (path) => vendored(path),
    isProtected: (path) => protectedFiles(path),
  };
}
