import type { RunnerFilter, RunnerScope } from '../../inspect/runner/model.js';
import type { TestCase } from '../../inspect/source-facts.js';

/**
 * Whether a runner's name and marker filters leave a test out, from the test's name, tags and
 * file — the filters the runner facts keep as written:
 *
 * - pytest `-m EXPR`: a boolean expression (`and`, `or`, `not`, parentheses) over marker names.
 * - pytest `-k EXPR`: the same over keywords; a word matches when it is a case-insensitive
 *   substring of the test's name, its class, its module file, a folder above it, or a marker.
 * - mocha `grep` (a regular expression, or `/re/flags`), `fgrep` (a substring), `invert`: matched
 *   against the full title (suite titles and the test's, joined by spaces).
 * - vitest / jest `-t` / `--testNamePattern`: a regular expression over the same full title.
 *
 * A filter that cannot be read (an unknown form, a bad expression) decides nothing.
 */

export interface Exclusion {
  filter: RunnerFilter;
  /** What it means for this test, for messages: `-m "not slow"` deselects marker `slow`. */
  reason: string;
}

type Predicate = (word: string) => boolean;

/** Evaluates a pytest `-m` / `-k` expression; null when it does not parse. */
export function evaluateExpression(expression: string, matches: Predicate): boolean | null {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const orExpression = (): boolean | null => {
    let value = andExpression();
    while (value !== null && peek() === 'or') {
      at++;
      const right = andExpression();
      value = right === null ? null : value || right;
    }
    return value;
  };
  const andExpression = (): boolean | null => {
    let value = notExpression();
    while (value !== null && peek() === 'and') {
      at++;
      const right = notExpression();
      value = right === null ? null : value && right;
    }
    return value;
  };
  const notExpression = (): boolean | null => {
    if (peek() === 'not') {
      at++;
      const value = notExpression();
      return value === null ? null : !value;
    }
    const token = tokens[at++];
    if (token === undefined || token === ')' || token === 'and' || token === 'or') return null;
    if (token === '(') {
      const value = orExpression();
      return tokens[at++] === ')' ? value : null;
    }
    // pytest ≥ 8 accepts `marker(arg=…)` in -m: not modelled.
    if (!/^[\w:+\-.[\]\\/]+$/.test(token)) return null;
    return matches(token);
  };
  if (tokens.length === 0) return true;
  const value = orExpression();
  return at === tokens.length ? value : null;
}

function regexOf(source: string): RegExp | null {
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(source);
  try {
    return literal ? new RegExp(literal[1]!, literal[2]) : new RegExp(source);
  } catch {
    return null;
  }
}

const fullTitle = (test: TestCase): string => test.fullName.split(' > ').join(' ');

function pytestKeywords(file: string, test: TestCase): string[] {
  return [...test.fullName.split(' > '), ...file.split('/'), ...(test.tags ?? [])].map((word) => word.toLowerCase());
}

/** The first of a scope's filters that leaves the test out, or null. */
export function exclusionOf(scope: RunnerScope, file: string, test: TestCase): Exclusion | null {
  const tags = new Set(test.tags ?? []);
  const inverted = scope.filters.some((filter) => (filter.kind === 'invert' || filter.kind === '--invert' || filter.kind === '-i') && filter.value !== 'false');
  for (const filter of scope.filters) {
    const shown = `${filter.kind} ${JSON.stringify(filter.value)}`;
    switch (scope.tool === 'pytest' ? filter.kind : `${scope.tool}:${filter.kind}`) {
      case '-m': {
        const selected = evaluateExpression(filter.value, (marker) => tags.has(marker));
        if (selected === false) return { filter, reason: `${shown} deselects it (markers: ${[...tags].join(', ') || 'none'})` };
        break;
      }
      case '-k': {
        const keywords = pytestKeywords(file, test);
        const selected = evaluateExpression(filter.value, (word) => keywords.some((keyword) => keyword.includes(word.toLowerCase())));
        if (selected === false) return { filter, reason: `${shown} deselects it` };
        break;
      }
      case 'mocha:grep':
      case 'mocha:--grep':
      case 'mocha:-g':
      case 'mocha:fgrep':
      case 'mocha:--fgrep':
      case 'mocha:-f': {
        const fixed = /fgrep|^-f$/.test(filter.kind);
        const regex = fixed ? null : regexOf(filter.value);
        if (!fixed && !regex) break;
        const title = fullTitle(test);
        const matched = fixed ? title.includes(filter.value) : regex!.test(title);
        if (matched === inverted) return { filter, reason: `${shown}${inverted ? ' with --invert' : ''} leaves it out` };
        break;
      }
      case 'vitest:-t':
      case 'vitest:--testNamePattern':
      case 'jest:-t':
      case 'jest:--testNamePattern': {
        const regex = regexOf(filter.value);
        if (regex && !regex.test(fullTitle(test))) return { filter, reason: `${shown} leaves it out` };
        break;
      }
      default:
        break;
    }
  }
  return null;
}
