import type { FindingDraft } from '../../core/types.js';
import type { SourceFacts, Suppression, TypeEscape } from '../../inspect/source-facts.js';
import { defineRule } from '../rule.js';
import { compact } from '../support/matching.js';
import { addedItems, SOURCE_INSPECTORS } from '../support/source.js';

/** Checkers whose suppressions silence the type system. */
const TYPE_CHECKERS: ReadonlySet<Suppression['tool']> = new Set(['typescript', 'mypy', 'pyright']);

const ESCAPE_LABEL: Record<TypeEscape['kind'], string> = {
  'as-any': 'an `as any` cast',
  'angle-any': 'an `<any>` cast',
  'as-unknown-as': 'an `as unknown as` double cast',
  'any-annotation': 'an `any` type annotation',
};

const typeSuppressions = (facts: SourceFacts) => facts.suppressions.filter((s) => TYPE_CHECKERS.has(s.tool));

export const typeSuppression = defineRule({
  id: 'types/suppression',
  category: 'type-suppression',
  severity: 'warn',
  docs: {
    summary: 'The change adds `@ts-ignore`, `@ts-expect-error`, `@ts-nocheck`, `as any`, `as unknown as` or `: any` (counted per file as added minus removed).',
    why: 'Each one switches the type checker off where it would have found a problem, so the typecheck gate passes without the code being right. `@ts-nocheck` switches it off for a whole file and blocks.',
    fix: 'Fix the type error instead: narrow the type, add the missing declaration or a type guard. If the suppression is truly needed, have a human acknowledge the finding.',
    bad: {
      base: { 'src/price.ts': 'export function total(items: { price: number }[]): number {\n  return items.reduce((sum, item) => sum + item.price, 0);\n}\n' },
      head: {
        'src/price.ts':
          'export function total(items: { price: number }[]): number {\n  // @ts-ignore\n  return items.reduce((sum, item) => sum + item.cost, 0);\n}\n',
      },
    },
    good: {
      base: { 'src/price.ts': '// @ts-ignore legacy\nimport legacy from "./legacy";\nexport const total = (n: number) => n;\n' },
      head: { 'src/pricing.ts': '// @ts-ignore legacy\nimport legacy from "./legacy";\n\nexport const total = (n: number): number => n;\n' },
    },
  },
  inspectors: SOURCE_INSPECTORS,
  check: ({ files }) => {
    const suppressions = addedItems(files, typeSuppressions, (s) => `${s.tool}:${s.directive}`).map(
      ({ path, item }): FindingDraft => ({
        message:
          item.directive === 'ts-nocheck'
            ? `Added \`@ts-nocheck\`: type checking is off for the whole of ${path}`
            : `Added \`${item.directive.startsWith('ts-') ? '@' : ''}${item.directive}\``,
        file: path,
        line: item.line,
        side: 'head',
        after: item.text,
        key: `${item.tool}:${item.directive}`,
        ...(item.scope === 'file' ? { severity: 'block' as const } : {}),
      }),
    );
    const escapes = addedItems(files, (facts) => facts.typeEscapes, (e) => `${e.kind}:${compact(e.text)}`).map(
      ({ path, item }): FindingDraft => ({
        message: `Added ${ESCAPE_LABEL[item.kind]}`,
        file: path,
        line: item.line,
        side: 'head',
        after: item.text,
        key: `${item.kind}:${compact(item.text)}`,
      }),
    );
    return [...suppressions, ...escapes];
  },
});
