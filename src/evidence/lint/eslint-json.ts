import { coverageInputError } from '../coverage/input-error.js';
import { describe, expectArray, expectObject, field, isObject, jsonPath, own, parseJson, type JsonContext } from '../coverage/json.js';
import type { CoverageParseOptions } from '../coverage/model.js';
import { createPathResolver } from '../coverage/paths.js';
import type { LintProblem, LintReport } from './model.js';

/**
 * ESLint's `json` formatter (`eslint -f json`, also `json-with-metadata` whose `results` hold the
 * same array): one entry per linted file, `{ filePath, messages: [{ ruleId, severity, message,
 * line, column, fatal? }], errorCount, warningCount, … }`. Severity 2 is an error, 1 a warning;
 * a fatal message (a parse error) has no rule and is an error. A message without a line (a file
 * ESLint ignored, "File ignored because of a matching ignore pattern") is at line 0. The counts
 * ESLint states are not read: they are recomputed from the messages. `suppressedMessages`
 * (problems silenced by disable comments) are not problems of the run.
 */
export function parseEslintJson(text: string, sourceName: string, options?: CoverageParseOptions): LintReport {
  const ctx: JsonContext = { sourceName };
  if (text.trim() === '') throw coverageInputError(sourceName, '', 'empty input: not ESLint JSON output');
  const value = parseJson(text, sourceName);
  const results = isObject(value) && Array.isArray(own(value, 'results')) && isObject(own(value, 'metadata')) ? own(value, 'results') : value;
  if (!Array.isArray(results)) throw coverageInputError(sourceName, '', `expected an array of file results, got ${describe(results)}`);
  const resolver = createPathResolver(options);
  const problems: LintProblem[] = [];
  results.forEach((entry: unknown, i) => {
    const path = `$[${i}]`;
    const result = expectObject(ctx, entry, path);
    const filePath = field(ctx, result, 'filePath', path);
    if (typeof filePath !== 'string' || filePath.trim() === '') throw coverageInputError(sourceName, jsonPath(path, 'filePath'), `expected a file path, got ${describe(filePath)}`);
    const file = resolver.resolve(filePath);
    const messages = expectArray(ctx, field(ctx, result, 'messages', path), jsonPath(path, 'messages'));
    messages.forEach((raw, m) => problems.push(problemOf(ctx, file, raw, `${jsonPath(path, 'messages')}[${m}]`)));
  });
  return {
    format: 'eslint-json',
    sourceName,
    tool: 'eslint',
    problems,
    errorCount: problems.filter((p) => p.severity === 'error').length,
    warningCount: problems.filter((p) => p.severity === 'warning').length,
    filesLinted: results.length,
  };
}

function problemOf(ctx: JsonContext, file: string, raw: unknown, path: string): LintProblem {
  const message = expectObject(ctx, raw, path);
  const severity = own(message, 'severity');
  const fatal = own(message, 'fatal') === true;
  if (!fatal && severity !== 1 && severity !== 2) throw coverageInputError(ctx.sourceName, jsonPath(path, 'severity'), `expected 1 (warning) or 2 (error), got ${describe(severity)}`);
  const text = field(ctx, message, 'message', path);
  if (typeof text !== 'string') throw coverageInputError(ctx.sourceName, jsonPath(path, 'message'), `expected a string, got ${describe(text)}`);
  const ruleId = own(message, 'ruleId');
  if (ruleId !== undefined && ruleId !== null && typeof ruleId !== 'string') throw coverageInputError(ctx.sourceName, jsonPath(path, 'ruleId'), `expected a rule id or null, got ${describe(ruleId)}`);
  return { file, line: lineOf(ctx, own(message, 'line'), jsonPath(path, 'line')), ruleId: ruleId ?? null, severity: fatal || severity === 2 ? 'error' : 'warning', message: firstLine(text) };
}

/** 1-based line, or 0 when absent. */
export function lineOf(ctx: JsonContext, value: unknown, path: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw coverageInputError(ctx.sourceName, path, `expected a line number, got ${describe(value)}`);
  return value;
}

export function firstLine(text: string): string {
  return text.trim().split('\n', 1)[0]!.trim();
}
