import { readFileSync } from 'node:fs';
import { InputError } from '../../core/errors.js';
import { audit } from '../../engine/audit.js';
import type { CheckOptions } from '../../engine/gate-evidence.js';
import { allRules } from '../../rules/index.js';
import { REPORT_FORMATS, renderFormat } from '../../report/formats.js';
import { oneOf, parseCommandLine } from '../args.js';
import { wantsColour, writeOutput } from '../output.js';

export const AUDIT_HELP = `Usage: gatehouse audit [RANGE] [options]

Audit a change and report every way it weakens an engineering gate.

RANGE
  A..B            changes from A to B
  A...B           changes from the merge base of A and B to B
  REV             one commit against its first parent (a root commit against the empty tree)
  (none)          merge base of HEAD with the default branch, ..HEAD

Options
  --range RANGE       the same as the RANGE argument
  --history           also audit every commit of the range on its own: a secret added in one
                      commit and removed in a later one is still leaked (merges are skipped)
  --base REV          base revision (instead of RANGE)
  --head REV          head revision (default HEAD, with --base)
  --repo DIR          repository to audit, bare or not (default: current directory)
  --format FORMAT     text, json, markdown, sarif or github (default: text)
  --output FILE       write the report to FILE instead of standard output
  --report FILE|-     the agent's report, from FILE or standard input: its claims are checked
                      against the evidence (the PR description is read too, from the GitHub
                      Actions event when there is one, and the commit messages always are)
  --coverage-base FILE  coverage report of the base revision's test run (lcov, istanbul JSON,
                        cobertura XML or coverage.py JSON; detected from content)
  --coverage-head FILE  coverage report of the head revision's test run
  --junit-base FILE   JUnit XML of the base revision's test run (with --junit-head)
  --junit-head FILE   JUnit XML of the head revision's test run
  --check             run the gates the base's gatehouse.yml declares on base and head first
                      (cached by tree, see \`gatehouse check\`) and read their evidence
  --no-cache          with --check: run every gate, even for a tree already checked
  --jobs N            with --check: most gates at once (default: the number of CPUs)
  --fail-on LEVEL     exit 1 on 'block' findings only, or on 'warn' and above (default: warn)
  --max-file-size N   skip files larger than N bytes (default: 1048576), and say so
  --debug             show stack traces for errors
  -h, --help          show this help

The policy (gatehouse.yml) is read from the base revision, never from the change.
Exit codes: 0 pass, 1 blocked or needs a human, 2 bad input or configuration.
`;

const OPTIONS = {
  range: { type: 'string' },
  history: { type: 'boolean' },
  base: { type: 'string' },
  head: { type: 'string' },
  repo: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  report: { type: 'string' },
  'fail-on': { type: 'string' },
  'max-file-size': { type: 'string' },
  'coverage-base': { type: 'string' },
  'coverage-head': { type: 'string' },
  'junit-base': { type: 'string' },
  'junit-head': { type: 'string' },
  check: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  jobs: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function auditCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS, 'audit');
  if (values.help) {
    process.stdout.write(AUDIT_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new InputError(`audit: expected at most one RANGE, got ${positionals.length}`);
  if (values.range !== undefined && positionals.length > 0) throw new InputError('audit: give the range once, as RANGE or --range');
  const rangeText = values.range ?? positionals[0];
  const format = oneOf(values.format, REPORT_FORMATS, '--format', 'text');
  const failOn = oneOf(values['fail-on'], ['block', 'warn'] as const, '--fail-on', 'warn');
  const sizeLimit = values['max-file-size'] === undefined ? undefined : positiveInteger(values['max-file-size'], '--max-file-size');
  const report = values.report === undefined ? null : readReport(values.report);
  const prDescription = pullRequestDescription(process.env);
  if ((values['coverage-base'] === undefined) !== (values['coverage-head'] === undefined)) {
    throw new InputError('--coverage-base and --coverage-head go together: give both reports');
  }
  if ((values['junit-base'] === undefined) !== (values['junit-head'] === undefined)) {
    throw new InputError('--junit-base and --junit-head go together: give both reports');
  }
  if (!values.check && (values['no-cache'] || values.jobs !== undefined)) throw new InputError('--no-cache and --jobs go with --check');
  const jobs = values.jobs === undefined ? undefined : positiveInteger(values.jobs, '--jobs');
  const controller = new AbortController();
  const onSignal = (): void => {
    controller.abort();
  };
  if (values.check) {
    // Ctrl-C during the gates: stop their process groups and remove the worktrees, then exit 130.
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  let result: Awaited<ReturnType<typeof audit>>;
  try {
    result = await audit({
    ...(values.check
      ? { check: { ...(values['no-cache'] ? { noCache: true } : {}), ...(jobs !== undefined ? { jobs } : {}), progress: await gateProgress(), signal: controller.signal } }
      : {}),
    ...(values['junit-base'] !== undefined && values['junit-head'] !== undefined ? { junitFiles: { base: values['junit-base'], head: values['junit-head'] } } : {}),
    repoDir: values.repo ?? process.cwd(),
    range: {
      ...(rangeText !== undefined ? { range: rangeText } : {}),
      ...(values.base !== undefined ? { base: values.base } : {}),
      ...(values.head !== undefined ? { head: values.head } : {}),
    },
    report,
    ...(values.report !== undefined ? { reportName: values.report === '-' ? 'report (stdin)' : values.report } : {}),
    prDescription,
    ...(values.history ? { history: { onProgress: historyProgress() } } : {}),
    ...(sizeLimit !== undefined ? { sizeLimit } : {}),
    ...(values['coverage-base'] !== undefined && values['coverage-head'] !== undefined
      ? { coverageEvidence: { base: values['coverage-base'], head: values['coverage-head'] } }
      : {}),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (values.history && process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
  const toFile = values.output !== undefined;
  const text = await renderFormat(format, result, { color: !toFile && wantsColour(process.stdout), rules: allRules });
  if (toFile) writeOutput(values.output!, text);
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  if (result.verdict === 'block') return 1;
  if (result.verdict === 'needs-human' && failOn === 'warn') return 1;
  return 0;
}

/** Gate progress on stderr, per side: live on a terminal, plain lines elsewhere. */
async function gateProgress(): Promise<NonNullable<CheckOptions['progress']>> {
  const { plainProgress, terminalProgress } = await import('../../gates/progress.js');
  const write = (text: string): boolean => process.stderr.write(text);
  return (side, gates) => {
    write(`gatehouse: running the gates at ${side}\n`);
    return process.stderr.isTTY ? terminalProgress(gates, write, wantsColour(process.stderr), process.stderr.columns) : plainProgress((text) => write(`${side}: ${text}`));
  };
}

/** A progress line on a terminal's stderr (never in CI logs or redirected output). */
function historyProgress(): (commits: number) => void {
  if (!process.stderr.isTTY) return () => undefined;
  return (commits) => process.stderr.write(`\r\x1b[2Khistory: ${commits.toLocaleString('en-US')} commits scanned`);
}

/**
 * The pull request's description from the GitHub Actions event payload (`GITHUB_EVENT_PATH`),
 * for `pull_request` and `pull_request_target` events; null elsewhere or when the PR has none.
 * A payload that cannot be read is an error: the runner promised one.
 */
export function pullRequestDescription(env: NodeJS.ProcessEnv): string | null {
  const file = env.GITHUB_EVENT_PATH;
  if (!file || !/^pull_request/.test(env.GITHUB_EVENT_NAME ?? '')) return null;
  let event: unknown;
  try {
    event = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'not JSON' : error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new InputError(`GITHUB_EVENT_PATH ${file}: cannot read the event payload (${reason})`);
  }
  const body = (event as { pull_request?: { body?: unknown } } | null)?.pull_request?.body;
  return typeof body === 'string' && body.trim() !== '' ? body : null;
}

function readReport(source: string): string {
  try {
    return readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new InputError(`--report ${source}: cannot read (${reason})`);
  }
}

function positiveInteger(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new InputError(`${option}: '${text}' is not a positive whole number`);
  return value;
}
