import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Json } from './expressions.js';
import { readTriggers, type EventFilter } from './triggers.js';

/**
 * GitHub Actions workflow files (`.github/workflows/*.yml`) and action metadata files
 * (`action.yml` / `action.yaml`) read into plain definitions with the line of every key the
 * gate rules point at. Nothing is evaluated here: `if:`, `continue-on-error:` and `with:` keep
 * their raw values, expanded later per event and matrix cell (`expand.ts`).
 */

/** A raw value with the line it is written on. */
export interface At<T> {
  value: T;
  line: number;
}

export interface StepDef {
  index: number;
  line: number;
  name?: string;
  id?: string;
  if?: At<Json>;
  continueOnError?: At<Json>;
  timeoutMinutes?: At<Json>;
  run?: { text: string; line: number; firstLine: number };
  shell?: string;
  uses?: At<string>;
  with: Record<string, Json>;
  workingDirectory?: string;
}

export interface JobDef {
  id: string;
  line: number;
  name?: string;
  needs: string[];
  needsLine: number;
  if?: At<Json>;
  continueOnError?: At<Json>;
  timeoutMinutes?: At<Json>;
  /** `strategy.matrix` as data, and the line of `strategy:`. */
  matrix?: At<Json>;
  /** A reusable workflow: `uses: ./.github/workflows/x.yml` or `owner/repo/.github/workflows/x.yml@ref`. */
  uses?: At<string>;
  with: Record<string, Json>;
  steps: StepDef[];
  defaultShell?: string;
  defaultDir?: string;
}

export interface WorkflowDef {
  file: string;
  /** Event → filters; null when `on:` is missing or has another shape. */
  triggers: Map<string, EventFilter> | null;
  onLine: number;
  /** Line of each event key under `on:` (the `on:` line when written as a string or list). */
  eventLines: Map<string, number>;
  /** Defaults of `on.workflow_call.inputs`. */
  callInputs: Record<string, Json>;
  jobs: JobDef[];
  defaultShell?: string;
  defaultDir?: string;
}

export interface ActionDef {
  file: string;
  /** `runs.using`: `composite`, `node20`, `docker`… */
  using: string | null;
  steps: StepDef[];
  inputs: Record<string, Json>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; line: number; message: string };

interface Reader {
  line(node: unknown): number;
  /** The node an alias (`*name`) stands for; other nodes as they are. GitHub accepts YAML anchors. */
  resolve(node: unknown): unknown;
}

function scalar(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number' || typeof node.value === 'boolean') ? String(node.value) : undefined;
}

function toJson(node: unknown): Json {
  if (node === null || node === undefined) return null;
  if (isScalar(node) || isMap(node) || isSeq(node)) return node.toJSON() as Json;
  return null;
}

function at(map: YAMLMap, key: string, reader: Reader): At<Json> | undefined {
  const pair = map.items.find((item) => scalar(item.key) === key);
  if (!pair) return undefined;
  return { value: toJson(pair.value), line: reader.line(pair.key) };
}

function withValues(map: YAMLMap): Record<string, Json> {
  const node = map.get('with', true);
  const value = toJson(node);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function runDefaults(map: YAMLMap): { shell?: string; dir?: string } {
  const defaults = map.get('defaults', true);
  const run = isMap(defaults) ? defaults.get('run', true) : undefined;
  if (!isMap(run)) return {};
  const shell = scalar(run.get('shell', true));
  const dir = scalar(run.get('working-directory', true));
  return { ...(shell !== undefined ? { shell } : {}), ...(dir !== undefined ? { dir } : {}) };
}

function readSteps(written: unknown, reader: Reader): StepDef[] {
  const node = reader.resolve(written);
  if (!isSeq(node)) return [];
  const steps: StepDef[] = [];
  node.items.forEach((written, index) => {
    const item = reader.resolve(written);
    if (!isMap(item)) return;
    const step: StepDef = { index, line: reader.line(item), with: withValues(item) };
    const name = scalar(item.get('name', true));
    if (name !== undefined) step.name = name;
    const id = scalar(item.get('id', true));
    if (id !== undefined) step.id = id;
    const condition = at(item, 'if', reader);
    if (condition) step.if = condition;
    const coe = at(item, 'continue-on-error', reader);
    if (coe) step.continueOnError = coe;
    const timeout = at(item, 'timeout-minutes', reader);
    if (timeout) step.timeoutMinutes = timeout;
    const runNode = item.get('run', true);
    const runText = scalar(runNode);
    if (runText !== undefined) {
      const line = reader.line(runNode);
      const block = isScalar(runNode) && (runNode.type === Scalar.BLOCK_LITERAL || runNode.type === Scalar.BLOCK_FOLDED);
      step.run = { text: runText, line, firstLine: block ? line + 1 : line };
    }
    const shell = scalar(item.get('shell', true));
    if (shell !== undefined) step.shell = shell;
    const usesNode = item.get('uses', true);
    const uses = scalar(usesNode);
    if (uses !== undefined) step.uses = { value: uses.trim(), line: reader.line(usesNode) };
    const dir = scalar(item.get('working-directory', true));
    if (dir !== undefined) step.workingDirectory = dir;
    steps.push(step);
  });
  return steps;
}

function readJob(id: string, keyNode: unknown, job: YAMLMap, reader: Reader): JobDef {
  const needsPair = job.items.find((item) => scalar(item.key) === 'needs');
  const needsValue = toJson(needsPair?.value);
  const needs = typeof needsValue === 'string' ? [needsValue] : Array.isArray(needsValue) ? needsValue.map((n) => (typeof n === 'string' ? n : JSON.stringify(n))) : [];
  const def: JobDef = { id, line: reader.line(keyNode), needs, needsLine: needsPair ? reader.line(needsPair.key) : reader.line(keyNode), with: withValues(job), steps: readSteps(job.get('steps', true), reader) };
  const name = scalar(job.get('name', true));
  if (name !== undefined) def.name = name;
  const condition = at(job, 'if', reader);
  if (condition) def.if = condition;
  const coe = at(job, 'continue-on-error', reader);
  if (coe) def.continueOnError = coe;
  const timeout = at(job, 'timeout-minutes', reader);
  if (timeout) def.timeoutMinutes = timeout;
  const strategyPair = job.items.find((item) => scalar(item.key) === 'strategy');
  if (strategyPair && isMap(strategyPair.value)) {
    const matrix = strategyPair.value.get('matrix', true);
    if (matrix !== undefined) def.matrix = { value: toJson(matrix), line: reader.line(strategyPair.key) };
  }
  const usesNode = job.get('uses', true);
  const uses = scalar(usesNode);
  if (uses !== undefined) def.uses = { value: uses.trim(), line: reader.line(usesNode) };
  const defaults = runDefaults(job);
  if (defaults.shell !== undefined) def.defaultShell = defaults.shell;
  if (defaults.dir !== undefined) def.defaultDir = defaults.dir;
  return def;
}

function parseYaml(text: string): { doc: ReturnType<typeof parseDocument>; reader: Reader } | { line: number; message: string } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) return { line: error.linePos?.[0].line ?? 1, message: error.message.split('\n')[0]! };
  const reader: Reader = {
    line: (node) => counter.linePos((node as YamlNode | undefined)?.range?.[0] ?? 0).line,
    resolve: (node) => (isAlias(node) ? node.resolve(doc) : node),
  };
  return { doc, reader };
}

/** The `inputs` of a workflow_call trigger or an action: name → default (absent defaults are not known). */
function inputDefaults(node: unknown): Record<string, Json> {
  const result: Record<string, Json> = {};
  if (!isMap(node)) return result;
  for (const pair of node.items) {
    const name = scalar(pair.key);
    if (name === undefined || !isMap(pair.value)) continue;
    const value = pair.value.get('default', true);
    if (value !== undefined) result[name] = toJson(value);
  }
  return result;
}

export function parseWorkflow(file: string, text: string): Parsed<WorkflowDef> {
  const parsed = parseYaml(text);
  if (!('doc' in parsed)) return { ok: false, ...parsed };
  const { doc, reader } = parsed;
  if (!isMap(doc.contents)) return { ok: false, line: 1, message: 'a workflow must be a mapping with `on` and `jobs`' };
  const root = doc.contents;
  // YAML 1.1 reads a bare `on` key as `true`; accept both spellings.
  const onPair = root.items.find((item) => scalar(item.key) === 'on' || (isScalar(item.key) && item.key.value === true));
  const onValue = toJson(onPair?.value);
  const eventLines = new Map<string, number>();
  const onLine = onPair ? reader.line(onPair.key) : 1;
  if (onPair && isMap(onPair.value)) {
    for (const item of onPair.value.items) {
      const event = scalar(item.key);
      if (event !== undefined) eventLines.set(event, reader.line(item.key));
    }
  }
  const triggers = onPair ? readTriggers(onValue) : null;
  for (const event of triggers?.keys() ?? []) if (!eventLines.has(event)) eventLines.set(event, onLine);
  let callInputs: Record<string, Json> = {};
  if (onPair && isMap(onPair.value)) {
    const call = onPair.value.get('workflow_call', true);
    if (isMap(call)) callInputs = inputDefaults(call.get('inputs', true));
  }
  const jobs: JobDef[] = [];
  const jobsNode = root.get('jobs', true);
  if (isMap(jobsNode)) {
    for (const pair of jobsNode.items) {
      const id = scalar(pair.key);
      const job = reader.resolve(pair.value);
      if (id !== undefined && isMap(job)) jobs.push(readJob(id, pair.key, job, reader));
    }
  }
  const defaults = runDefaults(root);
  const def: WorkflowDef = { file, triggers, onLine, eventLines, callInputs, jobs };
  if (defaults.shell !== undefined) def.defaultShell = defaults.shell;
  if (defaults.dir !== undefined) def.defaultDir = defaults.dir;
  return { ok: true, value: def };
}

export function parseAction(file: string, text: string): Parsed<ActionDef> {
  const parsed = parseYaml(text);
  if (!('doc' in parsed)) return { ok: false, ...parsed };
  const { doc, reader } = parsed;
  if (!isMap(doc.contents)) return { ok: false, line: 1, message: 'an action must be a mapping with `runs`' };
  const runs = doc.contents.get('runs', true);
  const using = isMap(runs) ? scalar(runs.get('using', true)) ?? null : null;
  const steps = isMap(runs) ? readSteps(runs.get('steps', true), reader) : [];
  return { ok: true, value: { file, using, steps, inputs: inputDefaults(doc.contents.get('inputs', true)) } };
}
