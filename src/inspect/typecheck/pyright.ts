import { parse as parseToml } from 'smol-toml';
import type { ConfigSource } from '../config-source.js';
import { tomlLocator } from '../coverage/python/toml-lines.js';
import { dirname } from '../config-eval/paths.js';
import { parseJsonc, plain, properties } from './jsonc.js';
import type { PatternList, PyrightConfig, Setting, Unresolved } from './model.js';

/**
 * pyright and basedpyright configurations, as they read them (pyright docs/configuration.md,
 * basedpyright docs/configuration):
 *
 * - `pyrightconfig.json` (JSON with comments) in a folder takes precedence over `[tool.pyright]`
 *   of the `pyproject.toml` next to it; `[tool.basedpyright]` is basedpyright's table. Each
 *   folder holding one is a project root; paths in it are relative to that folder.
 * - `typeCheckingMode`: off < basic < standard < strict (pyright's default is standard);
 *   basedpyright adds `recommended` (its default since 1.19: most strict rules as warnings, with
 *   `failOnWarnings`) and `all`.
 * - `reportX`: "none" < "information" < "warning" < "error" (basedpyright also "hint", between
 *   none and information); true is "error" and false "none". An unset rule takes the mode's default.
 * - `include` (default: the folder), `exclude` (default `**\/node_modules`, `**\/__pycache__`,
 *   `**\/.*`), `ignore` (diagnostics suppressed), `strict` (paths checked in strict mode).
 */

const PATH_LISTS = new Set(['include', 'exclude', 'ignore']);

function listOf(value: unknown, dir: string, file: string, line: number): PatternList | null {
  if (!Array.isArray(value)) return null;
  return { patterns: value.filter((item): item is string => typeof item === 'string'), dir, origin: { file, line } };
}

function readJsonConfig(file: string, text: string): PyrightConfig {
  const dir = dirname(file);
  const config: PyrightConfig = { tool: 'pyright', file, dir, origin: { file, line: 1 }, settings: {}, include: null, exclude: null, ignore: null, unresolved: [] };
  const doc = parseJsonc(text);
  if (doc.error || doc.root?.type !== 'object') {
    config.unresolved.push({ file, line: doc.error?.line ?? 1, setting: 'pyright', expression: file, reason: doc.error ? `cannot be parsed (${doc.error.message})` : 'is not a JSON object' });
    return config;
  }
  for (const prop of properties(doc.root, doc)) {
    const value = plain(prop.value);
    if (PATH_LISTS.has(prop.name)) config[prop.name as 'include' | 'exclude' | 'ignore'] = listOf(value, dir, file, prop.line);
    else config.settings[prop.name] = { value, origin: { file, line: prop.line } };
  }
  return config;
}

function readTomlConfig(tool: 'pyright' | 'basedpyright', file: string, text: string, table: Record<string, unknown>): PyrightConfig {
  const dir = dirname(file);
  const locate = tomlLocator(text);
  const tableLine = locate.table(['tool', tool]) ?? 1;
  const config: PyrightConfig = { tool, file, dir, origin: { file, line: tableLine }, settings: {}, include: null, exclude: null, ignore: null, unresolved: [] };
  for (const [key, value] of Object.entries(table)) {
    const line = locate.key(['tool', tool], key) ?? tableLine;
    if (PATH_LISTS.has(key)) config[key as 'include' | 'exclude' | 'ignore'] = listOf(value, dir, file, line);
    else config.settings[key] = { value, origin: { file, line } } satisfies Setting;
  }
  return config;
}

export const isPyrightInput = (path: string): boolean => /(^|\/)(pyrightconfig\.json|pyproject\.toml)$/.test(path) && !/(^|\/)node_modules\//.test(path);

/** pyright's `extends` is not followed: what it may set is unknown, and said so. */
function markExtends(config: PyrightConfig): PyrightConfig {
  const inherits = config.settings.extends;
  if (inherits) config.unresolved.push({ ...inherits.origin, setting: 'extends', expression: String(inherits.value), reason: `${config.tool}'s extends is not followed: settings it may set are unknown` });
  return config;
}

export function readPyright(source: ConfigSource): { configs: PyrightConfig[]; unresolved: Unresolved[] } {
  const configs: PyrightConfig[] = [];
  const unresolved: Unresolved[] = [];
  const jsonDirs = new Set<string>();
  for (const path of source.paths) {
    if (!isPyrightInput(path) || !path.endsWith('pyrightconfig.json')) continue;
    const text = source.read(path);
    if (text === null) continue;
    configs.push(markExtends(readJsonConfig(path, text)));
    jsonDirs.add(dirname(path));
  }
  for (const path of source.paths) {
    if (!isPyrightInput(path) || !path.endsWith('pyproject.toml')) continue;
    const text = source.read(path);
    if (text === null || !/\[\s*tool\s*\.\s*(based)?pyright\s*\]/.test(text)) continue;
    let data: Record<string, unknown>;
    try {
      data = parseToml(text);
    } catch {
      unresolved.push({ file: path, line: 1, setting: 'pyright', expression: path, reason: 'cannot be parsed as TOML' });
      continue;
    }
    const tool = (data.tool ?? {}) as Record<string, unknown>;
    const pyright = tool.pyright;
    if (pyright && typeof pyright === 'object' && !jsonDirs.has(dirname(path))) configs.push(markExtends(readTomlConfig('pyright', path, text, pyright as Record<string, unknown>)));
    const based = tool.basedpyright;
    if (based && typeof based === 'object') configs.push(markExtends(readTomlConfig('basedpyright', path, text, based as Record<string, unknown>)));
  }
  return { configs, unresolved };
}

