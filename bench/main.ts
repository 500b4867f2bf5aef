import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SHAPE, defaultCacheDir, ensureRepo, git, type BenchRepo } from './generate.js';
import { describeMachine } from './machine.js';
import { CommandFailed, measure, type Command, type Measurement } from './measure.js';
import { measureSecrets, projectRoot, renderSecretsSection } from './secrets.js';
import { duration, renderMarkdown, type Row } from './report.js';

/**
 * `npm run bench`: builds (or reuses) a large synthetic repository, then times the real CLI, as a
 * separate process, on (a) a 50-file change and (b) a 1,000-commit range, next to git itself.
 */

const HELP = `Usage: node dist/bench/main.js [options]

Options
  --runs N          timed runs of the 50-file audit and of node start (default 5)
  --range-runs N    timed runs of the range audit and the git commands (default 3)
  --range N         commits in the range audit (default 1000)
  --fresh           rebuild the synthetic repository even when a cached one exists
  --generate-only   build or reuse the repository, print its figures, and stop
  --write           also write the results to --out
  --out FILE        where --write writes (default bench/results.md)
  --cache-dir DIR   where the repository is cached (default ${defaultCacheDir()})
  --cli FILE        the CLI to measure (default dist/cli/main.js, the bundle npm run build writes)
  -h, --help        show this help
`;

/** (a) must stay under this, wall time including process start, on a 2-core machine. */
const SMALL_CHANGE_TARGET_MS = 300;

interface Options {
  runs: number;
  rangeRuns: number;
  range: number;
  fresh: boolean;
  generateOnly: boolean;
  write: boolean;
  out: string;
  cacheDir: string;
  cli: string;
}

function readOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '5' },
      'range-runs': { type: 'string', default: '3' },
      range: { type: 'string', default: '1000' },
      fresh: { type: 'boolean', default: false },
      'generate-only': { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      out: { type: 'string', default: path.join('bench', 'results.md') },
      'cache-dir': { type: 'string', default: defaultCacheDir() },
      cli: { type: 'string', default: fileURLToPath(new URL('../cli/main.js', import.meta.url)) },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  return {
    runs: positive(values.runs, '--runs'),
    rangeRuns: positive(values['range-runs'], '--range-runs'),
    range: positive(values.range, '--range'),
    fresh: values.fresh,
    generateOnly: values['generate-only'],
    write: values.write,
    out: values.out,
    cacheDir: path.resolve(values['cache-dir']),
    cli: path.resolve(values.cli),
  };
}

function positive(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${option}: '${text}' is not a positive whole number`);
  return value;
}

/** Node processes run with the preload that reports their peak RSS at exit. */
function nodeCommand(label: string, args: readonly string[], okCodes: readonly number[]): Command {
  const preload = new URL('./peak-rss-preload.js', import.meta.url).href;
  return { label, file: process.execPath, args: ['--import', preload, ...args], okCodes, captureStdout: true };
}

function gitCommand(label: string, gitDir: string, args: readonly string[]): Command {
  return { label, file: 'git', args: ['--git-dir', gitDir, ...args], okCodes: [0], captureStdout: false };
}

/** The audit's own figures from its JSON report, read defensively: the report format is not ours. */
function reportStats(measurement: Measurement): AuditStats | undefined {
  try {
    return (JSON.parse(measurement.stdout) as { stats?: AuditStats }).stats;
  } catch {
    return undefined;
  }
}

function auditNote(measurement: Measurement): string {
  const stats = reportStats(measurement);
  if (stats === undefined) return `exit ${measurement.code}; no JSON report stats`;
  const findings = Object.entries(stats.findings ?? {}).map(([severity, n]) => `${n} ${severity}`).join(', ');
  const inProcess = stats.durationMs === undefined ? '' : `; audit itself ${duration(stats.durationMs)}`;
  return `${plural(stats.filesChanged, 'file')}, ${plural(stats.commits, 'commit')}; findings ${findings}; exit ${measurement.code}${inProcess}`;
}

/** The subset of the JSON report's `stats` this bench reads; every field optional, as the report may change. */
interface AuditStats {
  filesChanged?: number;
  commits?: number;
  findings?: Record<string, number>;
  history?: { commits?: number; audited?: number; bytes?: number; durationMs?: number };
  durationMs?: number;
}

/** The history pass's own time, from the last run's report. */
function historyPassMs(measurement: Measurement): number | undefined {
  return reportStats(measurement)?.history?.durationMs;
}

function historyNote(measurement: Measurement): string {
  const history = reportStats(measurement)?.history;
  if (history === undefined) return 'no history stats in the report';
  const mib = ((history.bytes ?? 0) / 1024 / 1024).toFixed(1);
  return `history pass ${duration(history.durationMs ?? 0)}: ${plural(history.commits, 'commit')} (${mib} MiB of patches) scanned, ${plural(history.audited, 'commit')} audited in full`;
}

function plural(value: number | undefined, noun: string): string {
  if (value === undefined) return `? ${noun}s`;
  return `${value.toLocaleString('en-US')} ${noun}${value === 1 ? '' : 's'}`;
}

async function measureAll(options: Options, repo: BenchRepo): Promise<{ rows: Row[]; verdicts: string[] }> {
  const { gitDir } = repo;
  if (options.range >= repo.stats.commits) throw new Error(`--range ${options.range}: \`main\` has only ${repo.stats.commits} commits`);
  const featureBase = git(gitDir, ['rev-parse', 'feature^']).trim();
  const featureTip = git(gitDir, ['rev-parse', 'feature']).trim();
  const rangeBase = git(gitDir, ['rev-parse', `main~${options.range}`]).trim();
  const rangeTip = git(gitDir, ['rev-parse', 'main']).trim();
  const audit = (range: string): string[] => [options.cli, 'audit', range, '--format', 'json', '--repo', gitDir];
  const rangeLabel = `${options.range.toLocaleString('en-US')} commits`;

  progress('timing node start-up');
  const start = await measure(nodeCommand('`node -e 0` (bare Node start)', ['-e', '0'], [0]), options.runs);
  // --version loads every module of the CLI and does no work: start-up plus module loading.
  const load = await measure(nodeCommand('`gatehouse --version`', [options.cli, '--version'], [0]), options.runs);
  progress(`timing (a): audit of the ${SHAPE.featureFiles}-file change`);
  const small = await measure(nodeCommand(`(a) audit, ${SHAPE.featureFiles}-file change`, audit(`${featureBase}..${featureTip}`), [0, 1]), options.runs);
  progress(`timing (b): audit of ${rangeLabel}`);
  const large = await measure(nodeCommand(`(b) audit, ${rangeLabel}`, audit(`${rangeBase}..${rangeTip}`), [0, 1]), options.rangeRuns);
  // A commit that renames a file: the coverage inspector then reads every config of both
  // revisions and computes the measured sets over all their files.
  const renaming = git(gitDir, ['log', '-1', '--diff-filter=R', '-M', '--format=%H', 'main']).trim();
  progress('timing (c): audit of a commit with a rename (coverage inspector over the whole revision)');
  const coverage = await measure(nodeCommand('(c) audit, one commit with a rename', audit(renaming), [0, 1]), options.runs);
  progress(`timing (d): audit --history of ${rangeLabel}`);
  const history = await measure(nodeCommand(`(d) audit --history, ${rangeLabel}`, [...audit(`${rangeBase}..${rangeTip}`), '--history'], [0, 1]), options.rangeRuns);
  progress('timing git on the same range');
  const log = await measure(gitCommand(`\`git log -p\`, ${rangeLabel}`, gitDir, ['log', '-p', `${rangeBase}..${rangeTip}`]), options.rangeRuns);
  const diff = await measure(gitCommand(`\`git diff --raw -M\`, ${rangeLabel}`, gitDir, ['diff', '--raw', '-M', rangeBase, rangeTip]), options.rangeRuns);

  const rows: Row[] = [
    { measurement: start, note: 'process start alone, for context' },
    { measurement: load, note: 'start plus loading the CLI, no audit' },
    { measurement: small, note: auditNote(small) },
    { measurement: large, note: auditNote(large) },
    { measurement: coverage, note: `${auditNote(coverage)}; coverage scope of all ${repo.stats.files.toLocaleString('en-US')} files, base and head` },
    { measurement: history, note: `${auditNote(history)}; ${historyNote(history)}` },
    { measurement: log, note: "every commit's patch, to /dev/null" },
    { measurement: diff, note: 'the range as one diff, with renames' },
  ];
  const met = small.medianMs < SMALL_CHANGE_TARGET_MS;
  const verdicts = [
    `(a) target: under ${SMALL_CHANGE_TARGET_MS} ms wall including process start: **${met ? 'met' : 'missed'}** (median ${duration(small.medianMs)}; Node start alone ${duration(start.medianMs)}).`,
    `(b) the range audit takes ${(large.medianMs / log.medianMs).toFixed(2)}× the time of \`git log -p\` over the same ${rangeLabel}.`,
    `(d) the history pass alone (every commit's patch streamed through the secret detectors, flagged commits audited in full) takes ${historyPassMs(history) === undefined ? '?' : `${duration(historyPassMs(history)!)}, ${(historyPassMs(history)! / log.medianMs).toFixed(2)}× the time of \`git log -p\``} over the same ${rangeLabel}; the rest of (d) is the range audit of (b).`,
  ];
  return { rows, verdicts };
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  if (options === null) {
    process.stdout.write(HELP);
    return 0;
  }
  progress(`${options.fresh ? 'rebuilding' : 'preparing'} the synthetic repository in ${options.cacheDir}…`);
  const repo = await ensureRepo(options.cacheDir, options.fresh);
  progress(repo.built ? `built in ${repo.stats.generateSeconds} s` : 'reusing the cached repository (--fresh rebuilds it)');
  let measured: { rows: Row[]; verdicts: string[] } = { rows: [], verdicts: [] };
  if (!options.generateOnly) {
    if (!existsSync(options.cli)) {
      process.stderr.write(`bench: ${options.cli} does not exist; run \`npm run build\` first (or pass --cli)\n`);
      return 2;
    }
    measured = await measureAll(options, repo);
  }
  let markdown = renderMarkdown({ machine: describeMachine(), repo: repo.stats, built: repo.built, ...measured });
  if (!options.generateOnly) {
    progress('timing the secrets detectors on the fake-key corpus and node_modules');
    markdown += `\n${renderSecretsSection(measureSecrets(projectRoot()))}`;
  }
  process.stdout.write(markdown);
  if (options.write) {
    writeFileSync(options.out, markdown);
    progress(`wrote ${options.out}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A failed run says what failed and shows its stderr; BENCH_DEBUG=1 adds the stack, for bench bugs.
    const debug = process.env['BENCH_DEBUG'] === '1' && error instanceof Error && !(error instanceof CommandFailed);
    const message = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
    process.stderr.write(`bench: ${message}\n`);
    process.exitCode = 2;
  },
);
