import picomatch from 'picomatch';
import type { Json } from './expressions.js';

/**
 * Workflow triggers (`on:`) and whether one event's filters include everything another's did.
 *
 * Only events that run a workflow on a change count as gate contexts: `push`, `pull_request`,
 * `pull_request_target` and `merge_group`. A gate that only runs on `workflow_dispatch`,
 * `schedule` or `workflow_run` does not check changes; a workflow with only `workflow_call` runs
 * in its callers' contexts (it is inlined there).
 */

export const CHANGE_EVENTS = ['push', 'pull_request', 'pull_request_target', 'merge_group'] as const;
export type ChangeEvent = (typeof CHANGE_EVENTS)[number];

export const isChangeEvent = (event: string): event is ChangeEvent => (CHANGE_EVENTS as readonly string[]).includes(event);

/** One event's filters as written (absent keys are undefined). */
export interface EventFilter {
  branches?: string[];
  branchesIgnore?: string[];
  tags?: string[];
  tagsIgnore?: string[];
  paths?: string[];
  pathsIgnore?: string[];
  types?: string[];
}

/** `on:` as a string, a list or a map, into event → filters. Null when the value has another shape. */
export function readTriggers(on: Json | undefined): Map<string, EventFilter> | null {
  const events = new Map<string, EventFilter>();
  if (typeof on === 'string') events.set(on, {});
  else if (Array.isArray(on)) {
    for (const event of on) if (typeof event === 'string') events.set(event, {});
  } else if (on !== null && typeof on === 'object') {
    for (const [event, value] of Object.entries(on)) events.set(event, readFilter(value));
  } else return null;
  return events;
}

const list = (value: Json | undefined): string[] | undefined => {
  if (value === undefined || value === null) return undefined;
  const text = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v));
  if (Array.isArray(value)) return value.map(text);
  return [text(value)];
};

function readFilter(value: Json): EventFilter {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const filter: EventFilter = {};
  const set = (key: keyof EventFilter, from: string): void => {
    const v = list(value[from]);
    if (v) filter[key] = v;
  };
  set('branches', 'branches');
  set('branchesIgnore', 'branches-ignore');
  set('tags', 'tags');
  set('tagsIgnore', 'tags-ignore');
  set('paths', 'paths');
  set('pathsIgnore', 'paths-ignore');
  set('types', 'types');
  return filter;
}

/** Which refs or paths a filter lets through. */
type Spec = { kind: 'all' } | { kind: 'none' } | { kind: 'only'; patterns: string[] } | { kind: 'ignore'; patterns: string[] };

/**
 * Branch (or tag) spec of an event. For `push`, defining only tag filters means branch pushes no
 * longer run the workflow, and the other way round (GitHub's documented behaviour).
 */
function refSpec(event: string, filter: EventFilter, which: 'branches' | 'tags'): Spec {
  const only = which === 'branches' ? filter.branches : filter.tags;
  const ignore = which === 'branches' ? filter.branchesIgnore : filter.tagsIgnore;
  if (only) return { kind: 'only', patterns: only };
  if (ignore) return { kind: 'ignore', patterns: ignore };
  if (event === 'push') {
    const other = which === 'branches' ? filter.tags ?? filter.tagsIgnore : filter.branches ?? filter.branchesIgnore;
    if (other) return { kind: 'none' };
  }
  return { kind: 'all' };
}

function pathSpec(filter: EventFilter): Spec {
  if (filter.paths) return { kind: 'only', patterns: filter.paths };
  if (filter.pathsIgnore) return { kind: 'ignore', patterns: filter.pathsIgnore };
  return { kind: 'all' };
}

const DEFAULT_TYPES: Readonly<Record<string, readonly string[]>> = {
  pull_request: ['opened', 'synchronize', 'reopened'],
  pull_request_target: ['opened', 'synchronize', 'reopened'],
  merge_group: ['checks_requested'],
};

const isLiteral = (pattern: string): boolean => !/[*?[\]!+]/.test(pattern);

/** A head pattern provably matches everything a base pattern does: the same text, `**`, or a literal it matches. */
function patternCovers(head: string, base: string): boolean {
  if (head === base || head === '**') return true;
  return isLiteral(base) && !head.startsWith('!') && picomatch(head, { dot: true })(base);
}

/** A pattern provably matches nothing a base pattern does (both literal, or a literal the other glob misses). */
function disjoint(a: string, b: string): boolean {
  if (a === b) return false;
  if (isLiteral(a) && isLiteral(b)) return true;
  if (isLiteral(b)) return !picomatch(a, { dot: true })(b);
  if (isLiteral(a)) return !picomatch(b, { dot: true })(a);
  return false;
}

/**
 * Whether head's spec provably lets through everything base's did. Conservative: glob containment
 * is only decided for equal patterns, `**` and literal names, so a rewrite of patterns that
 * Gatehouse cannot compare counts as narrowed (fail closed) and the finding says so.
 */
function specCovers(head: Spec, base: Spec): boolean {
  if (head.kind === 'all' || base.kind === 'none') return true;
  if (head.kind === 'none') return false;
  const negations = (patterns: string[]): string[] => patterns.filter((p) => p.startsWith('!'));
  if (head.kind === 'only') {
    if (base.kind !== 'only') return head.patterns.includes('**') && negations(head.patterns).length === 0;
    const baseNegations = new Set(negations(base.patterns));
    if (negations(head.patterns).some((n) => !baseNegations.has(n))) return false;
    return base.patterns.filter((p) => !p.startsWith('!')).every((b) => head.patterns.some((h) => patternCovers(h, b)));
  }
  // head ignores some patterns
  if (base.kind === 'all') return head.patterns.length === 0;
  if (base.kind === 'ignore') return head.patterns.every((p) => base.patterns.includes(p));
  return head.patterns.every((i) => base.patterns.filter((p) => !p.startsWith('!')).every((b) => disjoint(i, b)));
}

function describeSpec(name: string, spec: Spec): string {
  switch (spec.kind) {
    case 'all':
      return `every ${name.replace(/e?s$/, '')}`;
    case 'none':
      return `no ${name.replace(/e?s$/, '')}`;
    case 'only':
      return `${name}: [${spec.patterns.join(', ')}]`;
    case 'ignore':
      return `${name}-ignore: [${spec.patterns.join(', ')}]`;
  }
}

/** What an event's head filters no longer let through, or null when they include all the base did. */
export function filterNarrowing(event: string, head: EventFilter, base: EventFilter): { before: string; after: string } | null {
  const dims: [string, Spec, Spec][] = [['branches', refSpec(event, head, 'branches'), refSpec(event, base, 'branches')]];
  if (event === 'push') dims.push(['tags', refSpec(event, head, 'tags'), refSpec(event, base, 'tags')]);
  if (event === 'push' || event === 'pull_request' || event === 'pull_request_target') dims.push(['paths', pathSpec(head), pathSpec(base)]);
  for (const [name, h, b] of dims) {
    if (!specCovers(h, b)) return { before: `${event}: ${describeSpec(name, b)}`, after: `${event}: ${describeSpec(name, h)}` };
  }
  const defaults = DEFAULT_TYPES[event];
  if (defaults) {
    const headTypes = head.types ?? defaults;
    const baseTypes = base.types ?? defaults;
    const lost = baseTypes.filter((t) => !headTypes.includes(t));
    if (lost.length > 0) return { before: `${event}: types [${baseTypes.join(', ')}]`, after: `${event}: types [${headTypes.join(', ')}]` };
  }
  return null;
}
