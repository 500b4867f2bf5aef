import type { Node } from 'jsonc-parser';
import type { ConfigSource } from '../config-source.js';
import { pathSet } from '../config-source.js';
import { dirname, joinPath } from '../config-eval/paths.js';
import { isPackageJson } from '../commands/walk.js';
import { parseJsonc, plain, properties, property, stringItems, type JsoncDoc } from './jsonc.js';
import type { Origin, PatternList, Setting, TsProject, Unresolved } from './model.js';
import { publishedBase } from './tsconfig-bases.js';

/**
 * A tsconfig with its `extends` chain resolved, with TypeScript's semantics (compiler
 * `commandLineParser.ts`, `getExtendsConfigPath` and `parseConfig`):
 *
 * - `extends` is a string or (TypeScript ≥ 5.0) an array; array entries are applied in order, so a
 *   later base overrides an earlier one, and the config's own settings override all of them.
 * - A relative or rooted specifier is a path from the config's folder; when no such file exists
 *   and it does not end in `.json`, `.json` is appended. Anything else is a package: its folder
 *   (`node_modules/<pkg>` in a parent folder, else a workspace package of the repository found by
 *   its package.json `name`), then the subpath (`pkg/base.json`, with `.json` appended when
 *   needed, or `exports`), or for a bare name package.json `tsconfig`, `exports["."]`, then
 *   `tsconfig.json`. A package that is in neither place is looked up in Gatehouse's table of
 *   published bases (`tsconfig-bases.ts`); an unknown one is unresolvable, never assumed.
 * - `compilerOptions` merge option by option; `include`, `exclude` and `files` are taken whole
 *   from the last config that sets them, relative to the folder of the config that wrote them.
 * - `references` are not inherited.
 */

interface OwnConfig {
  file: string;
  options: Record<string, Setting>;
  include: PatternList | null;
  exclude: PatternList | null;
  files: PatternList | null;
  references: { path: string; line: number }[];
  extends: { specifier: string; line: number }[];
}

/** The merged state of a chain, before the gate's command-line options are added. */
export type ResolvedConfig = Pick<TsProject, 'config' | 'options' | 'include' | 'exclude' | 'files' | 'references' | 'typescript' | 'extendsOrigin' | 'unknownBase' | 'unresolved'>;

const unresolved = (file: string, line: number, setting: string, expression: string, reason: string): Unresolved => ({ file, line, setting, expression: expression.slice(0, 120), reason });

function patternList(doc: JsoncDoc, node: Node | undefined, file: string, line: number): PatternList | null {
  if (node?.type !== 'array') return null;
  return { patterns: stringItems(node, doc).map((item) => item.text), dir: dirname(file), origin: { file, line } };
}

/** One tsconfig file's own settings; null with an unresolved entry when it cannot be parsed. */
export function readOwnConfig(file: string, text: string): OwnConfig | Unresolved {
  const doc = parseJsonc(text);
  if (doc.error) return unresolved(file, doc.error.line, 'tsconfig', file, `cannot be parsed (${doc.error.message})`);
  if (doc.root?.type !== 'object') return unresolved(file, 1, 'tsconfig', file, 'is not a JSON object');
  const own: OwnConfig = { file, options: {}, include: null, exclude: null, files: null, references: [], extends: [] };
  for (const prop of properties(doc.root, doc)) {
    if (prop.name === 'compilerOptions') {
      for (const option of properties(prop.value, doc)) own.options[option.name] = { value: plain(option.value), origin: { file, line: option.line } };
    } else if (prop.name === 'include' || prop.name === 'exclude' || prop.name === 'files') {
      own[prop.name] = patternList(doc, prop.value, file, prop.line);
    } else if (prop.name === 'extends') {
      if (prop.value.type === 'string') own.extends.push({ specifier: String(prop.value.value), line: prop.line });
      else own.extends.push(...stringItems(prop.value, doc).map((item) => ({ specifier: item.text, line: item.line })));
    } else if (prop.name === 'references' && prop.value.type === 'array') {
      for (const ref of prop.value.children ?? []) {
        const target = property(ref, 'path');
        if (target?.type === 'string') own.references.push({ path: String(target.value), line: doc.line(ref.offset) });
      }
    }
  }
  return own;
}

/** Where an `extends` specifier leads: a repository file, a published base of the table, or nothing. */
export type ExtendsTarget = { kind: 'file'; path: string } | { kind: 'published'; label: string; options: Readonly<Record<string, unknown>> } | { kind: 'unresolvable'; reason: string };

/** Workspace packages of a revision by package name (package.json `name`), built once per revision. */
const workspaceCache = new WeakMap<readonly string[], Map<string, string>>();

function workspacePackages(source: ConfigSource): Map<string, string> {
  let map = workspaceCache.get(source.paths);
  if (map) return map;
  map = new Map();
  let complete = true;
  for (const path of source.paths) {
    if (!isPackageJson(path)) continue;
    const text = source.read(path);
    if (text === null) {
      complete = false;
      continue;
    }
    const name = plain(property(parseJsonc(text).root, 'name'));
    if (typeof name === 'string' && !map.has(name)) map.set(name, dirname(path));
  }
  // Cache only a complete map: a first round of reads may not have every package.json loaded yet.
  if (complete) workspaceCache.set(source.paths, map);
  return map;
}

function splitPackage(specifier: string): { name: string; subpath: string } | null {
  const match = /^((?:@[^/]+\/)?[^/@][^/]*)(?:\/(.*))?$/.exec(specifier);
  return match ? { name: match[1]!, subpath: match[2] ?? '' } : null;
}

function exportTarget(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const condition of ['types', 'require', 'import', 'default']) {
      const found = exportTarget(record[condition]);
      if (found !== null) return found;
    }
  }
  return null;
}

export function resolveExtends(source: ConfigSource, fromFile: string, specifier: string): ExtendsTarget {
  const exists = pathSet(source.paths);
  const dir = dirname(fromFile);
  const fileOrJson = (path: string | null): string | null => {
    if (path === null) return null;
    if (exists.has(path)) return path;
    if (!path.endsWith('.json') && exists.has(`${path}.json`)) return `${path}.json`;
    return null;
  };
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    const found = fileOrJson(joinPath(dir, specifier));
    return found !== null ? { kind: 'file', path: found } : { kind: 'unresolvable', reason: `no file ${specifier} next to ${fromFile}` };
  }
  if (specifier.startsWith('/') || /^[A-Za-z]:[\\/]/.test(specifier)) return { kind: 'unresolvable', reason: 'an absolute path outside the repository' };
  const pkg = splitPackage(specifier);
  if (!pkg) return { kind: 'unresolvable', reason: `cannot read "${specifier}" as a package name` };
  const folders: string[] = [];
  for (let at: string | null = dir; at !== null; at = at === '' ? null : dirname(at)) {
    const candidate = joinPath(at, 'node_modules', pkg.name);
    if (candidate !== null) folders.push(candidate);
  }
  const workspace = workspacePackages(source).get(pkg.name);
  if (workspace !== undefined) folders.push(workspace);
  for (const folder of folders) {
    const manifestText = source.read(joinPath(folder, 'package.json') ?? 'package.json');
    const manifest = manifestText === null ? undefined : plain(parseJsonc(manifestText).root);
    const fields = manifest && typeof manifest === 'object' && !Array.isArray(manifest) ? (manifest as Record<string, unknown>) : {};
    const exportsField = fields.exports;
    const exportOf = (key: string): string | null => {
      if (exportsField === undefined) return null;
      if (key === '.' && typeof exportsField === 'string') return exportsField;
      return exportsField && typeof exportsField === 'object' ? exportTarget((exportsField as Record<string, unknown>)[key]) : null;
    };
    let found: string | null;
    if (pkg.subpath !== '') {
      const exported = exportOf(`./${pkg.subpath}`);
      found = (exported !== null ? fileOrJson(joinPath(folder, exported)) : null) ?? fileOrJson(joinPath(folder, pkg.subpath)) ?? fileOrJson(joinPath(folder, pkg.subpath, 'tsconfig.json'));
    } else {
      const field = typeof fields.tsconfig === 'string' ? fields.tsconfig : null;
      const exported = exportOf('.');
      found = (field !== null ? fileOrJson(joinPath(folder, field)) : null) ?? (exported?.endsWith('.json') ? fileOrJson(joinPath(folder, exported)) : null) ?? fileOrJson(joinPath(folder, 'tsconfig.json'));
    }
    if (found !== null) return { kind: 'file', path: found };
  }
  const published = publishedBase(specifier);
  if (published) return { kind: 'published', label: published.label, options: published.compilerOptions };
  return {
    kind: 'unresolvable',
    reason:
      workspace !== undefined || folders.some((folder) => exists.has(`${folder}/package.json`))
        ? `package ${pkg.name} has no ${pkg.subpath || 'tsconfig'} in the repository`
        : `package ${pkg.name} is neither in the repository nor in Gatehouse's table of published bases`,
  };
}

function emptyResolved(config: string): ResolvedConfig {
  return { config, options: {}, include: null, exclude: null, files: null, references: [], typescript: { major: null, origin: null }, extendsOrigin: null, unknownBase: null, unresolved: [] };
}

/** Apply a base (already resolved) under the accumulated state: later settings override. */
function applyOver(into: ResolvedConfig, from: ResolvedConfig): void {
  if (from.unknownBase) {
    // Whatever an unreadable base sets may override everything applied before it.
    into.options = {};
    into.include = null;
    into.exclude = null;
    into.files = null;
    into.unknownBase = from.unknownBase;
  }
  Object.assign(into.options, from.options);
  if (from.include) into.include = from.include;
  if (from.exclude) into.exclude = from.exclude;
  if (from.files) into.files = from.files;
  into.unresolved.push(...from.unresolved);
}

/**
 * The tsconfig at `file` with its chain resolved. `anchor` is the repository line that brought a
 * published base in (values from the table point at it).
 */
export function resolveConfig(source: ConfigSource, file: string, stack: readonly string[] = []): ResolvedConfig {
  const result = emptyResolved(file);
  const text = source.read(file);
  if (text === null) {
    const missing = unresolved(stack.at(-1) ?? file, 1, 'tsconfig', file, 'the file does not exist or cannot be read');
    return { ...result, unknownBase: missing, unresolved: [missing] };
  }
  const own = readOwnConfig(file, text);
  if ('reason' in own) return { ...result, unknownBase: own, unresolved: [own] };
  for (const entry of own.extends) {
    const target = resolveExtends(source, file, entry.specifier);
    const at: Origin = { file, line: entry.line };
    if (target.kind === 'file') {
      if (stack.includes(target.path) || target.path === file) {
        const cycle = unresolved(file, entry.line, 'extends', entry.specifier, 'a circular extends chain');
        applyOver(result, { ...emptyResolved(target.path), unknownBase: cycle, unresolved: [cycle] });
        continue;
      }
      applyOver(result, resolveConfig(source, target.path, [...stack, file]));
    } else if (target.kind === 'published') {
      const base = emptyResolved(entry.specifier);
      for (const [name, value] of Object.entries(target.options)) base.options[name] = { value, origin: at, from: target.label };
      applyOver(result, base);
    } else {
      const problem = unresolved(file, entry.line, 'extends', entry.specifier, target.reason);
      applyOver(result, { ...emptyResolved(entry.specifier), unknownBase: problem, unresolved: [problem] });
    }
  }
  const firstExtends = own.extends[0];
  if (firstExtends) result.extendsOrigin = { file, line: firstExtends.line };
  applyOver(result, { ...emptyResolved(file), options: own.options, include: own.include, exclude: own.exclude, files: own.files });
  const dir = dirname(file);
  const exists = pathSet(source.paths);
  for (const ref of own.references) {
    const target = joinPath(dir, ref.path);
    if (target === null) continue;
    // A reference names a tsconfig file or a folder holding tsconfig.json.
    const path = exists.has(target) && target.endsWith('.json') ? target : joinPath(target, 'tsconfig.json');
    if (path !== null && exists.has(path)) result.references.push({ path, origin: { file, line: ref.line } });
    else result.unresolved.push(unresolved(file, ref.line, 'references', ref.path, 'no tsconfig at that path'));
  }
  return result;
}

/**
 * The TypeScript major version the nearest package.json (from the config's folder up to the
 * root) that depends on `typescript` asks for: `5.9.3`, `^6.0.2`, `~5.4`, `>=6`; null for a
 * range without a version (`latest`, `catalog:`, `workspace:*`) or when none names it.
 */
export function typescriptVersion(source: ConfigSource, config: string): TsProject['typescript'] {
  for (let dir: string | null = dirname(config); dir !== null; dir = dir === '' ? null : dirname(dir)) {
    const file = dir === '' ? 'package.json' : `${dir}/package.json`;
    const text = source.read(file);
    if (text === null) continue;
    const doc = parseJsonc(text);
    for (const field of ['devDependencies', 'dependencies', 'peerDependencies', 'optionalDependencies']) {
      const entry = properties(property(doc.root, field), doc).find((dep) => dep.name === 'typescript');
      if (!entry) continue;
      const match = typeof entry.value.value === 'string' ? /^\s*(?:[\^~]|>=?|=)?\s*v?(\d+)/.exec(entry.value.value) : null;
      return { major: match ? Number(match[1]) : null, origin: { file, line: entry.line } };
    }
  }
  return { major: null, origin: null };
}
