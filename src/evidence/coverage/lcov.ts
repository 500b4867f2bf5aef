import { checkedCounts, countHits } from './counts.js';
import { coverageInputError, excerpt } from './input-error.js';
import type { CoverageParseOptions, CoverageReport, FileCoverage } from './model.js';
import { createReportBuilder } from './report-builder.js';

/**
 * lcov tracefiles (`lcov.info` from vitest, jest, nyc, c8, genhtml/geninfo 1.x and 2.x).
 *
 * Counts are derived from the detail records (DA, FN/FNDA or FNL/FNA, BRDA), not from the summary
 * records (LF/LH, FNF/FNH, BRF/BRH): detail records can be merged when a file appears in several
 * records (tracefiles concatenated from several runs), and a report with the summaries missing is
 * still complete. A summary is used only when a record has no detail for that metric.
 *
 * Strictness: a malformed known record, detail outside an `SF:` record and a record left open at
 * the end of input (a truncated file) are errors. Unknown record types are skipped, because lcov
 * keeps adding them (VER, FNL, FNA, MCDC…) and older readers must keep working.
 */
export function parseLcov(text: string, sourceName: string, options?: CoverageParseOptions): CoverageReport {
  const files = new Map<string, FileTrace>();
  let current: FileTrace | null = null;
  let lineNo = 0;
  // Annotated so TypeScript narrows after a call, as it does after `throw`.
  const fail: (problem: string) => never = (problem) => {
    throw coverageInputError(sourceName, String(lineNo), problem);
  };
  for (const rawLine of text.split('\n')) {
    lineNo += 1;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const trimmed = lineNo === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1).trim() : line.trim();
    if (trimmed === '') continue;
    if (trimmed === 'end_of_record') {
      if (current === null) fail('end_of_record without SF');
      current = null;
      continue;
    }
    const colon = trimmed.indexOf(':');
    const tag = colon === -1 ? '' : trimmed.slice(0, colon);
    if (!/^[A-Z]+$/.test(tag)) fail(`unrecognised line ${excerpt(trimmed)}`);
    const value = trimmed.slice(colon + 1);
    if (tag === 'SF') {
      if (current !== null) fail(`SF before end_of_record of ${JSON.stringify(current.rawPath)}`);
      if (value.trim() === '') fail('empty SF path');
      current = files.get(value) ?? newTrace(value, lineNo);
      files.set(value, current);
      continue;
    }
    if (tag === 'TN' || tag === 'VER') continue;
    if (!DETAIL_TAGS.has(tag)) continue;
    if (current === null) fail(`${tag} outside an SF record`);
    const problem = applyRecord(current, tag, value);
    if (problem !== null) fail(`${tag}: ${problem} in ${excerpt(trimmed)}`);
  }
  if (current !== null) {
    throw coverageInputError(sourceName, String(current.firstLine), `record for ${JSON.stringify(current.rawPath)} has no end_of_record (truncated?)`);
  }
  const builder = createReportBuilder('lcov', sourceName, options);
  for (const trace of files.values()) builder.add(trace.rawPath, toFileCoverage(trace, sourceName), String(trace.firstLine));
  return builder.finish(null);
}

interface Summary {
  found: number | null;
  hit: number | null;
  line: number;
}

/** Everything the records of one source file said, merged across repeated records of that file. */
interface FileTrace {
  rawPath: string;
  firstLine: number;
  lines: Map<number, number>;
  /** Keyed by function name (FN/FNDA) or by `#index` (FNL/FNA). */
  functions: Map<string, number>;
  /** Keyed by `line,block,branch`; `-` (never evaluated) is 0. */
  branches: Map<string, number>;
  lineSummary: Summary;
  functionSummary: Summary;
  branchSummary: Summary;
}

const DETAIL_TAGS = new Set(['DA', 'LF', 'LH', 'FN', 'FNDA', 'FNF', 'FNH', 'FNL', 'FNA', 'BRDA', 'BRF', 'BRH']);

function newTrace(rawPath: string, firstLine: number): FileTrace {
  const summary = (): Summary => ({ found: null, hit: null, line: firstLine });
  return {
    rawPath,
    firstLine,
    lines: new Map(),
    functions: new Map(),
    branches: new Map(),
    lineSummary: summary(),
    functionSummary: summary(),
    branchSummary: summary(),
  };
}

const COUNT = /^\d+$/;

function count(text: string | undefined): number | null {
  if (text === undefined || !COUNT.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/** Some producers (gcov via lcov, Bun) write float hit counts such as `1.0`; only finite non-negatives are hits. */
function hits(text: string | undefined): number | null {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** Applies one detail record; returns a problem description, or null when it was well-formed. */
function applyRecord(trace: FileTrace, tag: string, value: string): string | null {
  const parts = value.split(',');
  switch (tag) {
    case 'DA': {
      // DA:<line>,<hits>[,<checksum>]
      const line = count(parts[0]);
      const hit = hits(parts[1]);
      if (line === null || hit === null || parts.length > 3) return 'expected <line>,<hits>';
      trace.lines.set(line, Math.max(trace.lines.get(line) ?? 0, hit));
      return null;
    }
    case 'FN': {
      // FN:<line>[,<end line>],<name>; the name itself may contain commas (C++ signatures).
      const line = count(parts[0]);
      if (line === null || parts.length < 2) return 'expected <line>,<name>';
      const name = count(parts[1]) !== null && parts.length > 2 ? parts.slice(2).join(',') : parts.slice(1).join(',');
      if (!trace.functions.has(name)) trace.functions.set(name, 0);
      return null;
    }
    case 'FNDA': {
      const hit = hits(parts[0]);
      if (hit === null || parts.length < 2) return 'expected <hits>,<name>';
      const name = parts.slice(1).join(',');
      trace.functions.set(name, Math.max(trace.functions.get(name) ?? 0, hit));
      return null;
    }
    case 'FNL': {
      // lcov 2.x: FNL:<index>,<line>[,<end line>] declares a function…
      if (count(parts[0]) === null || count(parts[1]) === null) return 'expected <index>,<line>';
      const key = `#${parts[0]}`;
      if (!trace.functions.has(key)) trace.functions.set(key, 0);
      return null;
    }
    case 'FNA': {
      // …and FNA:<index>,<hits>,<alias> its hit count under each alias; the function is hit if any alias is.
      const hit = hits(parts[1]);
      if (count(parts[0]) === null || hit === null || parts.length < 3) return 'expected <index>,<hits>,<name>';
      const key = `#${parts[0]}`;
      trace.functions.set(key, Math.max(trace.functions.get(key) ?? 0, hit));
      return null;
    }
    case 'BRDA': {
      // BRDA:<line>,[e]<block>,<branch>,<taken>; lcov 2.x branch ids may be expressions containing commas.
      const line = count(parts[0]);
      const taken = parts[parts.length - 1];
      if (line === null || parts.length < 4 || taken === undefined) return 'expected <line>,<block>,<branch>,<taken>';
      const hit = taken === '-' ? 0 : hits(taken);
      if (hit === null) return 'expected <taken> to be a count or -';
      const key = parts.slice(0, -1).join(',');
      trace.branches.set(key, Math.max(trace.branches.get(key) ?? 0, hit));
      return null;
    }
    default:
      return applySummary(trace, tag, value);
  }
}

function applySummary(trace: FileTrace, tag: string, value: string): string | null {
  const n = count(value);
  if (n === null) return 'expected a non-negative integer';
  const summary = tag.startsWith('L') ? trace.lineSummary : tag.startsWith('FN') ? trace.functionSummary : trace.branchSummary;
  if (tag.endsWith('F')) summary.found = n;
  else summary.hit = n;
  return null;
}

function toFileCoverage(trace: FileTrace, sourceName: string): FileCoverage {
  const metric = (detail: Map<unknown, number>, summary: Summary) => {
    if (detail.size > 0) return countHits(detail.values());
    // No detail records: trust the summary pair if the producer wrote both halves of it.
    if (summary.found !== null && summary.hit !== null) return checkedCounts(sourceName, String(summary.line), summary.found, summary.hit);
    if (summary.found !== null || summary.hit !== null) {
      throw coverageInputError(sourceName, String(summary.line), `record for ${JSON.stringify(trace.rawPath)} has half a summary (found/hit) and no detail records`);
    }
    return { total: 0, covered: 0 };
  };
  return {
    lines: metric(trace.lines, trace.lineSummary),
    // lcov has no statement records; vitest/istanbul's "statements" are not recoverable from it.
    statements: null,
    functions: metric(trace.functions, trace.functionSummary),
    branches: metric(trace.branches, trace.branchSummary),
  };
}
