import type { FindingDraft } from '../../core/types.js';
import { compareGates } from '../../inspect/gates/compare.js';
import { readScript, type GateWeakening, type ScriptReading } from '../../inspect/gates/gate-commands.js';
import type { HookEntry } from '../../inspect/gates/hooks.js';
import { scriptsInspector, type ScriptsFacts } from '../../inspect/gates/project-inspector.js';
import { hookInput, sameScriptInputs } from '../../inspect/gates/revision-scripts.js';
import { defineRule } from '../rule.js';

const husky = (body: string): string => `${body}\n`;
const lefthook = (lint: string): string => `pre-commit:
  parallel: true
  commands:
    lint:
      glob: "*.{js,ts}"
      run: ${lint}
    types:
      run: npx tsc --noEmit
`;

const details = `Hooks are read from husky (\`.husky/<hook>\`, run with \`sh -e\` by husky v9's \`_/h\` and by the \`_/husky.sh\` that v5–v8 files source; legacy v4 \`package.json#husky.hooks\`), lefthook (\`lefthook.yml\`, \`.lefthook.yml\`, \`lefthook-local.yml\`, \`.config/lefthook.yml\`, \`.json\` variants: \`<hook>.commands.<name>.run\` and \`<hook>.jobs[].run\`, \`root:\`, \`skip: true\`), simple-git-hooks (\`package.json#simple-git-hooks\`, \`.simple-git-hooks.json\`) and pre-commit (\`.pre-commit-config.yaml\`: a \`repo: local\` hook runs its \`entry\`; a known hook id stands for its tool's check — \`ruff\` → \`ruff check\`, \`ruff-format\` → \`ruff format --check\`, \`black\` → \`black --check\`, \`mypy\`, \`eslint\`, \`prettier\` → \`prettier --check\`… since pre-commit fails when a hook rewrites a file; \`args\` are appended; a hook runs in the git hooks \`default_install_hook_types\` installs (default \`pre-commit\`) that its \`stages\` or \`default_stages\` include).

The gates of all managers are compared per git hook (\`pre-commit\`, \`pre-push\`…), with the gate table and the comparison of \`ci/script-weakened\`, so moving a hook from husky to lefthook is not reported. A weakening in a package script the hook calls is left to \`ci/script-weakened\` unless the hook itself changed. pre-commit hooks also report new \`exclude\`/\`files\` filters. Not read: lint-staged configurations (a hook running \`lint-staged\` counts as one lint gate), lefthook \`scripts:\` files, husky's \`prepare\` script.`;

export const ciHookWeakened = defineRule({
  id: 'ci/hook-weakened',
  category: 'ci-weakened',
  severity: 'warn',
  docs: {
    summary: 'A git hook (husky, lefthook, simple-git-hooks, pre-commit) that ran a gate no longer runs it, runs it so that it cannot fail, narrowed, or turned off (`skip: true`, `stages: [manual]`).',
    why: 'Hooks are the gate closest to the author: an agent that removes the pre-commit lint or adds `|| true` to the pre-push tests commits and pushes code the gates would have stopped, and CI then catches it later or not at all.',
    fix: 'Restore the hook. If the check moved (to CI, or to another hook manager), say where; a human can approve the change.',
    details,
    bad: {
      base: { '.husky/pre-commit': husky('npx lint-staged\nnpx tsc --noEmit'), '.husky/pre-push': husky('npx vitest run') },
      head: { '.husky/pre-commit': husky('npx lint-staged\nnpx tsc --noEmit || true'), '.husky/pre-push': husky('npx vitest run') },
    },
    good: {
      base: { '.husky/pre-commit': husky('npx lint-staged\nnpx tsc --noEmit'), '.husky/pre-push': husky('npx vitest run') },
      head: { 'lefthook.yml': `${lefthook('npx lint-staged')}pre-push:\n  commands:\n    test:\n      run: vitest run\n` },
    },
  },
  inspectors: [],
  projectInspectors: [scriptsInspector],
  check: ({ project }) => {
    const facts = project(scriptsInspector);
    if (!facts) return [];
    const { base, head } = facts;
    if (sameScriptInputs(base, head)) return [];
    const findings: FindingDraft[] = [];
    const seen = new Set<string>();
    const types = [...new Set(base.hooks.map((hook) => hook.hook))].sort();
    for (const type of types) {
      const baseEntries = base.hooks.filter((hook) => hook.hook === type);
      const headEntries = head.hooks.filter((hook) => hook.hook === type);
      const weakenings = compareGates(combine(base, baseEntries), combine(head, headEntries));
      for (const weakening of weakenings) {
        const finding = hookFinding(type, weakening, baseEntries, headEntries);
        if (finding && !seen.has(finding.key)) {
          seen.add(finding.key);
          findings.push(finding);
        }
      }
      for (const entry of baseEntries) {
        const now = headEntries.find((candidate) => candidate.name === entry.name && candidate.skipped === null);
        if (entry.skipped !== null || !now) continue;
        const added = now.filters.filter((filter) => !entry.filters.includes(filter));
        if (added.length === 0 || !readScript(hookInput(base, entry)).tools.some((tool) => tool.gate)) continue;
        findings.push({
          message: `The ${type} hook \`${entry.name.slice(type.length + 1)}\` (pre-commit) now skips files: ${added.map((filter) => `\`${filter}\``).join(', ')}`,
          file: now.file,
          line: now.line,
          side: 'head',
          before: entry.filters.join('\n') || '(all files)',
          after: now.filters.join('\n'),
          key: `${type}:${entry.name}:filters:${added.join(',')}`,
        });
      }
    }
    return findings;
  },
});

/** One reading of every hook entry of a git hook that runs, each command tagged with its entry's name. */
function combine(facts: ScriptsFacts, entries: readonly HookEntry[]): ScriptReading {
  const reading: ScriptReading = { tools: [], commands: [], errors: [] };
  for (const entry of entries) {
    if (entry.skipped !== null) continue;
    const one = readScript(hookInput(facts, entry));
    reading.tools.push(...one.tools.map((tool) => ({ ...tool, origin: entry.name })));
    reading.commands.push(...one.commands);
    reading.errors.push(...one.errors);
  }
  return reading;
}

const managerOf = (entry: HookEntry): string => (entry.manager === 'husky' && entry.file === entry.name ? `husky \`${entry.file}\`` : `${entry.manager} \`${entry.name}\``);
const isRewriteFlag = (key: string): boolean => /:non-failing:--(fix|write|apply)$/.test(key);

function hookFinding(type: string, weakening: GateWeakening, baseEntries: readonly HookEntry[], headEntries: readonly HookEntry[]): FindingDraft | null {
  const removal = weakening.how === 'removed' || weakening.how === 'neutralised';
  const baseEntry = baseEntries.find((entry) => entry.name === weakening.origin);
  const headEntry = headEntries.find((entry) => entry.name === weakening.origin) ?? (removal ? headEntries.find((entry) => baseEntry !== undefined && entry.name === baseEntry.name) : undefined);
  // pre-commit fails a hook that rewrites files, so `--fix` there still fails the commit.
  if (isRewriteFlag(weakening.key) && headEntry?.manager === 'pre-commit') return null;
  // A weakening inside a package script the hook calls belongs to ci/script-weakened, unless the hook changed too.
  if (weakening.via.length > 0 && baseEntry !== undefined && headEntry !== undefined && baseEntry.script === headEntry.script && baseEntry.skipped === headEntry.skipped) return null;
  const key = `${type}:${weakening.key}`;
  if (weakening.unresolvable) {
    const entry = headEntries.find((candidate) => candidate.name === weakening.origin) ?? headEntries[0];
    return { message: `The ${type} hook: ${weakening.message}`, file: entry?.file ?? baseEntry?.file ?? '', line: weakening.line, side: 'head', before: weakening.before, after: weakening.after, key };
  }
  if (removal) {
    const still = baseEntry ? headEntries.find((entry) => entry.name === baseEntry.name) : undefined;
    const where = baseEntry ? managerOf(baseEntry) : 'its hook';
    const why = still?.skipped ? `: ${where} is turned off with ${still.skipped}` : still ? ` (${where})` : weakening.how === 'neutralised' && headEntries.some((entry) => entry.skipped === null) ? `: ${weakening.message}` : ` (${where} was removed)`;
    const at = still ?? baseEntry;
    return {
      message: `\`${weakening.before}\` (${weakening.kind}) no longer runs in the ${type} hook${why}`,
      file: at?.file ?? '',
      line: at?.line ?? weakening.line,
      side: still ? 'head' : 'base',
      before: baseEntry?.script.trim() ?? weakening.before,
      after: still ? (still.skipped ? `${still.script.trim()}\n(skipped: ${still.skipped})` : still.script.trim()) : '(removed)',
      key,
    };
  }
  return {
    message: `The ${type} hook${headEntry ? ` (${managerOf(headEntry)})` : ''}: ${weakening.message}`,
    file: headEntry?.file ?? '',
    line: weakening.line,
    side: 'head',
    before: baseEntry?.script.trim() ?? weakening.before,
    after: headEntry?.script.trim() ?? weakening.after,
    key,
  };
}
