import type { ConfigSource } from '../../../src/inspect/config-source.js';
import { fileState, governing } from '../../../src/inspect/lint-config/effective.js';
import { readLintFacts } from '../../../src/inspect/lint-config/all-readers.js';
import type { LintFacts } from '../../../src/inspect/lint-config/model.js';

/** An in-memory revision for the readers. */
export function sourceOf(files: Record<string, string>): ConfigSource {
  return { paths: Object.keys(files), read: (path) => files[path] ?? null };
}

export function factsOf(files: Record<string, string>): LintFacts {
  return readLintFacts(sourceOf(files));
}

/** Effective rules of a file as `name → level[, options]`, plus whether it is linted and which shared configs apply. */
export function effectiveOf(files: Record<string, string>, file: string, tool: 'eslint' | 'biome' | 'oxlint' | 'ruff' | 'flake8', universe: string[] = []) {
  const facts = factsOf(files);
  const chain = governing(facts.configs)(file).get(tool) ?? [];
  const state = fileState(chain, file, universe);
  return {
    linted: state.linted,
    shared: state.shared.map((shared) => shared.id),
    rules: Object.fromEntries([...state.rules].map(([name, rule]) => [name, rule.options ? [rule.level, ...rule.options] : rule.level])),
    lines: Object.fromEntries([...state.rules].map(([name, rule]) => [name, `${rule.origin.file}:${rule.origin.line}`])),
  };
}
