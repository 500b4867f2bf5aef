import type { ConfigValue, ObjectValue } from './value.js';
import { unresolved } from './value.js';

/**
 * Vite's `mergeConfig(defaults, overrides)` on located values, following vite's
 * `mergeConfigRecursively` (packages/vite/src/node/utils.ts, vite 3–7): an override that is
 * null/undefined is skipped; a missing default takes the override; if either side is an array
 * the two are concatenated (a scalar counts as a one-item array); two plain objects merge
 * recursively; otherwise the override wins. Vite throws when either argument is a function;
 * that case is unresolved here. (Vite's special cases — `alias`, `assetsInclude`,
 * `ssr.noExternal` — do not touch coverage settings and are not modelled.)
 */
export function mergeConfigValues(defaults: ConfigValue, overrides: ConfigValue, expression: string): ConfigValue {
  if (defaults.kind === 'function' || overrides.kind === 'function') return unresolved(defaults, expression, 'mergeConfig with a function config');
  if (defaults.kind === 'unresolved') return defaults;
  if (overrides.kind === 'unresolved') return overrides;
  if (defaults.kind !== 'object' || overrides.kind !== 'object') return unresolved(defaults, expression, 'mergeConfig of a non-object');
  return mergeObjects(defaults, overrides);
}

function mergeObjects(defaults: ObjectValue, overrides: ObjectValue): ObjectValue {
  const properties = new Map(defaults.properties);
  for (const [key, value] of overrides.properties) {
    if (value.kind === 'null' || value.kind === 'undefined') continue;
    const existing = properties.get(key);
    if (existing === undefined || existing.kind === 'null' || existing.kind === 'undefined') {
      properties.set(key, value);
    } else if (existing.kind === 'array' || value.kind === 'array') {
      const left = existing.kind === 'array' ? existing.items : [existing];
      const right = value.kind === 'array' ? value.items : [value];
      properties.set(key, { kind: 'array', file: value.file, line: value.line, items: [...left, ...right] });
    } else if (existing.kind === 'object' && value.kind === 'object') {
      properties.set(key, mergeObjects(existing, value));
    } else {
      properties.set(key, value);
    }
  }
  // An opaque spread in the overrides may replace anything; one in the defaults may still hold keys.
  return { kind: 'object', file: overrides.file, line: overrides.line, properties, opaque: [...defaults.opaque, ...overrides.opaque] };
}
