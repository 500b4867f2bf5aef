import { pathSet, type ConfigSource } from '../config-source.js';
import { dirname, joinPath } from '../config-eval/paths.js';
import { unwrapLauncher } from '../commands/launchers.js';
import type { Word } from '../commands/shell.js';
import { gateCommandList } from './commands.js';
import type { Setting, TsGate, Unresolved } from './model.js';
import { TS_ORDER } from './ts-options.js';

/**
 * The tsconfigs the gates of a revision type-check: every `tsc` / `vue-tsc` / `tsgo` command of
 * `package.json` scripts and workflow `run:` steps (through the shared command walker).
 *
 * - `tsc -p X` / `--project X`: X, a tsconfig file or a folder holding tsconfig.json.
 * - `tsc -b [X…]` / `--build`: each X (default `.`), and the projects they reference, transitively
 *   (the caller follows `references`).
 * - bare `tsc`: the nearest tsconfig.json from the command's folder upwards, as tsc looks it up.
 * - `tsc a.ts b.ts`: files on the command line, no tsconfig (nothing to compare).
 * - `--init`, `--version`, `--help`, `--showConfig`, `--clean`, `--listFilesOnly`: not a check.
 * Compiler options on the command line (`--skipLibCheck`, `--strict false`) override the file's.
 */

export interface TsGateUse {
  /** Config path as the command names it (resolved), or null when it cannot be resolved. */
  config: string;
  gate: TsGate;
  build: boolean;
  cliOptions: Record<string, Setting>;
}

const TOOLS = new Set(['tsc', 'vue-tsc', 'tsgo']);
const NOT_A_CHECK = new Set(['--init', '--version', '-v', '--help', '-h', '--all', '--showConfig', '--clean', '--listFilesOnly']);
/** Options that take a value (their value is not a file name). */
const VALUE_OPTIONS = new Set([
  '--target', '-t', '--module', '-m', '--moduleResolution', '--lib', '--outDir', '--outFile', '--rootDir', '--jsx', '--types', '--typeRoots', '--declarationDir', '--tsBuildInfoFile', '--locale',
  '--generateCpuProfile', '--generateTrace', '--baseUrl', '--moduleDetection', '--newLine', '--maxNodeModuleJsDepth', '--jsxFactory', '--jsxFragmentFactory', '--jsxImportSource', '--reactNamespace',
  '--customConditions', '--moduleSuffixes', '--rootDirs', '--plugins', '--ignoreDeprecations', '--stopBuildOnErrors',
]);

/** Every use of a tsconfig by a gate command, and what could not be resolved. */
export function tsGateUses(source: ConfigSource): { uses: TsGateUse[]; commands: number; unresolved: Unresolved[] } {
  const uses: TsGateUse[] = [];
  const unresolved: Unresolved[] = [];
  const exists = pathSet(source.paths);
  let commands = 0;
  const configAt = (dir: string, target: string): string | null => {
    const path = joinPath(dir, target);
    if (path === null) return null;
    if (path.endsWith('.json') && exists.has(path)) return path;
    const inside = joinPath(path, 'tsconfig.json');
    return inside !== null && exists.has(inside) ? inside : null;
  };
  for (const { site, words } of gateCommandList(source)) {
    const found = unwrapLauncher(words, (name) => (TOOLS.has(name) ? name : null));
    if (!found) continue;
    const args = found.words;
    if (args.some((word) => NOT_A_CHECK.has(word.text))) continue;
    commands++;
    const cliOptions: Record<string, Setting> = {};
    const projects: Word[] = [];
    const positional: Word[] = [];
    let build = false;
    for (let i = 0; i < args.length; i++) {
      const word = args[i]!;
      const [flag, inline] = word.text.startsWith('--') && word.text.includes('=') ? [word.text.slice(0, word.text.indexOf('=')), word.text.slice(word.text.indexOf('=') + 1)] : [word.text, null];
      if (flag === '-b' || flag === '--build') build = true;
      else if (flag === '-p' || flag === '--project') {
        const value = inline !== null ? { text: inline, line: word.line } : args[++i];
        if (value) projects.push(value);
      } else if (flag.startsWith('-')) {
        if (VALUE_OPTIONS.has(flag)) {
          if (inline === null) i++;
          continue;
        }
        const name = flag.replace(/^--?/, '');
        const next = args[i + 1]?.text;
        let value = true;
        if (inline !== null) value = inline !== 'false';
        else if (next === 'true' || next === 'false') {
          value = next === 'true';
          i++;
        }
        if (name in TS_ORDER || name === 'strict' || name === 'allowJs') cliOptions[name] = { value, origin: { file: site.file, line: word.line } };
      } else if (build) projects.push(word);
      else positional.push(word);
    }
    const gate: TsGate = { how: build ? 'build' : 'project', site: site.id, origin: { file: site.file, line: found.line } };
    if (!build && projects.length === 0 && positional.length > 0) continue;
    if (projects.length === 0) {
      // tsc looks for tsconfig.json from its working folder upwards.
      let config: string | null = null;
      for (let dir: string | null = site.dir; dir !== null && config === null; dir = dir === '' ? null : dirname(dir)) config = configAt(dir, '.');
      if (config !== null) uses.push({ config, gate, build, cliOptions });
      else unresolved.push({ file: site.file, line: found.line, setting: 'tsc', expression: words.map((w) => w.text).join(' ').slice(0, 120), reason: `no tsconfig.json in ${site.dir || 'the repository root'} or above` });
      continue;
    }
    for (const project of projects) {
      const config = configAt(site.dir, project.text);
      if (config !== null) uses.push({ config, gate, build, cliOptions });
      else unresolved.push({ file: site.file, line: project.line, setting: 'tsc --project', expression: project.text, reason: 'no tsconfig at that path' });
    }
  }
  return { uses, commands, unresolved };
}

export const isTsconfigName = (path: string): boolean => /(^|\/)tsconfig[^/]*\.json$/.test(path) && !/(^|\/)node_modules\//.test(path);
