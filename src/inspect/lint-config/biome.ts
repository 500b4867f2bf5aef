import { property, toPlain, type ConfigValue } from '../config-eval/index.js';
import { plainText, stringList } from './eslint-rules.js';
import { emptyConfig, readJson } from './json-common.js';
import type { Level, LintConfig, LintEntry, RuleSetting, Unresolved } from './model.js';

const BIOME_LEVELS: Record<string, Level> = { off: 0, info: 1, warn: 1, error: 2, on: 2 };

/**
 * Biome (`biome.json`, `biome.jsonc`): `linter.enabled`, `linter.rules.recommended` (default on,
 * an opaque shareable config `biome:recommended`), `linter.rules.all` (v1), rules as
 * `linter.rules.<group>.<rule>` with a level (`off`, `info`, `warn`, `error`, `on` = the rule's
 * default, counted as error) or `{ level, options }`; `files.includes` (v2, `!` excludes),
 * `files.include`/`files.ignore` and `linter.include`/`linter.ignore` (v1); `overrides` with
 * `includes`/`include` and their own `linter.rules`.
 */
export const BIOME_NAMES = ['biome.json', 'biome.jsonc'];
const BIOME_FILES = ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts,json,jsonc,css,graphql,gql,vue,svelte,astro,html}'];

function biomeRules(rules: ConfigValue, setting: string, unresolved: Unresolved[], entry: LintEntry[] , origin: { file: string; line: number }, files: string[] | null): void {
  const map = new Map<string, RuleSetting>();
  if (rules.kind !== 'object') {
    entry.push({ origin, files, ignores: [], global: false, rules: map, shared: null });
    return;
  }
  const shared: LintEntry[] = [];
  for (const [group, value] of rules.properties) {
    if (group === 'recommended' || group === 'all') {
      if (value.kind === 'boolean' && value.value) shared.push({ origin: { file: value.file, line: value.line }, files, ignores: [], global: false, rules: new Map(), shared: { id: `biome:${group}`, written: `linter.rules.${group}` } });
      continue;
    }
    if (value.kind !== 'object') continue;
    for (const [rule, level] of value.properties) {
      if (rule === 'recommended' || rule === 'all') continue;
      const at = { file: level.file, line: level.line };
      const text = level.kind === 'string' ? level.value : level.kind === 'object' ? property(level, 'level') : null;
      const name = typeof text === 'string' ? text : text?.kind === 'string' ? text.value : null;
      const numeric = name === null ? undefined : BIOME_LEVELS[name];
      if (numeric === undefined) {
        unresolved.push({ ...at, setting: `${setting}.${group}.${rule}`, expression: plainText(level), reason: 'not a rule level' });
        continue;
      }
      const options = level.kind === 'object' ? property(level, 'options') : null;
      map.set(`${group}/${rule}`, { level: numeric, options: options && options.kind !== 'undefined' ? [toPlain(options)] : null, origin: at });
    }
  }
  entry.push(...shared, { origin, files, ignores: [], global: false, rules: map, shared: null });
}

export function readBiome(file: string, text: string): LintConfig {
  const config = emptyConfig('biome', file, BIOME_FILES);
  const value = readJson(file, text);
  if (value.kind !== 'object') {
    config.unresolved.push({ file, line: value.line, setting: 'biome', expression: value.kind === 'unresolved' ? value.expression : value.kind, reason: value.kind === 'unresolved' ? value.reason : 'not an object' });
    return config;
  }
  const linter = property(value, 'linter');
  const enabled = property(linter, 'enabled');
  if (enabled.kind === 'boolean') config.enabled = { value: enabled.value, origin: { file, line: enabled.line } };
  const filesSection = property(value, 'files');
  const includes = [...(stringList(property(filesSection, 'includes'), 'files.includes', config.unresolved) ?? []), ...(stringList(property(linter, 'includes'), 'linter.includes', config.unresolved) ?? [])];
  const v1Include = [...(stringList(property(filesSection, 'include'), 'files.include', config.unresolved) ?? []), ...(stringList(property(linter, 'include'), 'linter.include', config.unresolved) ?? [])];
  const patterns = [...includes, ...v1Include];
  if (patterns.length > 0) config.includes = { patterns, origin: { file, line: property(filesSection, 'includes').line } };
  const ignore = [...(stringList(property(filesSection, 'ignore'), 'files.ignore', config.unresolved) ?? []), ...(stringList(property(linter, 'ignore'), 'linter.ignore', config.unresolved) ?? [])];
  if (ignore.length > 0) config.entries.push({ origin: { file, line: property(filesSection, 'ignore').line }, files: null, ignores: ignore, global: true, rules: new Map(), shared: null });
  const rules = property(linter, 'rules');
  const recommended = property(rules, 'recommended');
  // Biome applies its recommended rules unless `recommended: false`.
  if (recommended.kind === 'undefined') config.entries.push({ origin: { file, line: linter.line }, files: null, ignores: [], global: false, rules: new Map(), shared: { id: 'biome:recommended', written: 'linter.rules.recommended (default)' } });
  biomeRules(rules, 'linter.rules', config.unresolved, config.entries, { file, line: rules.line }, null);
  const overrides = property(value, 'overrides');
  if (overrides.kind === 'array') {
    overrides.items.forEach((override, index) => {
      const files = stringList(property(override, 'includes'), `overrides[${index}].includes`, config.unresolved) ?? stringList(property(override, 'include'), `overrides[${index}].include`, config.unresolved) ?? [];
      const positive = files.filter((pattern) => !pattern.startsWith('!'));
      const negative = files.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
      const before = config.entries.length;
      biomeRules(property(property(override, 'linter'), 'rules'), `overrides[${index}].linter.rules`, config.unresolved, config.entries, { file, line: override.line }, positive);
      for (const entry of config.entries.slice(before)) entry.ignores = negative;
    });
  }
  return config;
}

