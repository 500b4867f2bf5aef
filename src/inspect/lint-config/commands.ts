import { joinPath } from '../config-eval/paths.js';
import { unwrapLauncher } from '../commands/launchers.js';
import { numberedId, walkCommands } from '../commands/walk.js';
import type { ConfigSource } from '../config-source.js';
import type { LintInvocation, LintTool } from './model.js';

/**
 * Linter invocations of `package.json` scripts and workflow `run:` steps (the shared command
 * walker), with the flags that decide whether warnings fail the run: ESLint/oxlint
 * `--max-warnings N`, `--quiet`, oxlint `--deny-warnings`, Biome `--error-on-warnings`.
 */

const TOOLS = new Map<string, LintTool>([['eslint', 'eslint'], ['oxlint', 'oxlint'], ['biome', 'biome'], ['ruff', 'ruff'], ['flake8', 'flake8']]);

/** Options that take a value (the next word unless written `--flag=value`), so it is not read as a path. */
const VALUE_FLAGS: Record<LintTool, ReadonlySet<string>> = {
  eslint: new Set(['-c', '--config', '--env', '--ext', '--global', '--parser', '--parser-options', '--resolve-plugins-relative-to', '--plugin', '--rule', '--rulesdir', '--ignore-path', '--ignore-pattern', '--stdin-filename', '-f', '--format', '-o', '--output-file', '--max-warnings', '--cache-location', '--cache-strategy', '--report-unused-disable-directives-severity', '--flag', '--concurrency']),
  oxlint: new Set(['-c', '--config', '--ignore-path', '--ignore-pattern', '-A', '--allow', '-W', '--warn', '-D', '--deny', '--max-warnings', '-f', '--format', '--tsconfig', '--threads']),
  biome: new Set(['--config-path', '--max-diagnostics', '--reporter', '--only', '--skip', '--diagnostic-level', '--log-level', '--log-kind', '--vcs-root', '--stdin-file-path']),
  ruff: new Set(['--select', '--extend-select', '--ignore', '--extend-ignore', '--per-file-ignores', '--extend-per-file-ignores', '--exclude', '--extend-exclude', '--fixable', '--unfixable', '--line-length', '--target-version', '--config', '--output-format', '--output-file', '-o', '--cache-dir', '--stdin-filename']),
  flake8: new Set(['--select', '--extend-select', '--ignore', '--extend-ignore', '--exclude', '--extend-exclude', '--per-file-ignores', '--max-line-length', '--max-complexity', '--config', '--append-config', '--format', '--output-file', '--filename', '--jobs', '-j']),
};
const IGNORE_FLAGS = new Set(['--ignore-pattern', '--exclude', '--extend-exclude']);
const OFF_FLAGS: Record<LintTool, ReadonlySet<string>> = {
  eslint: new Set(['--rule']),
  oxlint: new Set(['-A', '--allow']),
  biome: new Set(['--skip']),
  ruff: new Set(['--ignore', '--extend-ignore']),
  flake8: new Set(['--ignore', '--extend-ignore']),
};

const splitList = (value: string): string[] => value.split(',').map((item) => item.trim()).filter((item) => item !== '');

/** ESLint `--rule` is `name: level` (or `{ "name": "off" }`); only rules it turns off count. */
function rulesTurnedOff(tool: LintTool, value: string): string[] {
  if (tool !== 'eslint') return splitList(value);
  const off: string[] = [];
  for (const match of value.matchAll(/["']?([@\w/-]+)["']?\s*:\s*\[?\s*["']?(off|0)\b/g)) off.push(match[1]!);
  return off;
}

export function lintInvocations(source: ConfigSource): LintInvocation[] {
  const out: LintInvocation[] = [];
  const counts = new Map<string, number>();
  const resolveDir = (dir: string, rel: string): string => joinPath(dir, rel) ?? dir;
  walkCommands(source, { stepLine: 'run', resolveDir }, (site, words) => {
    const found = unwrapLauncher(words, (name) => TOOLS.get(name) ?? null);
    if (!found) return;
    // Biome and ruff lint only through their `lint`/`check`/`ci` subcommands.
    if (found.tool === 'biome' && !['lint', 'check', 'ci'].includes(found.words[0]?.text ?? '')) return;
    if (found.tool === 'ruff' && found.words[0]?.text !== 'check') return;
    let maxWarnings: number | null = null;
    let errorOnWarnings = false;
    let quiet = false;
    const paths: string[] = [];
    const ignores: string[] = [];
    const rulesOff: string[] = [];
    const valued = VALUE_FLAGS[found.tool];
    // Biome and ruff name a subcommand first (`biome check`, `ruff check`).
    const args = found.tool === 'biome' || found.tool === 'ruff' ? found.words.slice(1) : found.words;
    for (let i = 0; i < args.length; i++) {
      const text = args[i]!.text;
      const eq = text.startsWith('--') ? text.indexOf('=') : -1;
      const flag = eq > 0 ? text.slice(0, eq) : text;
      const takesValue = valued.has(flag);
      const value = eq > 0 ? text.slice(eq + 1) : takesValue ? (args[++i]?.text ?? '') : null;
      if (flag === '--max-warnings') maxWarnings = Number(value ?? Number.NaN);
      else if (flag === '--error-on-warnings' || flag === '--deny-warnings') errorOnWarnings = true;
      else if (flag === '--quiet' || (flag === '-q' && found.tool !== 'ruff')) quiet = true;
      else if (IGNORE_FLAGS.has(flag) && value !== null) ignores.push(...splitList(value));
      else if (OFF_FLAGS[found.tool].has(flag) && value !== null) rulesOff.push(...rulesTurnedOff(found.tool, value));
      else if (!text.startsWith('-')) paths.push(text);
    }
    out.push({
      tool: found.tool,
      id: numberedId(counts, `${site.id}/${found.tool}`),
      file: site.file,
      line: words[0]?.line ?? site.line,
      text: words.map((word) => word.text).join(' '),
      maxWarnings: maxWarnings !== null && Number.isNaN(maxWarnings) ? null : maxWarnings,
      errorOnWarnings,
      quiet,
      paths: paths.length > 0 ? paths : ['.'],
      ignores,
      rulesOff,
    });
  });
  return out;
}
