import type { Cell } from './matrix.js';
import type { EventFilter } from './triggers.js';
import type { GateKind, ScriptInput } from './gate-types.js';

/**
 * The facts of a revision's CI workflows, as the gate rules compare them: every gate step in
 * every context it runs in, after inlining local reusable workflows and composite actions.
 *
 * A context is (workflow, event, that event's filters, matrix cell). The same step appears once
 * per context, so "what did the head lose" is a set difference over contexts, whatever the jobs
 * and steps are named. Designed for GitHub Actions; a GitLab CI reader would produce the same
 * facts (its `rules:`/`only:` as the event filters, `parallel:matrix` as cells).
 */

/** A place in a file and the text written there (an `if:`, a `continue-on-error:`). */
export interface Where {
  file: string;
  line: number;
  text: string;
}

/** One gate a step runs: a command of its `run:` script, or a known gate action. */
export interface GateUse {
  kind: GateKind;
  tool: string;
  /** The command as written (normalised whitespace), or the action's `owner/repo/path`. */
  text: string;
  line: number;
  /** Null when the command's failure fails the step; else why it cannot (`|| true`, `set +e`…). */
  masked: string | null;
  /** The folder the command runs in ('' for the root and for actions). */
  dir: string;
}

export interface GateStep {
  /** The workflow whose trigger gives this context (the caller, for an inlined reusable workflow). */
  workflow: string;
  event: string;
  filter: EventFilter;
  /** Line of the event under `on:` in `workflow`. */
  eventLine: number;
  /** Job ids from the workflow's job down to the job of the step: `ci/test` through a reusable workflow. */
  job: string;
  /** Where the matrix of the step's innermost matrix job is written, when it has one. */
  matrixAt: { file: string; line: number } | null;
  /** Whether a matrix on the way is dynamic (`fromJSON(…)` of something unknown): its cells are not known. */
  dynamicMatrix: boolean;
  cell: Cell;
  /** The file and line of the step (a composite action's `action.yml` for an inlined step). */
  file: string;
  line: number;
  gates: GateUse[];
  /** The step's `run:` script as the gate classifier reads it; null for an action. */
  script: ScriptInput | null;
  /** The `run:` text as written, before `${{ }}` are replaced. */
  runText: string | null;
  /** The step never runs in this context: an `if:` (of the step, its job or an enclosing step) that is always false here. */
  disabled: Where | null;
  /** The step's failure does not fail the run: `continue-on-error` true on the step, its job or an enclosing step. */
  nonBlocking: Where | null;
  /** `if:` conditions whose value the run decides (the step may not run). */
  conditions: Where[];
  /** `continue-on-error:` expressions whose value the run decides. */
  maybeNonBlocking: Where[];
  /** `timeout-minutes` of the step, else of its job (a timeout fails the step: not a weakening). */
  timeoutMinutes: number | null;
}

/** A workflow's own job and what it (and the reusable workflow it calls) runs. */
export interface JobNode {
  workflow: string;
  id: string;
  name: string | null;
  line: number;
  needs: string[];
  needsLine: number;
  /** `kind:tool` of the gates its steps run and block on in at least one context. */
  gates: string[];
  /** A remote reusable workflow it calls (`owner/repo/.github/workflows/x.yml`), compared by reference. */
  remoteWorkflow: string | null;
}

export interface WorkflowIssue {
  file: string;
  line: number;
  message: string;
}

/** A workflow file and the events that trigger it. */
export interface WorkflowSummary {
  file: string;
  onLine: number;
  events: string[];
}

export interface WorkflowFacts {
  workflows: WorkflowSummary[];
  steps: GateStep[];
  jobs: JobNode[];
  /** What could not be read or resolved: invalid YAML, a missing local action, a dynamic matrix. */
  unresolvable: WorkflowIssue[];
  /** Workflow files that are not valid YAML. */
  invalid: string[];
}

/** `kind:tool` of a gate. */
export const gateKey = (gate: { kind: GateKind; tool: string }): string => `${gate.kind}:${gate.tool}`;
