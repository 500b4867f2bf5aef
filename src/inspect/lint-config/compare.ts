import { pathsUnder } from '../config-source.js';
import { fileState, governing, signature, type EffectiveRule, type FileState } from './effective.js';
import type { Level, LintConfig, LintTool, Origin, Unresolved } from './model.js';
import { RELAXING_SHARED, replacementsOf, sharedIncludes } from './shared-configs.js';

/**
 * Base/head comparison of effective lint settings, file by file but computed once per
 * *signature* (the configs that govern a file and which of their entries match it): files with
 * the same signature pair have the same effective settings on both sides, so a 20,000-file
 * repository costs one comparison per distinct pair, not per file.
 */

export interface Relaxation {
  /** Line-independent identity: `eslint::no-explicit-any`, `ruff:services/api:E501`. */
  key: string;
  message: string;
  origin: Origin;
  side: 'base' | 'head';
  before: string;
  after: string;
  files: string[];
  /** Options changed in a way that cannot be ordered: reported as a warning. */
  unordered?: true;
}

const LEVEL_NAMES = ['off', 'warn', 'error'] as const;
const levelName = (level: Level): string => LEVEL_NAMES[level];
const describe = (rule: EffectiveRule | undefined): string => (rule === undefined ? '(not set)' : `${levelName(rule.level)}${rule.options ? ` ${JSON.stringify(rule.options)}` : ''}`);

/** Whether options became looser: a larger `max…` number, an `allow…`/`ignore…` flag turned on, an allow-list grown. Null when the change cannot be ordered. */
function optionsLoosened(rule: string, before: unknown, after: unknown, key = ''): boolean | null {
  if (JSON.stringify(before) === JSON.stringify(after)) return false;
  if (typeof before === 'number' && typeof after === 'number') {
    const limit = /^(max|min)/i.test(key) || /^max-|^complexity$|^max$/.test(rule) || key === '' || key === 'code';
    if (!limit) return null;
    return /^min/i.test(key) ? after < before : after > before;
  }
  if (typeof before === 'boolean' && typeof after === 'boolean') {
    if (/^(allow|ignore|skip)/i.test(key)) return after && !before;
    if (/^(check|require|enforce|detect)/i.test(key)) return before && !after;
    return null;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (/^(allow|ignore)/i.test(key)) return after.some((item) => !before.some((b) => JSON.stringify(b) === JSON.stringify(item)));
    if (before.length !== after.length) return null;
    let loosened = false;
    for (let i = 0; i < before.length; i++) {
      const verdict = optionsLoosened(rule, before[i], after[i], key);
      if (verdict === null) return null;
      loosened ||= verdict;
    }
    return loosened;
  }
  if (typeof before === 'object' && before !== null && typeof after === 'object' && after !== null) {
    const a = before as Record<string, unknown>;
    const b = after as Record<string, unknown>;
    let loosened = false;
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(name in a) || !(name in b)) {
        if (JSON.stringify(a[name]) === JSON.stringify(b[name])) continue;
        return null;
      }
      const verdict = optionsLoosened(rule, a[name], b[name], name);
      if (verdict === null) return null;
      loosened ||= verdict;
    }
    return loosened;
  }
  return null;
}

/** Identity of an unresolved value without its line or position: the same expression unresolved on both sides is the same unknown. */
export const unresolvedKey = (value: Unresolved): string => `${value.file}\0${value.reason}\0${value.expression.replace(/\s+/g, '')}`;

/** What head values the change makes unresolvable can affect: one rule (`rules.<name>`), or the whole config. */
export interface Unknowns {
  /** Configs (by file) with a new unresolved entry, file list or ignore: nothing about their files can be compared. */
  configs: Set<string>;
  /** Rules whose new value is unresolved, by config file. */
  rules: Map<string, Set<string>>;
}

export function newUnknowns(base: readonly LintConfig[], head: readonly LintConfig[]): Unknowns {
  const known = new Set(base.flatMap((config) => config.unresolved).map(unresolvedKey));
  const unknowns: Unknowns = { configs: new Set(), rules: new Map() };
  for (const config of head) {
    for (const value of config.unresolved) {
      if (known.has(unresolvedKey(value))) continue;
      const rule = /\.rules\.(.+)$/.exec(value.setting);
      if (rule) unknowns.rules.set(config.file, new Set([...(unknowns.rules.get(config.file) ?? []), rule[1]!]));
      else unknowns.configs.add(config.file);
    }
  }
  return unknowns;
}

function configKey(tool: LintTool, chain: readonly LintConfig[]): string {
  return `${tool}:${chain.at(-1)?.dir ?? ''}`;
}

interface Group {
  tool: LintTool;
  baseChain: LintConfig[];
  headChain: LintConfig[];
  baseFile: string;
  headFile: string;
  files: string[];
}

/** Codes ruff/flake8 configs name on either side: the universe their prefix selection is decided over. */
function universe(configs: readonly LintConfig[]): string[] {
  const codes = new Set<string>();
  for (const config of configs) if (config.naming === 'prefixes') for (const entry of config.entries) for (const code of entry.rules.keys()) codes.add(code);
  return [...codes];
}

const sameConfigsCache = new WeakMap<readonly LintConfig[], WeakMap<readonly LintConfig[], boolean>>();

/**
 * Whether two revisions' lint configs are the same settings written the same way (lines
 * aside). With no renames, every file present on both sides then has the same effective settings
 * and scope, so the per-file comparison can be skipped: the common audit that touches a
 * package.json but no lint setting costs almost nothing.
 */
export function sameConfigs(base: readonly LintConfig[], head: readonly LintConfig[]): boolean {
  let byHead = sameConfigsCache.get(base);
  if (!byHead) sameConfigsCache.set(base, (byHead = new WeakMap()));
  let same = byHead.get(head);
  if (same === undefined) {
    const text = (configs: readonly LintConfig[]): string =>
      JSON.stringify(configs, (key, value: unknown) => (key === 'origin' || key === 'line' ? undefined : value instanceof Map ? [...(value as Map<unknown, unknown>)] : value));
    same = text(base) === text(head);
    byHead.set(head, same);
  }
  return same;
}

export function compareLintSettings(
  base: { configs: readonly LintConfig[]; paths: readonly string[] },
  head: { configs: readonly LintConfig[]; paths: readonly string[] },
  renames: ReadonlyMap<string, string>,
): Relaxation[] {
  // Same configs: a file that kept its path keeps its settings; only renamed files can differ.
  const onlyRenamed = sameConfigs(base.configs, head.configs);
  if (onlyRenamed && renames.size === 0) return [];
  const baseGov = governing(base.configs);
  const headGov = governing(head.configs);
  const headPaths = new Set(head.paths);
  const codes = universe([...base.configs, ...head.configs]);
  const unknowns = newUnknowns(base.configs, head.configs);
  const groups = new Map<string, Group>();
  const candidates = new Set<string>(onlyRenamed ? renames.keys() : []);
  if (!onlyRenamed) for (const dir of new Set(base.configs.map((config) => config.dir))) for (const file of pathsUnder(base.paths, dir)) candidates.add(file);
  for (const file of candidates) {
    const now = renames.get(file) ?? file;
    if (!headPaths.has(now)) continue;
    const headChains = headGov(now);
    for (const [tool, baseChain] of baseGov(file)) {
      const headChain = headChains.get(tool) ?? [];
      const key = `${tool}\0${signature(baseChain, file)}\0${signature(headChain, now)}`;
      const group = groups.get(key) ?? { tool, baseChain, headChain, baseFile: file, headFile: now, files: [] };
      group.files.push(now);
      groups.set(key, group);
    }
  }
  const found = new Map<string, Relaxation>();
  const add = (relaxation: Omit<Relaxation, 'files'>, files: readonly string[]): void => {
    const existing = found.get(relaxation.key);
    if (existing) existing.files.push(...files);
    else found.set(relaxation.key, { ...relaxation, files: [...files] });
  };
  for (const group of groups.values()) {
    const before = fileState(group.baseChain, group.baseFile, codes);
    const after = fileState(group.headChain, group.headFile, codes);
    // Not linted on one side: nothing to compare here (lint/scope-narrowed reports files no longer linted).
    if (!before.linted || !after.linted) continue;
    // A config the change made partly unresolvable is reported as such, not guessed at.
    if (group.headChain.some((config) => unknowns.configs.has(config.file))) continue;
    const unknownRules = new Set(group.headChain.flatMap((config) => [...(unknowns.rules.get(config.file) ?? [])]));
    for (const name of unknownRules) {
      before.rules.delete(name);
      after.rules.delete(name);
    }
    compareRules(group, before, after, add);
    compareShared(group, before, after, add);
    compareOptions(group, add);
  }
  return [...found.values()];
}

type Add = (relaxation: Omit<Relaxation, 'files'>, files: readonly string[]) => void;

function compareRules(group: Group, before: FileState, after: FileState, add: Add): void {
  const scope = configKey(group.tool, group.headChain.length > 0 ? group.headChain : group.baseChain);
  const headConfig = group.headChain.at(-1)!;
  const sharedNames = (state: FileState): string => state.shared.map((shared) => shared.written).join(', ');
  const names = [...new Set([...before.rules.keys(), ...after.rules.keys()])];
  /** ruff/flake8: `S101` going off with `S` at the same line is one relaxation, reported for the shorter prefix. */
  const coveredByPrefix = (name: string): boolean =>
    headConfig.naming === 'prefixes' &&
    names.some((other) => other !== name && name.startsWith(other) && before.rules.get(other)?.level === before.rules.get(name)?.level && after.rules.get(other)?.level === after.rules.get(name)?.level && sameOrigin(after.rules.get(other)?.origin, after.rules.get(name)?.origin));
  for (const name of names) {
    if (coveredByPrefix(name)) continue;
    const b = before.rules.get(name);
    const h = after.rules.get(name);
    const replaced = (level: Level): boolean => replacementsOf(name).some((other) => (after.rules.get(other)?.level ?? 0) >= level);
    if (b !== undefined && h !== undefined) {
      if (h.level < b.level) {
        if (replaced(b.level)) continue;
        add({ key: `${scope}:${name}`, message: `\`${name}\` lowered from ${levelName(b.level)} to ${levelName(h.level)}`, origin: h.origin, side: 'head', before: describe(b), after: describe(h) }, group.files);
      } else if (h.level === b.level && h.level > 0 && JSON.stringify(b.options) !== JSON.stringify(h.options)) {
        const verdict = optionsLoosened(name, b.options ?? [], h.options ?? []);
        if (verdict === false) continue;
        add({ key: `${scope}:${name}:options`, message: verdict ? `\`${name}\` options loosened` : `\`${name}\` options changed in a way whose strength cannot be ordered`, origin: h.origin, side: 'head', before: describe(b), after: describe(h), ...(verdict ? {} : { unordered: true as const }) }, group.files);
      }
    } else if (b !== undefined && b.level > 0) {
      if (replaced(b.level)) continue;
      const left = after.shared.length > 0 ? `; now left to ${sharedNames(after)}` : '';
      add({ key: `${scope}:${name}`, message: `\`${name}\` (${levelName(b.level)}) no longer set${left}`, origin: b.origin, side: 'base', before: describe(b), after: after.shared.length > 0 ? `(whatever ${sharedNames(after)} sets)` : 'off', ...(after.shared.length > 0 ? { unordered: true as const } : {}) }, group.files);
    } else if (b === undefined && h !== undefined && h.level === 0 && before.shared.length > 0 && headConfig.naming === 'names') {
      if (replaced(2)) continue;
      add({ key: `${scope}:${name}`, message: `\`${name}\` turned off over ${sharedNames(before)}`, origin: h.origin, side: 'head', before: `(as ${sharedNames(before)} sets it)`, after: describe(h) }, group.files);
    }
  }
}

const sameOrigin = (a: Origin | undefined, b: Origin | undefined): boolean => a !== undefined && b !== undefined && a.file === b.file && a.line === b.line;

function compareShared(group: Group, before: FileState, after: FileState, add: Add): void {
  const scope = configKey(group.tool, group.headChain.length > 0 ? group.headChain : group.baseChain);
  for (const shared of before.shared) {
    if (after.shared.some((other) => sharedIncludes(other.id, shared.id))) continue;
    const now = after.shared.filter((other) => other.id.slice(0, other.id.lastIndexOf(':')) === shared.id.slice(0, shared.id.lastIndexOf(':')));
    add({ key: `${scope}:shared:${shared.id}`, message: now.length > 0 ? `shareable config \`${shared.written}\` replaced by weaker \`${now.map((other) => other.written).join(', ')}\`` : `shareable config \`${shared.written}\` removed`, origin: shared.origin, side: 'base', before: shared.written, after: now.map((other) => other.written).join(', ') || '(removed)' }, group.files);
  }
  for (const shared of after.shared) {
    if (!RELAXING_SHARED.has(shared.id) || before.shared.some((other) => other.id === shared.id)) continue;
    add({ key: `${scope}:shared:+${shared.id}`, message: `\`${shared.written}\` added: it turns rules off`, origin: shared.origin, side: 'head', before: '(not applied)', after: shared.written }, group.files);
  }
}

function compareOptions(group: Group, add: Add): void {
  const scope = configKey(group.tool, group.headChain.length > 0 ? group.headChain : group.baseChain);
  const last = <T>(chain: readonly LintConfig[], pick: (config: LintConfig) => T | null): T | null => chain.reduce<T | null>((found, config) => pick(config) ?? found, null);
  const noInlineBefore = last(group.baseChain, (config) => config.noInlineConfig);
  const noInlineAfter = last(group.headChain, (config) => config.noInlineConfig);
  if (noInlineBefore?.value === true && noInlineAfter?.value !== true) {
    const origin = noInlineAfter?.origin ?? noInlineBefore.origin;
    add({ key: `${scope}:noInlineConfig`, message: '`noInlineConfig` turned off: inline `eslint-disable` comments work again', origin, side: noInlineAfter ? 'head' : 'base', before: 'noInlineConfig: true', after: noInlineAfter ? 'noInlineConfig: false' : '(not set)' }, group.files);
  }
  const reportBefore = last(group.baseChain, (config) => config.reportUnused);
  const reportAfter = last(group.headChain, (config) => config.reportUnused);
  if (reportBefore && reportBefore.level > (reportAfter?.level ?? 1)) {
    add({ key: `${scope}:reportUnusedDisableDirectives`, message: `\`reportUnusedDisableDirectives\` lowered from ${levelName(reportBefore.level)} to ${levelName(reportAfter?.level ?? 1)}`, origin: reportAfter?.origin ?? reportBefore.origin, side: reportAfter ? 'head' : 'base', before: levelName(reportBefore.level), after: levelName(reportAfter?.level ?? 1) }, group.files);
  }
  const limitsBefore = group.baseChain.at(-1)?.limits;
  const limitsAfter = group.headChain.at(-1)?.limits;
  for (const [name, limit] of limitsBefore ?? []) {
    const now = limitsAfter?.get(name);
    if (now !== undefined && now.value > limit.value) {
      const show = (value: number): string => (Number.isFinite(value) ? String(value) : 'unlimited');
      add({ key: `${scope}:limit:${name}`, message: `\`${name}\` raised from ${show(limit.value)} to ${show(now.value)}`, origin: now.origin, side: 'head', before: `${name} = ${show(limit.value)}`, after: `${name} = ${show(now.value)}` }, group.files);
    }
  }
}
