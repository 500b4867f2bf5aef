import { toPlain, type ConfigValue } from '../config-eval/index.js';
import type { Level, RuleSetting, Unresolved } from './model.js';

const LEVELS = new Map<unknown, Level>([[0, 0], ['off', 0], [1, 1], ['warn', 1], [2, 2], ['error', 2]]);

/** A value as JSON text for messages (`JSON.stringify` gives undefined for `undefined`). */
export function plainText(value: ConfigValue): string {
  return value.kind === 'undefined' ? 'undefined' : JSON.stringify(toPlain(value));
}

/** ESLint's `0|1|2|'off'|'warn'|'error'` (case-insensitive, as ESLint accepts), or null. */
export function levelOf(value: ConfigValue): Level | null {
  if (value.kind === 'number') return LEVELS.get(value.value) ?? null;
  if (value.kind === 'string') return LEVELS.get(value.value.toLowerCase()) ?? null;
  return null;
}

/** A rules object (`{ 'no-console': ['error', { allow: ['warn'] }] }`) as settings; what cannot be read goes to `unresolved`. */
export function readRules(value: ConfigValue, setting: string, unresolved: Unresolved[]): Map<string, RuleSetting> {
  const rules = new Map<string, RuleSetting>();
  if (value.kind === 'undefined' || value.kind === 'null') return rules;
  if (value.kind !== 'object') {
    unresolved.push({ file: value.file, line: value.line, setting, expression: value.kind === 'unresolved' ? value.expression : value.kind, reason: value.kind === 'unresolved' ? value.reason : 'not an object' });
    return rules;
  }
  for (const opaque of value.opaque) unresolved.push({ file: opaque.file, line: opaque.line, setting, expression: opaque.expression, reason: opaque.reason });
  for (const [name, item] of value.properties) {
    const origin = { file: item.file, line: item.line };
    const first = item.kind === 'array' ? item.items[0] : item;
    const level = first === undefined ? null : levelOf(first);
    if (level === null) {
      unresolved.push({ ...origin, setting: `${setting}.${name}`, expression: item.kind === 'unresolved' ? item.expression : plainText(item), reason: item.kind === 'unresolved' ? item.reason : 'not a rule severity' });
      continue;
    }
    const options = item.kind === 'array' && item.items.length > 1 ? item.items.slice(1).map(toPlain) : null;
    rules.set(name, { level, options, origin });
  }
  return rules;
}

/** String items of an array value (ESLint `files`, `ignores`); unresolved items are recorded and left out. */
export function stringList(value: ConfigValue, setting: string, unresolved: Unresolved[]): string[] | null {
  if (value.kind === 'undefined' || value.kind === 'null') return null;
  const items = value.kind === 'array' ? value.items.flatMap((item) => (item.kind === 'array' ? item.items : [item])) : [value];
  const out: string[] = [];
  for (const item of items) {
    if (item.kind === 'string') out.push(item.value);
    else unresolved.push({ file: item.file, line: item.line, setting, expression: item.kind === 'unresolved' ? item.expression : item.kind, reason: item.kind === 'unresolved' ? item.reason : `a ${item.kind} pattern` });
  }
  return out;
}
