import { coverageInspector } from '../../inspect/coverage/readers.js';
import type { CoverageFacts, Unresolved } from '../../inspect/coverage/model.js';
import { defineRule } from '../rule.js';

function allUnresolved(facts: CoverageFacts): Unresolved[] {
  return [...facts.unresolved, ...facts.scopes.flatMap((scope) => scope.unresolved)];
}

const keyOf = (value: Unresolved) => `${value.setting}\0${value.expression.replace(/\s+/g, '')}`;

export const coverageConfigUnresolvable = defineRule({
  id: 'coverage/config-unresolvable',
  category: 'unresolvable',
  severity: 'warn',
  docs: {
    summary: 'A coverage setting the change introduces cannot be resolved statically (a function call, an environment variable, an import from a package), so its effect cannot be checked.',
    why: 'Gatehouse never runs the code under review. A coverage scope or threshold computed at run time could measure anything; an unknown scope is not a safe scope.',
    fix: 'Write the setting as literal values (or constants in the same repository), or have a human confirm what it evaluates to.',
    bad: {
      base: { 'vitest.config.ts': "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: { coverage: { include: ['src/**'] } },\n});\n" },
      head: {
        'vitest.config.ts':
          "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: { coverage: { include: process.env.COVERAGE_INCLUDE?.split(',') } },\n});\n",
      },
    },
    good: {
      base: { 'vitest.config.ts': "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: { coverage: { include: ['src/**'] } },\n});\n" },
      head: {
        'vitest.config.ts':
          "import { defineConfig } from 'vitest/config';\n\nconst sources = ['src/**', 'lib/**'];\n\nexport default defineConfig({\n  test: { coverage: { include: sources } },\n});\n",
      },
    },
  },
  inspectors: [],
  projectInspectors: [coverageInspector],
  check: ({ project }) => {
    const facts = project(coverageInspector);
    if (!facts) return [];
    const before = new Set(allUnresolved(facts.base.facts).map(keyOf));
    return allUnresolved(facts.head.facts)
      .filter((value) => !before.has(keyOf(value)))
      .map((value) => ({
        message: `Cannot resolve ${value.setting} statically (${value.reason}): \`${value.expression}\``,
        file: value.file,
        line: value.line,
        side: 'head' as const,
        after: value.expression,
        key: keyOf(value),
      }));
  },
});
