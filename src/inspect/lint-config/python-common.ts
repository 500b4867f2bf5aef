import { newLintConfig } from './model.js';
import type { LintConfig, LintEntry, Origin, RuleSetting } from './model.js';

/**
 * What ruff and flake8 share: rule codes selected by prefix, exclusions that match a file or any
 * folder by name, and per-file ignores. A selection is one entry whose rules map a code prefix to
 * 2 (selected) or 0 (ignored); each per-file ignore is an entry scoped to its pattern.
 */

/** An exclude pattern: without `/` it names a file or folder at any depth, as ruff and flake8 match base names. */
export function pythonGlob(pattern: string): string {
  const body = pattern.trim().replace(/^\.\//, '').replace(/\/$/, '');
  if (!body.includes('/')) return `**/${body}`;
  // fnmatch's `*` crosses folders: `tests/*` is every file under tests.
  return body.endsWith('/*') ? `${body.slice(0, -2)}/**` : body;
}

export interface CodeItem {
  code: string;
  origin: Origin;
}

export function selectionEntry(origin: Origin, select: readonly CodeItem[], ignore: readonly CodeItem[]): LintEntry {
  const rules = new Map<string, RuleSetting>();
  for (const item of select) rules.set(item.code, { level: 2, options: null, origin: item.origin });
  // Ignored after selected: at the same prefix an ignore wins.
  for (const item of ignore) rules.set(item.code, { level: 0, options: null, origin: item.origin });
  return { origin, files: null, ignores: [], global: false, rules, shared: null };
}

export function perFileEntry(pattern: string, codes: readonly CodeItem[], origin: Origin): LintEntry {
  const rules = new Map<string, RuleSetting>();
  for (const item of codes) rules.set(item.code, { level: 0, options: null, origin: item.origin });
  const glob = pythonGlob(pattern);
  return { origin, files: [glob, `${glob}/**`], ignores: [], global: false, rules, shared: null };
}

export function excludeEntry(patterns: readonly string[], origin: Origin): LintEntry {
  return { origin, files: null, ignores: patterns.map(pythonGlob), global: true, rules: new Map(), shared: null };
}

export function pythonConfig(tool: 'ruff' | 'flake8', file: string, dir: string, defaultFiles: string[], defaultIgnores: string[]): LintConfig {
  return newLintConfig({
    tool,
    naming: 'prefixes',
    file,
    dir,
    defaultFiles,
    defaultIgnores: defaultIgnores.map(pythonGlob),
    dot: true,
    cascade: false,
  });
}
