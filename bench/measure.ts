import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { PEAK_RSS_MARKER } from './rss-marker.js';

/** One command to time: what to run, and which exit codes count as success. */
export interface Command {
  label: string;
  file: string;
  args: readonly string[];
  okCodes: readonly number[];
  /** Keep standard output (to read the report); otherwise it goes to /dev/null like `> /dev/null`. */
  captureStdout: boolean;
}

export interface RunResult {
  wallMs: number;
  /** Peak RSS in MiB, when the process reported it (Node processes run with the preload). */
  peakRssMiB: number | null;
  code: number;
  stdout: string;
  stderr: string;
}

export interface Measurement {
  label: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  peakRssMiB: number | null;
  /** Standard output and exit code of the last run, for figures such as the number of findings. */
  stdout: string;
  code: number;
}

export class CommandFailed extends Error {}

/** Run once; wall time spans spawn to exit, so process start-up is part of it, as a user sees it. */
export async function runOnce(command: Command): Promise<RunResult> {
  const started = performance.now();
  const child = spawn(command.file, command.args, { stdio: ['ignore', command.captureStdout ? 'pipe' : 'ignore', 'pipe'] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  const wallMs = performance.now() - started;
  const { text, peakKiB } = splitPeakRss(Buffer.concat(stderr).toString('utf8'));
  return {
    wallMs,
    peakRssMiB: peakKiB === null ? null : peakKiB / 1024,
    code: code ?? (signal === null ? -1 : 128),
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: text,
  };
}

/** One untimed warm-up run (it fills the page cache and checks the command works), then `runs` timed ones. */
export async function measure(command: Command, runs: number): Promise<Measurement> {
  check(command, await runOnce(command));
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i++) results.push(check(command, await runOnce(command)));
  const walls = results.map((result) => result.wallMs).sort((a, b) => a - b);
  const peaks = results.map((result) => result.peakRssMiB).filter((peak): peak is number => peak !== null);
  return {
    label: command.label,
    runs,
    medianMs: median(walls),
    minMs: walls[0]!,
    maxMs: walls[walls.length - 1]!,
    peakRssMiB: peaks.length > 0 ? Math.max(...peaks) : null,
    stdout: results[results.length - 1]?.stdout ?? '',
    code: results[results.length - 1]?.code ?? 0,
  };
}

function check(command: Command, result: RunResult): RunResult {
  if (command.okCodes.includes(result.code)) return result;
  throw new CommandFailed(`${command.label}: exit code ${result.code}\n$ ${command.file} ${command.args.join(' ')}\n${result.stderr.trim()}`);
}

function splitPeakRss(stderr: string): { text: string; peakKiB: number | null } {
  const at = stderr.lastIndexOf(PEAK_RSS_MARKER);
  if (at < 0) return { text: stderr, peakKiB: null };
  const value = Number.parseInt(stderr.slice(at + PEAK_RSS_MARKER.length), 10);
  return { text: stderr.slice(0, at).trimEnd(), peakKiB: Number.isFinite(value) ? value : null };
}

export function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
