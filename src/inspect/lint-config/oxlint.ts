import { property, type ConfigValue } from '../config-eval/index.js';
import { readRules, stringList } from './eslint-rules.js';
import { gitignoreToGlob } from './globs.js';
import { emptyConfig, readJson } from './json-common.js';
import type { LintConfig, RuleSetting, Unresolved } from './model.js';

/**
 * oxlint (`.oxlintrc.json`): `rules` (levels `off`/`allow`, `warn`, `error`/`deny`, or
 * `[level, options]`), `categories` (a category's level is compared like a rule named
 * `category:<name>`; oxlint's default is `correctness: warn`), `ignorePatterns`, and
 * `overrides` with `files` and `rules`.
 */
export const OXLINT_NAMES = ['.oxlintrc.json'];
const OXLINT_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,vue,svelte,astro}'];

function oxlintRules(value: ConfigValue, setting: string, unresolved: Unresolved[]): Map<string, RuleSetting> {
  if (value.kind !== 'object') return readRules(value, setting, unresolved);
  // oxlint also spells the levels `allow` and `deny`.
  const normalised = new Map<string, ConfigValue>();
  for (const [name, item] of value.properties) {
    const rename = (level: ConfigValue): ConfigValue => (level.kind === 'string' && (level.value === 'allow' || level.value === 'deny') ? { ...level, value: level.value === 'allow' ? 'off' : 'error' } : level);
    normalised.set(name, item.kind === 'array' && item.items[0] ? { ...item, items: [rename(item.items[0]), ...item.items.slice(1)] } : rename(item));
  }
  return readRules({ ...value, properties: normalised }, setting, unresolved);
}

export function readOxlint(file: string, text: string): LintConfig {
  const config = emptyConfig('oxlint', file, OXLINT_FILES);
  const value = readJson(file, text);
  if (value.kind !== 'object') {
    config.unresolved.push({ file, line: value.line, setting: 'oxlint', expression: value.kind === 'unresolved' ? value.expression : value.kind, reason: value.kind === 'unresolved' ? value.reason : 'not an object' });
    return config;
  }
  const ignores = (stringList(property(value, 'ignorePatterns'), 'ignorePatterns', config.unresolved) ?? []).map(gitignoreToGlob).filter((glob): glob is string => glob !== null);
  if (ignores.length > 0) config.entries.push({ origin: { file, line: property(value, 'ignorePatterns').line }, files: null, ignores, global: true, rules: new Map(), shared: null });
  const categories = property(value, 'categories');
  const categoryRules = new Map<string, RuleSetting>([['category:correctness', { level: 1, options: null, origin: { file, line: 1 } }]]);
  if (categories.kind === 'object') for (const [name, setting] of oxlintRules(categories, 'categories', config.unresolved)) categoryRules.set(`category:${name}`, setting);
  config.entries.push({ origin: { file, line: categories.line }, files: null, ignores: [], global: false, rules: categoryRules, shared: null });
  config.entries.push({ origin: { file, line: property(value, 'rules').line }, files: null, ignores: [], global: false, rules: oxlintRules(property(value, 'rules'), 'rules', config.unresolved), shared: null });
  const overrides = property(value, 'overrides');
  if (overrides.kind === 'array') {
    overrides.items.forEach((override, index) => {
      const files = stringList(property(override, 'files'), `overrides[${index}].files`, config.unresolved) ?? [];
      config.entries.push({ origin: { file, line: override.line }, files, ignores: [], global: false, rules: oxlintRules(property(override, 'rules'), `overrides[${index}].rules`, config.unresolved), shared: null });
    });
  }
  return config;
}
