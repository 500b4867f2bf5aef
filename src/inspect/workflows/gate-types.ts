/**
 * The types of the shared gate-command contract, named once for the workflow model. The
 * classifier itself (`src/inspect/gates/gate-commands.ts`) is loaded lazily, with tree-sitter-bash.
 */
export type { GateCommand, GateKind, GateWeakening, ScriptInput, ScriptScope } from '../gates/gate-commands.js';
