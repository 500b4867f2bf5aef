import type { FindingDraft, Severity } from '../../core/types.js';
import type { GateWeakening, ScriptInput } from '../../inspect/workflows/gate-types.js';
import { compatibleCells, describeCell } from '../../inspect/workflows/matrix.js';
import { type GateStep, type GateUse, type JobNode, type Where, type WorkflowFacts } from '../../inspect/workflows/model.js';
import { filterNarrowing } from '../../inspect/workflows/triggers.js';
import { loadGateClassifier, type GateClassifier } from '../../inspect/workflows/classifier.js';
import { workflowProjectInspector } from '../../inspect/workflows/project-inspector.js';
import { clip } from '../support/excerpt.js';
import { defineRule, type Rule } from '../rule.js';

/**
 * The comparison behind `ci/gate-weakened`: for every gate a base step runs and blocks on, in
 * every context (workflow, event, filters, matrix cell), is there a head step that runs the same
 * gate (kind and tool, and a script the classifier does not call weaker) in a context at least as
 * wide, and blocks on it? What is left is what the head lost; each loss is explained by the
 * closest head step (disabled, non-blocking, script weakened, trigger narrowed, matrix shrunk) or,
 * when no head step runs that gate at all, as removed.
 */

export type CompareScripts = (base: ScriptInput, head: ScriptInput) => GateWeakening[];

const blocks = (step: GateStep): boolean => !step.disabled && !step.nonBlocking;

/** The same gate: kind, tool and the folder it runs in (vitest of `packages/ui` is not vitest of `packages/api`). */
const sameGate = (a: GateUse, b: GateUse): boolean => a.kind === b.kind && a.tool === b.tool && a.dir === b.dir;

const keysOf = (cell: object): string[] => Object.keys(cell);

/** Whether a head cell stands for a base cell (see `compatibleCells`); an axis dropped from the same job does not. */
function cellCovers(head: GateStep, base: GateStep): boolean {
  if (head.dynamicMatrix || base.dynamicMatrix) return true;
  if (!compatibleCells(head.cell, base.cell)) return false;
  if (head.workflow === base.workflow && head.job === base.job) return keysOf(base.cell).every((k) => Object.hasOwn(head.cell, k));
  return true;
}

const subset = (head: readonly Where[], base: readonly Where[]): boolean => head.every((h) => base.some((b) => b.text === h.text));

type Fault =
  | { kind: 'script'; weakenings: GateWeakening[]; head: GateStep }
  | { kind: 'non-blocking'; where: Where; head: GateStep }
  | { kind: 'disabled'; where: Where; head: GateStep }
  | { kind: 'trigger'; before: string; after: string; head: GateStep }
  | { kind: 'conditional'; where: Where; head: GateStep }
  | { kind: 'maybe-non-blocking'; where: Where; head: GateStep };

const FAULT_ORDER: readonly Fault['kind'][] = ['script', 'non-blocking', 'disabled', 'trigger', 'conditional', 'maybe-non-blocking'];

interface Loss {
  severity: Severity;
  file: string;
  line: number;
  side: 'base' | 'head';
  key: string;
  /** The message, with `{gates}` where the gates it applies to are named. */
  reason: string;
  gates: Map<string, GateUse>;
  before: string;
  after: string;
  events: Set<string>;
  cells: Set<string>;
}

const describeGate = (gate: GateUse): string => `\`${gate.text}\` (${gate.kind}, ${gate.tool})`;

/** How many gates a message names before "and N more" (a monorepo step can run dozens). */
const GATES_SHOWN = 6;

function listGates(gates: readonly GateUse[]): string {
  const names = [...new Set(gates.map(describeGate))].sort();
  const more = names.length - GATES_SHOWN;
  return more > 0 ? `${names.slice(0, GATES_SHOWN).join(', ')} and ${more} more` : names.join(', ');
}

function stepText(step: GateStep): string {
  if (step.runText !== null) return step.runText.trimEnd();
  return step.gates.map((g) => `uses: ${g.text}`).join('\n');
}

function contextText(events: Set<string>, cells: Set<string>): string {
  const on = [...events].sort().map((e) => `\`${e}\``).join(', ');
  const real = [...cells].filter((c) => c !== '(no matrix)').sort();
  return real.length > 0 ? `${on} (matrix ${real.join(', ')})` : on;
}

export function compareGateSteps(base: WorkflowFacts, head: WorkflowFacts, compare: CompareScripts): FindingDraft[] {
  const memo = new Map<string, GateWeakening[]>();
  const weakenings = (b: GateStep, h: GateStep, gate: GateUse): GateWeakening[] => {
    if (!b.script || !h.script) return [];
    // The same `run:` text: anything weaker comes from a package.json script, which
    // `ci/script-weakened` reports where it was changed.
    if (b.runText === h.runText) return [];
    const key = `${b.script.scope.dir}\0${b.script.script}\0${h.script.scope.dir}\0${h.script.script}\0${h.script.firstLine}`;
    let result = memo.get(key);
    if (!result) {
      result = compare(b.script, h.script);
      memo.set(key, result);
    }
    // By tool: a coverage flag dropped from a test command is a `coverage` weakening of the `test` gate.
    return result.filter((w) => w.tool === gate.tool);
  };
  const invalidAtHead = new Set(head.invalid);
  const losses = new Map<string, Loss>();
  const add = (loss: Omit<Loss, 'events' | 'cells' | 'gates'> & { gate: GateUse }, step: GateStep): void => {
    const id = `${loss.key}\0${loss.file}:${loss.line}`;
    const { gate, ...rest } = loss;
    const entry = losses.get(id) ?? { ...rest, gates: new Map<string, GateUse>(), events: new Set<string>(), cells: new Set<string>() };
    entry.gates.set(`${gate.kind}:${gate.tool}:${gate.text}`, gate);
    entry.events.add(step.event);
    entry.cells.add(describeCell(step.cell));
    losses.set(id, entry);
  };
  const workflowOf = new Map(head.workflows.map((w) => [w.file, w]));

  for (const b of base.steps) {
    // A workflow or inlined file that no longer parses is reported as unresolvable, not as every gate in it removed.
    if (!blocks(b) || invalidAtHead.has(b.workflow) || invalidAtHead.has(b.file)) continue;
    for (const gate of b.gates) {
      // A command already masked at base (`vitest || true`) was no gate to lose.
      if (gate.masked !== null) continue;
      const candidates = head.steps.filter((h) => h.gates.some((g) => sameGate(g, gate)));
      // Faults by how close the head step is to the base step: the same job of the same file,
      // else the same file, else anywhere. A loss is explained by the closest steps, so a
      // monorepo's many vitest steps do not explain each other's losses.
      const tiers: Fault[][] = [[], [], []];
      const tierOf = (h: GateStep): number => (h.file === b.file && h.job === b.job ? 0 : h.file === b.file ? 1 : 2);
      let covered = false;
      for (const h of candidates) {
        if (h.event !== b.event || !cellCovers(h, b)) continue;
        const found: Fault[] = [];
        if (h.disabled) found.push({ kind: 'disabled', where: h.disabled, head: h });
        if (h.nonBlocking) found.push({ kind: 'non-blocking', where: h.nonBlocking, head: h });
        const weaker = weakenings(b, h, gate);
        if (weaker.length > 0) found.push({ kind: 'script', weakenings: weaker, head: h });
        else if (b.runText !== h.runText) {
          // The classifier found no weakening, yet every command of this gate is masked at head.
          const same = h.gates.filter((g) => sameGate(g, gate));
          const masked = same.every((g) => g.masked !== null) ? same[0] : undefined;
          if (masked?.masked) found.push({ kind: 'non-blocking', where: { file: h.file, line: masked.line, text: masked.masked }, head: h });
        }
        const narrowed = filterNarrowing(b.event, h.filter, b.filter);
        if (narrowed) found.push({ kind: 'trigger', ...narrowed, head: h });
        const condition = h.conditions.find((c) => !b.conditions.some((x) => x.text === c.text));
        if (condition) found.push({ kind: 'conditional', where: condition, head: h });
        const maybe = h.maybeNonBlocking.find((c) => !b.maybeNonBlocking.some((x) => x.text === c.text));
        if (maybe) found.push({ kind: 'maybe-non-blocking', where: maybe, head: h });
        if (found.length === 0 && subset(h.conditions, b.conditions)) {
          covered = true;
          break;
        }
        tiers[tierOf(h)]!.push(...found);
      }
      if (covered) continue;
      const before = clip(stepText(b).split('\n'));
      const gateId = `${gate.kind}:${gate.tool}`;
      // The same step still runs in this event but in none of the cells it ran in: the matrix shrank.
      const sameStep = candidates.filter((h) => h.event === b.event && h.file === b.file && h.job === b.job && h.runText === b.runText);
      const shrunk = sameStep.length > 0 && !sameStep.some((h) => cellCovers(h, b));
      const faults = tiers.find((tier) => tier.length > 0) ?? [];
      const fault = shrunk ? undefined : FAULT_ORDER.map((kind) => faults.find((f) => f.kind === kind)).find((f) => f !== undefined);
      if (fault) {
        const h = fault.head;
        const after = clip(stepText(h).split('\n'));
        switch (fault.kind) {
          case 'script':
            for (const w of fault.weakenings) {
              if (w.unresolvable) {
                add({ severity: 'warn', file: h.file, line: w.line, side: 'head', key: `unreadable:${gateId}:${h.file}`, reason: `The head step's script cannot be read (${w.message}): whether it still runs {gates} is unknown`, gate, before: w.before, after: w.after }, b);
                continue;
              }
              add({ severity: 'block', file: h.file, line: w.line, side: 'head', key: `script:${w.key}:${h.file}`, reason: `${w.message}, in a workflow step`, gate, before: w.before, after: w.after }, b);
            }
            break;
          case 'non-blocking':
            add({ severity: 'block', file: fault.where.file, line: fault.where.line, side: 'head', key: `non-blocking:${fault.where.file}:${fault.where.text}`, reason: `{gates} made non-blocking by \`${fault.where.text}\`: it still runs but its failure no longer fails the run`, gate, before, after: `${fault.where.text}\n${after}` }, b);
            break;
          case 'disabled':
            add({ severity: 'block', file: fault.where.file, line: fault.where.line, side: 'head', key: `disabled:${fault.where.file}:${fault.where.text}`, reason: fault.where.text.startsWith('if:') ? `{gates} disabled by \`${fault.where.text}\`, which is always false here` : `{gates} never run: \`${fault.where.text}\``, gate, before, after: `${fault.where.text}\n${after}` }, b);
            break;
          case 'trigger':
            add({ severity: 'block', file: h.workflow, line: h.eventLine, side: 'head', key: `trigger:${h.workflow}:${fault.before}`, reason: `{gates} no longer run on every change they ran on: the trigger's filters were narrowed (only patterns that are equal, \`**\` or literal names are compared; a rewrite that cannot be proved wider counts as narrower)`, gate, before: fault.before, after: fault.after }, b);
            break;
          case 'conditional':
            add({ severity: 'warn', file: fault.where.file, line: fault.where.line, side: 'head', key: `conditional:${fault.where.file}:${fault.where.text}`, reason: `{gates} now run only when \`${fault.where.text}\` holds, which the run decides`, gate, before, after: `${fault.where.text}\n${after}` }, b);
            break;
          case 'maybe-non-blocking':
            add({ severity: 'warn', file: fault.where.file, line: fault.where.line, side: 'head', key: `maybe-non-blocking:${fault.where.file}:${fault.where.text}`, reason: `{gates} are non-blocking whenever \`${fault.where.text}\` is true, which the run decides`, gate, before, after: `${fault.where.text}\n${after}` }, b);
            break;
        }
        continue;
      }
      const inEvent = candidates.filter((h) => h.event === b.event);
      if (inEvent.length > 0) {
        const near = sameStep.length > 0 ? sameStep : inEvent;
        const h = near.find((s) => s.matrixAt) ?? near[0]!;
        const at = h.matrixAt ?? { file: h.file, line: h.line };
        add({ severity: 'block', file: at.file, line: at.line, side: 'head', key: `matrix:${at.file}`, reason: `{gates} no longer run in every matrix cell they ran in: the matrix shrank`, gate, before: `matrix cell ${describeCell(b.cell)}`, after: `cells now: ${[...new Set(near.map((s) => describeCell(s.cell)))].sort().join(', ')}` }, b);
        continue;
      }
      if (candidates.length > 0) {
        const h = candidates.find((s) => s.workflow === b.workflow) ?? candidates[0]!;
        const summary = workflowOf.get(h.workflow);
        add({ severity: 'block', file: h.workflow, line: summary?.onLine ?? 1, side: 'head', key: `event:${b.event}:${h.workflow}`, reason: `{gates} no longer run on \`${b.event}\`: the trigger was removed`, gate, before: `on: ${b.event}`, after: `on: ${(summary?.events ?? []).join(', ') || '(none)'}` }, b);
        continue;
      }
      add({ severity: 'block', file: b.file, line: b.line, side: 'base', key: `removed:${gateId}:${b.workflow}`, reason: `Gate step removed: no step at head runs {gates} on a push, pull request or merge queue (workflows run only by hand, on a schedule or by \`workflow_run\` do not count)`, gate, before, after: '(no step runs it)' }, b);
    }
  }
  return [...losses.values()].map((loss) => ({
    message: `${loss.reason.replace('{gates}', listGates([...loss.gates.values()]))}. Lost on ${contextText(loss.events, loss.cells)}`,
    file: loss.file,
    line: loss.line,
    side: loss.side,
    before: loss.before,
    after: loss.after,
    key: loss.key,
    severity: loss.severity,
  }));
}

/** Names that mark a job whose result branch protection is expected to require. */
const AGGREGATOR = /(all[-_ ]?green|alls[-_ ]?green|required|ci[-_ ]?(ok|success|pass(ed)?|status|result)|all[-_ ]?(checks|jobs|tests)|merge[-_ ]?(gate|check)|^gate$|^check$)/i;

export const isAggregator = (job: JobNode): boolean => AGGREGATOR.test(job.id) || (job.name !== null && AGGREGATOR.test(job.name));

/** `kind:tool` of the gates the needed jobs run, transitively, and remote workflows as `remote:<id>`. */
function neededGates(needs: readonly string[], jobs: ReadonlyMap<string, JobNode>): Set<string> {
  const seen = new Set<string>();
  const gates = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const job = jobs.get(id);
    if (!job) return;
    for (const g of job.gates) gates.add(g);
    if (job.remoteWorkflow) gates.add(`remote:${job.remoteWorkflow}`);
    for (const n of job.needs) visit(n);
  };
  for (const n of needs) visit(n);
  return gates;
}

/**
 * A job removed from another job's `needs`: the dependant (a deploy, or the aggregator job branch
 * protection requires) no longer waits for the gates the removed job ran. `block` when those
 * gates run nowhere else the dependant still waits for; `warn` for a job that runs no gate
 * removed from an aggregator's `needs`, or for a remote reusable workflow it no longer waits for.
 */
export function compareNeeds(base: WorkflowFacts, head: WorkflowFacts): FindingDraft[] {
  const findings: FindingDraft[] = [];
  // Workflows in which each gate still runs and blocks at head. A gate that runs nowhere is
  // reported by the step comparison; one that runs only in another workflow cannot be needed
  // from here, and whether branch protection requires it there is not visible.
  const runningIn = new Map<string, Set<string>>();
  for (const step of head.steps) {
    if (!blocks(step)) continue;
    for (const gate of step.gates) {
      if (gate.masked !== null) continue;
      const set = runningIn.get(`${gate.kind}:${gate.tool}`) ?? new Set<string>();
      set.add(step.workflow);
      runningIn.set(`${gate.kind}:${gate.tool}`, set);
    }
  }
  const byWorkflow = (facts: WorkflowFacts): Map<string, Map<string, JobNode>> => {
    const map = new Map<string, Map<string, JobNode>>();
    for (const job of facts.jobs) {
      const jobs = map.get(job.workflow) ?? new Map<string, JobNode>();
      jobs.set(job.id, job);
      map.set(job.workflow, jobs);
    }
    return map;
  };
  const baseJobs = byWorkflow(base);
  const headJobs = byWorkflow(head);
  const invalid = new Set(head.invalid);
  for (const [file, jobs] of baseJobs) {
    const now = headJobs.get(file);
    if (!now || invalid.has(file)) continue;
    for (const job of jobs.values()) {
      const counterpart = now.get(job.id);
      if (!counterpart) continue;
      const dropped = job.needs.filter((n) => !counterpart.needs.includes(n));
      if (dropped.length === 0) continue;
      const stillNeeded = neededGates(counterpart.needs, now);
      for (const need of dropped) {
        const lost = [...neededGates([need], jobs)].filter((g) => !stillNeeded.has(g));
        const gates = lost.filter((g) => !g.startsWith('remote:') && runningIn.get(g)?.has(file) === true);
        const elsewhere = lost.filter((g) => !g.startsWith('remote:') && runningIn.has(g) && runningIn.get(g)?.has(file) !== true);
        const remote = lost.filter((g) => g.startsWith('remote:'));
        const aggregator = isAggregator(job);
        const role = aggregator ? 'the aggregator job branch protection is expected to require' : 'it';
        const base = { file, line: counterpart.needsLine, side: 'head' as const, before: `needs: [${job.needs.join(', ')}]`, after: `needs: [${counterpart.needs.join(', ')}]` };
        if (gates.length > 0) {
          findings.push({ ...base, key: `needs:${file}:${job.id}:${gates.join(',')}`, severity: 'block', message: `Job \`${job.id}\` no longer needs \`${need}\`, which runs ${gates.map((g) => `\`${g}\``).join(', ')}: ${role} can now succeed while those gates fail` });
        } else if (elsewhere.length > 0) {
          const where = [...new Set(elsewhere.flatMap((g) => [...(runningIn.get(g) ?? [])]))].sort();
          findings.push({ ...base, key: `needs-elsewhere:${file}:${job.id}:${elsewhere.join(',')}`, severity: 'warn', message: `Job \`${job.id}\` no longer needs \`${need}\`; ${elsewhere.map((g) => `\`${g}\``).join(', ')} now run${elsewhere.length === 1 ? 's' : ''} only in ${where.map((w) => `\`${w}\``).join(', ')}, which ${role} cannot wait for: check that branch protection requires ${where.length === 1 ? 'that workflow\'s job' : 'those workflows\' jobs'}` });
        } else if (remote.length > 0) {
          findings.push({ ...base, key: `needs:${file}:${job.id}:${remote.join(',')}`, severity: 'warn', message: `Job \`${job.id}\` no longer needs \`${need}\`, which calls the remote workflow ${remote.map((g) => `\`${g.slice('remote:'.length)}\``).join(', ')}: what it checks is not visible here` });
        } else if (aggregator && now.has(need)) {
          findings.push({ ...base, key: `needs:${file}:${job.id}:${need}`, severity: 'warn', message: `Job \`${job.id}\` (${role}) no longer needs \`${need}\`: its result no longer counts for the required check` });
        }
      }
    }
  }
  return findings;
}

/**
 * Remote reusable workflows (`uses: owner/repo/.github/workflows/x.yml@ref`) are compared by
 * reference: one that a job called at base and no job calls at head is a `warn`, since what it
 * checked is not visible in this repository.
 */
export function compareRemoteWorkflows(base: WorkflowFacts, head: WorkflowFacts): FindingDraft[] {
  const called = new Set(head.jobs.map((job) => job.remoteWorkflow).filter((r) => r !== null));
  const invalid = new Set(head.invalid);
  const seen = new Set<string>();
  const findings: FindingDraft[] = [];
  for (const job of base.jobs) {
    const remote = job.remoteWorkflow;
    if (remote === null || called.has(remote) || invalid.has(job.workflow) || seen.has(remote)) continue;
    seen.add(remote);
    findings.push({ message: `Job \`${job.id}\` called the remote reusable workflow \`${remote}\`, which no job calls at head: what it checked is not visible here`, file: job.workflow, line: job.line, side: 'base', before: `uses: ${remote}`, after: '(not called)', key: `remote-workflow:${remote}`, severity: 'warn' });
  }
  return findings;
}

/** Workflows that are no longer valid YAML, and newly unresolvable parts, on the head side. */
export function headUnresolvable(base: WorkflowFacts, head: WorkflowFacts): FindingDraft[] {
  const known = new Set(base.unresolvable.map((u) => `${u.file}\0${u.message}`));
  return head.unresolvable
    .filter((u) => !known.has(`${u.file}\0${u.message}`))
    .map((u) => ({ message: `Cannot tell which gates run: ${u.message}`, file: u.file, line: u.line, side: 'head' as const, key: `unresolvable:${u.file}:${u.message}`, severity: 'warn' as const }));
}


const examplePackage = `${JSON.stringify({ name: 'shop', private: true, type: 'module', scripts: { lint: 'eslint .', test: 'vitest run' }, devDependencies: { eslint: '^9.30.0', vitest: '^3.2.4' } }, null, 2)}\n`;
const exampleWorkflow = (jobName: string, testStep: string): string => `name: CI
on:
  push:
    branches: [main]
  pull_request:
jobs:
  ${jobName}:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        node: [20, 22]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: \${{ matrix.node }}
      - run: npm ci
      - run: npm run lint
${testStep}
      - uses: actions/upload-artifact@v4
        with:
          name: coverage-\${{ matrix.node }}
          path: coverage/
`;

const DETAILS = `Gates are matched between base and head by **what they run**, never by job or step names:
the gate commands of each \`run:\` script (found by the shell gate classifier shared with
\`ci/script-weakened\`, following \`npm run\` / \`pnpm\` / \`yarn\` scripts) and known gate actions
(\`github/codeql-action/analyze\`, \`golangci/golangci-lint-action\`, \`astral-sh/ruff-action\`,
\`chartboost/ruff-action\`, \`super-linter\`, \`pre-commit/action\`, \`jakebailey/pyright-action\`,
\`cypress-io/github-action\`, …; compared by \`owner/repo/path\`, the \`@ref\` left out). Local reusable
workflows (\`uses: ./.github/workflows/x.yml\`, with \`workflow_call\` inputs) and local composite
actions (\`uses: ./.github/actions/x\`) are inlined first.

Each gate step is expanded into its **contexts**: workflow × change event (\`push\`,
\`pull_request\`, \`pull_request_target\`, \`merge_group\`) × matrix cell. A base context is kept when a
head step runs the same gate (kind and tool; the classifier finds its script no weaker) on the same
event, in a compatible matrix cell, with filters that include everything the base's did, and
blocks on it. What is left is reported once per cause:

| Cause | Severity | Where |
| --- | --- | --- |
| no head step runs the gate | block | the base step |
| \`continue-on-error: true\` on the step, its job or an enclosing composite step | block | that line |
| \`if:\` always false in that context (\`false\`, \`failure()\`, \`github.event_name == 'push'\` on a pull request…) | block | that line |
| the job needs a job that never runs there (an \`if: false\` on the job it needs), and its \`if:\` calls no \`always()\`/\`failure()\`/\`cancelled()\` | block | \`needs:\` |
| the script weakened (\`\\|\\| true\`, \`set +e\`, \`; exit 0\`, narrowed, flag removed: the classifier's message) | block | the command |
| the event removed, or its \`branches\`/\`paths\`/\`tags\`/\`types\` filters narrowed | block | the trigger |
| matrix cells lost (a value removed, \`exclude\` added) | block | \`strategy:\` |
| a new \`if:\` the run decides (\`github.actor != 'bot'\`) | warn | that line |
| a new \`continue-on-error: \${{ expr }}\` the run decides | warn | that line |
| a job removed from \`needs\` of a job that still exists, taking gates it no longer waits for | block | \`needs:\` |
| a job running no gate removed from the \`needs\` of an aggregator job | warn | \`needs:\` |
| a workflow that is no longer valid YAML, a missing local action or reusable workflow, a dynamic matrix | warn | that line |

**Expressions** are evaluated statically for a run where everything so far succeeded:
\`success()\` and \`always()\` are true, \`failure()\` and \`cancelled()\` false; \`github.event_name\` is
known per event, \`matrix.*\` per cell, \`inputs.*\` from \`with:\` and input defaults; every other
context is unknown. An \`if:\` with text around its \`\${{ }}\` is always true (GitHub's pitfall).

**Branch protection is not visible in a repository.** A job whose id or name reads like an
aggregator (\`all-green\`, \`alls-green\`, \`required\`, \`ci-ok\`, \`ci-success\`, \`all-checks\`,
\`merge-gate\`, \`check\`, \`gate\`) is treated as the required check: every job it needs counts as
required.

**Triggers** are compared conservatively: patterns are proved to include each other only when
equal, \`**\`, or a literal name a glob matches; a rewrite that cannot be proved wider is reported as
narrowed, with before and after. Moving \`pull_request\` to \`pull_request_target\` is a lost event
(the gate then runs the base's code). \`workflow_dispatch\`, \`schedule\` and \`workflow_run\` do not
check changes and are not gate contexts.

Not reported: \`timeout-minutes\` (a timeout fails the step), \`continue-on-error\` on steps and jobs
that run no gate, an \`always()\` added (stronger), jobs renamed or split, steps reordered or moved
into a composite action or reusable workflow, a matrix expanded, triggers widened.`;

/** The rule, with the gate classifier of shell scripts as a dependency (tests inject their own). */
export function createCiGateWeakened(loadClassifier: () => Promise<GateClassifier>): Rule {
  let loaded: GateClassifier | null = null;
  const inspector = workflowProjectInspector(async () => (loaded ??= await loadClassifier()));
  return defineRule({
    id: 'ci/gate-weakened',
    category: 'ci-weakened',
    severity: 'block',
    docs: {
      summary:
        'A CI gate step (test, lint, typecheck, coverage, build, e2e, Gatehouse) that ran and blocked at base no longer does at head: removed, made non-blocking (`continue-on-error`, `|| true`, `set +e`, `exit 0`), disabled by an always-false `if:`, its command narrowed, taken out of the `needs` of a job that depends on it, its matrix shrunk, or its triggers narrowed. Matched by what the steps run, after inlining local reusable workflows and composite actions.',
      why: 'A gate that does not run, or whose failure does not fail the run, shows a green check whatever the code does. Making the CI step non-blocking is the quickest way to turn a red pipeline green without fixing anything, and it hides in a YAML diff nobody reads closely.',
      fix: 'Restore the step, its trigger, matrix cells or `needs`, and fix the failure it reported. If the change is intended (a flaky e2e suite moved to a nightly job), have a human approve it and say where the gate now runs.',
      details: DETAILS,
      bad: {
        base: { 'package.json': examplePackage, '.github/workflows/ci.yml': exampleWorkflow('test', '      - run: npm test') },
        head: { 'package.json': examplePackage, '.github/workflows/ci.yml': exampleWorkflow('test', '      - run: npm test\n        continue-on-error: true') },
      },
      good: {
        base: { 'package.json': examplePackage, '.github/workflows/ci.yml': exampleWorkflow('test', '      - run: npm test') },
        head: { 'package.json': examplePackage, '.github/workflows/ci.yml': exampleWorkflow('verify', '      - name: Unit tests\n        if: ${{ always() }}\n        run: npm test') },
      },
    },
    inspectors: [],
    projectInspectors: [inspector],
    check: ({ project }) => {
      const facts = project(inspector);
      const classifier = loaded;
      if (!facts || !classifier) return [];
      const { base, head } = facts;
      return [...headUnresolvable(base, head), ...compareGateSteps(base, head, (b, h) => classifier.compareGateScripts(b, h)), ...compareNeeds(base, head), ...compareRemoteWorkflows(base, head)];
    },
  });
}

/** `ci/gate-weakened` with the shell gate classifier of the scripts inspector. */
export const ciGateWeakened = createCiGateWeakened(loadGateClassifier);
