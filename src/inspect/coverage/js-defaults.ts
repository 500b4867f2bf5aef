/**
 * Default values of the JS coverage tools, per version, as read from each tool's source. Every
 * table names the file and tag it was read from; update by reading the new tag, never by guess.
 */

export interface VitestDefaults {
  major: number;
  /** Label used as the origin of default patterns. */
  label: string;
  /** `coverage.exclude` default (`coverageConfigDefaults.exclude`). */
  coverageExclude: readonly string[];
  /** `coverage.extension` default; null when the option does not exist (v4). */
  extension: readonly string[] | null;
  /** `coverage.all` default; null when the option was removed (v4: without `include`, only loaded files). */
  all: boolean | null;
  /** Test-file `include` default (`configDefaults.include`). */
  testInclude: readonly string[];
  /** Test-file `exclude` default (`configDefaults.exclude`). */
  testExclude: readonly string[];
  /** Whether vitest adds the test `include` globs to `coverage.exclude` (resolveConfig.ts). */
  excludesTestFiles: boolean;
  /** Thresholds live in `coverage.thresholds` (v1+) rather than directly in `coverage` (v0). */
  thresholdsObject: boolean;
}

const JS_EXTENSIONS_V0 = ['.js', '.cjs', '.mjs', '.ts', '.mts', '.cts', '.tsx', '.jsx', '.vue', '.svelte'];
const TEST_INCLUDE = ['**/*.{test,spec}.?(c|m)[jt]s?(x)'];
const TEST_EXCLUDE_V0 = ['**/node_modules/**', '**/dist/**', '**/cypress/**', '**/.{idea,git,cache,output,temp}/**', '**/{karma,rollup,webpack,vite,vitest,jest,ava,babel,nyc,cypress,tsup,build}.config.*'];
const TEST_EXCLUDE_V1 = ['**/node_modules/**', '**/dist/**', '**/cypress/**', '**/.{idea,git,cache,output,temp}/**', '**/{karma,rollup,webpack,vite,vitest,jest,ava,babel,nyc,cypress,tsup,build,eslint,prettier}.config.*'];

// vitest-dev/vitest packages/vitest/src/defaults.ts at v0.34.0 (defaultCoverageExcludes; no `all` → false).
const COVERAGE_EXCLUDE_V0 = [
  'coverage/**',
  'dist/**',
  'packages/*/test?(s)/**',
  '**/*.d.ts',
  '**/virtual:*',
  '**/__x00__*',
  '**/\x00*',
  'cypress/**',
  'test?(s)/**',
  'test?(-*).?(c|m)[jt]s?(x)',
  '**/*{.,-}{test,spec}.?(c|m)[jt]s?(x)',
  '**/__tests__/**',
  '**/{karma,rollup,webpack,vite,vitest,jest,ava,babel,nyc,cypress,tsup,build}.config.*',
  '**/.{eslint,mocha,prettier}rc.{?(c|m)js,yml}',
];

// packages/vitest/src/defaults.ts at v1.6.0.
const COVERAGE_EXCLUDE_V1 = [
  'coverage/**',
  'dist/**',
  '**/[.]**',
  'packages/*/test?(s)/**',
  '**/*.d.ts',
  '**/virtual:*',
  '**/__x00__*',
  '**/\x00*',
  'cypress/**',
  'test?(s)/**',
  'test?(-*).?(c|m)[jt]s?(x)',
  '**/*{.,-}{test,spec}?(-d).?(c|m)[jt]s?(x)',
  '**/__tests__/**',
  '**/{karma,rollup,webpack,vite,vitest,jest,ava,babel,nyc,cypress,tsup,build}.config.*',
  '**/vitest.{workspace,projects}.[jt]s?(on)',
  '**/.{eslint,mocha,prettier}rc.{?(c|m)js,yml}',
];

// packages/vitest/src/defaults.ts at v2.1.0 and v3.2.0 (identical lists).
const COVERAGE_EXCLUDE_V2 = [
  'coverage/**',
  'dist/**',
  '**/node_modules/**',
  '**/[.]**',
  'packages/*/test?(s)/**',
  '**/*.d.ts',
  '**/virtual:*',
  '**/__x00__*',
  '**/\x00*',
  'cypress/**',
  'test?(s)/**',
  'test?(-*).?(c|m)[jt]s?(x)',
  '**/*{.,-}{test,spec,bench,benchmark}?(-d).?(c|m)[jt]s?(x)',
  '**/__tests__/**',
  '**/{karma,rollup,webpack,vite,vitest,jest,ava,babel,nyc,cypress,tsup,build,eslint,prettier}.config.*',
  '**/vitest.{workspace,projects}.[jt]s?(on)',
  '**/.{eslint,mocha,prettier}rc.{?(c|m)js,yml}',
];

export const VITEST_DEFAULTS: readonly VitestDefaults[] = [
  // v0.34.0 defaults.ts: all unset (false), thresholds directly under `coverage` (types/coverage.ts).
  { major: 0, label: 'vitest@0.34', coverageExclude: COVERAGE_EXCLUDE_V0, extension: JS_EXTENSIONS_V0, all: false, testInclude: TEST_INCLUDE, testExclude: TEST_EXCLUDE_V0, excludesTestFiles: false, thresholdsObject: false },
  // v1.6.0 defaults.ts: all: true; `.marko` added; thresholds moved to `coverage.thresholds` (v1.0.0 types/coverage.ts).
  { major: 1, label: 'vitest@1.6', coverageExclude: COVERAGE_EXCLUDE_V1, extension: [...JS_EXTENSIONS_V0, '.marko'], all: true, testInclude: TEST_INCLUDE, testExclude: TEST_EXCLUDE_V1, excludesTestFiles: false, thresholdsObject: true },
  // v2.1.0 defaults.ts: `.cts` no longer in the extension list.
  { major: 2, label: 'vitest@2.1', coverageExclude: COVERAGE_EXCLUDE_V2, extension: ['.js', '.cjs', '.mjs', '.ts', '.mts', '.tsx', '.jsx', '.vue', '.svelte', '.marko'], all: true, testInclude: TEST_INCLUDE, testExclude: TEST_EXCLUDE_V1, excludesTestFiles: false, thresholdsObject: true },
  // v3.2.0 defaults.ts: `.astro` added; node/config/resolveConfig.ts (v3.0.0+) pushes the test `include` into coverage.exclude.
  { major: 3, label: 'vitest@3.2', coverageExclude: COVERAGE_EXCLUDE_V2, extension: ['.js', '.cjs', '.mjs', '.ts', '.mts', '.tsx', '.jsx', '.vue', '.svelte', '.marko', '.astro'], all: true, testInclude: TEST_INCLUDE, testExclude: TEST_EXCLUDE_V1, excludesTestFiles: true, thresholdsObject: true },
  // v4.0.0 defaults.ts: coverage.exclude [], no `all`, no `extension`; node/coverage.ts: without include only loaded
  // files are reported; resolveConfig.ts adds test include, setup files, config files and **/node_modules/** to exclude.
  { major: 4, label: 'vitest@4.0', coverageExclude: [], extension: null, all: null, testInclude: TEST_INCLUDE, testExclude: ['**/node_modules/**', '**/.git/**'], excludesTestFiles: true, thresholdsObject: true },
];

export function vitestDefaults(major: number | null): { defaults: VitestDefaults; assumed: boolean } {
  const exact = major === null ? undefined : VITEST_DEFAULTS.find((entry) => entry.major === major);
  return exact ? { defaults: exact, assumed: false } : { defaults: VITEST_DEFAULTS[VITEST_DEFAULTS.length - 1]!, assumed: true };
}

// jestjs/jest packages/jest-config/src/Defaults.ts (30.x): coveragePathIgnorePatterns: [NODE_MODULES_REGEXP],
// where constants.ts NODE_MODULES = `${path.sep}node_modules${path.sep}` ('/node_modules/' on POSIX).
export const JEST_DEFAULT_COVERAGE_PATH_IGNORE = ['/node_modules/'] as const;

// istanbuljs/schema default-exclude.js and default-extension.js (0.1.3, used by nyc 15–18 and c8 7–11 via test-exclude).
export const ISTANBUL_DEFAULT_EXTENSION = ['.js', '.cjs', '.mjs', '.ts', '.tsx', '.jsx'] as const;
const TEST_FILE_EXTENSIONS = ISTANBUL_DEFAULT_EXTENSION.map((extension) => extension.slice(1)).join(',');
export const ISTANBUL_DEFAULT_EXCLUDE = [
  'coverage/**',
  'packages/*/test{,s}/**',
  '**/*.d.ts',
  'test{,s}/**',
  `test{,-*}.{${TEST_FILE_EXTENSIONS}}`,
  `**/*{.,-}test.{${TEST_FILE_EXTENSIONS}}`,
  '**/__tests__/**',
  '**/{ava,babel,nyc}.config.{js,cjs,mjs}',
  '**/jest.config.{js,cjs,mjs,ts}',
  '**/{karma,rollup,webpack}.config.js',
  '**/.{eslint,mocha}rc.{js,cjs}',
] as const;

/**
 * istanbuljs/schema index.js (checkCoverage section) and bcoe/c8 lib/parse-args.js (11.0.0): thresholds
 * default to lines 90 and 0 for the rest, and are only checked with `check-coverage` (default false).
 * `all` defaults to false; `excludeNodeModules` to true (test-exclude then adds `**\/node_modules/**`).
 */
export const ISTANBUL_THRESHOLD_DEFAULTS = { lines: 90, functions: 0, branches: 0, statements: 0 } as const;

/**
 * Shared nyc configs resolved by `extends`, reduced to the settings that change scope or thresholds.
 * `@istanbuljs/nyc-config-typescript` 1.0.2 index.js (npm tarball): `{ cache: false, parserPlugins }` only.
 * `@istanbuljs/nyc-config-babel` (istanbuljs/istanbuljs packages/nyc-config-babel/index.json): `sourceMap`, `instrument`, `require` only.
 */
export const NYC_SHARED_CONFIGS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  '@istanbuljs/nyc-config-typescript': {},
  '@istanbuljs/nyc-config-babel': {},
};
