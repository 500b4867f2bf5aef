import { defineRule } from '../rule.js';
import { SOURCE_INSPECTORS } from '../support/source.js';

export const unparseable = defineRule({
  id: 'gatehouse/unparseable',
  category: 'unresolvable',
  severity: 'warn',
  docs: {
    summary: 'A changed file could not be parsed, so no rule could check it.',
    why: 'A file Gatehouse cannot read is a file whose gates it cannot vouch for. Failing closed means saying so rather than treating it as clean.',
    fix: 'Fix the syntax error (the line is given), or, if the file is valid for its tool, report the parser gap and acknowledge the finding.',
    bad: {
      base: { 'src/sum.ts': 'export const sum = (a: number, b: number) => a + b;\n' },
      head: { 'src/sum.ts': 'export const sum = (a: number, b: number) => a + ;\n' },
    },
    good: {
      base: { 'src/sum.ts': 'export const sum = (a: number, b: number) => a + b;\n' },
      head: { 'src/sum.ts': 'export const sum = (a: number, b: number): number => a + b;\n' },
    },
  },
  // Parse failures come from every inspector the audit runs; listing the source inspectors makes
  // sure source files are parsed even when no other source rule is enabled.
  inspectors: SOURCE_INSPECTORS,
  check: ({ files }) =>
    files.flatMap((file) => {
      const problem = file.headUnparseable[0];
      if (!problem || !file.headPath) return [];
      return [
        {
          message: `Cannot parse ${file.headPath}: ${problem.message}`,
          file: file.headPath,
          line: problem.line,
          side: 'head' as const,
          key: `unparseable:${problem.inspector}`,
        },
      ];
    }),
});
