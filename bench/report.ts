import type { RepoStats } from './generate.js';
import type { Machine } from './machine.js';
import type { Measurement } from './measure.js';

/** One line of the results table: a measurement and a short note on what it covered. */
export interface Row {
  measurement: Measurement;
  note: string;
}

export interface Results {
  machine: Machine;
  repo: RepoStats;
  /** Whether this run generated the repository (then its time is fresh) or reused the cache. */
  built: boolean;
  rows: readonly Row[];
  /** Free-form lines after the table: targets met or missed. */
  verdicts: readonly string[];
}

/** The results as Markdown, ready to paste into the README or docs/benchmarks.md. */
export function renderMarkdown(results: Results): string {
  return [
    '## Benchmark results',
    '',
    machineTable(results.machine),
    '',
    repoTable(results.repo, results.built),
    '',
    ...(results.rows.length > 0 ? [measurementTable(results.rows), ''] : []),
    ...results.verdicts.map((line) => `- ${line}`),
    '',
  ].join('\n');
}

function machineTable(machine: Machine): string {
  return table(
    ['Machine', ''],
    [
      ['CPU', machine.cpu],
      ['Cores', String(machine.cores)],
      ['Memory', `${machine.memoryGiB} GiB`],
      ['OS', machine.os],
      ['Node.js', machine.node],
      ['git', machine.git],
    ],
  );
}

function repoTable(repo: RepoStats, built: boolean): string {
  return table(
    ['Synthetic repository', ''],
    [
      ['Generator', `v${repo.generatorVersion}, ${built ? 'built in' : 'cached; built in'} ${repo.generateSeconds} s`],
      ['Files at `main`', count(repo.files)],
      ['Commits on `main`', count(repo.commits)],
      ['Content at `main`', megabytes(repo.contentBytes)],
      ['Pack on disk', megabytes(repo.packBytes)],
      ['`main` / `feature`', `\`${repo.mainTip.slice(0, 12)}\` / \`${repo.featureTip.slice(0, 12)}\``],
    ],
  );
}

function measurementTable(rows: readonly Row[]): string {
  return table(
    ['Measurement', 'Runs', 'Median', 'Min', 'Max', 'Peak RSS', 'Notes'],
    rows.map(({ measurement: m, note }) => [
      m.label,
      String(m.runs),
      duration(m.medianMs),
      duration(m.minMs),
      duration(m.maxMs),
      m.peakRssMiB === null ? '—' : `${Math.round(m.peakRssMiB)} MiB`,
      note,
    ]),
  );
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function duration(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
