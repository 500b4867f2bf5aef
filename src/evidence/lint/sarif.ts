import { coverageInputError } from '../coverage/input-error.js';
import { describe, expectArray, expectObject, field, isObject, jsonPath, own, parseJson, type JsonContext, type JsonObject } from '../coverage/json.js';
import type { CoverageParseOptions } from '../coverage/model.js';
import { createPathResolver, type PathResolver } from '../coverage/paths.js';
import { firstLine, lineOf } from './eslint-json.js';
import type { LintProblem, LintReport } from './model.js';

/**
 * A SARIF 2.1.0 log (ESLint's `@microsoft/eslint-formatter-sarif`, ruff `--output-format sarif`,
 * Biome, Semgrep, CodeQL…), any number of runs. Per result:
 *
 * - rule: `ruleId`, else `rule.id`, else the driver rule at `ruleIndex`/`rule.index`;
 * - level: `level`, else the rule's `defaultConfiguration.level`, else `warning` (SARIF §3.27.10);
 *   `error` and `warning` are problems; `note` and `none` are not, nor is a result whose `kind` is
 *   not `fail` (`pass`, `open`, `review`, `informational`, `notApplicable`), nor one with an
 *   accepted suppression (a disable comment: lint/suppression is where those are judged);
 * - file: `locations[0].physicalLocation.artifactLocation`: `uri` (percent-decoded, `file://`
 *   dropped) joined to its `uriBaseId` through `originalUriBaseIds` (which may chain), or the
 *   run's `artifacts[index]`; line `region.startLine`, 0 when absent.
 *
 * A run whose `results` is absent or null did not produce results (SARIF §3.14.23): that is an
 * error, not a clean run. Counts are recomputed.
 */
export function parseSarif(text: string, sourceName: string, options?: CoverageParseOptions): LintReport {
  const ctx: JsonContext = { sourceName };
  if (text.trim() === '') throw coverageInputError(sourceName, '', 'empty input: not a SARIF log');
  const log = expectObject(ctx, parseJson(text, sourceName), '$');
  const version = own(log, 'version');
  if (version !== '2.1.0') throw coverageInputError(sourceName, '$.version', `expected SARIF version "2.1.0", got ${describe(version)}`);
  const runs = expectArray(ctx, field(ctx, log, 'runs', '$'), '$.runs');
  const resolver = createPathResolver(options);
  const problems: LintProblem[] = [];
  const tools: string[] = [];
  let artifacts: number | null = 0;
  runs.forEach((raw, r) => {
    const path = `$.runs[${r}]`;
    const run = expectObject(ctx, raw, path);
    const runCtx = runContext(ctx, run, path, resolver);
    if (!tools.includes(runCtx.tool)) tools.push(runCtx.tool);
    const listed = own(run, 'artifacts');
    artifacts = artifacts !== null && Array.isArray(listed) ? artifacts + listed.length : null;
    const results = own(run, 'results');
    if (results === undefined || results === null) throw coverageInputError(sourceName, path, 'run without results: the tool did not produce any');
    expectArray(ctx, results, jsonPath(path, 'results')).forEach((result, i) => {
      const problem = problemOf(runCtx, result, `${jsonPath(path, 'results')}[${i}]`);
      if (problem !== null) problems.push(problem);
    });
  });
  return {
    format: 'sarif',
    sourceName,
    tool: tools.join(', '),
    problems,
    errorCount: problems.filter((p) => p.severity === 'error').length,
    warningCount: problems.filter((p) => p.severity === 'warning').length,
    filesLinted: runs.length === 0 ? null : artifacts,
  };
}

interface RunContext extends JsonContext {
  readonly tool: string;
  readonly rules: readonly unknown[];
  readonly baseIds: JsonObject;
  readonly artifacts: readonly unknown[];
  readonly resolver: PathResolver;
}

function runContext(ctx: JsonContext, run: JsonObject, path: string, resolver: PathResolver): RunContext {
  const tool = expectObject(ctx, field(ctx, run, 'tool', path), jsonPath(path, 'tool'));
  const driver = expectObject(ctx, field(ctx, tool, 'driver', jsonPath(path, 'tool')), `${path}.tool.driver`);
  const name = field(ctx, driver, 'name', `${path}.tool.driver`);
  if (typeof name !== 'string' || name.trim() === '') throw coverageInputError(ctx.sourceName, `${path}.tool.driver.name`, `expected a tool name, got ${describe(name)}`);
  const rules = own(driver, 'rules');
  const baseIds = own(run, 'originalUriBaseIds');
  const artifacts = own(run, 'artifacts');
  return {
    ...ctx,
    tool: name,
    rules: Array.isArray(rules) ? rules : [],
    baseIds: isObject(baseIds) ? baseIds : {},
    artifacts: Array.isArray(artifacts) ? artifacts : [],
    resolver,
  };
}

const LEVELS = new Set(['error', 'warning', 'note', 'none']);

function problemOf(ctx: RunContext, raw: unknown, path: string): LintProblem | null {
  const result = expectObject(ctx, raw, path);
  const kind = own(result, 'kind');
  if (kind !== undefined && kind !== 'fail') return null;
  if (suppressed(result)) return null;
  const rule = ruleOf(ctx, result);
  const level = own(result, 'level') ?? defaultLevel(rule) ?? 'warning';
  if (typeof level !== 'string' || !LEVELS.has(level)) throw coverageInputError(ctx.sourceName, jsonPath(path, 'level'), `expected error, warning, note or none, got ${describe(level)}`);
  if (level !== 'error' && level !== 'warning') return null;
  const message = expectObject(ctx, field(ctx, result, 'message', path), jsonPath(path, 'message'));
  const text = own(message, 'text') ?? own(message, 'markdown') ?? own(message, 'id');
  if (typeof text !== 'string') throw coverageInputError(ctx.sourceName, jsonPath(path, 'message'), 'message without text');
  const { file, line } = locationOf(ctx, result, path);
  return { file, line, ruleId: ruleIdOf(result, rule), severity: level, message: firstLine(text) };
}

function suppressed(result: JsonObject): boolean {
  const suppressions = own(result, 'suppressions');
  if (!Array.isArray(suppressions)) return false;
  return suppressions.some((s) => isObject(s) && (own(s, 'status') === undefined || own(s, 'status') === 'accepted'));
}

function ruleOf(ctx: RunContext, result: JsonObject): JsonObject | null {
  const reference = own(result, 'rule');
  const index = own(result, 'ruleIndex') ?? (isObject(reference) ? own(reference, 'index') : undefined);
  if (typeof index === 'number' && Number.isSafeInteger(index) && index >= 0 && index < ctx.rules.length) {
    const rule = ctx.rules[index];
    return isObject(rule) ? rule : null;
  }
  const id = own(result, 'ruleId');
  const found = typeof id === 'string' ? ctx.rules.find((r) => isObject(r) && own(r, 'id') === id) : undefined;
  return isObject(found) ? found : null;
}

function ruleIdOf(result: JsonObject, rule: JsonObject | null): string | null {
  const reference = own(result, 'rule');
  const candidates = [own(result, 'ruleId'), isObject(reference) ? own(reference, 'id') : undefined, rule === null ? undefined : own(rule, 'id')];
  const id = candidates.find((c) => typeof c === 'string' && c !== '');
  return typeof id === 'string' ? id : null;
}

function defaultLevel(rule: JsonObject | null): unknown {
  const configuration = rule === null ? undefined : own(rule, 'defaultConfiguration');
  return isObject(configuration) ? own(configuration, 'level') : undefined;
}

function locationOf(ctx: RunContext, result: JsonObject, path: string): { file: string; line: number } {
  const locations = own(result, 'locations');
  const first: unknown = Array.isArray(locations) ? locations[0] : undefined;
  const physical = isObject(first) ? own(first, 'physicalLocation') : undefined;
  if (!isObject(physical)) return { file: '', line: 0 };
  const where = `${path}.locations[0].physicalLocation`;
  const artifact = own(physical, 'artifactLocation');
  const region = own(physical, 'region');
  const line = isObject(region) ? lineOf(ctx, own(region, 'startLine'), `${where}.region.startLine`) : 0;
  const uri = isObject(artifact) ? artifactUri(ctx, artifact) : null;
  return { file: uri === null ? '' : ctx.resolver.resolve(uri), line };
}

/** The artifact's URI with its base joined on; chains of `uriBaseId`s are followed a bounded number of times. */
function artifactUri(ctx: RunContext, artifact: JsonObject): string | null {
  let uri = own(artifact, 'uri');
  let base = own(artifact, 'uriBaseId');
  const index = own(artifact, 'index');
  if (typeof uri !== 'string' && typeof index === 'number' && Number.isSafeInteger(index) && index >= 0) {
    const listed = ctx.artifacts[index];
    const location = isObject(listed) ? own(listed, 'location') : undefined;
    if (isObject(location)) {
      uri = own(location, 'uri');
      base = own(location, 'uriBaseId');
    }
  }
  if (typeof uri !== 'string' || uri === '') return null;
  let joined = decode(uri);
  for (let hops = 0; typeof base === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(joined) && !joined.startsWith('/') && hops < 10; hops += 1) {
    const entry = own(ctx.baseIds, base);
    const baseUri = isObject(entry) ? own(entry, 'uri') : undefined;
    if (typeof baseUri !== 'string') break;
    const prefix = decode(baseUri);
    joined = prefix === '' ? joined : `${prefix.endsWith('/') ? prefix : `${prefix}/`}${joined}`;
    base = isObject(entry) ? own(entry, 'uriBaseId') : undefined;
  }
  // file:///C:/x → C:/x; file:///home/x → /home/x (toPosix drops the scheme).
  return joined.replace(/^file:\/\/\/([A-Za-z]:)/, '$1');
}

function decode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}
