import { property, type ConfigValue } from '../config-eval/index.js';
import { joinPath } from '../config-eval/paths.js';
import { originOf, patternOrigin, readBoolean, readNumber, toUnresolved } from '../coverage/js-common.js';
import type { Invocation, RunnerFacts, RunnerPattern, RunnerScope, RunnerSetting, RunnerSettingName, RunnerTool, Unresolved } from './model.js';

export { originOf, readBoolean, readNumber, toUnresolved };

/** Patterns from a string or an array of strings; null when absent. Unresolved items are recorded. */
export function readList(value: ConfigValue, setting: string, syntax: RunnerPattern['syntax'], unresolved: Unresolved[]): RunnerPattern[] | null {
  if (value.kind === 'undefined' || value.kind === 'null') return null;
  const items = value.kind === 'array' ? value.items : [value];
  const out: RunnerPattern[] = [];
  items.forEach((item, index) => {
    if (item.kind === 'string') out.push({ pattern: item.value, syntax, origin: patternOrigin(item) });
    else if (item.kind === 'regex') out.push({ pattern: item.source, syntax: 'regex', origin: patternOrigin(item) });
    else if (item.kind === 'unresolved') unresolved.push(toUnresolved(item, value.kind === 'array' ? `${setting}[${index}]` : setting));
    else unresolved.push({ file: item.file, line: item.line, setting, expression: item.kind, reason: `expected a string, got ${item.kind}` });
  });
  return out;
}

export function defaults(patterns: readonly string[], syntax: RunnerPattern['syntax'], label: string): RunnerPattern[] {
  return patterns.map((pattern) => ({ pattern, syntax, origin: { default: label } }));
}

/** A repository directory from a config path value (`'./src'`, `path.resolve(__dirname, 'src')`). */
export function dirValue(value: ConfigValue, from: string): string | null {
  if (value.kind !== 'string') return null;
  if (value.repoPath) return value.value;
  return joinPath(from, value.value.replace(/^<rootDir>\/?/, ''));
}

export function newScope(tool: RunnerTool, id: string, origin: { file: string; line: number }, root: string): RunnerScope {
  return { tool, id, origin, root, roots: [], include: [], exclude: [], noRecurse: [], extensions: null, recursive: false, pathFilters: [], filters: [], unresolved: [] };
}

/** A boolean / count setting of a config, recorded with its origin (or the tool's default). */
export function configSetting(
  facts: RunnerFacts,
  tool: RunnerTool,
  scopeId: string,
  setting: RunnerSettingName,
  value: ConfigValue,
  name: string,
  fallback: boolean | number,
  defaultLabel: string,
  unresolved: Unresolved[],
): void {
  let effective: boolean | number | null;
  if (typeof fallback === 'boolean') effective = readBoolean(value, name, unresolved);
  else {
    // jest `bail: true` is 1; vitest/mocha counts.
    if (value.kind === 'boolean') effective = value.value ? 1 : 0;
    else effective = readNumber(value, name, unresolved);
  }
  facts.settings.push({
    tool,
    scopeId,
    setting,
    value: effective ?? fallback,
    origin: effective === null || value.fromDefault !== undefined ? { default: defaultLabel } : { file: value.file, line: value.line },
  });
}

/** Copies config scopes and settings under a command line's id, for flags to be applied. */
export function forCommand(facts: RunnerFacts, invocation: Invocation): RunnerFacts {
  const rename = (id: string): string => `${invocation.id}/${id}`;
  return {
    scopes: facts.scopes.map((scope) => ({
      ...scope,
      id: rename(scope.id),
      origin: { file: invocation.file, line: invocation.line },
      roots: [...scope.roots],
      include: [...scope.include],
      exclude: [...scope.exclude],
      noRecurse: [...scope.noRecurse],
      pathFilters: [...scope.pathFilters],
      filters: [...scope.filters],
      unresolved: [...scope.unresolved],
    })),
    settings: facts.settings.map((setting): RunnerSetting => ({ ...setting, scopeId: rename(setting.scopeId) })),
    unresolved: [...facts.unresolved],
  };
}

/** Sets (replaces) a setting of every scope of a command. */
export function overrideSetting(facts: RunnerFacts, tool: RunnerTool, setting: RunnerSettingName, value: boolean | number, origin: RunnerSetting['origin']): void {
  const scopeIds = facts.scopes.map((scope) => scope.id);
  facts.settings = facts.settings.filter((entry) => entry.setting !== setting);
  for (const scopeId of scopeIds) facts.settings.push({ tool, scopeId, setting, value, origin });
}

export function nearestConfigDir(dir: string, has: (dir: string) => boolean): string | null {
  let current = dir;
  for (;;) {
    if (has(current)) return current;
    if (current === '') return null;
    current = current.includes('/') ? current.slice(0, current.lastIndexOf('/')) : '';
  }
}

export { property };
