import { readFileSync } from 'node:fs';

import { expect } from 'vitest';

import { InputError } from '../../src/core/errors.js';
import { COVERAGE_METRICS, type CoverageReport } from '../../src/evidence/coverage/index.js';

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** The error a parser threw, or a failed expectation when it did not throw. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  expect.fail('expected the parser to throw');
}

/** Runs `run` and asserts it threw an InputError with a single-line message naming the source. */
export function inputError(run: () => unknown, sourceName: string): string {
  const error = thrown(run);
  expect(error).toBeInstanceOf(InputError);
  const message = (error as InputError).message;
  expect(message).not.toMatch(/[\r\n]/);
  expect(message.startsWith(sourceName)).toBe(true);
  return message;
}

/** What every parser promises for a result it returns: files, sane paths, sane integer counts. */
export function expectWellFormed(report: CoverageReport): void {
  expect(report.files.size).toBeGreaterThan(0);
  for (const [path, file] of report.files) {
    expect(typeof path).toBe('string');
    expect(path.length).toBeGreaterThan(0);
    for (const metric of COVERAGE_METRICS) {
      const counts = file[metric];
      if (counts === null) continue;
      expect(Number.isSafeInteger(counts.total) && Number.isSafeInteger(counts.covered)).toBe(true);
      expect(counts.covered >= 0 && counts.covered <= counts.total).toBe(true);
    }
  }
}

/**
 * The fuzz property: either a well-formed report or an InputError with a one-line message —
 * never another error type, never an empty report. Returns which of the two happened.
 */
export function parsesOrRejects(run: () => CoverageReport, sourceName: string): 'parsed' | 'rejected' {
  let report: CoverageReport;
  try {
    report = run();
  } catch (error) {
    if (!(error instanceof InputError)) throw new Error(`not an InputError: ${String(error)}`, { cause: error });
    if (/[\r\n]/.test(error.message) || !error.message.startsWith(sourceName)) throw new Error(`bad message: ${JSON.stringify(error.message)}`, { cause: error });
    return 'rejected';
  }
  expectWellFormed(report);
  return 'parsed';
}

/** mulberry32: a tiny seeded PRNG so every fuzz run is reproducible from its seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `text` with one to three UTF-16 code units replaced, half of them from `alphabet` (the
 * characters a format's syntax hangs on), half at random, so lone surrogates are included.
 */
export function flipped(text: string, random: () => number, alphabet: readonly string[]): string {
  let out = text;
  const flips = 1 + Math.floor(random() * 3);
  for (let f = 0; f < flips; f += 1) {
    const at = Math.floor(random() * out.length);
    const ch = random() < 0.5 ? alphabet[Math.floor(random() * alphabet.length)]! : String.fromCharCode(Math.floor(random() * 0xffff));
    out = out.slice(0, at) + ch + out.slice(at + 1);
  }
  return out;
}
