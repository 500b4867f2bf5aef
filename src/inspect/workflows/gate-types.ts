/**
 * The types of the shared gate-command contract (see `src/inspect/gates/gate-commands.ts`),
 * re-exported from one place so the workflow model names them once.
 */
export type GateKind = 'test' | 'lint' | 'typecheck' | 'coverage' | 'build' | 'e2e' | 'format' | 'gatehouse';
export interface ScriptScope {
  dir: string;
  packageScripts(dir: string): ReadonlyMap<string, string> | null;
}
export interface ScriptInput {
  script: string;
  firstLine: number;
  scope: ScriptScope;
}
export interface GateCommand {
  kind: GateKind;
  tool: string;
  text: string;
  line: number;
}
export interface GateWeakening {
  how: 'neutralised' | 'non-failing' | 'narrowed' | 'flag-removed' | 'removed';
  kind: GateKind;
  tool: string;
  message: string;
  before: string;
  after: string;
  line: number;
  key: string;
}
