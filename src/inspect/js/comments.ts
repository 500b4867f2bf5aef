import type { CoveragePragma, Suppression } from '../source-facts.js';
import { biomeDirectives } from './biome-directives.js';
import { commentView } from './comment-view.js';
import { coveragePragma } from './coverage-pragmas.js';
import { lintDirective } from './lint-directives.js';
import type { ParsedSource } from './parse.js';
import { typescriptCheckPragma, typescriptDirective } from './typescript-directives.js';

export interface CommentFacts {
  suppressions: Suppression[];
  coveragePragmas: CoveragePragma[];
}

/**
 * Suppressions and coverage pragmas, read only from the comments the parser found: text that
 * merely looks like a directive inside a string or template is never one. In source order.
 */
export function extractCommentFacts(source: ParsedSource): CommentFacts {
  const suppressions: Suppression[] = [];
  const coveragePragmas: CoveragePragma[] = [];
  let checkPragma: ReturnType<typeof typescriptCheckPragma> = null;
  for (const comment of source.comments) {
    const view = commentView(comment, source);
    const typescript = typescriptDirective(view);
    if (typescript) suppressions.push(typescript);
    if (comment.end <= source.firstTokenStart) checkPragma = typescriptCheckPragma(view) ?? checkPragma;
    const lint = lintDirective(view);
    if (lint) suppressions.push(lint);
    suppressions.push(...biomeDirectives(view));
    const pragma = coveragePragma(view);
    if (pragma) coveragePragmas.push(pragma);
  }
  // tsc obeys the last of the leading `@ts-check`/`@ts-nocheck` pragmas.
  if (checkPragma?.nocheck) suppressions.unshift(checkPragma.suppression);
  return { suppressions: withDisableScopes(suppressions), coveragePragmas };
}

const DISABLE = new Set(['eslint-disable', 'oxlint-disable']);
const ENABLE = new Set(['eslint-enable', 'oxlint-enable']);

/**
 * An `eslint-disable`/`oxlint-disable` lasts to the end of the file (scope `file`) unless a later
 * enable re-enables every rule it disabled (scope `block`). ESLint only obeys `eslint-enable`;
 * oxlint obeys both prefixes.
 */
function withDisableScopes(suppressions: readonly Suppression[]): Suppression[] {
  return suppressions.map((suppression, index) => {
    if (!DISABLE.has(suppression.directive) || (suppression.tool !== 'eslint' && suppression.tool !== 'oxlint')) return suppression;
    const enables = suppressions
      .slice(index + 1)
      .filter((later) => ENABLE.has(later.directive) && (suppression.tool === 'oxlint' ? later.tool === 'eslint' || later.tool === 'oxlint' : later.tool === 'eslint'));
    const reEnabled = (rule: string | null) => enables.some((enable) => enable.rules.length === 0 || (rule !== null && enable.rules.includes(rule)));
    const closed = suppression.rules.length === 0 ? reEnabled(null) : suppression.rules.every(reEnabled);
    return closed ? { ...suppression, scope: 'block' } : suppression;
  });
}
