import { formatDuration } from './duration.js';
import type { GateDefinition, GateResult } from './model.js';
import type { ProgressSink } from './run.js';
import { describeResult, painter } from './summary.js';

export interface ProgressDisplay extends ProgressSink {
  /** Draw the final state and stop redrawing. */
  stop(): void;
}

/** Plain lines, for CI logs and anything that is not a terminal: `unit: started`, `unit: passed in 12.3s`. */
export function plainProgress(write: (text: string) => void): ProgressDisplay {
  return {
    gateStarted: (gate) => {
      write(`${gate.name}: started\n`);
    },
    gateFinished: (result) => {
      write(`${result.name}: ${describeResult(result)}\n`);
    },
    stop: () => undefined,
  };
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 100;

/**
 * One line per gate, redrawn in place with ANSI cursor movement: a spinner and the elapsed time
 * while a gate runs, ✓ or ✗ when it is done. For a person at a terminal only.
 */
export function terminalProgress(gates: readonly GateDefinition[], write: (text: string) => void, color: boolean, columns = 80): ProgressDisplay {
  const paint = painter(color);
  // A line wider than the terminal wraps, and the cursor would no longer go back to the first line.
  const fit = (text: string): string => {
    const room = Math.max(10, columns - width - 4);
    return text.length > room ? `${text.slice(0, room - 1)}…` : text;
  };
  let stopped = false;
  const started = new Map<string, number>();
  const finished = new Map<string, GateResult>();
  const width = Math.max(...gates.map((gate) => gate.name.length), 4);
  let frame = 0;
  let drawn = 0;
  const line = (gate: GateDefinition): string => {
    const result = finished.get(gate.name);
    const name = gate.name.padEnd(width);
    if (result) return `${result.state === 'passed' ? paint.green('✓') : paint.red('✗')} ${name}  ${fit(describeResult(result).split('\n')[0]!)}`;
    const since = started.get(gate.name);
    if (since === undefined) return `${paint.dim('·')} ${name}  ${paint.dim('waiting')}`;
    return `${paint.yellow(SPINNER[frame % SPINNER.length]!)} ${name}  running ${formatDuration(Date.now() - since)}`;
  };
  const draw = (): void => {
    if (stopped) return;
    const up = drawn > 0 ? `\u001b[${drawn}A` : '';
    write(up + gates.map((gate) => `\u001b[2K${line(gate)}\n`).join(''));
    drawn = gates.length;
  };
  const timer = setInterval(() => {
    frame += 1;
    draw();
  }, FRAME_MS);
  timer.unref();
  draw();
  return {
    gateStarted: (gate) => {
      started.set(gate.name, Date.now());
      draw();
    },
    gateFinished: (result) => {
      finished.set(result.name, result);
      draw();
    },
    stop: () => {
      clearInterval(timer);
      draw();
      stopped = true;
    },
  };
}
