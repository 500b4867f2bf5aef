import { jsonValue, propertyPath, type ConfigValue, type UnresolvedValue } from '../config-eval/index.js';
import { dirname } from '../config-eval/paths.js';
import type { ConfigSource, CoverageMetric, CoverageScope, Origin, Pattern, Threshold, Unresolved } from './model.js';

/**
 * What JS readers add to `CoverageScope`: when `include` is 'dynamic' (only files the tests load
 * are measured), the include patterns that still filter those loaded files (nyc/c8 with
 * `all: false`, vitest ≤ 3 with `all: false`). Proposed for model.ts.
 */
export interface JsCoverageScope extends CoverageScope {
  dynamicInclude?: Pattern[];
}

export const METRICS: readonly CoverageMetric[] = ['lines', 'statements', 'functions', 'branches'];

export function toUnresolved(value: UnresolvedValue, setting: string): Unresolved {
  return { file: value.file, line: value.line, setting, expression: value.expression, reason: value.reason };
}

export function patternOrigin(value: ConfigValue): Pattern['origin'] {
  return value.fromDefault !== undefined ? { default: value.fromDefault } : { file: value.file, line: value.line };
}

export function originOf(value: ConfigValue): Origin {
  return { file: value.file, line: value.line };
}

/**
 * Patterns from a string or an array of strings. Returns null when the setting is absent
 * (undefined/null); unresolved items are reported and left out.
 */
export function readPatterns(value: ConfigValue, setting: string, syntax: Pattern['syntax'], unresolved: Unresolved[]): Pattern[] | null {
  if (value.kind === 'undefined' || value.kind === 'null') return null;
  const items = value.kind === 'array' ? value.items : [value];
  const patterns: Pattern[] = [];
  items.forEach((item, index) => {
    if (item.kind === 'string') patterns.push({ pattern: item.value, syntax, origin: patternOrigin(item) });
    else if (item.kind === 'unresolved') unresolved.push(toUnresolved(item, value.kind === 'array' ? `${setting}[${index}]` : setting));
    else unresolved.push({ file: item.file, line: item.line, setting, expression: item.kind, reason: `expected a string, got ${item.kind}` });
  });
  return patterns;
}

/** A number setting: the number, null when absent, or null plus an unresolved entry. */
export function readNumber(value: ConfigValue, setting: string, unresolved: Unresolved[]): number | null {
  if (value.kind === 'number') return value.value;
  if (value.kind === 'string' && value.value.trim() !== '' && Number.isFinite(Number(value.value))) return Number(value.value);
  if (value.kind === 'unresolved') unresolved.push(toUnresolved(value, setting));
  return null;
}

export function readBoolean(value: ConfigValue, setting: string, unresolved: Unresolved[]): boolean | null {
  if (value.kind === 'boolean') return value.value;
  if (value.kind === 'string' && (value.value === 'true' || value.value === 'false')) return value.value === 'true';
  if (value.kind === 'unresolved') unresolved.push(toUnresolved(value, setting));
  return null;
}

export function threshold(tool: Threshold['tool'], scopeId: string, target: string, metric: CoverageMetric, value: number, at: ConfigValue): Threshold {
  return { tool, scopeId, target, metric, value, origin: originOf(at) };
}

/** Files whose last segment is in `names`. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The nearest package.json at or above a file's directory, as located values. */
export function nearestPackageJson(source: ConfigSource, file: string, paths: ReadonlySet<string>): { path: string; value: ConfigValue } | null {
  let dir = dirname(file);
  for (;;) {
    const candidate = dir === '' ? 'package.json' : `${dir}/package.json`;
    if (paths.has(candidate)) {
      const text = source.read(candidate);
      if (text !== null) return { path: candidate, value: jsonValue(candidate, text) };
    }
    if (dir === '') return null;
    dir = dirname(dir);
  }
}

/** Major version from a dependency range (`^3.2.4`, `~1.6`, `3.x`, `>=2 <3`); null when not a plain range (`workspace:*`, `catalog:`, tags). */
export function majorOf(range: string): number | null {
  const match = /^\s*(?:[\^~=v]|>=)?\s*(\d+)(?:\.|$|\s)/.exec(range);
  return match ? Number(match[1]) : null;
}

/** The range of a dependency in `dependencies`, `devDependencies` or `peerDependencies`. */
export function dependencyRange(packageJson: ConfigValue, name: string): string | null {
  for (const field of ['devDependencies', 'dependencies', 'peerDependencies']) {
    const value = propertyPath(packageJson, [field, name]);
    if (value.kind === 'string') return value.value;
  }
  return null;
}
