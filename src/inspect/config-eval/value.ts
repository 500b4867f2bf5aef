/**
 * Located values: what the static evaluator produces. Every value carries the file and 1-based
 * line of the expression that wrote it, so a reader can report `file:line` for any setting.
 * Values that come from a tool's default table (`coverageConfigDefaults.exclude`) also carry
 * `fromDefault`, naming the table and version they were read from.
 */

export interface Location {
  /** Repository-relative file. */
  file: string;
  /** 1-based line. */
  line: number;
  /** Set when the value comes from a tool's default table rather than from the repository. */
  fromDefault?: string;
}

export interface StringValue extends Location {
  kind: 'string';
  value: string;
  /** The string is a repository path computed from `__dirname`, `import.meta.url`, `path.resolve`… (repo-relative, '' = root). */
  repoPath?: true;
}
export interface NumberValue extends Location {
  kind: 'number';
  value: number;
}
export interface BooleanValue extends Location {
  kind: 'boolean';
  value: boolean;
}
export interface NullValue extends Location {
  kind: 'null';
}
export interface UndefinedValue extends Location {
  kind: 'undefined';
}
export interface RegexValue extends Location {
  kind: 'regex';
  source: string;
  flags: string;
}
export interface ArrayValue extends Location {
  kind: 'array';
  /** Items in order; an unresolvable spread or element is an `unresolved` item in its place. */
  items: ConfigValue[];
}
export interface ObjectValue extends Location {
  kind: 'object';
  /** Own properties in insertion order (a later duplicate key replaces the value, like JS). */
  properties: Map<string, ConfigValue>;
  /** Spreads and computed keys that could not be resolved: any key absent from `properties` may still be set by them. */
  opaque: UnresolvedValue[];
}
/** A function whose result was evaluated with its parameters unresolved (`defineConfig(({ mode }) => ({…}))`). */
export interface FunctionValue extends Location {
  kind: 'function';
  returns: ConfigValue;
}
/** A function of the platform the evaluator understands (`path.resolve`, `fileURLToPath`…). */
export interface BuiltinValue extends Location {
  kind: 'builtin';
  name: string;
}
export interface UnresolvedValue extends Location {
  kind: 'unresolved';
  /** Source text, clipped to 120 characters. */
  expression: string;
  /** Why: `function call`, `environment variable`, `import from a package`, `file not available`… */
  reason: string;
  /** For `process.env.X ?? 'literal'` / `|| 'literal'`: the value used when the left side is empty. */
  fallback?: ConfigValue;
}

export type ConfigValue =
  | StringValue
  | NumberValue
  | BooleanValue
  | NullValue
  | UndefinedValue
  | RegexValue
  | ArrayValue
  | ObjectValue
  | FunctionValue
  | BuiltinValue
  | UnresolvedValue;

export function locationOf(value: ConfigValue): Location {
  return value.fromDefault === undefined ? { file: value.file, line: value.line } : { file: value.file, line: value.line, fromDefault: value.fromDefault };
}

export function unresolved(at: Location, expression: string, reason: string, fallback?: ConfigValue): UnresolvedValue {
  const value: UnresolvedValue = { kind: 'unresolved', file: at.file, line: at.line, expression: clip(expression), reason };
  if (fallback !== undefined) value.fallback = fallback;
  return value;
}

export function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

/** Whether a value is known to be nullish (`null` or `undefined`). */
export function isNullish(value: ConfigValue): boolean {
  return value.kind === 'null' || value.kind === 'undefined';
}

/** JS truthiness of a resolved value; null when it is unresolved. */
export function truthy(value: ConfigValue): boolean | null {
  switch (value.kind) {
    case 'string':
      return value.value !== '';
    case 'number':
      return value.value !== 0 && !Number.isNaN(value.value);
    case 'boolean':
      return value.value;
    case 'null':
    case 'undefined':
      return false;
    case 'unresolved':
      return null;
    default:
      return true;
  }
}

/** A property of an object value: the value, `undefined` when surely absent, or unresolved when an opaque spread may set it. */
export function property(value: ConfigValue, key: string): ConfigValue {
  if (value.kind === 'unresolved') return value;
  if (value.kind !== 'object') return { kind: 'undefined', file: value.file, line: value.line };
  const found = value.properties.get(key);
  if (found !== undefined) return found;
  const opaque = value.opaque[0];
  if (opaque !== undefined) return opaque;
  return { kind: 'undefined', file: value.file, line: value.line };
}

/** Follows a path of keys (`['test', 'coverage', 'include']`); stops at the first unresolved value. */
export function propertyPath(value: ConfigValue, keys: readonly string[]): ConfigValue {
  let current = value;
  for (const key of keys) {
    if (current.kind === 'unresolved') return current;
    current = property(current, key);
  }
  return current;
}

/** Plain JS data for a value (for tests and debugging): unresolved values become `{ unresolved: reason }`. */
export function toPlain(value: ConfigValue): unknown {
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return value.value;
    case 'null':
      return null;
    case 'undefined':
      return undefined;
    case 'regex':
      return `/${value.source}/${value.flags}`;
    case 'array':
      return value.items.map(toPlain);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, item] of value.properties) out[key] = toPlain(item);
      if (value.opaque.length > 0) out['…'] = value.opaque.map((item) => ({ unresolved: item.reason }));
      return out;
    }
    case 'function':
      return { returns: toPlain(value.returns) };
    case 'builtin':
      return { builtin: value.name };
    case 'unresolved':
      return { unresolved: value.reason };
  }
}
