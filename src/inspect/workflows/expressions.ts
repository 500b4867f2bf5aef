/**
 * A small static evaluator for GitHub Actions expressions (`${{ … }}` and `if:` conditions).
 *
 * It answers one question for the gate rules: in a run where every earlier step and job
 * succeeded, does a condition hold (`true`), never hold (`false`), or depend on something only
 * the run knows (`unknown`)? Semantics follow GitHub's "Evaluate expressions in workflows and
 * actions" reference:
 *
 * - literals `null`, `true`, `false`, numbers (also hex and exponent), 'strings' ('' escapes a quote);
 * - operators `!`, `<`, `<=`, `>`, `>=`, `==`, `!=`, `&&`, `||` (in that order of precedence);
 *   `&&` / `||` return an operand, not a boolean;
 * - loose equality: operands of different types are coerced to numbers (null → 0, booleans → 0/1,
 *   strings parsed, '' → 0, anything else NaN); strings compare case-insensitively;
 * - falsy values: false, 0, -0, '', null (and NaN);
 * - status functions are evaluated for a run in which everything so far succeeded: `success()` and
 *   `always()` are true, `failure()` and `cancelled()` false. The implicit `success() &&` GitHub
 *   adds to a condition without a status function is therefore true and changes nothing here;
 * - `contains`, `startsWith`, `endsWith` (case-insensitive), `format`, `join`, `toJSON`,
 *   `fromJSON`; `hashFiles` and every context not given a value are unknown.
 *
 * An `if:` that is not exactly one `${{ … }}` but contains one (`${{ a }} && b`, or a block scalar
 * with a trailing newline) is a string after interpolation, never empty, so it is always true:
 * GitHub documents this pitfall and CodeQL reports it (`actions/if-expression-always-true`).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value: known, or unknown with possibly known truthiness (`x && false` is falsy whatever x is). */
export type Value = { known: true; value: Json } | { known: false; truthy?: boolean };

export type Truth = 'true' | 'false' | 'unknown';

/** Values of contexts the caller knows (`matrix.node`, `inputs.target`, `github.event_name`). */
export type Lookup = (path: readonly string[]) => Value;

export const unknownLookup: Lookup = () => ({ known: false });

const known = (value: Json): Value => ({ known: true, value });
const UNKNOWN: Value = { known: false };

type Node =
  | { type: 'literal'; value: Json }
  | { type: 'path'; root: string; parts: (string | Node)[] }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'not'; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node };

export class ExpressionError extends Error {}

// ── tokenizer ────────────────────────────────────────────────────────────────

type Token = { kind: 'num'; value: number } | { kind: 'str'; value: string } | { kind: 'ident'; value: string } | { kind: 'punct'; value: string };

const PUNCT = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', ',', '.', '*'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new ExpressionError('unterminated string');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text.charAt(i);
        i++;
      }
      tokens.push({ kind: 'str', value });
      continue;
    }
    const number = /^(0x[0-9a-f]+|[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?)/i.exec(text.slice(i));
    if (number && (c !== '-' && c !== '+' ? true : tokens.length === 0 || tokens[tokens.length - 1]!.kind === 'punct')) {
      tokens.push({ kind: 'num', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
    if (ident) {
      tokens.push({ kind: 'ident', value: ident[0] });
      i += ident[0].length;
      continue;
    }
    const punct = PUNCT.find((p) => text.startsWith(p, i));
    if (!punct) throw new ExpressionError(`unexpected character ${JSON.stringify(c)}`);
    tokens.push({ kind: 'punct', value: punct });
    i += punct.length;
  }
  return tokens;
}

// ── parser (precedence climbing) ─────────────────────────────────────────────

const LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>=']];

export function parseExpression(text: string): Node {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isPunct = (value: string): boolean => {
    const t = peek();
    return t?.kind === 'punct' && t.value === value;
  };
  const expect = (value: string): void => {
    if (!isPunct(value)) throw new ExpressionError(`expected ${value}`);
    pos++;
  };
  const binary = (level: number): Node => {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if (t?.kind !== 'punct' || !LEVELS[level]!.includes(t.value)) return left;
      pos++;
      left = { type: 'binary', op: t.value, left, right: binary(level + 1) };
    }
  };
  const unary = (): Node => {
    if (isPunct('!')) {
      pos++;
      return { type: 'not', operand: unary() };
    }
    return postfix(primary());
  };
  const postfix = (node: Node): Node => {
    let current = node;
    for (;;) {
      if (isPunct('.')) {
        pos++;
        const t = peek();
        if (t?.kind === 'ident' || (t?.kind === 'punct' && t.value === '*')) {
          pos++;
          current = appendPart(current, t.value);
          continue;
        }
        throw new ExpressionError('expected a property name');
      }
      if (isPunct('[')) {
        pos++;
        const index = binary(0);
        expect(']');
        current = appendPart(current, index);
        continue;
      }
      return current;
    }
  };
  const primary = (): Node => {
    const t = peek();
    if (!t) throw new ExpressionError('unexpected end of expression');
    pos++;
    if (t.kind === 'num') return { type: 'literal', value: t.value };
    if (t.kind === 'str') return { type: 'literal', value: t.value };
    if (t.kind === 'punct') {
      if (t.value === '(') {
        const inner = binary(0);
        expect(')');
        return inner;
      }
      throw new ExpressionError(`unexpected ${t.value}`);
    }
    if (t.value === 'true' || t.value === 'false') return { type: 'literal', value: t.value === 'true' };
    if (t.value === 'null') return { type: 'literal', value: null };
    if (isPunct('(')) {
      pos++;
      const args: Node[] = [];
      if (!isPunct(')')) {
        for (;;) {
          args.push(binary(0));
          if (isPunct(',')) {
            pos++;
            continue;
          }
          break;
        }
      }
      expect(')');
      return { type: 'call', name: t.value.toLowerCase(), args };
    }
    return { type: 'path', root: t.value.toLowerCase(), parts: [] };
  };
  const result = binary(0);
  if (pos !== tokens.length) throw new ExpressionError('unexpected text after the expression');
  return result;
}

function appendPart(node: Node, part: string | Node): Node {
  if (node.type === 'path') return { ...node, parts: [...node.parts, part] };
  // `fromJSON(x).key` and the like: not a context, its value is not followed.
  return { type: 'call', name: '(member)', args: [node] };
}

// ── evaluation ───────────────────────────────────────────────────────────────

function truthOf(value: Value): boolean | undefined {
  if (!value.known) return value.truthy;
  const v = value.value;
  if (v === null || v === false || v === '') return false;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return true;
}

function toNumber(v: Json): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v);
  return Number.NaN;
}

/** GitHub's string conversion: null → '', booleans and numbers as written, objects as JSON. */
export function stringify(v: Json): string {
  if (v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function looseEquals(a: Json, b: Json): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'object' && a !== null) return a === b;
  if (typeof b === 'object' && b !== null) return false;
  if (typeof a === typeof b) return a === b;
  return toNumber(a) === toNumber(b);
}

function compare(op: string, a: Json, b: Json): boolean {
  if (op === '==') return looseEquals(a, b);
  if (op === '!=') return !looseEquals(a, b);
  let x: number | string;
  let y: number | string;
  if (typeof a === 'string' && typeof b === 'string') {
    x = a.toLowerCase();
    y = b.toLowerCase();
  } else {
    x = toNumber(a);
    y = toNumber(b);
  }
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

function format(template: string, args: Json[]): Value {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === '{' && template[i + 1] === '{') {
      out += '{';
      i++;
    } else if (c === '}' && template[i + 1] === '}') {
      out += '}';
      i++;
    } else if (c === '{') {
      const close = template.indexOf('}', i);
      const index = Number(template.slice(i + 1, close));
      if (close < 0 || !Number.isInteger(index) || index >= args.length) return UNKNOWN;
      out += stringify(args[index]!);
      i = close;
    } else out += c;
  }
  return known(out);
}

function callFunction(name: string, args: Value[]): Value {
  switch (name) {
    case 'success':
    case 'always':
      return known(true);
    case 'failure':
    case 'cancelled':
      return known(false);
  }
  if (args.some((a) => !a.known)) return UNKNOWN;
  const values = args.map((a) => (a.known ? a.value : null));
  switch (name) {
    case 'contains': {
      const [search, item] = values;
      if (search === undefined || item === undefined) return UNKNOWN;
      if (Array.isArray(search)) return known(search.some((entry) => looseEquals(entry, item)));
      return known(stringify(search).toLowerCase().includes(stringify(item).toLowerCase()));
    }
    case 'startswith':
    case 'endswith': {
      const [text, affix] = values;
      if (text === undefined || affix === undefined) return UNKNOWN;
      const a = stringify(text).toLowerCase();
      const b = stringify(affix).toLowerCase();
      return known(name === 'startswith' ? a.startsWith(b) : a.endsWith(b));
    }
    case 'format': {
      const [template, ...rest] = values;
      return typeof template === 'string' ? format(template, rest) : UNKNOWN;
    }
    case 'join': {
      const [list, separator] = values;
      if (list === undefined) return UNKNOWN;
      const sep = separator === undefined ? ',' : stringify(separator);
      return known(Array.isArray(list) ? list.map(stringify).join(sep) : stringify(list));
    }
    case 'tojson':
      return values[0] === undefined ? UNKNOWN : known(JSON.stringify(values[0], null, 2));
    case 'fromjson': {
      const [text] = values;
      if (typeof text !== 'string') return UNKNOWN;
      try {
        return known(JSON.parse(text) as Json);
      } catch {
        return UNKNOWN;
      }
    }
    default:
      return UNKNOWN;
  }
}

export function evaluate(node: Node, lookup: Lookup): Value {
  switch (node.type) {
    case 'literal':
      return known(node.value);
    case 'path': {
      const parts: string[] = [node.root];
      for (const part of node.parts) {
        if (typeof part === 'string') {
          parts.push(part);
          continue;
        }
        const index = evaluate(part, lookup);
        if (!index.known) return UNKNOWN;
        parts.push(stringify(index.value));
      }
      return lookup(parts);
    }
    case 'call':
      return callFunction(node.name, node.args.map((arg) => evaluate(arg, lookup)));
    case 'not': {
      const truth = truthOf(evaluate(node.operand, lookup));
      return truth === undefined ? UNKNOWN : known(!truth);
    }
    case 'binary': {
      const left = evaluate(node.left, lookup);
      if (node.op === '&&' || node.op === '||') {
        const lt = truthOf(left);
        const shortCircuit = node.op === '&&' ? lt === false : lt === true;
        if (shortCircuit) return left;
        const right = evaluate(node.right, lookup);
        if (lt !== undefined) return right;
        // Left unknown: only a right side that decides the result on its own is informative.
        const rt = truthOf(right);
        if (node.op === '&&' && rt === false) return { known: false, truthy: false };
        if (node.op === '||' && rt === true) return { known: false, truthy: true };
        return UNKNOWN;
      }
      const right = evaluate(node.right, lookup);
      if (!left.known || !right.known) return UNKNOWN;
      return known(compare(node.op, left.value, right.value));
    }
  }
}

/** The `${{ … }}` spans of a string: start and end offsets and the inner expression text. */
export function templateSpans(text: string): { start: number; end: number; expression: string }[] {
  const spans: { start: number; end: number; expression: string }[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('${{', from);
    if (start < 0) return spans;
    // The closing `}}` is the first one outside a string literal.
    let i = start + 3;
    let inString = false;
    let end = -1;
    for (; i < text.length; i++) {
      if (text[i] === "'") inString = !inString;
      else if (!inString && text.startsWith('}}', i)) {
        end = i + 2;
        break;
      }
    }
    if (end < 0) return spans;
    spans.push({ start, end, expression: text.slice(start + 3, end - 2) });
    from = end;
  }
}

/** Evaluates an expression text; a text that does not parse is unknown (and says so). */
export function evaluateText(expression: string, lookup: Lookup): Value {
  try {
    return evaluate(parseExpression(expression), lookup);
  } catch {
    return UNKNOWN;
  }
}

/** Whether an expression text parses (an `if:` that does not is a workflow GitHub rejects). */
export function parses(expression: string): boolean {
  try {
    parseExpression(expression);
    return true;
  } catch {
    return false;
  }
}

/**
 * An `if:` value (string, YAML boolean or number) in a run where everything so far succeeded.
 * A missing `if:` is `true`.
 */
export function evaluateCondition(raw: unknown, lookup: Lookup): Truth {
  if (raw === undefined || raw === null) return 'true';
  if (typeof raw === 'boolean') return raw ? 'true' : 'false';
  if (typeof raw === 'number') return raw !== 0 ? 'true' : 'false';
  if (typeof raw !== 'string') return 'unknown';
  const spans = templateSpans(raw);
  let expression = raw;
  if (spans.length > 0) {
    const only = spans.length === 1 && spans[0]!.start === 0 && spans[0]!.end === raw.length;
    // Text around a `${{ }}` makes the condition a non-empty string: always true.
    if (!only) return 'true';
    expression = spans[0]!.expression;
  }
  if (expression.trim() === '') return 'unknown';
  const truth = truthOf(evaluateText(expression, lookup));
  return truth === undefined ? 'unknown' : truth ? 'true' : 'false';
}

/**
 * Replaces each `${{ expr }}` of a string whose value is known by its string form; unknown ones
 * are kept as written, so a gate command in the text is still found.
 */
export function interpolate(text: string, lookup: Lookup): { text: string; unknown: string[] } {
  const spans = templateSpans(text);
  if (spans.length === 0) return { text, unknown: [] };
  let out = '';
  let at = 0;
  const unknown: string[] = [];
  for (const span of spans) {
    out += text.slice(at, span.start);
    const value = evaluateText(span.expression, lookup);
    if (value.known) out += stringify(value.value);
    else {
      out += text.slice(span.start, span.end);
      unknown.push(span.expression.trim());
    }
    at = span.end;
  }
  return { text: out + text.slice(at), unknown };
}

/**
 * Values under one context name (`matrix`, `inputs`), followed into objects and arrays. A missing
 * property is unknown, or null when the values are `complete` (a matrix cell is known in full, and
 * GitHub gives null for a property it does not have).
 */
export function lookupIn(root: string, values: Readonly<Record<string, Json>>, complete = false): Lookup {
  const missing: Value = complete ? known(null) : UNKNOWN;
  return (path) => {
    if (path[0] !== root) return UNKNOWN;
    let current: Json = values;
    for (const key of path.slice(1)) {
      if (current === null || typeof current !== 'object') return missing;
      const next: Json | undefined = Array.isArray(current) ? current[Number(key)] : Object.hasOwn(current, key) ? current[key] : undefined;
      if (next === undefined) return missing;
      current = next;
    }
    return known(current);
  };
}

/** The first lookup that knows a value wins. */
export function chainLookups(...lookups: Lookup[]): Lookup {
  return (path) => {
    for (const lookup of lookups) {
      const value = lookup(path);
      if (value.known) return value;
    }
    return UNKNOWN;
  };
}
