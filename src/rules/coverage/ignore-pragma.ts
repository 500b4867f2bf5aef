import type { FindingDraft } from '../../core/types.js';
import type { CoverageProjectFacts } from '../../inspect/coverage/project-inspector.js';
import { coverageInspector } from '../../inspect/coverage/readers.js';
import type { CoveragePragma } from '../../inspect/source-facts.js';
import { defineRule } from '../rule.js';
import { addedItems, SOURCE_INSPECTORS } from '../support/source.js';

const keyOf = (p: CoveragePragma) => `${p.tool}:${p.directive}`;

export const coverageIgnorePragma = defineRule({
  id: 'coverage/ignore-pragma',
  category: 'coverage-pragma',
  severity: 'warn',
  docs: {
    summary: 'The change adds `istanbul ignore`, `c8 ignore`, `v8 ignore` or `# pragma: no cover` comments, or coverage.py `exclude_lines` / `exclude_also` patterns; ignoring a whole file blocks.',
    why: 'An ignore pragma removes code from the coverage denominator: the percentage rises without a single new test. Ignoring a file takes all of it out of measurement.',
    fix: 'Write a test that runs the code. If the code truly cannot be tested (a platform branch), have a human acknowledge the finding.',
    bad: {
      base: { 'src/parse.ts': 'export function parse(text: string): number {\n  if (text === "") throw new Error("empty");\n  return Number(text);\n}\n' },
      head: {
        'src/parse.ts':
          'export function parse(text: string): number {\n  /* v8 ignore next */\n  if (text === "") throw new Error("empty");\n  return Number(text);\n}\n',
      },
    },
    good: {
      base: { 'src/parse.ts': '/* istanbul ignore next */\nfunction debug() {}\nexport const parse = Number;\n' },
      head: { 'src/parse.ts': 'export const parse = Number;\n\n/* istanbul ignore next */\nfunction debug() {}\n' },
    },
  },
  inspectors: SOURCE_INSPECTORS,
  projectInspectors: [coverageInspector],
  check: ({ files, project }) => [
    ...addedItems(files, (facts) => facts.coveragePragmas.filter((p) => p.directive !== 'ignore stop'), keyOf).map(({ path, item }) => ({
      message: `Added \`${item.tool} ${item.directive}\`${item.directive === 'ignore file' ? `: all of ${path} leaves coverage measurement` : ''}`,
      file: path,
      line: item.line,
      side: 'head' as const,
      after: item.text,
      key: keyOf(item),
      ...(item.directive === 'ignore file' ? { severity: 'block' as const } : {}),
    })),
    ...addedExclusionPatterns(project(coverageInspector)),
  ],
});

/** coverage.py `exclude_lines` / `exclude_also` regexes the change adds: each removes every matching line from measurement. */
function addedExclusionPatterns(facts: { base: CoverageProjectFacts; head: CoverageProjectFacts } | null): FindingDraft[] {
  if (!facts) return [];
  const before = new Set(facts.base.facts.excludedLinePatterns.map((p) => p.pattern));
  return facts.head.facts.excludedLinePatterns
    .filter((p) => !before.has(p.pattern))
    .map((p) => ({
      message: `Added coverage.py exclusion \`${p.pattern}\`: every line it matches leaves coverage measurement`,
      file: p.origin.file,
      line: p.origin.line,
      side: 'head' as const,
      after: p.pattern,
      key: `exclude_lines:${p.pattern}`,
    }));
}
