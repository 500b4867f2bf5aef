import { createConfigEvaluator, importCandidates, jsonValue, property, yamlValue, type ConfigValue } from '../config-eval/index.js';
import type { ConfigSource } from '../config-source.js';
import { levelOf, readRules, stringList } from './eslint-rules.js';
import { gitignoreToGlob } from './globs.js';
import { newLintConfig } from './model.js';
import type { LintConfig, LintEntry, Unresolved } from './model.js';
import { sharedFromExtends } from './shared-configs.js';

/**
 * Legacy ESLint configuration (eslintrc, ESLint ≤ 8 and `ESLINT_USE_FLAT_CONFIG=false`): the first
 * of `.eslintrc.js`, `.eslintrc.cjs`, `.eslintrc.yaml`, `.eslintrc.yml`, `.eslintrc.json`,
 * `.eslintrc` and `package.json#eslintConfig` in a folder (ESLint's order). `extends` of a
 * package (`eslint:recommended`, `plugin:react/recommended`, `next/core-web-vitals`) is an opaque
 * shareable config; `extends` of a relative file is read. `overrides` are entries scoped to their
 * `files` minus `excludedFiles` (patterns without `/` match at any depth, as eslintrc's
 * `matchBase`). `ignorePatterns` and the folder's `.eslintignore` are gitignore-style ignores.
 * Configs of parent folders apply first unless a config says `root: true`.
 */

export const LEGACY_NAMES = ['.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yaml', '.eslintrc.yml', '.eslintrc.json', '.eslintrc'];

/** ESLint 8 lints `.js` files (and what `overrides` name) and skips `node_modules` and dot files. */
const LEGACY_DEFAULT_FILES = ['**/*.js'];
const LEGACY_DEFAULT_IGNORES = ['**/node_modules/', '**/.*'];
const MAX_EXTENDS_DEPTH = 8;

const dirOf = (file: string): string => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');
const baseOf = (file: string): string => file.slice(file.lastIndexOf('/') + 1);

export function isLegacyConfigName(file: string): boolean {
  return LEGACY_NAMES.includes(baseOf(file));
}

/** The legacy config file of each folder that has one (ESLint's precedence), with package.json#eslintConfig last. */
export function legacyConfigFiles(source: ConfigSource): string[] {
  const byDir = new Map<string, string>();
  const rank = (file: string): number => {
    const index = LEGACY_NAMES.indexOf(baseOf(file));
    return index >= 0 ? index : LEGACY_NAMES.length;
  };
  for (const file of source.paths) {
    const name = baseOf(file);
    if (!LEGACY_NAMES.includes(name) && name !== 'package.json') continue;
    if (file.split('/').includes('node_modules')) continue;
    if (name === 'package.json') {
      const text = source.read(file);
      if (text === null || !text.includes('"eslintConfig"')) continue;
    }
    const dir = dirOf(file);
    const current = byDir.get(dir);
    if (current === undefined || rank(file) < rank(current)) byDir.set(dir, file);
  }
  return [...byDir.values()];
}

/** Legacy `files` patterns: relative to the config folder, and a pattern without `/` matches a base name anywhere. */
function legacyGlob(pattern: string): string {
  const body = pattern.replace(/^\.\//, '');
  return body.includes('/') ? body.replace(/^\//, '') : `**/${body}`;
}

function documentValue(source: ConfigSource, file: string, evaluate: (file: string) => ConfigValue): ConfigValue | null {
  const text = source.read(file);
  if (text === null) return null;
  const name = baseOf(file);
  if (name === 'package.json') return property(jsonValue(file, text), 'eslintConfig');
  if (name.endsWith('.json')) return jsonValue(file, text);
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return yamlValue(file, text);
  if (name === '.eslintrc') return text.trimStart().startsWith('{') ? jsonValue(file, text) : yamlValue(file, text);
  return evaluate(file);
}

export function readEslintLegacy(source: ConfigSource, file: string): LintConfig {
  const dir = dirOf(file);
  const evaluator = createConfigEvaluator(source, { packageReferences: true });
  const config: LintConfig = newLintConfig({
    tool: 'eslint',
    naming: 'names',
    file,
    dir,
    defaultFiles: LEGACY_DEFAULT_FILES,
    defaultIgnores: LEGACY_DEFAULT_IGNORES,
    dot: true,
    cascade: true,
  });
  const value = documentValue(source, file, (target) => evaluator.config(target));
  if (value === null) {
    config.unresolved.push({ file, line: 1, setting: 'config', expression: file, reason: 'file not available' });
    return config;
  }
  const root = property(value, 'root');
  if (root.kind === 'boolean' && root.value) config.cascade = false;
  const noInline = property(value, 'noInlineConfig');
  if (noInline.kind === 'boolean') config.noInlineConfig = { value: noInline.value, origin: { file: noInline.file, line: noInline.line } };
  const report = property(value, 'reportUnusedDisableDirectives');
  if (report.kind === 'boolean') config.reportUnused = { level: report.value ? 1 : 0, origin: { file: report.file, line: report.line } };
  else {
    const level = levelOf(report);
    if (level !== null) config.reportUnused = { level, origin: { file: report.file, line: report.line } };
  }
  const ignores = (stringList(property(value, 'ignorePatterns'), 'ignorePatterns', config.unresolved) ?? []).map(gitignoreToGlob).filter((glob): glob is string => glob !== null);
  const ignoreFile = dir === '' ? '.eslintignore' : `${dir}/.eslintignore`;
  const ignoreText = source.read(ignoreFile);
  if (ignoreText !== null) ignores.push(...ignoreText.split(/\r?\n/).map(gitignoreToGlob).filter((glob): glob is string => glob !== null));
  if (ignores.length > 0) config.entries.push({ origin: { file, line: 1 }, files: null, ignores, global: true, rules: new Map(), shared: null });
  addConfigObject(value, config, { files: null, ignores: [] }, source, evaluator.config.bind(evaluator), 0, 'config');
  return config;
}

/** An eslintrc object: its `extends` first, then its own rules, then its `overrides`, each scoped to `scope`. */
function addConfigObject(
  value: ConfigValue,
  config: LintConfig,
  scope: { files: string[] | null; ignores: string[] },
  source: ConfigSource,
  evaluate: (file: string) => ConfigValue,
  depth: number,
  setting: string,
): void {
  const unresolved: Unresolved[] = config.unresolved;
  if (value.kind === 'unresolved') {
    unresolved.push({ file: value.file, line: value.line, setting, expression: value.expression, reason: value.reason });
    return;
  }
  if (value.kind !== 'object') return;
  for (const opaque of value.opaque) unresolved.push({ file: opaque.file, line: opaque.line, setting, expression: opaque.expression, reason: opaque.reason });
  const extended = property(value, 'extends');
  const names = extended.kind === 'string' ? [extended] : extended.kind === 'array' ? extended.items : [];
  if (extended.kind === 'unresolved') unresolved.push({ file: extended.file, line: extended.line, setting: `${setting}.extends`, expression: extended.expression, reason: extended.reason });
  for (const name of names) {
    if (name.kind !== 'string') {
      unresolved.push({ file: name.file, line: name.line, setting: `${setting}.extends`, expression: name.kind === 'unresolved' ? name.expression : name.kind, reason: name.kind === 'unresolved' ? name.reason : 'not a config name' });
      continue;
    }
    if (name.value.startsWith('.') || name.value.startsWith('/')) {
      const target = (importCandidates(name.file, name.value) ?? []).find((candidate) => source.paths.includes(candidate));
      const loaded = target === undefined || depth >= MAX_EXTENDS_DEPTH ? null : documentValue(source, target, evaluate);
      if (loaded === null) unresolved.push({ file: name.file, line: name.line, setting: `${setting}.extends`, expression: name.value, reason: target === undefined ? 'file not found' : 'file not available' });
      else addConfigObject(loaded, config, scope, source, evaluate, depth + 1, `${target}`);
      continue;
    }
    config.entries.push({ origin: { file: name.file, line: name.line }, files: scope.files, ignores: scope.ignores, global: false, rules: new Map(), shared: { id: sharedFromExtends(name.value), written: name.value } });
  }
  const rules = readRules(property(value, 'rules'), `${setting}.rules`, unresolved);
  if (rules.size > 0 || scope.files !== null) config.entries.push({ origin: { file: value.file, line: value.line }, files: scope.files, ignores: scope.ignores, global: false, rules, shared: null } satisfies LintEntry);
  const overrides = property(value, 'overrides');
  if (overrides.kind !== 'array') return;
  overrides.items.forEach((override, index) => {
    const files = (stringList(property(override, 'files'), `${setting}.overrides[${index}].files`, unresolved) ?? []).map(legacyGlob);
    const excluded = (stringList(property(override, 'excludedFiles'), `${setting}.overrides[${index}].excludedFiles`, unresolved) ?? []).map(legacyGlob);
    // An override inside an override (or an extended file) applies to files both name: keep the narrower list.
    const scoped = { files: files.length > 0 ? files : scope.files, ignores: [...scope.ignores, ...excluded] };
    addConfigObject(override, config, scoped, source, evaluate, depth + 1, `${setting}.overrides[${index}]`);
  });
}
