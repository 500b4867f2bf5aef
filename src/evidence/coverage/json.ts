import { coverageInputError, lineColumn, oneLine } from './input-error.js';

/**
 * JSON helpers shared by the istanbul and coverage.py parsers: parsing with a line:column in the
 * error, and typed accessors that name the JSON path of whatever is wrong. Lookups use own
 * properties only, so a key such as `constructor` or `__proto__` in hostile input reads as
 * absent instead of reaching Object.prototype.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

export interface JsonContext {
  readonly sourceName: string;
}

export function parseJson(text: string, sourceName: string): unknown {
  try {
    return JSON.parse(stripBom(text)) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const where = position === null ? '' : lineColumn(stripBom(text), Number(position[1]));
    // V8 quotes a slice of the input after a comma; that part is noise in a one-line message.
    const reason = oneLine(message.split(', "')[0] ?? message, 120);
    throw coverageInputError(sourceName, where, `invalid JSON (${reason})`);
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `$.files["src/a.py"].summary` — keys that are not identifiers are quoted. */
export function jsonPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string ${JSON.stringify(value.slice(0, 30))}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value;
}

export function expectObject(ctx: JsonContext, value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw coverageInputError(ctx.sourceName, path, `expected an object, got ${describe(value)}`);
  return value;
}

export function expectArray(ctx: JsonContext, value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw coverageInputError(ctx.sourceName, path, `expected an array, got ${describe(value)}`);
  return value;
}

/** A hit count or a total: a non-negative safe integer (rejects 1e400, -1, 2.5, "3"). */
export function expectCount(ctx: JsonContext, value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw coverageInputError(ctx.sourceName, path, `expected a non-negative integer, got ${describe(value)}`);
  }
  return value;
}

export function field(ctx: JsonContext, object: JsonObject, key: string, path: string): unknown {
  const value = own(object, key);
  if (value === undefined) throw coverageInputError(ctx.sourceName, path, `missing "${key}"`);
  return value;
}
