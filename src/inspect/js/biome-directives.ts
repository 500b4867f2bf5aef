import type { Suppression } from '../source-facts.js';
import { suppressionIn, type CommentView } from './comment-view.js';

/*
 * Biome (`biome_suppression`): every line of a comment is read on its own (after leading
 * whitespace and, in block comments, leading `*`), so one JSDoc block can hold several
 * suppressions. A line must start with `biome-ignore` (case-insensitive, `-` or `_`), then
 * optionally `-all`, `-start` or `-end`, then categories separated by whitespace, each with an
 * optional `(value)`, then `:` and a non-empty reason. Anything else is a parse error Biome
 * reports instead of suppressing, so it is not recorded here.
 */
const KEYWORD = /^biome[-_]ignore/i;
const CATEGORY = /^[A-Za-z]+(?:\/[\w-]+)*$/;

const KINDS: readonly { suffixes: readonly string[]; directive: string; scope: Suppression['scope'] }[] = [
  { suffixes: ['-all', '-ALL'], directive: 'biome-ignore-all', scope: 'file' },
  { suffixes: ['-start', '-START'], directive: 'biome-ignore-start', scope: 'block' },
  { suffixes: ['-end', '-END'], directive: 'biome-ignore-end', scope: 'block' },
];

export function biomeDirectives(view: CommentView): Suppression[] {
  if (!/biome[-_]ignore/i.test(view.value)) return [];
  const found: Suppression[] = [];
  let lineStart = 0;
  for (const line of view.value.split('\n')) {
    const offset = lineStart + leadingLength(line, view.type === 'Block');
    const parsed = parseLine(view.value.slice(offset, lineStart + line.length).trimEnd());
    if (parsed) found.push(suppressionIn(view, 'biome', parsed.directive, parsed.scope, parsed.rules, offset));
    lineStart += line.length + 1;
  }
  return found;
}

/** Length of the whitespace (and, in block comments, `*` decoration) before a line's content. */
function leadingLength(line: string, block: boolean): number {
  const match = (block ? /^\s*\**\s*/ : /^\s*/).exec(line);
  return match ? match[0].length : 0;
}

interface ParsedLine {
  directive: string;
  scope: Suppression['scope'];
  rules: string[];
}

function parseLine(line: string): ParsedLine | null {
  const keyword = KEYWORD.exec(line);
  if (!keyword) return null;
  let rest = line.slice(keyword[0].length);
  let directive = 'biome-ignore';
  let scope: Suppression['scope'] = 'next-line';
  for (const kind of KINDS) {
    const suffix = kind.suffixes.find((candidate) => rest.startsWith(candidate));
    if (suffix) {
      rest = rest.slice(suffix.length);
      directive = kind.directive;
      scope = kind.scope;
    }
  }
  const rules = parseCategories(rest.trimStart());
  return rules ? { directive, scope, rules } : null;
}

/** `{ <category>(<value>)? }+ : <reason>` → the categories, or null when Biome would reject it. */
function parseCategories(text: string): string[] | null {
  const rules: string[] = [];
  let rest = text;
  for (;;) {
    const separator = rest.search(/[:(\s]/);
    if (separator === -1) return null;
    const category = rest.slice(0, separator);
    if (category !== '' && !CATEGORY.test(category)) return null;
    const char = rest[separator];
    rest = rest.slice(separator + 1);
    if (char === ':') {
      if (category !== '') rules.push(category);
      return rest.trim() === '' ? null : rules;
    }
    if (char === '(') {
      const close = rest.indexOf(')');
      if (category === '' || close === -1) return null;
      rules.push(`${category}(${rest.slice(0, close).trim()})`);
      rest = rest.slice(close + 1).trimStart();
    } else {
      if (category !== '') rules.push(category);
      rest = rest.trimStart();
    }
  }
}
