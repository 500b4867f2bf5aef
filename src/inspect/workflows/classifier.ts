/**
 * What the workflow model needs from the gate classifier of shell scripts
 * (`src/inspect/gates/gate-commands.ts`, owned by the scripts inspector). The model takes it as a
 * dependency so the same model serves the real classifier and tests.
 */
import type { GateCommand, GateKind, GateWeakening, ScriptInput } from './gate-types.js';

export type { GateCommand, GateKind, GateWeakening, ScriptInput, ScriptScope } from './gate-types.js';

export interface GateClassifier {
  /** Loaded once before the synchronous functions are used (tree-sitter-bash). */
  load(): Promise<void>;
  gateCommands(input: ScriptInput): GateCommand[];
  compareGateScripts(base: ScriptInput, head: ScriptInput): GateWeakening[];
}

export const GATE_KINDS: readonly GateKind[] = ['test', 'lint', 'typecheck', 'coverage', 'build', 'e2e', 'format', 'gatehouse'];
