import path from 'node:path';
import type { ConfigSource } from '../config-source.js';
import { isPackageJson, isWorkflow } from '../commands/files.js';
import { readPackageScripts } from '../commands/package-scripts.js';
import type { GateClassifier } from './classifier.js';
import { chainLookups, evaluateCondition, evaluateText, interpolate, lookupIn, templateSpans, type Json, type Lookup, type Value } from './expressions.js';
import type { ScriptInput } from './gate-types.js';
import { expandMatrix, SINGLE, type Cell } from './matrix.js';
import { gateKey, type GateStep, type GateUse, type JobNode, type Where, type WorkflowFacts, type WorkflowIssue, type WorkflowSummary } from './model.js';
import { parseAction, parseWorkflow, type At, type JobDef, type StepDef, type WorkflowDef } from './parse.js';
import { gateAction, remoteIdentity } from './remote-actions.js';
import { isChangeEvent, type EventFilter } from './triggers.js';

/**
 * Expands a revision's workflows into gate steps per context (see `model.ts`).
 *
 * - Each workflow with a change event (`push`, `pull_request`, `pull_request_target`,
 *   `merge_group`) is expanded once per such event; `github.event_name` is known there.
 * - Jobs are expanded per matrix cell; `matrix.*` is known in the job's `if:`,
 *   `continue-on-error:`, `with:` and `run:` texts.
 * - A job `uses: ./.github/workflows/x.yml` inlines that workflow's jobs with `inputs.*` from
 *   `with:` (evaluated in the caller's cell) over the `workflow_call` input defaults; the caller's
 *   `if:` and matrix apply to every inlined job. Nesting stops at 10 levels and at a cycle.
 * - A step `uses: ./path` with a composite `action.yml` inlines its `runs.steps` with `inputs.*`
 *   from `with:` over the action's defaults; the outer step's `if:` and `continue-on-error:` apply.
 * - A `run:` script is handed to the gate classifier with the shell GitHub runs it with: the
 *   default (`bash -e {0}`) and `sh` stop at the first failing command (`errexit`), an explicit
 *   `shell: bash` also sets `pipefail`. Other shells (pwsh, cmd, python) are not read.
 */

const MAX_NESTING = 10;


/** Everything inherited from enclosing jobs and steps. */
interface Status {
  disabled: Where | null;
  nonBlocking: Where | null;
  conditions: Where[];
  maybeNonBlocking: Where[];
}

const NORMAL: Status = { disabled: null, nonBlocking: null, conditions: [], maybeNonBlocking: [] };

interface Context {
  workflow: string;
  event: string;
  filter: EventFilter;
  eventLine: number;
}

interface Frame {
  inputs: Record<string, Json>;
  cell: Cell;
  job: string;
  matrixAt: { file: string; line: number } | null;
  dynamicMatrix: boolean;
  status: Status;
  timeout: number | null;
  stack: string[];
}

const rawText = (value: Json): string => (typeof value === 'string' ? value : JSON.stringify(value));

function truthOf(value: Value): boolean | undefined {
  if (!value.known) return value.truthy;
  const v = value.value;
  return !(v === null || v === false || v === '' || v === 0);
}

/** Applies an `if:` and a `continue-on-error:` to a status. */
function apply(status: Status, file: string, condition: At<Json> | undefined, coe: At<Json> | undefined, lookup: Lookup): Status {
  let next = status;
  if (condition) {
    const truth = evaluateCondition(condition.value, lookup);
    const where = { file, line: condition.line, text: `if: ${rawText(condition.value)}` };
    if (truth === 'false' && !next.disabled) next = { ...next, disabled: where };
    if (truth === 'unknown') next = { ...next, conditions: [...next.conditions, where] };
  }
  if (coe) {
    const where = { file, line: coe.line, text: `continue-on-error: ${rawText(coe.value)}` };
    const value = coe.value;
    let truth: boolean | undefined;
    if (typeof value === 'string') {
      const spans = templateSpans(value);
      truth = spans.length === 1 && spans[0]!.start === 0 && spans[0]!.end === value.length ? truthOf(evaluateText(spans[0]!.expression, lookup)) : value !== '' && value !== 'false';
    } else truth = value !== null && value !== false && value !== 0;
    if (truth === true && !next.nonBlocking) next = { ...next, nonBlocking: where };
    if (truth === undefined) next = { ...next, maybeNonBlocking: [...next.maybeNonBlocking, where] };
  }
  return next;
}

/** What expressions know in a context: the event, the matrix cell (in full unless a matrix on the way is dynamic), the inputs given. */
function contextLookup(context: Context, cell: Cell | null, inputs: Record<string, Json>, cellComplete = false): Lookup {
  const github: Lookup = (p) => (p[0] === 'github' && p[1] === 'event_name' && p.length === 2 ? { known: true, value: context.event } : { known: false });
  return chainLookups(github, ...(cell ? [lookupIn('matrix', cell, cellComplete)] : []), lookupIn('inputs', inputs));
}

/** `with:` values with their `${{ }}` evaluated where known (unknown ones are left out: then the input default does not apply either). */
function evaluateWith(values: Record<string, Json>, lookup: Lookup): { known: Record<string, Json>; unknown: string[] } {
  const result: Record<string, Json> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (typeof value !== 'string') {
      result[key] = value;
      continue;
    }
    const spans = templateSpans(value);
    if (spans.length === 1 && spans[0]!.start === 0 && spans[0]!.end === value.length) {
      const v = evaluateText(spans[0]!.expression, lookup);
      if (v.known) result[key] = v.value;
      else unknown.push(key);
      continue;
    }
    const text = interpolate(value, lookup);
    if (text.unknown.length === 0) result[key] = text.text;
    else unknown.push(key);
  }
  return { known: result, unknown };
}

/**
 * The scripts of a package.json. `JSON.parse` first: a monorepo's `pnpm -r test` reads hundreds
 * of them, and the scripts inspector's YAML-based reader (kept for what JSON.parse rejects, such as
 * duplicate-tolerant or commented files) costs ten times more per file; lines are not needed here.
 */
function scriptsOf(text: string): ReadonlyMap<string, string> | null {
  try {
    const json = JSON.parse(text) as unknown;
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
    const scripts = (json as { scripts?: unknown }).scripts;
    const entries = scripts !== null && typeof scripts === 'object' ? Object.entries(scripts) : [];
    return new Map(entries.filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    const scripts = readPackageScripts(text);
    return scripts ? new Map([...scripts].map(([name, entry]) => [name, entry.text])) : null;
  }
}

/** Inputs of a call: given values over defaults; an input given an unknown value is unknown, whatever its default. */
function callInputs(defaults: Record<string, Json>, given: { known: Record<string, Json>; unknown: string[] }): Record<string, Json> {
  return Object.fromEntries(Object.entries({ ...defaults, ...given.known }).filter(([key]) => !given.unknown.includes(key)));
}

function resolveDir(rel: string | undefined): string {
  if (rel === undefined || rel === '' || rel === '.') return '';
  const normal = path.posix.normalize(rel.replace(/^\.\//, '')).replace(/\/+$/, '');
  return normal === '.' ? '' : normal;
}

const numberOf = (at: At<Json> | undefined): number | null => (at && typeof at.value === 'number' ? at.value : null);

/** A job `if:` that still runs when a needed job was skipped or failed: it calls a status function other than `success()`. */
const RUNS_AFTER_SKIP = /\b(always|failure|cancelled)\s*\(/;

/**
 * Jobs that never run in a context because a job they need never runs: GitHub skips a job whose
 * needed job was skipped unless its `if:` calls `always()`, `failure()` or `cancelled()`. An
 * `if: false` on a small "changed files" job thus disables every job that needs it.
 */
function skippedByNeeds(workflow: WorkflowDef, lookup: Lookup): Map<string, Where> {
  const byId = new Map(workflow.jobs.map((job) => [job.id, job]));
  const withoutMatrix: Lookup = (path) => (path[0] === 'matrix' ? { known: false } : lookup(path));
  const result = new Map<string, Where | null>();
  const visiting = new Set<string>();
  const visit = (id: string): Where | null => {
    if (result.has(id)) return result.get(id) ?? null;
    const job = byId.get(id);
    if (!job || visiting.has(id)) return null;
    visiting.add(id);
    let skip: Where | null = null;
    // The job's own `if:` is applied per cell when it is expanded; here only its needs count.
    const condition = job.if;
    const escapes = condition !== undefined && typeof condition.value === 'string' && RUNS_AFTER_SKIP.test(condition.value);
    if (!escapes) {
      for (const need of job.needs) {
        const needed = byId.get(need);
        if (!needed) continue;
        // Matrix values are not known here: only a condition false whatever the cell counts.
        const neededIf = needed.if && evaluateCondition(needed.if.value, withoutMatrix) === 'false' ? needed.if : undefined;
        if (neededIf) {
          skip = { file: workflow.file, line: job.needsLine, text: `needs: ${need}, which never runs here (if: ${rawText(neededIf.value)})` };
          break;
        }
        const upstream = visit(need);
        if (upstream) {
          skip = { file: workflow.file, line: job.needsLine, text: `needs: ${need}, which never runs here (${upstream.text})` };
          break;
        }
      }
    }
    visiting.delete(id);
    result.set(id, skip);
    return skip;
  };
  const skipped = new Map<string, Where>();
  for (const job of workflow.jobs) {
    const skip = visit(job.id);
    if (skip) skipped.set(job.id, skip);
  }
  return skipped;
}

/** Every `run:` step in every context, as the classifier would read it (see `workflowRunSteps`). */
export type RunVisitor = (step: Omit<GateStep, 'gates'> & { script: ScriptInput; runText: string }) => void;

export function expandWorkflows(source: ConfigSource, classifier: GateClassifier, onRun?: RunVisitor): WorkflowFacts {
  const steps: GateStep[] = [];
  const workflows: WorkflowSummary[] = [];
  const jobs: JobNode[] = [];
  const unresolvable: WorkflowIssue[] = [];
  const invalid: string[] = [];
  const issueKeys = new Set<string>();
  const issue = (file: string, line: number, message: string): void => {
    const key = `${file}:${line}:${message}`;
    if (issueKeys.has(key)) return;
    issueKeys.add(key);
    unresolvable.push({ file, line, message });
  };

  // `npm run X` in a step resolves as it does for `ci/script-weakened`.
  const packages = new Map<string, ReadonlyMap<string, string> | null>();
  const packageScripts = (dir: string): ReadonlyMap<string, string> | null => {
    if (!packages.has(dir)) {
      const text = source.read(dir === '' ? 'package.json' : `${dir}/package.json`);
      packages.set(dir, text === null ? null : scriptsOf(text));
    }
    return packages.get(dir) ?? null;
  };
  // Workspaces of `pnpm -r test` / `npm test -ws` / `turbo run test`: the package.json folders below a folder.
  const packageDirs = source.paths.filter(isPackageJson).map((file) => path.posix.dirname(file).replace(/^\.$/, '')).sort();
  const workspaceDirs = (at: string): readonly string[] => packageDirs.filter((dir) => dir !== at && (at === '' || dir.startsWith(`${at}/`)));

  // A step is expanded once per event and matrix cell; its script is read once per distinct text.
  const classified = new Map<string, GateUse[]>();
  // The same text on another line (`pnpm build` in every job) is read once, at line 1, and its
  // gates moved to the step's line: a monorepo's `pnpm -r test` fans out to every package script.
  const classify = (input: ScriptInput): GateUse[] => {
    const key = `${input.scope.dir}\0${String(input.pipefail)}\0${input.script}`;
    let gates = classified.get(key);
    if (!gates) {
      const seen = new Set<string>();
      gates = [];
      for (const g of classifier.gateCommands({ ...input, firstLine: 1 })) {
        const gate = { kind: g.kind, tool: g.tool, text: g.text, line: g.line, masked: g.masked?.detail ?? null, dir: g.dir };
        // The same command reached through several packages is one gate of the step.
        const id = `${gate.kind}\0${gate.tool}\0${gate.dir}\0${gate.text}\0${gate.line}\0${gate.masked ?? ''}`;
        if (seen.has(id)) continue;
        seen.add(id);
        gates.push(gate);
      }
      classified.set(key, gates);
    }
    return gates.map((g) => ({ ...g, line: g.line + input.firstLine - 1 }));
  };

  const workflowCache = new Map<string, WorkflowDef | null>();
  const readWorkflow = (file: string): WorkflowDef | null => {
    if (!workflowCache.has(file)) {
      const text = source.read(file);
      let def: WorkflowDef | null = null;
      if (text !== null) {
        const parsed = parseWorkflow(file, text);
        if (parsed.ok) def = parsed.value;
        else {
          invalid.push(file);
          issue(file, parsed.line, `the workflow is not valid YAML: ${parsed.message}`);
        }
      }
      workflowCache.set(file, def);
    }
    return workflowCache.get(file) ?? null;
  };

  const script = (run: NonNullable<StepDef['run']>, text: string, shell: string | undefined, dir: string): ScriptInput | null => {
    const name = shell?.trim().split(/\s+/)[0];
    // Not a POSIX shell: the script is not read (pwsh, cmd, python, node…).
    if (name !== undefined && name !== 'bash' && name !== 'sh') return null;
    // GitHub runs `bash -e {0}` by default, `bash --noprofile --norc -eo pipefail {0}` for `shell: bash`, `sh -e {0}` for `shell: sh`.
    return { script: text, firstLine: run.firstLine, scope: { dir, packageScripts, workspaceDirs }, errexit: true, pipefail: name === 'bash' };
  };

  const expandSteps = (file: string, defs: readonly StepDef[], context: Context, frame: Frame, lookup: Lookup, defaults: { shell?: string; dir?: string }, composite: boolean): void => {
    for (const step of defs) {
      const status = apply(frame.status, file, step.if, step.continueOnError, lookup);
      const timeout = numberOf(step.timeoutMinutes) ?? frame.timeout;
      const base = {
        workflow: context.workflow,
        event: context.event,
        filter: context.filter,
        eventLine: context.eventLine,
        job: frame.job,
        matrixAt: frame.matrixAt,
        dynamicMatrix: frame.dynamicMatrix,
        cell: frame.cell,
        file,
        line: step.line,
        ...status,
        timeoutMinutes: timeout,
      };
      if (step.uses) {
        const uses = step.uses.value;
        if (uses.startsWith('./')) {
          const dir = resolveDir(uses);
          const actionFile = [`${dir}/action.yml`, `${dir}/action.yaml`].find((candidate) => source.paths.includes(candidate));
          if (!actionFile) {
            issue(file, step.uses.line, `local action \`${uses}\` has no action.yml or action.yaml: what it runs is unknown`);
            continue;
          }
          if (frame.stack.includes(actionFile) || frame.stack.length >= MAX_NESTING) {
            issue(file, step.uses.line, `local action \`${uses}\` is nested too deeply or calls itself: not followed`);
            continue;
          }
          const text = source.read(actionFile);
          if (text === null) continue;
          const parsed = parseAction(actionFile, text);
          if (!parsed.ok) {
            issue(actionFile, parsed.line, `the action is not valid YAML: ${parsed.message}`);
            continue;
          }
          if (parsed.value.using !== 'composite') continue;
          const inputs = callInputs(parsed.value.inputs, evaluateWith(step.with, lookup));
          const inner: Frame = { ...frame, inputs, status, timeout, stack: [...frame.stack, actionFile] };
          // A composite action sees `inputs` and `github`, not the caller's `matrix`.
          expandSteps(actionFile, parsed.value.steps, context, inner, contextLookup(context, null, inputs), {}, true);
          continue;
        }
        const gate = gateAction(uses);
        if (gate) steps.push({ ...base, gates: [{ ...gate, text: remoteIdentity(uses) ?? uses, line: step.uses.line, masked: null, dir: '' }], script: null, runText: null });
        continue;
      }
      if (!step.run) continue;
      const text = interpolate(step.run.text, lookup).text;
      // Composite steps run in the workspace root, not in the job's `defaults.run.working-directory`.
      const dir = resolveDir(step.workingDirectory ?? (composite ? undefined : defaults.dir));
      const input = script(step.run, text, step.shell ?? (composite ? undefined : defaults.shell), dir);
      if (!input) continue;
      onRun?.({ ...base, script: input, runText: step.run.text });
      let gates: GateUse[];
      try {
        gates = classify(input);
      } catch (error) {
        issue(file, step.run.line, `the run script could not be read: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (gates.length > 0) steps.push({ ...base, gates, script: input, runText: step.run.text });
    }
  };

  const expandJob = (workflow: WorkflowDef, job: JobDef, context: Context, outer: Frame, node: JobNode | null): void => {
    const matrixLookup = contextLookup(context, outer.cell, outer.inputs);
    let cells: Cell[] = [{}];
    let dynamic = outer.dynamicMatrix;
    let matrixAt = outer.matrixAt;
    if (job.matrix) {
      const matrix = expandMatrix(job.matrix.value, matrixLookup);
      matrixAt = { file: workflow.file, line: job.matrix.line };
      if (matrix.kind === 'dynamic') {
        issue(workflow.file, job.matrix.line, `the matrix of job \`${job.id}\` is computed at run time (\`${matrix.expression}\`): its cells cannot be compared`);
        dynamic = true;
      } else cells = matrix.cells;
    } else cells = SINGLE.kind === 'static' ? SINGLE.cells : [{}];
    for (const own of cells) {
      const cell = { ...outer.cell, ...own };
      const lookup = contextLookup(context, cell, outer.inputs, !dynamic);
      const status = apply(outer.status, workflow.file, job.if, job.continueOnError, lookup);
      const frame: Frame = { ...outer, cell, matrixAt, dynamicMatrix: dynamic, status, timeout: numberOf(job.timeoutMinutes) ?? outer.timeout, job: outer.job === '' ? job.id : `${outer.job}/${job.id}` };
      const before = steps.length;
      if (job.uses) {
        const uses = job.uses.value;
        if (!uses.startsWith('./')) {
          if (node) node.remoteWorkflow = remoteIdentity(uses);
          continue;
        }
        const called = resolveDir(uses.split('@')[0]);
        if (outer.stack.includes(called) || outer.stack.length >= MAX_NESTING) {
          issue(workflow.file, job.uses.line, `reusable workflow \`${uses}\` is nested too deeply or calls itself: not followed`);
          continue;
        }
        if (!source.paths.includes(called)) {
          issue(workflow.file, job.uses.line, `reusable workflow \`${uses}\` does not exist: what it runs is unknown`);
          continue;
        }
        const def = readWorkflow(called);
        if (!def) continue;
        const inputs = callInputs(def.callInputs, evaluateWith(job.with, lookup));
        const inner: Frame = { ...frame, inputs, stack: [...outer.stack, called] };
        for (const innerJob of def.jobs) expandJob(def, innerJob, context, inner, null);
      } else {
        expandSteps(workflow.file, job.steps, context, frame, lookup, { ...(job.defaultShell ?? workflow.defaultShell ? { shell: job.defaultShell ?? workflow.defaultShell } : {}), ...(job.defaultDir ?? workflow.defaultDir ? { dir: job.defaultDir ?? workflow.defaultDir } : {}) }, false);
      }
      if (node) {
        for (const step of steps.slice(before)) {
          if (step.disabled || step.nonBlocking) continue;
          for (const gate of step.gates) if (gate.masked === null && !node.gates.includes(gateKey(gate))) node.gates.push(gateKey(gate));
        }
      }
    }
  };

  for (const file of [...source.paths].filter(isWorkflow).sort()) {
    const workflow = readWorkflow(file);
    if (!workflow) continue;
    workflows.push({ file, onLine: workflow.onLine, events: [...(workflow.triggers?.keys() ?? [])] });
    const nodes = new Map<string, JobNode>();
    for (const job of workflow.jobs) nodes.set(job.id, { workflow: file, id: job.id, name: job.name ?? null, line: job.line, needs: job.needs, needsLine: job.needsLine, gates: [], remoteWorkflow: null });
    for (const [event, filter] of workflow.triggers ?? []) {
      if (!isChangeEvent(event)) continue;
      const context: Context = { workflow: file, event, filter, eventLine: workflow.eventLines.get(event) ?? workflow.onLine };
      const root: Frame = { inputs: {}, cell: {}, job: '', matrixAt: null, dynamicMatrix: false, status: NORMAL, timeout: null, stack: [file] };
      const skipped = skippedByNeeds(workflow, contextLookup(context, null, {}));
      for (const job of workflow.jobs) {
        const skip = skipped.get(job.id);
        expandJob(workflow, job, context, skip ? { ...root, status: { ...NORMAL, disabled: skip } } : root, nodes.get(job.id) ?? null);
      }
    }
    // Jobs of a workflow only other workflows call still count for `needs` inside it.
    if (![...(workflow.triggers?.keys() ?? [])].some(isChangeEvent) && workflow.triggers?.has('workflow_call')) {
      const context: Context = { workflow: file, event: 'workflow_call', filter: {}, eventLine: workflow.onLine };
      const scratch = steps.length;
      const root: Frame = { inputs: { ...workflow.callInputs }, cell: {}, job: '', matrixAt: null, dynamicMatrix: false, status: NORMAL, timeout: null, stack: [file] };
      for (const job of workflow.jobs) expandJob(workflow, job, context, root, nodes.get(job.id) ?? null);
      steps.length = scratch;
    }
    jobs.push(...nodes.values());
  }
  return { workflows, steps, jobs, unresolvable, invalid };
}

/**
 * Every `run:` step of a revision's workflows in every change context, with local composite
 * actions and reusable workflows inlined and `${{ matrix.* }}` / `${{ inputs.* }}` replaced where
 * known: what a reader of command lines (coverage flags, test runner filters) sees on GitHub.
 * No shell parser is needed: the scripts are not classified.
 */
export function workflowRunSteps(source: ConfigSource): Parameters<RunVisitor>[0][] {
  const steps: Parameters<RunVisitor>[0][] = [];
  const none: GateClassifier = { load: () => Promise.resolve(), gateCommands: () => [], compareGateScripts: () => [] };
  expandWorkflows(source, none, (step) => steps.push(step));
  return steps;
}
