import type { FindingDraft } from '../../core/types.js';
import { compareLintSettings, unresolvedKey } from '../../inspect/lint-config/compare.js';
import type { LintConfig, LintInvocation, Unresolved } from '../../inspect/lint-config/model.js';
import { lintConfigInspector } from '../../inspect/lint-config/project-inspector.js';
import { REPLACEMENT_TABLE } from '../../inspect/lint-config/shared-configs.js';
import { clip } from '../support/excerpt.js';
import { renamedPaths } from '../support/renames.js';
import { defineRule } from '../rule.js';

/** How many affected files a finding names before it says "and N more". */
const FILES_SHOWN = 5;

const allUnresolved = (configs: readonly LintConfig[]): Unresolved[] => configs.flatMap((config) => config.unresolved);

const flatConfig = (rules: string): string => `import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    rules: {
${rules}
    },
  },
);
`;

/** Rules and codes a linter's command line newly turns off (`--rule 'x: off'`, `-A x`, `--ignore E501`, `--skip`), by script or step. */
function commandLineRulesOff(base: readonly LintInvocation[], head: readonly LintInvocation[]): FindingDraft[] {
  const before = new Map(base.map((invocation) => [invocation.id, invocation]));
  const findings: FindingDraft[] = [];
  for (const after of head) {
    const previous = before.get(after.id);
    for (const rule of after.rulesOff) {
      if (previous?.rulesOff.includes(rule)) continue;
      findings.push({
        message: `\`${rule}\` turned off on the command line of \`${after.tool}\``,
        file: after.file,
        line: after.line,
        side: 'head',
        ...(previous ? { before: previous.text } : {}),
        after: after.text,
        key: `${after.id}:off:${rule}`,
      });
    }
  }
  return findings;
}

export const lintRuleRelaxed = defineRule({
  id: 'lint/rule-relaxed',
  category: 'lint-config',
  severity: 'block',
  docs: {
    summary:
      "A lint rule's effective severity lowered (error → warn/off) or its options loosened for some files, a shareable config removed or replaced by a weaker one, `noInlineConfig` turned off, or a ruff/flake8 code no longer selected or a limit raised, with the files affected; rules turned off on a linter's command line.",
    why: 'A lint gate is only as strong as its rules. Turning a rule off, or down to a warning that never fails the run, lets the code it was catching through every later change, without a single disable comment to review.',
    fix: 'Restore the rule (or fix the code it reports). If the rule truly does not fit some files, scope the exception narrowly with `files` and have a human approve it.',
    details: `ESLint flat and legacy configs, Biome, oxlint, ruff and flake8 are read statically (see [docs/linters.md](../linters.md)). For every file the config lints, the effective setting of each rule is computed on both sides with ESLint's merge semantics; one finding is reported per config and rule, naming the files affected.

Shareable configs from packages are compared by identity (their rules are not read): removing one is reported unless head keeps one known to include it (\`strictTypeChecked\` ⊇ \`strict\` ⊇ \`recommended\`, \`recommendedTypeChecked\` ⊇ \`recommended\` for typescript-eslint; \`all\` ⊇ \`strict\` ⊇ \`recommended\` elsewhere). A rule turned off over a shareable config that may enable it is reported; \`typescript-eslint\`'s \`disableTypeChecked\` added is reported.

Not reported: a rule turned off together with its standard replacement at least as strong for the same files:

| Rule | Replacement |
| --- | --- |
${REPLACEMENT_TABLE.map(([rule, replacement]) => `| ${rule} | ${replacement} |`).join('\n')}

Options are compared where their strength can be ordered (a larger \`max…\` number, an \`allow…\`/\`ignore…\` flag turned on or list grown, a \`check…\`/\`require…\` flag turned off: block); any other change of options, and a rule removed where only shareable configs can still set it, is a \`warn\`. A config value that cannot be resolved statically is reported as a \`warn\` with its reason and line; what it could affect (one rule, or the whole config when it is an entry, a file list or an ignore) is then not compared, rather than guessed. The same expression unresolved on both sides is the same unknown on both, so the rest is still compared.

On the command lines of \`package.json\` scripts and workflow steps, rules a change turns off are reported too: ESLint \`--rule 'name: off'\`, oxlint \`-A\`/\`--allow\`, ruff and flake8 \`--ignore\`/\`--extend-ignore\`, Biome \`--skip\`.`,
    bad: {
      base: { 'eslint.config.mjs': flatConfig("      '@typescript-eslint/no-explicit-any': 'error',"), 'src/api.ts': 'export const get = (id: string): string => id;\n' },
      head: { 'eslint.config.mjs': flatConfig("      '@typescript-eslint/no-explicit-any': 'off',"), 'src/api.ts': 'export const get = (id: string): string => id;\n' },
    },
    good: {
      base: { 'eslint.config.mjs': flatConfig("      'no-unused-vars': 'error',"), 'src/api.ts': 'export const get = (id: string): string => id;\n' },
      head: {
        'eslint.config.mjs': flatConfig("      'no-unused-vars': 'off',\n      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],"),
        'src/api.ts': 'export const get = (id: string): string => id;\n',
      },
    },
  },
  inspectors: [],
  projectInspectors: [lintConfigInspector],
  check: ({ project, files }) => {
    const facts = project(lintConfigInspector);
    if (!facts) return [];
    const relaxations = compareLintSettings({ configs: facts.base.facts.configs, paths: facts.base.paths }, { configs: facts.head.facts.configs, paths: facts.head.paths }, renamedPaths(files));
    const findings: FindingDraft[] = relaxations.map((relaxation) => {
      const sorted = [...new Set(relaxation.files)].sort();
      const shown = sorted.slice(0, FILES_SHOWN).join(', ');
      const more = sorted.length > FILES_SHOWN ? ` and ${sorted.length - FILES_SHOWN} more` : '';
      return {
        message: `${relaxation.message} for ${sorted.length} file${sorted.length === 1 ? '' : 's'}: ${shown}${more}`,
        file: relaxation.origin.file,
        line: relaxation.origin.line,
        side: relaxation.side,
        before: clip([relaxation.before]),
        after: clip([relaxation.after]),
        key: relaxation.key,
        ...(relaxation.unordered ? { severity: 'warn' as const } : {}),
      };
    });
    findings.push(...commandLineRulesOff(facts.base.facts.invocations, facts.head.facts.invocations));
    const known = new Set(allUnresolved(facts.base.facts.configs).map(unresolvedKey));
    for (const value of allUnresolved(facts.head.facts.configs)) {
      if (known.has(unresolvedKey(value))) continue;
      findings.push({
        message: `Cannot resolve lint setting ${value.setting} statically (${value.reason}): \`${value.expression}\`; its effect on the lint gate is unknown`,
        file: value.file,
        line: value.line,
        side: 'head',
        after: value.expression,
        key: `unresolved:${unresolvedKey(value)}`,
        severity: 'warn',
      });
    }
    return findings;
  },
});
