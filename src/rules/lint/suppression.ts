import type { Suppression, SourceFacts } from '../../inspect/source-facts.js';
import { defineRule } from '../rule.js';
import { addedItems, SOURCE_INSPECTORS } from '../support/source.js';

/** Linters whose inline directives silence lint rules. */
const LINTERS: ReadonlySet<Suppression['tool']> = new Set(['eslint', 'biome', 'oxlint', 'ruff', 'flake8', 'pylint']);

/** Directives that end a disabled region rather than start one. */
const RE_ENABLING = new Set(['eslint-enable', 'oxlint-enable', 'biome-ignore-end']);

const lintSuppressions = (facts: SourceFacts) => facts.suppressions.filter((s) => LINTERS.has(s.tool) && !RE_ENABLING.has(s.directive));

const keyOf = (s: Suppression) => `${s.tool}:${s.directive}:${[...s.rules].sort().join(',')}`;

const SCOPE: Record<Suppression['scope'], string> = {
  file: 'for the rest of the file',
  block: 'until re-enabled',
  line: 'on its line',
  'next-line': 'on the next line',
};

export const lintSuppression = defineRule({
  id: 'lint/suppression',
  category: 'lint-suppression',
  severity: 'warn',
  docs: {
    summary: 'The change adds `eslint-disable` (file, block, line, next-line), `biome-ignore` or `oxlint-disable` comments; disabling every rule for a whole file blocks.',
    why: 'An inline disable makes the lint gate pass by not looking. Disabling all rules for a file removes that file from linting altogether.',
    fix: 'Fix the code the rule reports. If the rule is wrong here, name the single rule with a `-- reason` and have a human acknowledge the finding.',
    bad: {
      base: { 'src/log.ts': 'export function log(message: string): void {\n  process.stdout.write(message);\n}\n' },
      head: { 'src/log.ts': '/* eslint-disable */\nexport function log(message: any): void {\n  console.log(message);\n}\n' },
    },
    good: {
      base: { 'src/log.ts': '// eslint-disable-next-line no-console\nconsole.log("start");\nexport const a = 1;\n' },
      head: { 'src/log.ts': 'export const a = 1;\n\n// eslint-disable-next-line no-console\nconsole.log("start");\n' },
    },
  },
  inspectors: SOURCE_INSPECTORS,
  check: ({ files }) =>
    addedItems(files, lintSuppressions, keyOf).map(({ path, item }) => {
      const allRules = item.rules.length === 0;
      const what = allRules ? 'all rules' : item.rules.join(', ');
      return {
        message: `Added \`${item.directive}\` disabling ${what} ${SCOPE[item.scope]}`,
        file: path,
        line: item.line,
        side: 'head' as const,
        after: item.text,
        key: keyOf(item),
        ...(allRules && item.scope === 'file' ? { severity: 'block' as const } : {}),
      };
    }),
});
