import type { FindingDraft } from '../../core/types.js';
import { EXCLUDE_FLAGS, GATE_FLAGS, NON_FAILING_FLAGS, SELECT_FLAGS, compareGates, comparePair } from '../../inspect/gates/compare.js';
import { readScript, type GateWeakening, type ScriptInput, type ScriptRef, type ToolCommand } from '../../inspect/gates/gate-commands.js';
import { scriptsInspector, type PackageScripts, type ScriptsFacts } from '../../inspect/gates/project-inspector.js';
import { allGateTools, gateScriptEntries, sameScriptInputs, scopeOf } from '../../inspect/gates/revision-scripts.js';
import { gateToolTable } from '../../inspect/gates/tools.js';
import { renamedPaths } from '../support/renames.js';
import { defineRule } from '../rule.js';

const pkg = (scripts: Record<string, string>): string => `${JSON.stringify({ name: 'shop', private: true, type: 'module', scripts, devDependencies: { vitest: '^3.2.4', eslint: '^9.30.0' } }, null, 2)}\n`;

const flagList = (flags: readonly string[]): string => flags.map((flag) => `\`${flag}\``).join(', ');

const details = `A script is a **gate script** when its name says so (\`test\`, \`tests\`, \`lint\`, \`typecheck\`, \`type-check\`, \`types\`, \`check\`, \`ci\`, \`verify\`, \`validate\`, \`e2e\`, and \`test:*\`, \`lint:*\`, \`typecheck:*\`, \`check:*\`, \`format:*\`…, and their \`pre\`/\`post\` scripts such as \`pretest\`, which npm runs around them), or when a workflow \`run:\` step or a git hook calls it. The package scripts a gate script calls are followed (\`npm run X -- args\`, \`npm test\`, \`pnpm [run] X\`, \`yarn [run] X\`, \`bun run X\`, \`npm-run-all\`/\`run-s\`/\`run-p\`, \`concurrently "npm:X"\`; recursive runs \`pnpm -r X\`, \`npm run X -ws\`, \`yarn workspaces foreach run X\`, \`turbo run X\`, \`lerna run X\`, \`nx run-many -t X\` run script X of every workspace package below), so a gate moved into a called script, or a chain split into scripts, is the same gate. Launchers are removed first (\`npx\`, \`pnpm exec\`, \`yarn dlx\`, \`cross-env\`, \`python -m\`, \`uv run\`…): \`npx vitest\`, \`vitest\` and \`pnpm exec vitest\` are one tool.

Scripts are parsed with tree-sitter-bash. A command's failure fails the script when it is the last command, on the left of \`&&\`, in a pipeline's last place (any place with \`set -o pipefail\`), or anywhere under \`set -e\`; it does not when followed by \`|| cmd\` (unless \`cmd\` always fails, like \`exit 1\`), by \`; exit 0\` or any later command without \`set -e\` (npm runs scripts with \`sh -c\`, no \`-e\`), after \`set +e\`, in the background (\`&\`), negated (\`!\`) or as an \`if\` condition whose failing branch does not fail.

Gate commands by kind:

${gateToolTable()}

A base gate is paired with a head command of the same tool and kind (most similar arguments first) and reported when:

| How | When |
| --- | --- |
| neutralised | the script now runs only no-ops (\`echo\`, \`true\`, \`:\`, \`exit 0\`) |
| removed | the gate no longer runs in any gate script, workflow step or hook (a gate moved elsewhere is not reported, nor one of a workspace package the change deletes: its tests are \`tests/deleted\`'s) |
| non-failing | its failure no longer fails the script; or it gained ${flagList(NON_FAILING_FLAGS.flatMap((entry) => entry.flags))}; or \`--max-warnings\` was raised |
| narrowed | it runs on fewer paths (positional paths added or narrowed), or gained a filter: ${flagList(SELECT_FLAGS)} (new or changed value), ${flagList(EXCLUDE_FLAGS)} (new value), fewer \`--project\`s |
| flag-removed | it lost ${flagList([...new Set(GATE_FLAGS.flatMap((entry) => entry.flags.map((flag) => (entry.value ? `${flag} ${entry.value}` : flag))))])}, \`--max-warnings N\`, or the check flag of a formatter (\`prettier --check\` → \`--write\`) |

For linters and type checkers whose configuration Gatehouse computes (ESLint, oxlint, Biome, ruff, flake8, tsc, vue-tsc, mypy, pyright), what their flags select, exclude or loosen — \`--max-warnings\`, paths, \`--extend-ignore\`, \`--strict\`, \`--skipLibCheck\` — is part of that effective configuration and is reported once, by \`lint/scope-narrowed\`, \`lint/rule-relaxed\`, \`types/strictness-lowered\` or \`types/scope-narrowed\`; this rule still reports their failure paths (\`|| true\`, \`--exit-zero\`), neutralisation and removal.

Decisions: \`vitest\` without \`run\` is not weaker (a non-interactive run exits after one run); \`tsc\` counts as a typecheck in every form; builds (\`vite build\`, \`next build\`, \`tsup\`, \`webpack\`…) are gates of kind \`build\`; \`check\`, \`ci\`, \`verify\`, \`validate\` scripts are gate scripts whatever they run. A script that does not parse is reported with severity \`warn\` as unresolvable.`;

export const ciScriptWeakened = defineRule({
  id: 'ci/script-weakened',
  category: 'ci-weakened',
  severity: 'block',
  docs: {
    summary:
      'A package.json gate script (test, lint, typecheck, check, ci, verify…, or one CI or a git hook calls, followed through npm/pnpm/yarn run) neutralised (`exit 0`, `echo`), made non-failing (`|| true`, `; exit 0`, `--passWithNoTests`, `--max-warnings` raised), narrowed (path filters, `-t`, `--grep`, fewer projects) or stripped of a gate flag (`--coverage`, `--strict`, `--ci`).',
    why: 'CI and hooks run `npm test` and trust its exit code. `vitest run || true`, an `echo` in place of the linter or a test-name filter keeps the step green while the gate checks less or nothing, and the workflow file itself does not change.',
    fix: 'Restore the script. If a gate really moved, keep it reachable from a gate script (`npm run lint && npm run unit`), or have a human approve the change.',
    details,
    bad: {
      base: { 'package.json': pkg({ lint: 'eslint .', test: 'vitest run --coverage' }) },
      head: { 'package.json': pkg({ lint: 'eslint .', test: 'vitest run --coverage || true' }) },
    },
    good: {
      base: { 'package.json': pkg({ lint: 'eslint .', test: 'eslint . && vitest run --coverage' }) },
      head: { 'package.json': pkg({ lint: 'eslint .', unit: 'vitest  --coverage run', test: 'npm run lint && npm run unit' }) },
    },
  },
  inspectors: [],
  projectInspectors: [scriptsInspector],
  check: ({ project, files }) => {
    const facts = project(scriptsInspector);
    if (!facts) return [];
    const { base, head } = facts;
    if (sameScriptInputs(base, head)) return [];
    const renames = renamedPaths(files);
    const headByFile = new Map([...head.packages.values()].map((entry) => [entry.file, entry]));
    const findings: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const problem of head.problems) {
      if (!problem.file.endsWith('package.json') || !base.packages.has(dirOf(problem.file))) continue;
      findings.push({ message: `${problem.file} cannot be read (${problem.message}): its gate scripts cannot be checked`, file: problem.file, line: problem.line, side: 'head', key: `unreadable:${problem.file}`, severity: 'warn' });
    }
    for (const { dir, name } of gateScriptEntries(base)) {
      const basePkg = base.packages.get(dir)!;
      const headPkg = headByFile.get(renames.get(basePkg.file) ?? basePkg.file);
      // A package.json deleted or unreadable at head: reported above or by the rules on deleted tests.
      if (!headPkg) continue;
      const baseEntry = basePkg.scripts.get(name)!;
      const headName = headPkg.scripts.has(name) ? name : renamedScript(base, head, basePkg, headPkg, name);
      const headEntry = headName === null ? null : headPkg.scripts.get(headName)!;
      const baseInput: ScriptInput = { script: baseEntry.text, firstLine: baseEntry.line, scope: scopeOf(base, dir) };
      const headInput: ScriptInput = { script: headEntry?.text ?? '', firstLine: headEntry?.line ?? 1, scope: scopeOf(head, headPkg.dir) };
      const baseReading = readScript(baseInput);
      const weakenings = compareGates(baseReading, readScript(headInput));
      for (const weakening of weakenings) {
        const removal = weakening.how === 'removed' || (weakening.how === 'neutralised' && headEntry === null);
        if (removal && !weakening.unresolvable && (stillRuns(weakening, baseReading.tools, head) || packageDeleted(weakening, baseReading.tools, base, head, renames))) continue;
        const where = responsible({ dir, name }, headName, weakening.via, base, head, headPkg.dir);
        const headScript = headPkg.scripts.get(where.headName ?? '');
        const file = headPkg.dir === where.dir ? headPkg.file : (head.packages.get(where.dir)?.file ?? headPkg.file);
        const key = `${where.name}:${weakening.key}`;
        if (seen.has(`${file}\0${key}`)) continue;
        seen.add(`${file}\0${key}`);
        const baseScript = base.packages.get(where.dir)?.scripts.get(where.name);
        const gone = headScript === undefined;
        findings.push({
          message: `${gone ? `Script \`${where.name}\` was removed` : `Script \`${where.headName ?? where.name}\``}: ${removal && gone ? `${weakening.before.length > 0 ? `\`${weakening.before}\`` : 'its gate'} (${weakening.kind}) no longer runs in any gate script, workflow step or hook` : weakening.message}`,
          file: gone ? (base.packages.get(where.dir)?.file ?? basePkg.file) : file,
          line: gone ? (baseScript?.line ?? baseEntry.line) : (weakening.unresolvable ? weakening.line : headScript.line),
          side: gone ? 'base' : 'head',
          before: baseScript?.text ?? baseEntry.text,
          after: headScript?.text ?? '(removed)',
          key,
          ...(weakening.unresolvable ? { severity: 'warn' as const } : {}),
        });
      }
    }
    return findings;
  },
});

const dirOf = (file: string): string => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');

/** A head script, absent at base, that runs the same gates as the base script `name` (a renamed script). */
function renamedScript(base: ScriptsFacts, head: ScriptsFacts, basePkg: PackageScripts, headPkg: PackageScripts, name: string): string | null {
  const entry = basePkg.scripts.get(name)!;
  const baseReading = readScript({ script: entry.text, firstLine: entry.line, scope: scopeOf(base, basePkg.dir) });
  if (!baseReading.tools.some((tool) => tool.gate)) return null;
  for (const [candidate, headEntry] of headPkg.scripts) {
    if (basePkg.scripts.has(candidate)) continue;
    if (headEntry.text === entry.text) return candidate;
    const headReading = readScript({ script: headEntry.text, firstLine: headEntry.line, scope: scopeOf(head, headPkg.dir) });
    if (headReading.tools.some((tool) => tool.gate) && compareGates(baseReading, headReading).length === 0) return candidate;
  }
  return null;
}

/** Whether a gate the script no longer runs still runs, as strong, from another gate script, workflow step or hook at head. */
function stillRuns(weakening: GateWeakening, baseTools: readonly ToolCommand[], head: ScriptsFacts): boolean {
  const gate = baseTools.find((tool) => tool.gate && tool.tool === weakening.tool && tool.kind === weakening.kind && tool.text === weakening.before);
  if (!gate) return false;
  return allGateTools(head).some((tool) => tool.tool === gate.tool && tool.kind === gate.kind && tool.dir === gate.dir && comparePair(gate, tool).length === 0);
}

/** Whether the removed gate ran in a workspace package the change deleted (its tests are tests/deleted's to report). */
function packageDeleted(weakening: GateWeakening, baseTools: readonly ToolCommand[], base: ScriptsFacts, head: ScriptsFacts, renames: ReadonlyMap<string, string>): boolean {
  const gate = baseTools.find((tool) => tool.gate && tool.tool === weakening.tool && tool.kind === weakening.kind && tool.text === weakening.before);
  const file = gate ? base.packages.get(gate.dir)?.file : undefined;
  if (!gate || file === undefined || gate.dir === '') return false;
  const now = renames.get(file) ?? file;
  return ![...head.packages.values()].some((pkg) => pkg.file === now);
}

/**
 * The script a weakening belongs to: of the entry script and the scripts it calls on the way to
 * the weakened command, the deepest one whose text changed (the `|| true` added by a caller is
 * the caller's; a flag dropped in a called script is that script's). Reported once there.
 */
function responsible(entry: ScriptRef, headName: string | null, via: readonly ScriptRef[], base: ScriptsFacts, head: ScriptsFacts, headDir: string): { dir: string; name: string; headName: string | null } {
  const chain: { dir: string; name: string; headName: string | null }[] = [{ ...entry, headName }, ...via.map((ref) => ({ ...ref, headName: ref.name }))];
  for (let i = chain.length - 1; i > 0; i--) {
    const ref = chain[i]!;
    const before = base.packages.get(ref.dir)?.scripts.get(ref.name)?.text;
    const after = head.packages.get(ref.dir === entry.dir ? headDir : ref.dir)?.scripts.get(ref.name)?.text;
    if (before !== undefined && after !== undefined && before !== after) return ref;
  }
  return chain[0]!;
}
