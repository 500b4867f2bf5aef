import { c8Reader } from './c8.js';
import { cliFlagsReader } from './cli-flags.js';
import { jestReader } from './jest.js';
import type { CoverageReader } from './model.js';
import { nycReader } from './nyc.js';
import { coveragePyReader } from './python/coverage-py.js';
import { pytestCovReader } from './python/pytest-cov.js';
import { thresholdFilesReader } from './threshold-files.js';
import { vitestReader } from './vitest.js';

/** Every coverage reader, one per tool. Supporting a new tool means adding its reader here. */
export const COVERAGE_READERS: readonly CoverageReader[] = [
  vitestReader,
  jestReader,
  nycReader,
  c8Reader,
  coveragePyReader,
  pytestCovReader,
  thresholdFilesReader,
  cliFlagsReader,
];
