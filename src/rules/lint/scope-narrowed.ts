import type { FindingDraft } from '../../core/types.js';
import { governing, lintedFiles } from '../../inspect/lint-config/effective.js';
import { ignoreList, relativeTo } from '../../inspect/lint-config/globs.js';
import type { LintConfig, LintInvocation, LintTool, Origin } from '../../inspect/lint-config/model.js';
import { newUnknowns, sameConfigs } from '../../inspect/lint-config/compare.js';
import { lintConfigInspector } from '../../inspect/lint-config/project-inspector.js';
import { renamedPaths } from '../support/renames.js';
import { defineRule } from '../rule.js';

const FILES_SHOWN = 10;

interface Removal {
  origin: Origin;
  side: 'base' | 'head';
  reason: string;
  key: string;
  files: string[];
}

/** Why a head config does not lint a file: disabled, an ignore pattern, an include list, or no `files` pattern names it. */
function explain(tool: LintTool, chain: readonly LintConfig[], file: string): { reason: string; origin: Origin | null; key: string } {
  const config = chain.at(-1);
  if (!config) return { reason: `no ${tool} config governs it any more`, origin: null, key: 'removed' };
  if (!config.enabled.value) return { reason: `the linter is disabled`, origin: config.enabled.origin, key: 'disabled' };
  const relative = relativeTo(config.dir, file) ?? file;
  for (const candidate of chain) {
    for (const entry of candidate.entries) {
      if (!entry.global) continue;
      const hit = entry.ignores.find((pattern) => !pattern.startsWith('!') && ignoreList([pattern], candidate.dot)(relativeTo(candidate.dir, file) ?? file));
      if (hit !== undefined) return { reason: `ignored by \`${hit}\``, origin: entry.origin, key: `ignore:${hit}` };
    }
  }
  if (config.includes && !ignoreList(config.includes.patterns, config.dot)(relative)) return { reason: `not in \`includes\` (${config.includes.patterns.join(', ')})`, origin: config.includes.origin, key: 'includes' };
  return { reason: 'no longer matched by the files the config lints', origin: { file: config.file, line: 1 }, key: 'files' };
}

function compareInvocations(base: readonly LintInvocation[], head: readonly LintInvocation[]): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const headById = new Map(head.map((invocation) => [invocation.id, invocation]));
  for (const before of base) {
    const after = headById.get(before.id);
    if (!after) continue;
    const limited = before.maxWarnings !== null && before.maxWarnings >= 0;
    const nowLimited = after.maxWarnings !== null && after.maxWarnings >= 0;
    const common = { file: after.file, line: after.line, side: 'head' as const, before: before.text, after: after.text };
    if (limited && !nowLimited) findings.push({ ...common, message: `\`--max-warnings ${before.maxWarnings}\` removed from \`${before.tool}\`: warnings no longer fail the run`, key: `${before.id}:max-warnings` });
    else if (limited && nowLimited && after.maxWarnings! > before.maxWarnings!) findings.push({ ...common, message: `\`--max-warnings\` raised from ${before.maxWarnings} to ${after.maxWarnings} for \`${before.tool}\``, key: `${before.id}:max-warnings` });
    if (before.errorOnWarnings && !after.errorOnWarnings) findings.push({ ...common, message: `\`${before.tool}\` no longer fails on warnings (\`--error-on-warnings\`/\`--deny-warnings\` removed)`, key: `${before.id}:error-on-warnings` });
    const normal = (path: string): string => path.replace(/^\.\//, '').replace(/\/+$/, '').replace(/^\.$/, '');
    const headPaths = after.paths.map(normal);
    for (const path of before.paths) {
      const p = normal(path);
      if (headPaths.some((q) => q === '' || q === p || p.startsWith(`${q}/`))) continue;
      findings.push({ ...common, message: `\`${before.tool}\` no longer lints \`${path}\` (paths ${after.paths.join(' ')} instead of ${before.paths.join(' ')})`, key: `${before.id}:path:${p}` });
    }
    for (const ignore of after.ignores) {
      if (before.ignores.includes(ignore)) continue;
      findings.push({ ...common, message: `\`${before.tool}\` now ignores \`${ignore}\` on its command line`, key: `${before.id}:ignore:${ignore}` });
    }
    if (limited && !before.quiet && after.quiet) findings.push({ ...common, message: `\`--quiet\` added to \`${before.tool}\`: warnings are no longer counted by \`--max-warnings\``, key: `${before.id}:quiet` });
  }
  return findings;
}

export const lintScopeNarrowed = defineRule({
  id: 'lint/scope-narrowed',
  category: 'lint-config',
  severity: 'block',
  docs: {
    summary:
      'Files linted at base that still exist but are no longer linted at head (ignores added, `files` narrowed, a config or linter removed or disabled), grouped by the pattern responsible; on the command line that runs the linter, fewer paths, new `--ignore-pattern`/`--exclude`, `--max-warnings` raised or removed, `--error-on-warnings` removed or `--quiet` added.',
    why: 'A file the linter no longer sees passes every rule. Ignoring the folder that fails, or letting warnings through, makes the lint gate green without fixing anything.',
    fix: 'Lint the files again and fix what the linter reports. Generated or vendored files may be ignored with a human approving it.',
    details: 'Which files a linter lints is computed on both sides: ESLint flat config (`**/*.{js,mjs,cjs}` plus files named by an entry\'s `files` or by a known shareable config such as typescript-eslint, minus global ignores and `**/node_modules/`), legacy ESLint (`.js` plus `overrides` files, minus `ignorePatterns` and `.eslintignore`), Biome (`files.includes`/`ignore`), oxlint (`ignorePatterns`), ruff (`include`, `exclude`, `extend-exclude`) and flake8 (`exclude`, `extend-exclude`). Renamed files are followed. A file now linted by another linter (an ESLint → Biome migration) is not reported here. Linter commands are read from `package.json` scripts and workflow `run:` steps (by script or step: a command is compared with the same script or step at base): the paths it lints (a base path no longer passed nor under a passed folder), `--ignore-pattern`/`--exclude`/`--extend-exclude` added, `--max-warnings` raised or removed (`--max-warnings 0` removed is removed; `-1` means no limit), `--quiet` added where warnings were limited, Biome `--error-on-warnings`/oxlint `--deny-warnings` removed. Other command weakenings (`|| true`, `--exit-zero`, a removed step) belong to the CI rules.',
    bad: {
      base: {
        'eslint.config.js': "import js from '@eslint/js';\nimport { defineConfig, globalIgnores } from 'eslint/config';\n\nexport default defineConfig([\n  globalIgnores(['dist/']),\n  js.configs.recommended,\n]);\n",
        'src/cart.js': 'export const total = (items) => items.length;\n',
        'src/legacy/pay.js': 'export const pay = () => 1;\n',
      },
      head: {
        'eslint.config.js': "import js from '@eslint/js';\nimport { defineConfig, globalIgnores } from 'eslint/config';\n\nexport default defineConfig([\n  globalIgnores(['dist/', 'src/legacy/']),\n  js.configs.recommended,\n]);\n",
        'src/cart.js': 'export const total = (items) => items.length;\n',
        'src/legacy/pay.js': 'export const pay = () => 1;\n',
      },
    },
    good: {
      base: {
        'eslint.config.js': "import js from '@eslint/js';\nimport { defineConfig, globalIgnores } from 'eslint/config';\n\nexport default defineConfig([\n  globalIgnores(['dist/']),\n  js.configs.recommended,\n]);\n",
        'src/legacy/pay.js': 'export const pay = () => 1;\n',
      },
      head: {
        'eslint.config.js': "import js from '@eslint/js';\nimport { defineConfig, globalIgnores } from 'eslint/config';\n\nexport default defineConfig([\n  globalIgnores(['dist/']),\n  js.configs.recommended,\n]);\n",
        'src/payments/pay.js': 'export const pay = () => 1;\n',
      },
    },
  },
  inspectors: [],
  projectInspectors: [lintConfigInspector],
  check: ({ project, files }) => {
    const facts = project(lintConfigInspector);
    if (!facts) return [];
    const { base, head } = facts;
    const invocations = compareInvocations(base.facts.invocations, head.facts.invocations);
    // Same configs: a file that kept its path is linted exactly as before; only renamed files can differ.
    const renames = renamedPaths(files);
    const onlyRenamed = sameConfigs(base.facts.configs, head.facts.configs);
    if (onlyRenamed && renames.size === 0) return invocations;
    const before = lintedFiles(base.facts.configs, onlyRenamed ? [...renames.keys()] : base.paths);
    const after = lintedFiles(head.facts.configs, onlyRenamed ? [...renames.values()] : head.paths);
    const headGov = governing(head.facts.configs);
    const headPaths = new Set(head.paths);
    const lintedAtHead = new Set<string>();
    for (const map of after.values()) for (const file of map.keys()) lintedAtHead.add(file);
    // A head config the change made partly unresolvable is reported by lint/rule-relaxed, not guessed at here.
    const unknown = newUnknowns(base.facts.configs, head.facts.configs).configs;
    const removals = new Map<string, Removal>();
    for (const [tool, linted] of before) {
      for (const [file, chain] of linted) {
        const now = renames.get(file) ?? file;
        if (!headPaths.has(now) || lintedAtHead.has(now)) continue;
        const headChain = headGov(now).get(tool) ?? [];
        if (headChain.some((config) => unknown.has(config.file))) continue;
        const why = explain(tool, headChain, now);
        const baseConfig = chain.at(-1)!;
        const key = `${tool}:${baseConfig.dir}:${why.key}`;
        const removal = removals.get(key) ?? { origin: why.origin ?? { file: baseConfig.file, line: 1 }, side: why.origin ? 'head' : 'base', reason: why.reason, key, files: [] };
        removal.files.push(now);
        removals.set(key, removal);
      }
    }
    const findings: FindingDraft[] = [...removals.values()].map((removal) => {
      const sorted = removal.files.sort();
      const more = sorted.length > FILES_SHOWN ? ` and ${sorted.length - FILES_SHOWN} more` : '';
      return {
        message: `${removal.key.split(':')[0]} no longer lints ${sorted.length} file${sorted.length === 1 ? '' : 's'} that still exist${sorted.length === 1 ? 's' : ''} (${removal.reason}): ${sorted.slice(0, FILES_SHOWN).join(', ')}${more}`,
        file: removal.origin.file,
        line: removal.origin.line,
        side: removal.side,
        before: `${sorted.length} file${sorted.length === 1 ? '' : 's'} linted`,
        after: removal.reason,
        key: removal.key,
      };
    });
    findings.push(...invocations);
    return findings;
  },
});
