/**
 * What the workflow model needs from the gate classifier of shell scripts
 * (`src/inspect/gates/gate-commands.ts`, owned by the scripts inspector). The model takes it as a
 * dependency so that the rule and its inspector load it (and tree-sitter-bash) only when a change
 * touches a workflow, an action or a package.json.
 */
import type { GateCommand, GateWeakening, ScriptInput } from './gate-types.js';

export interface GateClassifier {
  /** Loaded once before the synchronous functions are used (tree-sitter-bash). */
  load(): Promise<void>;
  gateCommands(input: ScriptInput): GateCommand[];
  compareGateScripts(base: ScriptInput, head: ScriptInput): GateWeakening[];
}

/** The shell gate classifier of the scripts inspector. */
export async function loadGateClassifier(): Promise<GateClassifier> {
  const gates = await import('../gates/gate-commands.js');
  return { load: gates.loadShellParser, gateCommands: gates.gateCommands, compareGateScripts: gates.compareGateScripts };
}
