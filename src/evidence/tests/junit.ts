
import { coverageInputError, oneLine } from '../coverage/input-error.js';
import { stripBom } from '../coverage/json.js';
import type { CoverageParseOptions } from '../coverage/model.js';
import { createPathResolver, type PathResolver } from '../coverage/paths.js';
import { attr, elements, readXml, type XmlNode } from '../xml.js';
import { testTotals, type TestOutcome, type TestResult, type TestRunReport } from './model.js';

/**
 * JUnit XML as the common reporters write it. What differs between them, and how it is read:
 *
 * | reporter | file | suites | name |
 * | --- | --- | --- | --- |
 * | jest-junit | `file` attribute only with `addFileAttribute` | `<testsuite name>` = first describe title | classname = name = "describe … title" (joined by spaces) |
 * | vitest | classname = file (relative to the root) | in the name, `a > b > test` | split on ` > ` |
 * | Playwright | classname = file (relative to testDir) | in the name, `a › b › test` | split on ` › `; `<testsuite hostname>` = project |
 * | pytest | `file` (xunit1), else from the dotted classname | class names after the module | `test_x[param]` |
 * | mocha-junit-reporter | `<testsuite file>` (absolute) | flat `<testsuite>`s; root "Root Suite" left out | full title |
 *
 * Outcomes come from the testcase's children: `<failure>` → failed, `<error>` → error (a setup or
 * teardown error, an unhandled error: kept apart from a failed assertion), `<skipped>` → skipped,
 * none → passed. Surefire's `<flakyFailure>`/`<flakyError>` (Playwright with `includeRetries`)
 * mark a test that passed on retry; `<rerunFailure>`/`<rerunError>` the extra attempts of one
 * that kept failing. Several testcases with the same id (Gradle and pytest-rerunfailures ≥ 16.6.1
 * write one per attempt) are merged into one test whose outcome is the last attempt's (see `merge`).
 * Two different tests with the same name in the same suite cannot be told from retries and are merged too.
 *
 * The report's own counts (`tests`, `failures`…) are never read: totals are recomputed.
 */
export function parseJUnit(input: string, sourceName: string, options?: CoverageParseOptions): TestRunReport {
  const text = stripBom(input);
  const body = text.trimStart();
  if (body === '') throw coverageInputError(sourceName, '', 'empty input: not a JUnit XML report');
  if (body.startsWith('{') || body.startsWith('[')) throw coverageInputError(sourceName, '', 'expected JUnit XML, got JSON');
  // Output captured by the test run can be megabytes; it is never read, so it is never parsed.
  const tree = readXml(text, sourceName, { repeated: REPEATED, stopNodes: ['*.system-out', '*.system-err', '*.stackTrace'] });
  const rootName = Object.keys(tree).find((key) => !key.startsWith('?') && key !== '#text' && !key.startsWith('#'));
  if (rootName !== 'testsuites' && rootName !== 'testsuite') {
    throw coverageInputError(sourceName, '', `not a JUnit report: root element <${oneLine(rootName ?? '?', 40)}>, expected <testsuites> or <testsuite>`);
  }
  const root = elements(tree, rootName)[0]!;
  const ctx: Context = {
    sourceName,
    resolver: createPathResolver(options),
    knownPaths: options?.knownPaths,
    pytest: isPytest(rootName, root),
    // Playwright is the only writer that puts an `id` on <testsuites> (PLAYWRIGHT_JUNIT_SUITE_ID, '' by default);
    // there `<testsuite hostname>` is the project name, elsewhere it is the machine and varies between runs.
    playwright: rootName === 'testsuites' && attr(root, 'id') !== undefined,
  };
  const attempts = collect(ctx, rootName, root);
  return build(sourceName, attempts);
}


interface Context {
  readonly sourceName: string;
  readonly resolver: PathResolver;
  readonly knownPaths: ReadonlySet<string> | undefined;
  readonly pytest: boolean;
  readonly playwright: boolean;
}

/** One `<testcase>` element: one attempt of a test. */
interface Attempt {
  readonly id: string;
  readonly file: string | null;
  readonly suite: readonly string[];
  readonly name: string;
  readonly outcome: TestOutcome;
  /** Surefire retry elements inside the testcase. */
  readonly reruns: number;
  readonly flakyReruns: number;
  readonly message: string | null;
}

const REPEATED = new Set(['testsuite', 'testcase', 'failure', 'error', 'skipped', 'rerunFailure', 'rerunError', 'flakyFailure', 'flakyError', 'property']);

function textOf(node: XmlNode): string {
  const text = Object.hasOwn(node, '#text') ? node['#text'] : undefined;
  return typeof text === 'string' ? text : '';
}

/** pytest names its suite "pytest" (`junit_suite_name`) and, since 5.1, wraps it in `<testsuites name="pytest tests">`. */
function isPytest(rootName: string, root: XmlNode): boolean {
  if (rootName === 'testsuite') return attr(root, 'name') === 'pytest';
  return attr(root, 'name') === 'pytest tests' || elements(root, 'testsuite').some((suite) => attr(suite, 'name') === 'pytest');
}

interface SuiteFrame {
  readonly node: XmlNode;
  readonly where: string;
  /** Names of the enclosing `<testsuite>`s that carry meaning, outermost first. */
  readonly names: readonly string[];
  readonly file: string | undefined;
  readonly project: string | undefined;
}

/** Walks nested `<testsuite>`s with an explicit stack: a hostile report may nest them thousands deep. */
function collect(ctx: Context, rootName: string, root: XmlNode): Attempt[] {
  const attempts: Attempt[] = [];
  const stack: SuiteFrame[] = [];
  if (rootName === 'testsuite') stack.push(frame(ctx, root, '/testsuite', [], undefined, undefined, true));
  else {
    const suites = elements(root, 'testsuite');
    for (let i = suites.length - 1; i >= 0; i -= 1) stack.push(frame(ctx, suites[i]!, `/testsuites/testsuite[${i + 1}]`, [], undefined, undefined, true));
    // Not valid JUnit, but some writers put testcases straight under <testsuites>.
    elements(root, 'testcase').forEach((testcase, i) => attempts.push(attempt(ctx, testcase, `/testsuites/testcase[${i + 1}]`, { node: root, where: '/testsuites', names: [], file: undefined, project: undefined })));
  }
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    const suite = current;
    elements(suite.node, 'testcase').forEach((testcase, i) => attempts.push(attempt(ctx, testcase, `${suite.where}/testcase[${i + 1}]`, suite)));
    const nested = elements(suite.node, 'testsuite');
    for (let i = nested.length - 1; i >= 0; i -= 1) stack.push(frame(ctx, nested[i]!, `${suite.where}/testsuite[${i + 1}]`, suite.names, suite.file, suite.project, false));
  }
  return attempts;
}

function frame(ctx: Context, node: XmlNode, where: string, outer: readonly string[], file: string | undefined, project: string | undefined, top: boolean): SuiteFrame {
  const name = label(attr(node, 'name'));
  // jest-junit with `suiteNameTemplate: "{filepath}"` names the suite after its file and writes no file attribute.
  const ownFile = attr(node, 'file')?.trim() ?? (looksLikeFile(name) ? name : undefined);
  const hostname = ctx.playwright ? attr(node, 'hostname')?.trim() : undefined;
  return {
    node,
    where,
    names: meaningfulSuiteName(ctx, name, top, ownFile ?? file) ? [...outer, name] : outer,
    file: ownFile !== undefined && ownFile !== '' ? ownFile : file,
    project: hostname !== undefined && hostname !== '' ? hostname : project,
  };
}

/**
 * A suite name that identifies something beyond the file: not mocha's "Root Suite", not pytest's
 * "pytest", not the file path itself (vitest, Playwright) and not a writer's run-wide label.
 */
function meaningfulSuiteName(ctx: Context, name: string, top: boolean, file: string | undefined): boolean {
  if (name === '') return false;
  if (top && (name === 'Root Suite' || (ctx.pytest && name === 'pytest'))) return false;
  if (file !== undefined && (name === file || ctx.resolver.resolve(name) === ctx.resolver.resolve(file))) return false;
  return !looksLikeFile(name);
}

const FILE_EXTENSION = /\.(?:[cm]?[jt]sx?|py|vue|svelte|rb|go|java|kt|cs|php|rs|feature)$/;

function looksLikeFile(text: string): boolean {
  return !/\s/.test(text) && FILE_EXTENSION.test(text);
}

function attempt(ctx: Context, testcase: XmlNode, where: string, suite: SuiteFrame): Attempt {
  const rawName = attr(testcase, 'name');
  if (rawName === undefined || rawName.trim() === '') throw coverageInputError(ctx.sourceName, where, '<testcase> without a name');
  const classname = label(attr(testcase, 'classname'));
  const identity = identify(ctx, label(rawName), classname, attr(testcase, 'file')?.trim(), suite);
  const { outcome, message } = outcomeOf(testcase);
  const reruns = elements(testcase, 'rerunFailure').length + elements(testcase, 'rerunError').length;
  const flakyReruns = elements(testcase, 'flakyFailure').length + elements(testcase, 'flakyError').length;
  const parts = [...(suite.project === undefined ? [] : [`[${suite.project}]`]), ...(identity.file === null ? [] : [identity.file]), ...identity.suite, identity.name];
  return { id: parts.join(' › '), ...identity, outcome, reruns, flakyReruns, message };
}

/**
 * A name as it goes into ids and messages: control characters (a title with `&#10;`, hostile
 * escapes) become spaces, so an id is one line and a finding quoting it cannot break a terminal.
 */
function label(raw: string | undefined): string {
  return raw === undefined ? '' : oneLine(raw, 2000).trim();
}

interface Identity {
  readonly file: string | null;
  readonly suite: readonly string[];
  readonly name: string;
}

function identify(ctx: Context, name: string, classname: string, fileAttr: string | undefined, suite: SuiteFrame): Identity {
  if (ctx.pytest) return pytestIdentity(ctx, name, classname, fileAttr ?? suite.file);
  const classIsFile = classname !== '' && looksLikeFile(classname);
  const rawFile = fileAttr !== undefined && fileAttr !== '' ? fileAttr : (suite.file ?? (classIsFile ? classname : undefined));
  const file = rawFile === undefined ? null : ctx.resolver.resolve(rawFile);
  if (classIsFile) {
    // vitest joins describe titles with ' > ', Playwright with ' › '; the title path is the identity.
    const path = name.split(/ > | › /).map((part) => part.trim());
    return { file, suite: [...suite.names, ...path.slice(0, -1)], name: path.at(-1)! };
  }
  // jest-junit writes classname = name by default; mocha writes the leaf title as classname and
  // the full title as name. Either way the classname adds nothing the name does not say.
  const classAdds = classname !== '' && classname !== name && !name.endsWith(` ${classname}`) && classname !== suite.names.at(-1);
  return { file, suite: classAdds ? [...suite.names, classname] : [...suite.names], name };
}

/**
 * pytest: classname is the dotted module path plus class names (`tests.test_cart.TestTotals`),
 * name the function with its parameters (`test_sum[1-2]`). The file is the `file` attribute
 * (xunit1), else the longest module prefix that is a known `.py` path, else the parts before the
 * first capitalised one (a class), as `a/b/c.py`.
 */
function pytestIdentity(ctx: Context, name: string, classname: string, fileAttr: string | undefined): Identity {
  const parts = classname === '' ? [] : classname.split('.');
  let moduleParts = -1;
  // xunit1 writes the file: the classname starts with it, dotted and without `.py`.
  const dotted = fileAttr?.replace(/\.py$/, '').replaceAll('\\', '/').split('/').join('.');
  if (dotted !== undefined && (classname === dotted || classname.startsWith(`${dotted}.`))) moduleParts = dotted.split('.').length;
  if (moduleParts === -1 && ctx.knownPaths !== undefined) {
    for (let n = parts.length; n > 0 && moduleParts === -1; n -= 1) {
      const candidate = ctx.resolver.resolve(`${parts.slice(0, n).join('/')}.py`);
      if (ctx.knownPaths.has(candidate)) moduleParts = n;
    }
  }
  if (moduleParts === -1) {
    const firstClass = parts.findIndex((part) => /^[A-Z]/.test(part));
    moduleParts = firstClass === -1 ? parts.length : firstClass;
  }
  const derived = moduleParts === 0 ? null : `${parts.slice(0, moduleParts).join('/')}.py`;
  const raw = fileAttr !== undefined && fileAttr !== '' ? fileAttr : derived;
  return { file: raw === null ? null : ctx.resolver.resolve(raw), suite: parts.slice(moduleParts), name };
}

function outcomeOf(testcase: XmlNode): { outcome: TestOutcome; message: string | null } {
  const failure = elements(testcase, 'failure')[0];
  if (failure !== undefined) return { outcome: 'failed', message: messageOf(failure) };
  const error = elements(testcase, 'error')[0];
  if (error !== undefined) return { outcome: 'error', message: messageOf(error) };
  const skipped = elements(testcase, 'skipped')[0];
  if (skipped !== undefined) return { outcome: 'skipped', message: messageOf(skipped) };
  return { outcome: 'passed', message: null };
}

function messageOf(node: XmlNode): string | null {
  const text = (attr(node, 'message') ?? textOf(node)).trim();
  const first = text.split('\n', 1)[0]!.trim();
  return first === '' ? null : oneLine(first, 300);
}

/** Merges the attempts of each id, in the order ids first appear. */
function build(sourceName: string, attempts: readonly Attempt[]): TestRunReport {
  const byId = new Map<string, Attempt[]>();
  for (const a of attempts) {
    const list = byId.get(a.id);
    if (list === undefined) byId.set(a.id, [a]);
    else list.push(a);
  }
  const tests = [...byId.values()].map(merge);
  return { format: 'junit', sourceName, tests, totals: testTotals(tests) };
}

/**
 * The attempts of one test, in document order. The last attempt that ran decides: writers append
 * attempts as they happen, and pytest-rerunfailures (16.6.1 and later) writes each failed rerun as
 * an *empty* testcase before the final one, so "any attempt passed" would turn a test that always
 * failed into a pass. It is flaky when it passed at last after an attempt that visibly failed.
 */
function merge(attempts: readonly Attempt[]): TestResult {
  const first = attempts[0]!;
  const ran = attempts.filter((a) => a.outcome !== 'skipped');
  const final = ran.at(-1) ?? attempts.at(-1)!;
  const failedEarlier = ran.slice(0, -1).some((a) => a.outcome === 'failed' || a.outcome === 'error') || attempts.some((a) => a.flakyReruns > 0);
  const reruns = attempts.reduce((sum, a) => sum + a.reruns + a.flakyReruns, 0);
  return {
    id: first.id,
    file: first.file,
    suite: first.suite,
    name: first.name,
    outcome: final.outcome,
    flaky: final.outcome === 'passed' && failedEarlier,
    retries: Math.max(0, ran.length - 1) + reruns,
    message: final.message ?? attempts.find((a) => a.message !== null)?.message ?? null,
  };
}

