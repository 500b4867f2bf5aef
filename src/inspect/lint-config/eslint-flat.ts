import {
  createConfigEvaluator,
  PACKAGE_VALUE,
  packageReference,
  property,
  unresolved as unresolvedValue,
  type ConfigValue,
  type ObjectValue,
  type PackageCall,
  type UnresolvedValue,
} from '../config-eval/index.js';
import type { ConfigSource } from '../config-source.js';
import { readRules, stringList } from './eslint-rules.js';
import { gitignoreToGlob } from './globs.js';
import { newLintConfig } from './model.js';
import type { LintConfig, LintEntry, Origin, Unresolved } from './model.js';
import { sharedFromExtends, sharedFromImport } from './shared-configs.js';

/**
 * ESLint flat config (`eslint.config.{js,mjs,cjs,ts,mts,cts}`), read by static partial
 * evaluation: the exported array (nested arrays flattened, as ESLint does), `defineConfig(…)` and
 * `tseslint.config(…)` with `extends`, `globalIgnores([…])`, `includeIgnoreFile(…)`, and
 * `new FlatCompat().extends('…')`. A shareable config from a package (`js.configs.recommended`,
 * `...tseslint.configs.strictTypeChecked`, `{ ...react.configs.flat.recommended, files }`) is kept
 * as an opaque entry named by its identity. Anything else that cannot be resolved is recorded as
 * unresolved with its line.
 */

export const FLAT_CONFIG = /(^|\/)eslint\.config\.(js|mjs|cjs|ts|mts|cts)$/;

/** What ESLint lints without `files` and never lints (ESLint 9 defaults). */
export const ESLINT_DEFAULT_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];
export const ESLINT_DEFAULT_IGNORES = ['**/node_modules/', '.git/'];

const dirOf = (file: string): string => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');

function shareFromReferenceName(name: string): { id: string; written: string } | null {
  if (name.startsWith('eslintrc:')) return { id: sharedFromExtends(name.slice(9)), written: `compat.extends('${name.slice(9)}')` };
  const reference = packageReference({ kind: 'builtin', file: '', line: 0, name });
  if (reference === null) return null;
  const path = reference.path[0] === 'default' ? reference.path.slice(1) : reference.path;
  return { id: sharedFromImport(reference.specifier, reference.path), written: `${reference.specifier}:${path.join('.')}` };
}

const isCall = (call: PackageCall, specifier: string | RegExp, ...names: string[]): boolean => {
  const specOk = typeof specifier === 'string' ? call.reference.specifier === specifier : specifier.test(call.reference.specifier);
  const path = call.reference.path.filter((step) => step !== 'default').join('.');
  return specOk && names.includes(path);
};

/** A package reference as an object with `files`/`ignores` and the reference as an opaque spread: `{ ...ref, files }`. */
function scopedReference(reference: string, at: Origin, files: ConfigValue | null, ignores: ConfigValue | null): ObjectValue {
  const properties = new Map<string, ConfigValue>();
  if (files) properties.set('files', files);
  if (ignores) properties.set('ignores', ignores);
  // Only the location of `at`: it may be any located value (a string, a reference).
  const location = { file: at.file, line: at.line };
  return { kind: 'object', ...location, properties, opaque: [unresolvedValue(location, reference, PACKAGE_VALUE)] };
}

/** `defineConfig(...)` / `tseslint.config(...)`: arguments flattened; an object's `extends` become entries scoped to its `files`. */
function defineConfig(args: readonly ConfigValue[], at: Origin): ConfigValue {
  const items: ConfigValue[] = [];
  const flatten = (value: ConfigValue): ConfigValue[] => (value.kind === 'array' ? value.items.flatMap(flatten) : [value]);
  for (const item of args.flatMap(flatten)) {
    const extended = item.kind === 'object' ? item.properties.get('extends') : undefined;
    if (item.kind !== 'object' || extended === undefined) {
      items.push(item);
      continue;
    }
    const files = item.properties.get('files') ?? null;
    const ignores = item.properties.get('ignores') ?? null;
    for (const base of flatten(extended)) {
      if (base.kind === 'builtin' && packageReference(base)) items.push(scopedReference(base.name, base, files, ignores));
      else if (base.kind === 'object') {
        const properties = new Map(base.properties);
        if (files && !properties.has('files')) properties.set('files', files);
        if (ignores) properties.set('ignores', ignores);
        items.push({ ...base, properties });
      } else if (base.kind === 'string') items.push(unresolvedValue(base, base.value, 'plugin config named by a string'));
      else items.push(base);
    }
    const own = new Map(item.properties);
    own.delete('extends');
    items.push({ ...item, properties: own });
  }
  return { kind: 'array', ...at, items };
}

/** A pattern of eslintrc `files`: relative to the config, and without `/` it matches a base name anywhere (`matchBase`). */
const eslintrcGlob = (pattern: string): string => (pattern.includes('/') ? pattern.replace(/^\.?\//, '') : `**/${pattern}`);

/**
 * `compat.config({...})`: FlatCompat's translation of an eslintrc object into flat entries — its
 * `extends` as shareable configs, its rules, its `overrides` scoped to their files. Values are
 * kept located; what is not a literal list stays unresolved in place.
 */
function fromEslintrc(legacy: ObjectValue, scope: { files: ConfigValue; ignores: ConfigValue | null } | null): ConfigValue {
  const at = { file: legacy.file, line: legacy.line };
  const items: ConfigValue[] = [];
  const extended = legacy.properties.get('extends');
  const names = extended === undefined ? [] : extended.kind === 'array' ? extended.items : [extended];
  for (const name of names) {
    if (name.kind === 'string' && !name.value.startsWith('.')) items.push(scopedReference(`eslintrc:${name.value}`, name, scope?.files ?? null, scope?.ignores ?? null));
    else items.push(name.kind === 'unresolved' ? name : unresolvedValue(name, name.kind === 'string' ? name.value : name.kind, 'extends of a local file through FlatCompat'));
  }
  const rules = legacy.properties.get('rules');
  if (rules !== undefined) {
    const properties = new Map<string, ConfigValue>([['rules', rules]]);
    if (scope) properties.set('files', scope.files);
    if (scope?.ignores) properties.set('ignores', scope.ignores);
    items.push({ kind: 'object', ...at, properties, opaque: [] });
  }
  const ignorePatterns = legacy.properties.get('ignorePatterns');
  if (ignorePatterns?.kind === 'array' && scope === null) {
    const globs = ignorePatterns.items.map((item): ConfigValue => (item.kind === 'string' ? { ...item, value: gitignoreToGlob(item.value) ?? item.value } : item));
    items.push({ kind: 'object', ...at, properties: new Map([['ignores', { kind: 'array', ...at, items: globs }]]), opaque: [] });
  }
  const overrides = legacy.properties.get('overrides');
  for (const override of overrides?.kind === 'array' ? overrides.items : []) {
    if (override.kind !== 'object') {
      items.push(override.kind === 'unresolved' ? override : unresolvedValue(override, override.kind, 'override that is not an object'));
      continue;
    }
    const list = (value: ConfigValue | undefined): ConfigValue | null =>
      value === undefined ? null : value.kind === 'array' ? { ...value, items: value.items.map((item) => (item.kind === 'string' ? { ...item, value: eslintrcGlob(item.value) } : item)) } : value.kind === 'string' ? { kind: 'array', file: value.file, line: value.line, items: [{ ...value, value: eslintrcGlob(value.value) }] } : value;
    const files = list(override.properties.get('files')) ?? unresolvedValue(override, 'overrides[].files', 'override without files');
    items.push(fromEslintrc(override, { files, ignores: list(override.properties.get('excludedFiles')) }));
  }
  for (const opaque of legacy.opaque) items.push(opaque);
  return { kind: 'array', ...at, items };
}

export function readEslintFlat(source: ConfigSource, file: string): LintConfig {
  const dir = dirOf(file);
  const callPackage = (call: PackageCall): ConfigValue | null => {
    if (isCall(call, 'eslint/config', 'defineConfig') || isCall(call, /^(typescript-eslint|eslint-define-config)$/, 'config', 'defineFlatConfig')) return defineConfig(call.args, call.at);
    if (isCall(call, /^eslint\/config$|^@eslint\/compat$/, 'globalIgnores')) {
      const properties = new Map<string, ConfigValue>([['ignores', call.args[0] ?? unresolvedValue(call.at, call.text, 'no argument')]]);
      return { kind: 'object', ...call.at, properties, opaque: [] };
    }
    if (isCall(call, '@eslint/compat', 'includeIgnoreFile')) {
      const target = call.args[0];
      if (target?.kind !== 'string' || target.repoPath !== true) return unresolvedValue(call.at, call.text, 'ignore file path not known');
      const text = source.read(target.value);
      if (text === null) return unresolvedValue(call.at, call.text, 'ignore file not available');
      const base = dirOf(target.value);
      const prefix = base === dir ? '' : base.startsWith(`${dir}/`) || dir === '' ? `${base.slice(dir === '' ? 0 : dir.length + 1)}/` : null;
      if (prefix === null) return unresolvedValue(call.at, call.text, 'ignore file outside the config folder');
      const globs = text.split(/\r?\n/).map(gitignoreToGlob).filter((glob): glob is string => glob !== null);
      const items = globs.map((glob): ConfigValue => ({ kind: 'string', ...call.at, value: glob.startsWith('!') ? `!${prefix}${glob.slice(1)}` : `${prefix}${glob}` }));
      return { kind: 'object', ...call.at, properties: new Map([['ignores', { kind: 'array', ...call.at, items }]]), opaque: [] };
    }
    if (call.reference.specifier === '@eslint/eslintrc' && call.reference.path.at(-1) === 'config' && call.reference.path.includes('()')) {
      const legacy = call.args[0];
      return legacy?.kind === 'object' ? fromEslintrc(legacy, null) : unresolvedValue(call.at, call.text, 'compat.config of a value that is not an object');
    }
    if (call.reference.specifier === '@eslint/eslintrc' && call.reference.path.at(-1) === 'extends' && call.reference.path.includes('()')) {
      const names = call.args.filter((arg) => arg.kind === 'string');
      if (names.length !== call.args.length) return unresolvedValue(call.at, call.text, 'extends of a computed name');
      return { kind: 'array', ...call.at, items: names.map((name) => scopedReference(`eslintrc:${name.value}`, name, null, null)) };
    }
    return null;
  };
  const evaluator = createConfigEvaluator(source, { packageReferences: true, callPackage });
  const exported = evaluator.config(file);
  const config: LintConfig = newLintConfig({
    tool: 'eslint',
    naming: 'names',
    file,
    dir,
    defaultFiles: ESLINT_DEFAULT_FILES,
    defaultIgnores: ESLINT_DEFAULT_IGNORES,
    dot: true,
    cascade: false,
  });
  const value = exported.kind === 'function' ? exported.returns : exported;
  readItems(value, config, 'export');
  return config;
}

function noteUnresolved(value: UnresolvedValue, setting: string, into: Unresolved[]): void {
  into.push({ file: value.file, line: value.line, setting, expression: value.expression, reason: value.reason });
}

function readItems(value: ConfigValue, config: LintConfig, setting: string): void {
  if (value.kind === 'array') {
    value.items.forEach((item, index) => { readItems(item, config, `${setting}[${index}]`); });
    return;
  }
  if (value.kind === 'builtin') {
    const shared = shareFromReferenceName(value.name);
    if (shared) config.entries.push({ origin: { file: value.file, line: value.line }, files: null, ignores: [], global: false, rules: new Map(), shared });
    else noteUnresolved(unresolvedValue(value, value.name, 'not a config object'), setting, config.unresolved);
    return;
  }
  if (value.kind === 'unresolved') {
    noteUnresolved(value, setting, config.unresolved);
    return;
  }
  if (value.kind === 'null' || value.kind === 'undefined') return;
  if (value.kind !== 'object') {
    config.unresolved.push({ file: value.file, line: value.line, setting, expression: value.kind, reason: 'not a config object' });
    return;
  }
  readObject(value, config, setting);
}

function readObject(value: ObjectValue, config: LintConfig, setting: string): void {
  const origin = { file: value.file, line: value.line };
  // Own properties only: a spread package config may set any key, and is kept as a shareable entry instead.
  const own = (key: string): ConfigValue => value.properties.get(key) ?? { kind: 'undefined', ...origin };
  // `basePath` (ESLint 9.30+): the object's files and ignores are relative to that folder, and without `files` it applies only there.
  const basePath = own('basePath');
  const base = basePath.kind === 'string' ? basePath.value.replace(/^\.\/?/, '').replace(/\/+$/, '') : '';
  const under = (pattern: string): string => (base === '' ? pattern : pattern.startsWith('!') ? `!${base}/${pattern.slice(1)}` : `${base}/${pattern}`);
  const written = stringList(own('files'), `${setting}.files`, config.unresolved);
  const files = written ? written.map(under) : base === '' ? null : [`${base}/**`];
  const ignores = (stringList(own('ignores'), `${setting}.ignores`, config.unresolved) ?? []).map(under);
  const keys = [...value.properties.keys()].filter((key) => key !== 'name' && key !== 'basePath');
  let sharedEntries = 0;
  for (const opaque of value.opaque) {
    if (opaque.reason !== PACKAGE_VALUE) {
      noteUnresolved(opaque, setting, config.unresolved);
      continue;
    }
    const shared = shareFromReferenceName(opaque.expression);
    if (!shared) continue;
    config.entries.push({ origin: { file: opaque.file, line: opaque.line }, files, ignores, global: false, rules: new Map(), shared });
    sharedEntries++;
  }
  if (value.opaque.length === 0 && keys.length === 1 && keys[0] === 'ignores') {
    config.entries.push({ origin, files: null, ignores, global: true, rules: new Map(), shared: null });
    return;
  }
  const rules = readRules(own('rules'), `${setting}.rules`, config.unresolved);
  const linterOptions = own('linterOptions');
  if (linterOptions.kind === 'object') {
    const noInline = property(linterOptions, 'noInlineConfig');
    if (noInline.kind === 'boolean') config.noInlineConfig = { value: noInline.value, origin: { file: noInline.file, line: noInline.line } };
    const report = property(linterOptions, 'reportUnusedDisableDirectives');
    const level = report.kind === 'boolean' ? (report.value ? 1 : 0) : report.kind === 'string' ? ({ off: 0, warn: 1, error: 2 } as const)[report.value as 'off'] : report.kind === 'number' ? report.value : undefined;
    if (level === 0 || level === 1 || level === 2) config.reportUnused = { level, origin: { file: report.file, line: report.line } };
  }
  // `{ ...sharedConfig, files }` is the shareable entry above; an object with its own `files` still names files to lint.
  if (rules.size > 0 || (files !== null && sharedEntries === 0)) config.entries.push({ origin, files, ignores, global: false, rules, shared: null } satisfies LintEntry);
}
