import { parseCobertura } from './cobertura.js';
import { coveragePyFromJson } from './coverage-py.js';
import { coverageInputError } from './input-error.js';
import { istanbulFinalFromJson } from './istanbul-final.js';
import { istanbulSummaryFromJson } from './istanbul-summary.js';
import { isObject, own, parseJson, stripBom } from './json.js';
import { parseLcov } from './lcov.js';
import type { CoverageFormat, CoverageParseOptions, CoverageReport } from './model.js';

/**
 * Which format a report is in, from its content only: CI artefacts are often renamed
 * (`coverage-head.json`, `report.xml`), so the file name proves nothing.
 *
 * - `<` first: cobertura when the document has a `<coverage>` element (JUnit, JaCoCo and Clover
 *   XML do not).
 * - `{` first: parsed as JSON; coverage.py has `meta` and `files`; istanbul summary has `total`
 *   (or per-file `lines`/`statements` objects); istanbul final has per-file `statementMap`/`s`.
 * - otherwise lcov when the first non-blank line is a `TN:`, `SF:` or `VER:` record.
 *
 * Returns null when none fits, including JSON that does not parse.
 */
export function detectCoverageFormat(text: string): CoverageFormat | null {
  const body = stripBom(text).trimStart();
  if (body.startsWith('{')) {
    try {
      return detectJsonFormat(JSON.parse(body) as unknown);
    } catch {
      return null;
    }
  }
  return detectTextFormat(body);
}

/** Detects and parses in one go; JSON is parsed once, and a JSON syntax error keeps its position. */
export function parseCoverageReport(text: string, sourceName: string, options?: CoverageParseOptions): CoverageReport {
  const body = stripBom(text).trimStart();
  if (body === '') throw coverageInputError(sourceName, '', 'empty input: no files in report');
  if (body.startsWith('{')) {
    const value = parseJson(text, sourceName);
    const format = detectJsonFormat(value);
    if (format === 'coverage.py') return coveragePyFromJson(value, sourceName, options);
    if (format === 'istanbul-summary') return istanbulSummaryFromJson(value, sourceName, options);
    if (format === 'istanbul-final') return istanbulFinalFromJson(value, sourceName, options);
    if (isObject(value) && Object.keys(value).length === 0) throw coverageInputError(sourceName, '', 'empty JSON object: no files in report');
    throw unknownFormat(sourceName);
  }
  const format = detectTextFormat(body);
  if (format === 'cobertura') return parseCobertura(text, sourceName, options);
  if (format === 'lcov') return parseLcov(text, sourceName, options);
  throw unknownFormat(sourceName);
}

function unknownFormat(sourceName: string) {
  return coverageInputError(
    sourceName,
    '',
    'not a coverage report Gatehouse reads (lcov, istanbul coverage-final.json or coverage-summary.json, cobertura XML, coverage.py JSON)',
  );
}

function detectTextFormat(body: string): CoverageFormat | null {
  // A bounded prefix: detection must stay cheap on a report of hundreds of megabytes.
  const head = body.slice(0, 64 * 1024);
  if (head.startsWith('<')) return /<coverage[\s>/]/.test(head) ? 'cobertura' : null;
  const firstLine = head.split('\n', 1)[0]!.trim();
  return /^(TN|SF|VER):/.test(firstLine) ? 'lcov' : null;
}

function detectJsonFormat(value: unknown): CoverageFormat | null {
  if (!isObject(value)) return null;
  if (isObject(own(value, 'meta')) && isObject(own(value, 'files'))) return 'coverage.py';
  const total = own(value, 'total');
  if (isObject(total) && isObject(own(total, 'lines'))) return 'istanbul-summary';
  const first = Object.values(value)[0];
  if (!isObject(first)) return null;
  if (own(first, 'statementMap') !== undefined || own(first, 's') !== undefined) return 'istanbul-final';
  if (isObject(own(first, 'lines')) && isObject(own(first, 'statements'))) return 'istanbul-summary';
  return null;
}
