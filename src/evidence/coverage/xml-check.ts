/**
 * A well-formedness check run before fast-xml-parser, which is lenient by design: it accepts a
 * truncated document, a mismatched closing tag or an unquoted attribute and silently returns
 * part of the tree. For evidence that must fail closed, a partial tree is a wrong answer, so the
 * document is first checked here, with the line and column of the first problem.
 *
 * It covers the XML a coverage tool writes: declaration, comments, processing instructions, a
 * DOCTYPE without an internal subset (refused: entity definitions are how XML bombs are built and
 * no cobertura writer emits them), elements, quoted attributes, CDATA, text and entity references.
 */

export interface XmlProblem {
  readonly offset: number;
  readonly problem: string;
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const SPACE = /\s*/y;
const ENTITY = /&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z_][\w.-]*);/y;

export function findXmlProblem(text: string): XmlProblem | null {
  const stack: string[] = [];
  let rootSeen = false;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const textEnd = lt === -1 ? text.length : lt;
    const textProblem = checkText(text, i, textEnd, stack.length > 0);
    if (textProblem !== null) return textProblem;
    if (lt === -1) break;
    const step = markup(text, lt, stack, rootSeen);
    if ('problem' in step) return step;
    if (step.openedRoot) rootSeen = true;
    i = step.next;
  }
  if (stack.length > 0) return { offset: text.length, problem: `<${stack[stack.length - 1]!}> is not closed (truncated?)` };
  if (!rootSeen) return { offset: 0, problem: 'no root element' };
  return null;
}

function checkText(text: string, from: number, to: number, insideRoot: boolean): XmlProblem | null {
  // Search a slice, not `text` from an offset: indexOf on the whole document would rescan to its
  // end for every text node and make a large report quadratic.
  const segment = text.slice(from, to);
  for (let amp = segment.indexOf('&'); amp !== -1; amp = segment.indexOf('&', amp + 1)) {
    ENTITY.lastIndex = amp;
    if (!ENTITY.test(segment)) return { offset: from + amp, problem: "'&' that does not start an entity reference" };
  }
  if (!insideRoot && segment.trim() !== '') return { offset: from, problem: 'text outside the root element' };
  return null;
}

type Step = { next: number; openedRoot: boolean } | XmlProblem;

function markup(text: string, lt: number, stack: string[], rootSeen: boolean): Step {
  const until = (terminator: string, what: string): Step => {
    const end = text.indexOf(terminator, lt);
    return end === -1 ? { offset: lt, problem: `unterminated ${what}` } : { next: end + terminator.length, openedRoot: false };
  };
  if (text.startsWith('<?', lt)) return until('?>', 'processing instruction');
  if (text.startsWith('<!--', lt)) return until('-->', 'comment');
  if (text.startsWith('<![CDATA[', lt)) {
    return stack.length === 0 ? { offset: lt, problem: 'CDATA outside the root element' } : until(']]>', 'CDATA section');
  }
  if (text.startsWith('<!DOCTYPE', lt)) {
    const end = text.indexOf('>', lt);
    if (end === -1) return { offset: lt, problem: 'unterminated DOCTYPE' };
    if (rootSeen || stack.length > 0) return { offset: lt, problem: 'DOCTYPE after the root element' };
    if (text.slice(lt, end).includes('[')) return { offset: lt, problem: 'DOCTYPE with an internal subset (entity definitions) is not accepted' };
    return { next: end + 1, openedRoot: false };
  }
  if (text.startsWith('</', lt)) return closingTag(text, lt, stack);
  return openingTag(text, lt, stack, rootSeen);
}

function closingTag(text: string, lt: number, stack: string[]): Step {
  NAME.lastIndex = lt + 2;
  const name = NAME.exec(text)?.[0];
  if (name === undefined) return { offset: lt, problem: 'closing tag without a name' };
  SPACE.lastIndex = NAME.lastIndex;
  SPACE.exec(text);
  if (text[SPACE.lastIndex] !== '>') return { offset: SPACE.lastIndex, problem: `expected '>' to end </${name}>` };
  const open = stack.pop();
  if (open !== name) return { offset: lt, problem: open === undefined ? `</${name}> without an opening tag` : `</${name}> closes <${open}>` };
  return { next: SPACE.lastIndex + 1, openedRoot: false };
}

function openingTag(text: string, lt: number, stack: string[], rootSeen: boolean): Step {
  NAME.lastIndex = lt + 1;
  const name = NAME.exec(text)?.[0];
  if (name === undefined) return { offset: lt, problem: "'<' that does not start a tag" };
  if (stack.length === 0 && rootSeen) return { offset: lt, problem: `second root element <${name}>` };
  const seen = new Set<string>();
  let at = NAME.lastIndex;
  for (;;) {
    SPACE.lastIndex = at;
    const spaced = (SPACE.exec(text)?.[0].length ?? 0) > 0;
    at = SPACE.lastIndex;
    if (text.startsWith('/>', at)) return { next: at + 2, openedRoot: stack.length === 0 };
    if (text[at] === '>') {
      stack.push(name);
      return { next: at + 1, openedRoot: stack.length === 1 };
    }
    if (at >= text.length) return { offset: lt, problem: `unterminated tag <${name}> (truncated?)` };
    const attribute = readAttribute(text, at, spaced);
    if ('problem' in attribute) return attribute;
    if (seen.has(attribute.name)) return { offset: at, problem: `attribute '${attribute.name}' repeated` };
    seen.add(attribute.name);
    at = attribute.next;
  }
}

function readAttribute(text: string, at: number, spaced: boolean): { name: string; next: number } | XmlProblem {
  NAME.lastIndex = at;
  const name = NAME.exec(text)?.[0];
  if (name === undefined || !spaced) return { offset: at, problem: 'malformed attribute' };
  SPACE.lastIndex = NAME.lastIndex;
  SPACE.exec(text);
  if (text[SPACE.lastIndex] !== '=') return { offset: at, problem: `attribute '${name}' without a value` };
  SPACE.lastIndex += 1;
  SPACE.exec(text);
  const quote = text[SPACE.lastIndex];
  if (quote !== '"' && quote !== "'") return { offset: SPACE.lastIndex, problem: `attribute '${name}' value is not quoted` };
  const start = SPACE.lastIndex + 1;
  const end = text.indexOf(quote, start);
  if (end === -1) return { offset: at, problem: `attribute '${name}' value is not terminated` };
  const lt = text.slice(start, end).indexOf('<');
  if (lt !== -1) return { offset: start + lt, problem: `'<' inside the value of attribute '${name}'` };
  const entityProblem = checkText(text, start, end, true);
  return entityProblem ?? { name, next: end + 1 };
}
