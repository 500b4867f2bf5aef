/**
 * Turns an agent's report (Markdown, or a plain commit message) into the pieces a claim can be
 * read from: sentences of the agent's own prose, rows of its tables, and lines of tool output it
 * pasted in fences. Everything that is not the agent asserting its own result is dropped here:
 * HTML comments (PR templates), block quotes (quoted issue text), unchecked task items, and
 * sections that are plans or problem statements ("Next steps", "TODO", "Problem", …).
 *
 * Line-oriented and linear: no regular expression here can backtrack over more than one line.
 */

/** A sentence of prose, with the 1-based line it starts on. */
export interface ProseSentence {
  readonly type: 'prose';
  readonly line: number;
  /** Markdown decoration removed, code spans unwrapped, check-mark emoji normalised to ✓/✗. */
  readonly text: string;
}

/** A row of a Markdown table, with the header cells of its table. */
export interface TableRow {
  readonly type: 'row';
  readonly line: number;
  readonly cells: readonly string[];
  readonly header: readonly string[];
}

/** A line inside a fenced code block: only tool summaries are read from it, never prose. */
export interface OutputLine {
  readonly type: 'output';
  readonly line: number;
  readonly text: string;
}

export type Piece = ProseSentence | TableRow | OutputLine;

/**
 * Headings under which nothing is a claim of what was done: plans, open work, and the problem
 * as it stood before the change (an issue's "coverage is at 72%" is not the agent's result).
 */
const NON_CLAIM_SECTION =
  /^(?:to ?do|todos|next steps?|follow[- ]?ups?|future work|future|plan|planned|remaining(?: work)?|open questions?|known (?:issues|limitations)|limitations|not (?:yet )?done|out of scope|what'?s left|still to do|left to do|before|problem|problem statement|background|context|motivation|issue|original issue|the issue|bug|bug report|steps to reproduce|reproduction|root cause|previous state|current behaviou?r|expected behaviou?r|acceptance criteria|requirements|task|ticket)\b/i;

/** Characters one line may contribute; a claim is never longer, and this bounds every regex. */
const MAX_LINE = 4000;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+|$)(.*)$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
const CHECKBOX = /^\[([ xX])\]\s*/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const TRAILER = /^[A-Z][A-Za-z-]{1,40}: \S/;
const TRAILER_KEYS = /^(?:co-authored-by|signed-off-by|reviewed-by|acked-by|tested-by|reported-by|change-id|cc|refs?|see-also|helped-by|suggested-by)$/i;

export function splitMarkdown(text: string): Piece[] {
  const lines = stripHtmlComments(text).split(/\r\n|\n|\r/);
  const pieces: Piece[] = [];
  let fence: string | null = null;
  /** Level of the non-claim section heading we are under, or null. */
  let skipLevel: number | null = null;
  /** A bold or plain "Next steps:" label: skips until a heading, or a paragraph after a blank line. */
  let labelSkip = false;
  let afterBlank = false;
  let header: string[] | null = null;
  let paragraph: { line: number; parts: { line: number; text: string }[] } | null = null;

  const flush = () => {
    if (paragraph !== null) pieces.push(...sentences(paragraph.parts));
    paragraph = null;
  };

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!.slice(0, MAX_LINE);
    const line = index + 1;
    if (fence !== null) {
      if (raw.trim().startsWith(fence) && raw.trim().replace(/[`~]/g, '') === '') fence = null;
      else if (skipLevel === null && !labelSkip) pieces.push({ type: 'output', line, text: raw });
      continue;
    }
    const open = FENCE_OPEN.exec(raw);
    if (open !== null) {
      flush();
      fence = open[1]!;
      continue;
    }
    if (raw.trim() === '') {
      flush();
      header = null;
      afterBlank = true;
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading !== null) {
      flush();
      header = null;
      const level = heading[1]!.length;
      if (skipLevel !== null && level <= skipLevel) skipLevel = null;
      labelSkip = false;
      if (skipLevel === null && NON_CLAIM_SECTION.test(cleanInline(heading[2]!).replace(/^[^\p{L}]+/u, ''))) skipLevel = level;
      afterBlank = false;
      continue;
    }
    const isItem = LIST_ITEM.test(raw);
    const label = labelOf(raw);
    if (label !== null) {
      flush();
      afterBlank = false;
      // "Next steps:" opens a section; "TODO: add tests" on one line is only that line.
      if (label.rest === '') labelSkip = NON_CLAIM_SECTION.test(label.title);
      if (label.rest === '' || NON_CLAIM_SECTION.test(label.title)) continue;
    }
    if (labelSkip && afterBlank && !isItem && !/^\s/.test(raw)) labelSkip = false;
    afterBlank = false;
    if (skipLevel !== null || labelSkip) continue;
    if (/^ {0,3}>/.test(raw)) {
      // Quoted text is someone else's words (the issue, a reviewer), not the agent's result.
      flush();
      continue;
    }
    if (/^\s*\|/.test(raw)) {
      flush();
      if (TABLE_SEPARATOR.test(raw)) continue;
      const cells = tableCells(raw);
      const next = lines[index + 1];
      if (header === null && next !== undefined && TABLE_SEPARATOR.test(next)) {
        header = cells;
        continue;
      }
      pieces.push({ type: 'row', line, cells, header: header ?? [] });
      continue;
    }
    let body = raw;
    if (isItem) {
      flush();
      body = raw.replace(LIST_ITEM, '');
      const box = CHECKBOX.exec(body);
      if (box !== null) {
        // An unchecked box is a plan item, not something done.
        if (box[1] === ' ') continue;
        body = body.slice(box[0].length);
      }
    } else if (TRAILER.test(raw.trim())) {
      // Git trailers: only issue references ("Fixes: #12") can carry a claim.
      const key = raw.trim().slice(0, raw.trim().indexOf(':'));
      if (TRAILER_KEYS.test(key)) {
        flush();
        continue;
      }
    }
    const cleaned = cleanInline(body);
    if (cleaned === '') continue;
    if (paragraph === null || isItem) {
      flush();
      paragraph = { line, parts: [] };
    }
    (paragraph as { parts: { line: number; text: string }[] }).parts.push({ line, text: cleaned });
  }
  flush();
  return pieces;
}

/** `**Next steps:**`, `Next steps:`, `**TODO**: add tests` — a label that opens or is a section. */
function labelOf(raw: string): { title: string; rest: string } | null {
  const body = raw.replace(LIST_ITEM, '').trim();
  const match = /^(?:\*\*|__)?([^*_:|`]{1,40}?)(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s*(.*)$/.exec(body);
  if (match === null) return null;
  const title = cleanInline(match[1]!).replace(/^[^\p{L}]+/u, '');
  const rest = match[2]!.trim();
  // Only plan labels open a section; any other "Label: text" line is ordinary prose.
  if (rest !== '' && !NON_CLAIM_SECTION.test(title)) return null;
  if (rest === '' && !/^(?:\*\*|__)/.test(body) && !NON_CLAIM_SECTION.test(title)) return null;
  return { title, rest };
}

function tableCells(raw: string): string[] {
  let body = raw.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|')) body = body.slice(0, -1);
  return body.split(/(?<!\\)\|/).map((cell) => cleanInline(cell));
}

/** Replaces `<!-- … -->` with blanks, keeping line breaks so line numbers stay right. */
export function stripHtmlComments(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const start = text.indexOf('<!--', at);
    if (start === -1) return out + text.slice(at);
    const end = text.indexOf('-->', start + 4);
    const stop = end === -1 ? text.length : end + 3;
    out += text.slice(at, start) + text.slice(start, stop).replace(/[^\n]/g, ' ');
    at = stop;
  }
}

const CHECK = /(?:✅|✔️|✔|☑️|☑|✓|🟢|\u2705)/gu;
const CROSS = /(?:❌|✖️|✖|✗|✘|🔴|⛔|🚫)/gu;

/** Markdown decoration off, code spans unwrapped, check marks as ✓ and crosses as ✗, whitespace collapsed. */
export function cleanInline(text: string): string {
  const spans: string[] = [];
  let body = text.replace(/`+([^`]*)`+/g, (_all, code: string) => {
    spans.push(code.trim());
    return `\uE000${spans.length - 1}\uE001`;
  });
  body = body
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/\*\*|__|~~/g, '')
    .replace(/(^|[\s(])[*_](?=\S)/g, '$1')
    .replace(/(?<=\S)[*_](?=$|[\s).,:;!?])/g, '')
    .replace(CHECK, ' ✓ ')
    .replace(CROSS, ' ✗ ')
    .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  body = body.replace(/\uE000(\d+)\uE001/g, (_all, index: string) => spans[Number(index)]!);
  return body.replace(/\s+/g, ' ').trim();
}

/**
 * Sentences of one paragraph (or list item with its continuation lines), each with the line it
 * starts on. Splits after `.`, `!` or `?` followed by a space, but not inside numbers or file
 * names (`92.5%`, `src/cart.ts`), which have no space after the dot.
 */
function sentences(parts: readonly { line: number; text: string }[]): ProseSentence[] {
  const out: ProseSentence[] = [];
  let current = '';
  let startLine = parts[0]?.line ?? 1;
  for (const part of parts) {
    const chunks = part.text.split(/(?<=[.!?])\s+(?=[^a-z0-9])/);
    chunks.forEach((chunk, index) => {
      if (index > 0 && current !== '') {
        out.push({ type: 'prose', line: startLine, text: current });
        current = '';
      }
      if (current === '') startLine = part.line;
      current = current === '' ? chunk : `${current} ${chunk}`;
    });
    // A hard-wrapped line that ends a sentence closes it; otherwise the sentence continues.
    if (/[.!?]$/.test(current)) {
      out.push({ type: 'prose', line: startLine, text: current });
      current = '';
    }
  }
  if (current !== '') out.push({ type: 'prose', line: startLine, text: current });
  return out;
}
