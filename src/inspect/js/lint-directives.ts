import type { Suppression } from '../source-facts.js';
import { skipWhitespace, suppressionIn, type CommentView } from './comment-view.js';

/*
 * ESLint (10.x, `SourceCode#getInlineConfigNodes`): the comment body is split from its
 * justification at the first whitespace-`--`-whitespace, trimmed, and must start with a
 * lower-case label followed by whitespace or the end. `eslint-disable-line` and
 * `eslint-disable-next-line` work in line and block comments (`-line` only on one line);
 * `eslint-disable`, `eslint-enable` and `eslint` config comments only in block comments.
 * JSDoc-style `/** eslint-disable *\/` does not start with the label, so ESLint ignores it.
 *
 * oxlint (`disable_directives.rs`): the body trimmed at the start must begin with
 * `oxlint-`/`eslint-` + `disable`, `disable-line`, `disable-next-line` or `enable`, followed by
 * whitespace or the end, in line AND block comments; rule names are split on commas and
 * whitespace up to a `--` or a lone ` - `. `eslint-*` comments are recorded once, as eslint,
 * and only in the forms ESLint obeys: oxlint also obeys `// eslint-disable`, but a comment
 * ESLint ignores is not reported as a suppression.
 */
const ESLINT_LABEL = /^([a-z]+(?:-[a-z]+)*)(?:\s|$)/u;
const JUSTIFICATION = /\s-{2,}\s/u;
const LINE_COMMENT_LABELS = new Set(['eslint-disable-line', 'eslint-disable-next-line']);
const OXLINT_DIRECTIVE = /^oxlint-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;
const OXLINT_DESCRIPTION = /--|(?<=\s)-(?=\s)/;

const SCOPE_BY_KIND: Record<string, Suppression['scope']> = {
  disable: 'file', // narrowed to 'block' later when a matching enable follows
  enable: 'block',
  'disable-line': 'line',
  'disable-next-line': 'next-line',
};

/** The eslint or oxlint suppression a comment makes, if any. */
export function lintDirective(view: CommentView): Suppression | null {
  if (!view.value.includes('lint')) return null;
  return eslintDirective(view) ?? oxlintDirective(view);
}

function eslintDirective(view: CommentView): Suppression | null {
  const justification = JUSTIFICATION.exec(view.value);
  const directivePart = (justification ? view.value.slice(0, justification.index) : view.value).trim();
  const label = ESLINT_LABEL.exec(directivePart)?.[1];
  if (!label?.startsWith('eslint')) return null;
  if (view.type === 'Line' && !LINE_COMMENT_LABELS.has(label)) return null;
  if (label === 'eslint-disable-line' && view.value.includes('\n')) return null;
  const rest = directivePart.slice(label.length);
  const at = skipWhitespace(view.value);
  if (label === 'eslint') {
    const rules = rulesTurnedOff(rest);
    return rules.length > 0 ? suppressionIn(view, 'eslint', 'eslint', 'file', rules, at) : null;
  }
  const kind = label.slice('eslint-'.length);
  const scope = SCOPE_BY_KIND[kind];
  return scope ? suppressionIn(view, 'eslint', label, scope, eslintRuleList(rest), at) : null;
}

/** ESLint's list grammar: comma-separated, trimmed, optionally quoted. */
function eslintRuleList(text: string): string[] {
  return text
    .split(',')
    .map((name) => unquote(name.trim()))
    .filter((name) => name !== '');
}

/**
 * Rules a `/* eslint rule: "off" *\/` config comment switches off (severity `off`/`0`, alone or
 * first in an array). Raising or keeping a severity is not a suppression.
 */
function rulesTurnedOff(text: string): string[] {
  const rules: string[] = [];
  for (const entry of splitTopLevel(text)) {
    const colon = entry.indexOf(':');
    if (colon === -1) continue;
    const name = unquote(entry.slice(0, colon).trim());
    let value = entry.slice(colon + 1).trim();
    if (value.startsWith('[')) value = value.slice(1).split(',')[0] ?? '';
    const severity = unquote(value.replace(/\]\s*$/, '').trim()).toLowerCase();
    if (name !== '' && (severity === 'off' || severity === '0')) rules.push(name);
  }
  return rules;
}

/** Splits on commas outside brackets, braces and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[' || char === '{') {
      depth++;
    } else if (char === ']' || char === '}') {
      depth--;
    } else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unquote(text: string): string {
  return /^(['"]).*\1$/s.test(text) ? text.slice(1, -1) : text;
}

function oxlintDirective(view: CommentView): Suppression | null {
  const at = skipWhitespace(view.value);
  const body = view.value.slice(at);
  const match = OXLINT_DIRECTIVE.exec(body);
  if (!match) return null;
  const [directive, kind] = match;
  let rest = body.slice(directive.length);
  const description = OXLINT_DESCRIPTION.exec(rest);
  if (description) rest = rest.slice(0, description.index);
  const rules = rest.split(/[\s,]+/).filter((name) => name !== '');
  return suppressionIn(view, 'oxlint', directive, SCOPE_BY_KIND[kind!]!, rules, at);
}
