import { AREAS, moduleName, sourceModule, testFile } from './content.js';
import type { FileChange } from './fast-import.js';
import type { Random } from './prng.js';

/**
 * The generator's model of the repository at the current commit: every file's content, and per
 * package the paths an edit can pick from. Edits read and write this model and emit the matching
 * fast-import changes, so the stream and the model never disagree.
 */

export interface PackageState {
  name: string;
  dir: string;
  areas: readonly string[];
  /** Relative weight: some packages are large and busy, most are small and quiet. */
  weight: number;
  sources: string[];
  tests: string[];
  docs: string[];
}

export interface RepoState {
  files: Map<string, string | Buffer>;
  packages: PackageState[];
}

/** One commit under construction: its changes, and the paths it already touched (each at most once). */
export interface CommitDraft {
  changes: FileChange[];
  touched: Set<string>;
}

export function newDraft(): CommitDraft {
  return { changes: [], touched: new Set() };
}

export function textOf(state: RepoState, path: string): string {
  const content = state.files.get(path);
  if (typeof content !== 'string') throw new Error(`generator bug: ${path} is not a text file`);
  return content;
}

export function write(state: RepoState, draft: CommitDraft, path: string, content: string | Buffer): void {
  state.files.set(path, content);
  draft.touched.add(path);
  draft.changes.push({ kind: 'write', path, content });
}

export function remove(state: RepoState, draft: CommitDraft, pkg: PackageState, path: string): void {
  state.files.delete(path);
  draft.touched.add(path);
  draft.changes.push({ kind: 'delete', path });
  dropFrom(pkg.sources, path);
  dropFrom(pkg.tests, path);
}

export function rename(state: RepoState, draft: CommitDraft, pkg: PackageState, from: string, to: string): void {
  const content = state.files.get(from);
  if (content === undefined) throw new Error(`generator bug: rename of missing ${from}`);
  state.files.delete(from);
  state.files.set(to, content);
  draft.touched.add(from).add(to);
  draft.changes.push({ kind: 'rename', from, to });
  for (const list of [pkg.sources, pkg.tests]) {
    const index = list.indexOf(from);
    if (index >= 0) list[index] = to;
  }
}

/** A path from the list that this commit has not touched yet, or null after a few misses. */
export function pickUntouched(random: Random, paths: readonly string[], draft: CommitDraft): string | null {
  for (let attempt = 0; attempt < 8 && paths.length > 0; attempt++) {
    const path = random.pick(paths);
    if (!draft.touched.has(path)) return path;
  }
  return null;
}

export function testPathOf(source: string): string {
  return source.replace(/\.ts$/, '.test.ts');
}

/** A new source path in the package that no file uses yet. */
export function freshSourcePath(random: Random, state: RepoState, pkg: PackageState): { path: string; module: string } {
  for (let attempt = 0; ; attempt++) {
    const base = moduleName(random);
    const module = attempt < 4 ? base : `${base}-${attempt}`;
    const path = `${pkg.dir}/src/${random.pick(pkg.areas)}/${module}.ts`;
    if (!state.files.has(path) && !state.files.has(testPathOf(path))) return { path, module };
  }
}

export function moduleOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/(\.test)?\.ts$/, '');
}

/** Add a module, and with probability `withTest` its vitest suite; returns the paths written. */
export function addModule(random: Random, state: RepoState, draft: CommitDraft, pkg: PackageState, withTest: number): string[] {
  const { path, module } = freshSourcePath(random, state, pkg);
  const siblings = pkg.sources.slice(-12).map(moduleOf);
  const source = sourceModule(random, { module, siblings, packageName: pkg.name });
  write(state, draft, path, source);
  pkg.sources.push(path);
  if (!random.chance(withTest)) return [path];
  const test = testPathOf(path);
  write(state, draft, test, testFile(random, module, source));
  pkg.tests.push(test);
  return [path, test];
}

export function areasFor(random: Random): string[] {
  const areas = new Set<string>();
  const count = random.int(3, 8);
  while (areas.size < count) areas.add(random.pick(AREAS));
  return [...areas];
}

function dropFrom(list: string[], path: string): void {
  const index = list.indexOf(path);
  if (index >= 0) list.splice(index, 1);
}
