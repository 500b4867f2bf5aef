import { posix } from 'node:path';

import { checkedCounts, countHits } from './counts.js';
import { coverageInputError } from './input-error.js';
import type { Counts, CoverageParseOptions, CoverageReport, FileCoverage } from './model.js';
import { stripBom } from './json.js';
import { createPathResolver, isAbsolute, toPosix } from './paths.js';
import { createReportBuilder } from './report-builder.js';
import { attr, elements, readXml, type XmlNode } from '../xml.js';

/**
 * Cobertura XML (coverage.py / pytest-cov `coverage xml`, istanbul's `cobertura` reporter, Java
 * cobertura, gcovr). Files are `<class filename>`; several classes may share a file (Java inner
 * classes), so their lines are merged by line number. Lines and branches come from `<line>`
 * elements (`condition-coverage="50% (1/2)"`); functions from `<method>` elements when the writer
 * emits any (coverage.py never does: then functions are null); cobertura has no statements.
 */
export function parseCobertura(input: string, sourceName: string, options?: CoverageParseOptions): CoverageReport {
  const text = stripBom(input);
  const root = readXml(text, sourceName, { repeated: REPEATED });
  const coverage = elements(root, 'coverage')[0];
  if (coverage === undefined) throw coverageInputError(sourceName, '', 'no <coverage> root element: not a cobertura report');
  const ctx: Context = { sourceName, sources: sourcesOf(coverage), resolver: createPathResolver(options), knownPaths: options?.knownPaths };
  const traces = collectFiles(ctx, coverage);
  const anyMethods = [...traces.values()].some((t) => t.methods.size > 0);
  const builder = createReportBuilder('cobertura', sourceName, options);
  for (const trace of traces.values()) builder.add(trace.path, toFileCoverage(trace, anyMethods), trace.where);
  return builder.finish(statedTotals(ctx, coverage));
}


interface Context {
  readonly sourceName: string;
  readonly sources: readonly string[];
  readonly resolver: ReturnType<typeof createPathResolver>;
  readonly knownPaths: ReadonlySet<string> | undefined;
}

interface FileTrace {
  path: string;
  where: string;
  lines: Map<number, number>;
  /** Per line, the best branch figure any class reported for it. */
  branches: Map<number, Counts>;
  methods: Map<string, boolean>;
}

const REPEATED = new Set(['source', 'package', 'class', 'line', 'method']);

function textOf(node: XmlNode | string): string {
  if (typeof node === 'string') return node;
  const text = Object.hasOwn(node, '#text') ? node['#text'] : undefined;
  return typeof text === 'string' ? text : '';
}

function sourcesOf(coverage: XmlNode): string[] {
  const sources = elements(coverage, 'sources')[0];
  const raw = sources === undefined || !Object.hasOwn(sources, 'source') ? [] : sources.source;
  const list = Array.isArray(raw) ? (raw as unknown[]) : [];
  return list
    .map((s) => (typeof s === 'string' || (typeof s === 'object' && s !== null) ? textOf(s as XmlNode | string).trim() : ''))
    .filter((s) => s !== '');
}

function collectFiles(ctx: Context, coverage: XmlNode): Map<string, FileTrace> {
  const traces = new Map<string, FileTrace>();
  elements(elements(coverage, 'packages')[0], 'package').forEach((pkg, p) => {
    elements(elements(pkg, 'classes')[0], 'class').forEach((cls, c) => {
      const where = `/coverage/packages/package[${p + 1}]/classes/class[${c + 1}]`;
      const filename = attr(cls, 'filename');
      if (filename === undefined || filename.trim() === '') throw coverageInputError(ctx.sourceName, where, 'class without a filename');
      const path = withSource(ctx, filename);
      const trace = traces.get(path) ?? { path, where, lines: new Map(), branches: new Map(), methods: new Map() };
      traces.set(path, trace);
      addLines(ctx, trace, elements(elements(cls, 'lines')[0], 'line'), `${where}/lines`);
      addMethods(ctx, trace, cls, where);
    });
  });
  return traces;
}

/**
 * Filenames are relative to one of `<sources>`. The source chosen is the first that puts the file
 * on a known repository path, else the first that puts it under the repository root, else the
 * first; without sources the filename is used as written.
 */
function withSource(ctx: Context, filename: string): string {
  const name = toPosix(filename);
  if (isAbsolute(name) || ctx.sources.length === 0) return name;
  const candidates = ctx.sources.map((source) => posix.join(toPosix(source), name));
  const known = ctx.knownPaths;
  const onKnown = known === undefined ? undefined : candidates.find((c) => known.has(ctx.resolver.resolve(c)));
  return onKnown ?? candidates.find((c) => !ctx.resolver.isUnresolved(ctx.resolver.resolve(c))) ?? candidates[0]!;
}

const CONDITION = /^\s*\d+(?:\.\d+)?%\s*\((\d+)\/(\d+)\)\s*$/;

function addLines(ctx: Context, trace: FileTrace, lines: readonly XmlNode[], where: string): void {
  lines.forEach((line, i) => {
    const at = `${where}/line[${i + 1}]`;
    const number = integer(ctx, line, 'number', at);
    const hits = integer(ctx, line, 'hits', at);
    trace.lines.set(number, Math.max(trace.lines.get(number) ?? 0, hits));
    if (attr(line, 'branch') !== 'true') return;
    const condition = CONDITION.exec(attr(line, 'condition-coverage') ?? '');
    if (condition === null) throw coverageInputError(ctx.sourceName, at, 'branch line without condition-coverage "N% (covered/total)"');
    const counts = checkedCounts(ctx.sourceName, at, Number(condition[2]), Number(condition[1]));
    const previous = trace.branches.get(number);
    if (previous === undefined || counts.covered > previous.covered || counts.total > previous.total) trace.branches.set(number, counts);
  });
}

/** A method is covered when its `hits` says so (istanbul), else when any of its lines ran (Java cobertura). */
function addMethods(ctx: Context, trace: FileTrace, cls: XmlNode, where: string): void {
  elements(elements(cls, 'methods')[0], 'method').forEach((method, m) => {
    const at = `${where}/methods/method[${m + 1}]`;
    const key = `${attr(cls, 'name') ?? ''}#${attr(method, 'name') ?? ''}${attr(method, 'signature') ?? ''}#${m}`;
    const hits = attr(method, 'hits') === undefined ? null : integer(ctx, method, 'hits', at);
    const lines = elements(elements(method, 'lines')[0], 'line');
    const covered = hits !== null ? hits > 0 : lines.some((line, i) => integer(ctx, line, 'hits', `${at}/lines/line[${i + 1}]`) > 0);
    trace.methods.set(key, covered);
  });
}

function integer(ctx: Context, node: XmlNode, name: string, where: string): number {
  const value = attr(node, name);
  const n = value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    throw coverageInputError(ctx.sourceName, where, value === undefined ? `missing ${name}` : `${name} ${JSON.stringify(value.slice(0, 30))} is not a non-negative integer`);
  }
  return n;
}

function toFileCoverage(trace: FileTrace, anyMethods: boolean): FileCoverage {
  let branchTotal = 0;
  let branchCovered = 0;
  for (const counts of trace.branches.values()) {
    branchTotal += counts.total;
    branchCovered += counts.covered;
  }
  return {
    lines: countHits(trace.lines.values()),
    statements: null,
    functions: anyMethods ? countHits([...trace.methods.values()].map((covered) => (covered ? 1 : 0))) : null,
    branches: { total: branchTotal, covered: branchCovered },
  };
}

/** The root's own `lines-valid`/`lines-covered` and `branches-*` counts, when the writer gave them. */
function statedTotals(ctx: Context, coverage: XmlNode): FileCoverage | null {
  const pair = (kind: string) =>
    attr(coverage, `${kind}-valid`) === undefined || attr(coverage, `${kind}-covered`) === undefined
      ? null
      : checkedCounts(ctx.sourceName, '/coverage', integer(ctx, coverage, `${kind}-valid`, '/coverage'), integer(ctx, coverage, `${kind}-covered`, '/coverage'));
  const lines = pair('lines');
  const branches = pair('branches');
  return lines === null && branches === null ? null : { lines, statements: null, functions: null, branches };
}
