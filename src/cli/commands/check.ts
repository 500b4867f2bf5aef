import { InputError } from '../../core/errors.js';
import { oneOf, parseCommandLine } from '../args.js';
import { wantsColour } from '../output.js';

export const CHECK_HELP = `Usage: gatehouse check [options]

Run the project's gates (declared under \`gates:\` in gatehouse.yml) and fail closed: a gate
passes only when its command exits 0 in time and every evidence file it declares was written by
this run, parses, and reports tests that ran.

Options
  --rev REV           run on a revision, checked out in a temporary worktree (default: the
                      working tree as it is, uncommitted and untracked files included)
  --gate NAME         run only this gate and the gates it needs (repeatable)
  --no-cache          run every gate, even when a result for the same tree is cached
  --jobs N            most gates running at once (default: the number of CPUs)
  --policy-from REV   read the gate definitions from gatehouse.yml at REV (default: HEAD)
  --format FORMAT     text or json (default: text)
  --repo DIR          the repository (default: current directory)
  --debug             show stack traces for errors
  -h, --help          show this help

Gate definitions come from the committed gatehouse.yml, never from uncommitted edits: editing
gatehouse.yml in the working tree does not change what runs until it is committed.
Results are cached by tree and definition in .gatehouse/cache/ (it ignores itself in git).
Exit codes: 0 every gate passed, 1 a gate failed, timed out or did not run, 2 bad input,
130 interrupted.
`;

const OPTIONS = {
  rev: { type: 'string' },
  gate: { type: 'string', multiple: true },
  'no-cache': { type: 'boolean' },
  jobs: { type: 'string' },
  'policy-from': { type: 'string' },
  format: { type: 'string' },
  repo: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS, 'check');
  if (values.help) {
    process.stdout.write(CHECK_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new InputError(`check: unexpected argument '${positionals[0]!}' (use --rev REV for a revision)`);
  const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
  const jobs = values.jobs === undefined ? undefined : positiveInteger(values.jobs, '--jobs');
  // Loaded here, not at start-up: `gatehouse audit` must not pay for them.
  const [{ loadGates, selectGates }, { runGates }, { plainProgress, terminalProgress }, { renderGateSummary, gateRunJson }] = await Promise.all([
    import('../../gates/definitions.js'),
    import('../../gates/run.js'),
    import('../../gates/progress.js'),
    import('../../gates/summary.js'),
  ]);
  const repoDir = values.repo ?? process.cwd();
  const loaded = await loadGates(repoDir, values['policy-from'] ?? 'HEAD', values.rev === undefined);
  if (loaded.note !== null) process.stderr.write(`gatehouse: note: ${loaded.note}\n`);
  const gates = selectGates(loaded.gates, values.gate ?? [], loaded.source);

  const controller = new AbortController();
  // Ctrl-C or a kill: stop the gates' process groups, remove the worktree, then exit 130.
  const onSignal = (): void => {
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = process.stderr.isTTY ? terminalProgress(gates, (text) => process.stderr.write(text), wantsColour(process.stderr), process.stderr.columns) : plainProgress((text) => process.stderr.write(text));
  try {
    const run = await runGates({
      repoDir,
      revision: values.rev ?? 'worktree',
      gates,
      noCache: values['no-cache'] === true,
      ...(jobs !== undefined ? { jobs } : {}),
      progress,
      signal: controller.signal,
    });
    progress.stop();
    process.stdout.write(format === 'json' ? `${JSON.stringify(gateRunJson(run), null, 2)}\n` : `\n${renderGateSummary(run, { color: wantsColour(process.stdout) })}`);
    if (controller.signal.aborted) return 130;
    return run.results.every((result) => result.state === 'passed') ? 0 : 1;
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function positiveInteger(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new InputError(`${option}: '${text}' is not a positive whole number`);
  return value;
}
