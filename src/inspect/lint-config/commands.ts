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
    for (const [i, word] of found.words.entries()) {
      const text = word.text;
      if (text === '--max-warnings') maxWarnings = Number(found.words[i + 1]?.text ?? Number.NaN);
      else if (text.startsWith('--max-warnings=')) maxWarnings = Number(text.slice('--max-warnings='.length));
      else if (text === '--error-on-warnings' || text === '--deny-warnings') errorOnWarnings = true;
      else if (text === '--quiet' || text === '-q') quiet = true;
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
    });
  });
  return out;
}
