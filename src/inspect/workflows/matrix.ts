import { interpolate, templateSpans, type Json, type Lookup, evaluateText } from './expressions.js';

/**
 * `strategy.matrix` expanded into its cells, with GitHub's semantics:
 *
 * 1. the cartesian product of the axes (every key but `include` and `exclude`);
 * 2. `exclude` entries remove every combination that has all of their key/values (partial match);
 * 3. `include` entries are applied after `exclude`, one by one: an entry's key/values are added to
 *    every combination whose *original* axis values it does not overwrite (values added by an
 *    earlier include may be overwritten); an entry that fits no combination becomes a new one.
 *
 * A matrix, axis, `include` or `exclude` given by an expression is evaluated when its value is
 * known (a `with:` input, `fromJSON('[…]')`), else the matrix is dynamic: unresolvable, never
 * guessed.
 */

export type Cell = Readonly<Record<string, Json>>;

export type Matrix = { kind: 'static'; cells: Cell[] } | { kind: 'dynamic'; expression: string };

/** One cell with no values: a job without a matrix runs once. */
export const SINGLE: Matrix = { kind: 'static', cells: [{}] };

function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A value of the matrix definition, with `${{ }}` strings evaluated; undefined when unknown. */
function resolve(value: Json, lookup: Lookup): Json | undefined {
  if (typeof value !== 'string') return value;
  const spans = templateSpans(value);
  if (spans.length === 0) return value;
  if (spans.length === 1 && spans[0]!.start === 0 && spans[0]!.end === value.length) {
    const result = evaluateText(spans[0]!.expression, lookup);
    return result.known ? result.value : undefined;
  }
  const text = interpolate(value, lookup);
  return text.unknown.length > 0 ? undefined : text.text;
}

function isObject(value: Json | undefined): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Expands a `strategy.matrix` value (plain data from YAML) into cells. */
export function expandMatrix(definition: Json | undefined, lookup: Lookup): Matrix {
  if (definition === undefined || definition === null) return SINGLE;
  const raw = typeof definition === 'string' ? definition : JSON.stringify(definition);
  const resolved = resolve(definition, lookup);
  if (!isObject(resolved)) return { kind: 'dynamic', expression: raw };
  const axes: [string, Json[]][] = [];
  let include: Json[] = [];
  let exclude: Json[] = [];
  for (const [key, value] of Object.entries(resolved)) {
    const list = resolve(value, lookup);
    if (!Array.isArray(list)) return { kind: 'dynamic', expression: typeof value === 'string' ? value : `${key}: ${JSON.stringify(value)}` };
    if (key === 'include') include = list;
    else if (key === 'exclude') exclude = list;
    else axes.push([key, list]);
  }
  let cells: Record<string, Json>[] = axes.length === 0 ? [] : [{}];
  for (const [key, values] of axes) cells = cells.flatMap((cell) => values.map((value) => ({ ...cell, [key]: value })));
  cells = cells.filter((cell) => !exclude.some((entry) => isObject(entry) && Object.entries(entry).every(([k, v]) => jsonEqual(cell[k], v))));
  const originalKeys = new Set(axes.map(([key]) => key));
  const originalCount = cells.length;
  for (const entry of include) {
    if (!isObject(entry)) continue;
    let added = false;
    for (let i = 0; i < originalCount; i++) {
      const cell = cells[i]!;
      const overwrites = Object.entries(entry).some(([k, v]) => originalKeys.has(k) && !jsonEqual(cell[k], v));
      if (overwrites) continue;
      cells[i] = { ...cell, ...entry };
      added = true;
    }
    if (!added) cells.push({ ...entry });
  }
  // A matrix whose axes are all empty and that includes nothing runs no job at all.
  return { kind: 'static', cells };
}

/** Stable text of a cell: `{node: 20, os: ubuntu-latest}` with keys sorted. */
export function describeCell(cell: Cell): string {
  const keys = Object.keys(cell).sort();
  if (keys.length === 0) return '(no matrix)';
  return `{${keys.map((k) => `${k}: ${typeof cell[k] === 'string' ? cell[k] : JSON.stringify(cell[k])}`).join(', ')}}`;
}

/**
 * Whether a head cell stands for a base cell: no key has a different value. A head cell with
 * fewer keys (an axis that only tuned the environment removed, or the gate moved to a job without
 * that axis) still stands for it; the rule handles an axis removed from the *same* job itself.
 */
export function compatibleCells(head: Cell, base: Cell): boolean {
  return Object.entries(head).every(([k, v]) => !Object.hasOwn(base, k) || jsonEqual(base[k], v));
}
