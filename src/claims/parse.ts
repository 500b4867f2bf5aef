/**
 * Reads what an agent says it did and verified out of its report, PR description and commit
 * messages. Deterministic and local: a fixed set of patterns over Markdown pieces, no model, no
 * network. Recall is traded for precision where they conflict — a claim that is not there but is
 * reported as contradicted accuses the agent of something it never said, while a missed claim
 * only leaves a sentence unchecked.
 *
 * Every regular expression runs over one sentence, table row or output line (bounded in
 * length by the splitter) and has no nested unbounded quantifiers, so a 20 KB report parses in a
 * few milliseconds and a pathological one cannot stall the audit.
 */
import { stripVTControlCharacters } from 'node:util';
import type { CoverageMetric } from '../evidence/coverage/model.js';
import { splitMarkdown, type Piece } from './markdown.js';
import type { Claim, ClaimSource } from './model.js';

export interface ClaimText {
  readonly origin: 'report' | 'pr' | 'commit';
  readonly name: string;
  readonly text: string;
}

/** A claim before its text and source are attached, with where in the clause it was found. */
type Body = DistributiveOmit<Claim, 'text' | 'source'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
interface Hit {
  readonly at: number;
  readonly body: Body;
}

export function parseClaims(texts: readonly ClaimText[]): Claim[] {
  const claims: Claim[] = [];
  const seen = new Set<string>();
  for (const input of texts) {
    for (const piece of splitMarkdown(input.text)) {
      const source: ClaimSource = { origin: input.origin, name: input.name, line: piece.line };
      for (const body of claimsOfPiece(piece)) {
        // Same kind and same values from the same text: the first mention stands for all.
        const key = `${input.origin}\u0000${input.name}\u0000${JSON.stringify(body)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        claims.push({ ...body, text: textOf(piece), source });
      }
    }
  }
  return claims;
}

/** The claim as a person quotes it: the agent's check marks (normalised to ✓/✗ for reading) are decoration, not words. */
function textOf(piece: Piece): string {
  const text = piece.type === 'row' ? piece.cells.filter((cell) => cell !== '').join(' | ') : piece.text.replace(/\s+/g, ' ').trim();
  return text.replace(/^(?:[✓✗]\s*)+/u, '').replace(/(?:\s*[✓✗])+$/u, '').trim() || text;
}

function claimsOfPiece(piece: Piece): Body[] {
  if (piece.type === 'output') return outputClaims(piece.text);
  if (piece.type === 'row') return rowClaims(piece.cells, piece.header);
  return clauses(unquoted(piece.text)).flatMap((clause) => clauseClaims(clause));
}

/**
 * Text in double quotes is reported speech — the issue, a reviewer, a tool's message, another
 * agent's words ('it reported "100% coverage"') — not the agent asserting its own result.
 */
function unquoted(sentence: string): string {
  return sentence.replace(/"[^"]{0,300}"|“[^”]{0,300}”|‘[^’]{0,300}’/g, ' … ').replace(SINGLE_QUOTED, '$1 … ').replace(CONVENTIONAL_TYPE, '');
}

/**
 * Text in single quotes ('enforce 100% coverage' read as a claim), told apart from apostrophes:
 * the quote opens after a space, bracket or the start and closes before a space, punctuation or
 * the end; an apostrophe inside a word (I'll, don't) does not close it.
 */
const SINGLE_QUOTED = /(^|[\s([{])'(?:[^'\n]|'(?=\p{L}))+'(?=[\s.,;:!?)\]}]|$)/gu;

/**
 * A Conventional Commits type ("test:", "build(deps):") names the area, not a result: "test: Pass
 * the option". Lower case and not before a number, so jest's "Tests: 142 passed" is still read.
 */
const CONVENTIONAL_TYPE = /^(?:feat|fix|test|tests|chore|docs|refactor|perf|build|ci|style|revert)(?:\([^)]{0,40}\))?!?:\s+(?=\D)/;

// ---------------------------------------------------------------------------------------------
// Clauses and the words that take a claim back.

/** Splits a sentence where its assertion can change: `;`, dashes, "but", "however", "although". */
function clauses(sentence: string): string[] {
  return sentence
    .split(/;\s+|\s+[—–]\s+|,?\s+(?:but|however|although|though|whereas)\s+/i)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
}

/**
 * The part of a clause a claim's qualifiers live in: from the last comma, "and", "then" or colon
 * before the match. "Fixed the failing test, and all tests pass" must not read "failing" as
 * taking back "all tests pass".
 */
function localPrefix(clause: string, at: number): string {
  const before = clause.slice(Math.max(0, at - 120), at);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(':'), lastWord(before, ' and '), lastWord(before, ' then '), lastWord(before, ' so '));
  return cut === -1 ? before : before.slice(cut + 1);
}

function lastWord(text: string, word: string): number {
  const index = text.toLowerCase().lastIndexOf(word);
  return index === -1 ? -1 : index + word.length - 2;
}

/** Phrases with a negative word that assert something positive: removed before looking for negation. */
const POSITIVE_NEGATIVES =
  /\b(?:no|zero|0|without(?: any)?)\s+(?:new\s+)?(?:\w+\s+)?(?:failures?|failed|failing(?: tests?)?|errors?|problems|warnings|issues|violations)\b/gi;
const NEGATION =
  /(?:\b(?:not|no longer|never|cannot|unable|yet to|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|can't|hasn't|haven't|fail|fails|failed|failing|failure|failures|broken|almost|nearly|short of|below|under|less than|instead of)\b|✗)/i;
const HEDGE =
  /\b(?:should|would|could|can|i'll|let me|happy to|asked to|to (?:raise|reach|get|bring|increase|improve|push|achieve|hit)|consider|recommend|suggest|remember to|forget to|might|may|will|once|hopefully|probably|presumably|expect|expected to|need to|needs to|must|going to|plan to|planned|want to|aim|aims|aiming|goal|ensure|make sure|verify that|check that|confirm that|try to|until|please|todo|to do|tbd|pending|if|whether|(?:read|counted|treated|taken|parsed|classified|recogni[sz]ed) as|mistaken for)\b/i;
/** Said of the base or of the past: "was 72% before", "previously all tests passed". */
const HISTORY = /\b(?:before|previously|prior to|originally|used to|formerly|baseline|on main|on master|on the base branch|was at|were at)\b/i;
/** Anywhere in a clause: the clause is a plan or a status that says it is not done. */
const NOT_DONE = /\b(?:todo|tbd|wip|pending|not started|in progress|planned|if you (?:want|like|'d like)|want me to|shall i|let me know)\b/i;
/** An admitted exception: "tests pass except the flaky one" does not claim that the tests pass. */
const EXCEPTION = /\b(?:except|apart from|other than|besides|excluding|with the exception of)\b/i;

function takenBack(clause: string, at: number, end: number): boolean {
  const prefix = localPrefix(clause, at).replace(POSITIVE_NEGATIVES, ' ');
  const after = clause.slice(end, end + 40);
  if (NEGATION.test(prefix) || HISTORY.test(prefix)) return true;
  // A modal governs everything after it in the clause: "I'll fix the rounding and add a test".
  if (HEDGE.test(clause.slice(0, at))) return true;
  if (/^\s*(?:yet|before|previously|on main|once|if|when)\b/i.test(after) || /^\s*\?/.test(after)) return true;
  // A question asserts nothing: "all tests pass on Windows too?"
  return NOT_DONE.test(clause) || EXCEPTION.test(clause) || /\?\s*$/.test(clause);
}

// ---------------------------------------------------------------------------------------------
// Gates: tests, lint, types, build — "<gate> [words] <passes>".

const COUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const TESTS_WORD = String.raw`(?:\b(?:all|every)\s+(?:${COUNT}\s+)?(?:of\s+the\s+)?)?(?:\b${COUNT}\s+)?(?:\b(?:the|existing|new|remaining|unit|integration|e2e|end-to-end|regression|jest|vitest|pytest|python|api)\s+){0,3}(?:\btest\s+suites?|\btests?|\bspecs?|\btest\s+cases?|\btest\s+run)\b|\b(?:npm|pnpm|yarn|bun)(?:\s+run)?\s+test(?::[\w-]+)?\b|\b(?:npx\s+)?(?:vitest(?:\s+run)?|jest|pytest|mocha|go\s+test(?:\s+\.\/\.\.\.)?|cargo\s+test|playwright\s+test)\b`;
const LINT_WORD = String.raw`\b(?:lint(?:ing|er|s)?|eslint(?:\s+\.)?|(?:npm|pnpm|yarn|bun)(?:\s+run)?\s+lint(?::[\w-]+)?|ruff(?:\s+check)?|biome(?:\s+(?:check|lint))?|flake8|pylint|golangci-lint|clippy|stylelint)(?![\w-])`;
const TYPES_WORD = String.raw`\b(?:tsc(?:\s+(?:--noEmit|-p\s+[\w./-]+|-b))*|typecheck(?:ing|s)?|type-check(?:ing|s)?|type\s+check(?:ing|s)?|types|typescript(?:\s+compiler)?|(?:npm|pnpm|yarn|bun)(?:\s+run)?\s+(?:typecheck|type-check|tsc|types)|mypy(?:\s+[\w./-]+)?|pyright)(?![\w-])`;
const BUILD_WORD = String.raw`\b(?:builds?|the\s+build|production\s+build|(?:npm|pnpm|yarn|bun)(?:\s+run)?\s+build(?::[\w-]+)?|cargo\s+build|go\s+build|vite\s+build|next\s+build|compil(?:ation|es))(?![\w-])`;
/** Words that may stand between a gate and its verdict: other gates, "now", "all", "locally", … */
const GAP = String.raw`(?:\s?(?:[,:&/+]|\((?:[^()]{0,40})\)|\b(?:and|the|all|now|still|both|are|is|was|were|run|runs|ran|checks?|locally|in\s+ci|on\s+ci|typecheck|type-check|type\s+checks?|types|tsc|tests?|build|lint|eslint|unit|e2e|suite|step|job|everything|also|again|fully|cleanly|each|reports?|reported|shows?|showed|returns?|returned|gives|gave|npm|pnpm|yarn|npx|bun)\b)){0,12}?`;
const PASS = String.raw`(?:pass(?:es|ed|ing)?|continues?\s+to\s+pass|green|clean|succeed(?:s|ed)?|success(?:ful|fully)?|ok|okay|✓|no\s+(?:errors|issues|problems|warnings)|0\s+(?:errors|problems)|zero\s+errors|exit(?:s|ed)?\s+(?:with\s+)?0|without\s+(?:errors|warnings))\b|✓`;

const GATE_PATTERNS: readonly { kind: 'tests-pass' | 'lint-clean' | 'types-clean' | 'build-passes'; word: string }[] = [
  { kind: 'tests-pass', word: TESTS_WORD },
  { kind: 'lint-clean', word: LINT_WORD },
  { kind: 'types-clean', word: TYPES_WORD },
  { kind: 'build-passes', word: BUILD_WORD },
];
/** "No lint errors", "0 type errors": the gate named between a zero and its problems. */
const ZERO_PROBLEMS: Readonly<Record<string, string>> = {
  'tests-pass': String.raw`(?!)`,
  'lint-clean': String.raw`(?:lint|linting|linter|eslint|ruff|biome|stylelint)`,
  'types-clean': String.raw`(?:type|typing|typescript|ts|tsc|mypy|pyright)`,
  'build-passes': String.raw`(?:build|compile|compilation|compiler)`,
};
/**
 * A cheap first look per gate: the full patterns are large, and compiling one costs milliseconds
 * the first time it runs, so a clause that names no such gate never runs it.
 */
const GATE_HINT: Readonly<Record<string, RegExp>> = {
  'tests-pass': /test|spec|suite|jest|mocha|✓/i,
  'lint-clean': /lint|ruff|biome|flake8|clippy/i,
  'types-clean': /tsc|typ|mypy|pyright|\bts\b/i,
  'build-passes': /build|compil/i,
};
const GATE_REGEXES = GATE_PATTERNS.map(({ kind, word }) => ({
  kind,
  hint: GATE_HINT[kind]!,
  zero: new RegExp(`\\b(?:no|zero|0)\\s+(?:new\\s+)?${ZERO_PROBLEMS[kind]!}\\s+(?:errors?|warnings?|issues|problems|violations)\\b`, 'i'),
  verdict: new RegExp(`(?:${word})${GAP}\\s*(?:${PASS})`, 'gi'),
  checked: new RegExp(`^✓\\s*(?:npx\\s+)?(?:${word})(?:\\s*\\([^()]{0,60}\\))?\\s*[.!]?$`, 'i'),
}));

function gateClaims(clause: string): Hit[] {
  const hits: Hit[] = [];
  for (const { kind, hint, verdict, checked, zero } of GATE_REGEXES) {
    if (!hint.test(clause)) continue;
    const whole = checked.exec(clause);
    if (whole !== null) {
      hits.push({ at: 0, body: gateBody(kind, whole) });
      continue;
    }
    const none = zero.exec(clause);
    if (none !== null && !takenBack(clause, none.index, none.index)) {
      hits.push({ at: none.index, body: gateBody(kind, none) });
      continue;
    }
    for (const match of clause.matchAll(verdict)) {
      if (takenBack(clause, match.index, match.index + match[0].length)) continue;
      if (kind === 'build-passes' && /^compil/i.test(match[0]) && /\b(?:tsc|typescript)\b/i.test(clause)) continue;
      hits.push({ at: match.index, body: gateBody(kind, match) });
      break;
    }
  }
  return hits;
}

function gateBody(kind: 'tests-pass' | 'lint-clean' | 'types-clean' | 'build-passes', match: RegExpExecArray | RegExpMatchArray): Body {
  if (kind !== 'tests-pass') return { kind };
  const count = match[1] ?? match[2];
  return { kind, count: count === undefined ? null : toCount(count) };
}

function toCount(text: string): number {
  return Number(text.replace(/,/g, ''));
}

const TEST_CONTEXT = /\b(?:tests?|specs?|suites?|vitest|jest|pytest|mocha|cargo test|go test)\b|✓/i;

/** Test-run phrasings that are not "<gate> passes": counts, ratios, "no failures". */
function testCountClaims(clause: string): Hit[] {
  const ratio = /\b(\d+)\s*\/\s*(\d+)\s+(?:tests?\s+|specs?\s+)?(?:pass(?:ed|ing|es)?|green|✓)/i.exec(clause);
  if (ratio !== null) {
    // "140/142 tests passed" admits two did not: only an equal ratio claims they all pass.
    if (ratio[1] !== ratio[2] || takenBack(clause, ratio.index, ratio.index + ratio[0].length)) return [];
    return [{ at: ratio.index, body: { kind: 'tests-pass', count: Number(ratio[2]) } }];
  }
  const none = /\b(?:no|zero|0|without(?:\s+any)?)\s+(?:test\s+)?(?:failures?|failed(?:\s+tests)?|failing\s+tests)\b/i.exec(clause);
  const noneHit: Hit[] = none !== null && !takenBack(clause, none.index, none.index) ? [{ at: none.index, body: { kind: 'tests-pass', count: null } }] : [];
  if (!TEST_CONTEXT.test(clause)) {
    const mocha = new RegExp(`\\b${COUNT}\\s+passing\\b`, 'i').exec(clause);
    if (mocha === null || takenBack(clause, mocha.index, mocha.index + mocha[0].length)) return noneHit;
    return [{ at: mocha.index, body: { kind: 'tests-pass', count: toCount(mocha[1]!) } }];
  }
  const hits: Hit[] = [];
  const passed = new RegExp(`(?:✓\\s*)?\\b${COUNT}\\s+(?:(?:unit|integration|e2e)\\s+)?(?:tests?\\s+|specs?\\s+)?(?:pass(?:ed|ing|es)?)\\b|✓\\s*${COUNT}\\s+(?:tests?|specs?)\\b`, 'i').exec(clause);
  if (passed !== null && !/\b[1-9]\d*\s+(?:failed|failing|errors?)\b/i.test(clause) && !takenBack(clause, passed.index, passed.index + passed[0].length)) {
    hits.push({ at: passed.index, body: { kind: 'tests-pass', count: toCount(passed[1] ?? passed[2]!) } });
  }
  return [...hits, ...noneHit];
}

// ---------------------------------------------------------------------------------------------
// Coverage.

const METRIC_WORD = /\b(statements?|stmts|branch(?:es)?|functions?|funcs|lines?)\b(?!\s+(?:of\s+code|changed|added|removed|of\s+diff))/gi;
const PERCENT = /(≥|>=|>|~|≈|[+±-](?=\d))?\s*(\d{1,3}(?:\.\d{1,3})?)\s?%/g;
const COVERAGE_WORD = /\bcover(?:age|ed)?\b|\bcov\b/i;
/** Before a percentage: it is a threshold, a target, a base figure, or a delta, not the result. */
const NOT_RESULT_BEFORE =
  /\b(?:from|was|were|previously|baseline|base|before|threshold|thresholds|target|targets|goal|minimum|min|floor|required|requires|require|requirement|gate|limit|expected|by|old|main|enforces?|enforced|enforcing)\s*(?:(?:test\s+)?coverage\s*)?(?:of|at|is|was|to|:|=)?\s*(?:the\s+)?(?:≥|>=|>|~|≈)?\s*$/i;
/** After a percentage: the same, and percentages of things other than code. */
const NOT_RESULT_AFTER =
  /^\s*(?:→|->|=>|➡|threshold|target|goal|minimum|floor|gate|requirement|limit|before|previously|baseline|on\s+main|on\s+master|on\s+the\s+base|at\s+base|in\s+the\s+base|smaller|faster|slower|larger|fewer|less|more|reduction|increase|decrease|improvement|drop|of\s+(?!(?:the\s+)?(?:code|statements|branches|functions|lines|source|codebase\s+is\s+covered))\w)/i;
const AT_LEAST_BEFORE = /(?:≥|>=|>|\bat\s+least|\bover|\babove|\bmore\s+than|\bexceeds?|\bexceeding|\bgreater\s+than)\s*$/i;
const FULL_COVERAGE =
  /\b(?:full|complete)\s+(?:(?:test|code|unit\s+test|line|branch|statement|function)\s+)?coverage\b|\bfully\s+(?:test[- ])?covered\b|\bcovered\s+(?:fully|completely)\b/i;

function metricOf(word: string): CoverageMetric {
  const lower = word.toLowerCase();
  if (lower.startsWith('stat') || lower === 'stmts') return 'statements';
  if (lower.startsWith('branch')) return 'branches';
  if (lower.startsWith('func')) return 'functions';
  return 'lines';
}

function coverageClaims(clause: string): Hit[] {
  const hasCoverageWord = COVERAGE_WORD.test(clause);
  const metricWords = [...clause.matchAll(METRIC_WORD)].map((match) => ({ at: match.index, metric: metricOf(match[1]!) }));
  const percents = [...clause.matchAll(PERCENT)];
  const hits: Hit[] = [];
  // Metric labels precede their figure ("Lines: 100%, branches: 95%") or follow it ("100% lines").
  const labelsFirst = metricWords.length > 0 && percents.length > 0 && metricWords[0]!.at < percents[0]!.index;
  percents.forEach((match, index) => {
    const sign = match[1] ?? '';
    const value = Number(match[2]);
    if (value > 100 || /^[+±-]$/.test(sign)) return;
    const before = clause.slice(Math.max(0, match.index - 60), match.index + (match[0].length - match[0].trimStart().length));
    const after = clause.slice(match.index + match[0].length);
    if (NOT_RESULT_BEFORE.test(before) || NOT_RESULT_AFTER.test(after)) return;
    const previous = percents[index - 1];
    const next = percents[index + 1];
    const from = labelsFirst ? (previous === undefined ? 0 : previous.index + previous[0].length) : match.index;
    const to = labelsFirst ? match.index : next === undefined ? clause.length : next.index;
    const own = percents.length === 1 ? metricWords : metricWords.filter((word) => word.at >= from && word.at < to);
    const adjacent = /\b(?:statements?|stmts|branch(?:es)?|functions?|funcs|lines?)(?:\s+coverage)?\s*(?:[:=]|is|are|at|of)?\s*$/i.test(before) ||
      /^\s*(?:(?:of|across|for|on|in)\s+)?(?:the\s+|all\s+)?(?:statements?|stmts|branch(?:es)?|functions?|funcs|lines?)\b(?!\s+of\s+code)/i.test(after);
    if (!hasCoverageWord && !adjacent) return;
    if (takenBack(clause, match.index, match.index + match[0].length)) return;
    const metrics = [...new Set(own.map((word) => word.metric))];
    const relation = sign === '≥' || sign === '>=' || sign === '>' || AT_LEAST_BEFORE.test(before) ? 'at-least' : 'exactly';
    hits.push({ at: match.index, body: { kind: 'coverage', metrics: sortMetrics(metrics), percent: value, relation } });
  });
  mergeSameFigure(hits);
  if (hits.length === 0) {
    const full = FULL_COVERAGE.exec(clause);
    if (full !== null && !takenBack(clause, full.index, full.index + full[0].length)) {
      const metrics = [...full[0].matchAll(METRIC_WORD)].map((match) => metricOf(match[1]!));
      hits.push({ at: full.index, body: { kind: 'coverage', metrics: sortMetrics(metrics), percent: 100, relation: 'exactly' } });
    }
  }
  return hits;
}

/** "100% lines and 100% branches" is one claim of 100% over two metrics. */
function mergeSameFigure(hits: Hit[]): void {
  for (let index = 1; index < hits.length; index++) {
    const hit = hits[index]!.body;
    const first = hits.slice(0, index).find(
      (other) => other.body.kind === 'coverage' && hit.kind === 'coverage' && other.body.percent === hit.percent && other.body.relation === hit.relation && other.body.metrics.length > 0 && hit.metrics.length > 0,
    );
    if (first === undefined || first.body.kind !== 'coverage' || hit.kind !== 'coverage') continue;
    const metrics = sortMetrics([...first.body.metrics, ...hit.metrics]);
    hits[hits.indexOf(first)] = { at: first.at, body: { ...first.body, metrics } };
    hits.splice(index, 1);
    index--;
  }
}

const METRIC_ORDER: readonly CoverageMetric[] = ['statements', 'branches', 'functions', 'lines'];
function sortMetrics(metrics: readonly CoverageMetric[]): CoverageMetric[] {
  return METRIC_ORDER.filter((metric) => metrics.includes(metric));
}

// ---------------------------------------------------------------------------------------------
// Tests added or updated, behaviour, scope, issues.

const TESTS_ADDED = [
  /\b(?:added|adds|add|wrote|writes|write|written|introduced|introduces|introduce|created|creates|create|implemented|included|includes)\s+(?:(?:a|an|the|some|new|more|extra|additional|\d+|several|two|three|four|five|six|comprehensive|thorough|focused|regression|unit|integration|e2e|end-to-end|test|vitest|jest|pytest|missing|dedicated|edge-case|property-based)\s+){0,4}(?:tests?|specs?|test\s+cases?|test\s+coverage|coverage(?=\s+for\b))\b(?:\s+(?:for|covering|to\s+cover|around|on|that\s+cover|exercising)\s+([^,;()]{1,80}))?/i,
  /\bnew\s+(?:(?:unit|integration|e2e|regression)\s+)?(?:tests?|specs?|test\s+cases?)\s+(?:for|covering|in|on|around)\s+([^,;()]{1,80})/i,
  /\b(?:tests?|specs?|test\s+cases?)\s+(?:were\s+|have\s+been\s+|has\s+been\s+)?(?:added|written)\b(?:\s+(?:for|covering|to\s+cover)\s+([^,;()]{1,80}))?/i,
];
const TESTS_UPDATED = [
  /\b(?:updated|updates|update|adjusted|adjusts|adjust|fixed\s+up|modified|amended|refreshed|regenerated|rewrote|rewritten)\s+(?:(?:the|all|existing|affected|related|relevant|some|a\s+few|unit|e2e|integration|snapshot|old|\d+)\s+){0,3}(?:tests?|specs?|snapshots?|test\s+(?:cases|fixtures|expectations)|expectations|assertions)\b/i,
  /\b(?:tests?|specs?|snapshots?)\s+(?:were\s+|have\s+been\s+|are\s+)?(?:updated|adjusted|regenerated|refreshed|rewritten)\b/i,
];
const NO_BEHAVIOUR_CHANGE =
  /\bno\s+(?:functional|behaviou?ral|behaviou?r|logic|runtime|user-facing|observable|semantic)\s+(?:changes?|differences?|impact)\b|\bno\s+changes?\s+(?:in|to)\s+(?:behaviou?r|functionality|logic|semantics|output)\b|\b(?:pure|purely|just|only)\s+(?:a\s+)?refactor(?:ing)?\b|\brefactor(?:ing)?[- ]only\b|\bbehaviou?r\s+(?:is\s+|remains\s+|stays\s+)?(?:unchanged|identical|preserved|the\s+same)\b|\bbehaviou?r[- ]preserving\b|\bdoes(?:\s+not|n't)\s+change\s+(?:any\s+)?(?:runtime\s+)?behaviou?r\b|\bwithout\s+(?:changing|altering)\s+(?:any\s+)?(?:runtime\s+)?(?:behaviou?r|functionality)\b/i;
const ONLY_TOUCHED =
  /\b(?:only\s+(?:touched|touches|touch|changed|changes|modified|modifies|edited|edits|affects|affected)|(?:touched|changed|modified|edited)\s+only|(?:changes?|diff|edits|this\s+pr|this\s+change|the\s+change|modifications)\s+(?:are\s+|is\s+|were\s+|was\s+|stays?\s+)?(?:limited|confined|restricted|scoped)\s+to|no\s+(?:other\s+)?(?:changes?|files?(?:\s+changed)?|edits)\s+outside(?:\s+of)?|nothing\s+outside(?:\s+of)?)\s+([^;]{1,300})/i;
const PATH_TOKEN = /(?:\*\*?\/)?[\w.@*{}-]*(?:\/[\w.@*{},-]*)+|[\w*@{}-]+\.(?:[a-z]{1,6}|\{[\w,]+\})\b/gi;
const FIXES = /\b(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?)\s*:?\s+#(\d+)\b/gi;

function otherClaims(clause: string): Hit[] {
  const hits: Hit[] = [];
  for (const pattern of TESTS_ADDED) {
    const match = pattern.exec(clause);
    if (match === null || takenBack(clause, match.index, match.index)) continue;
    const subject = match[1]?.replace(/\s+(?:so\s+that|which|to\s+ensure|to\s+verify|that|and\s+(?:updated|fixed|ran)|—).*$/i, '').replace(/[.!:]+$/, '').trim();
    hits.push({ at: match.index, body: { kind: 'tests-added', subject: subject === undefined || subject === '' ? null : subject } });
    break;
  }
  for (const pattern of TESTS_UPDATED) {
    const match = pattern.exec(clause);
    if (match === null || takenBack(clause, match.index, match.index)) continue;
    hits.push({ at: match.index, body: { kind: 'tests-updated' } });
    break;
  }
  const same = NO_BEHAVIOUR_CHANGE.exec(clause);
  if (same !== null && !takenBack(clause, same.index, same.index)) hits.push({ at: same.index, body: { kind: 'no-behaviour-change' } });
  const only = ONLY_TOUCHED.exec(clause);
  if (only !== null && !takenBack(clause, only.index, only.index)) {
    const paths = [...only[1]!.matchAll(PATH_TOKEN)].map((token) => token[0].replace(/[.,:]+$/, '')).filter((path) => path !== '' && !/^\d+(?:\.\d+)*$/.test(path));
    if (paths.length > 0) hits.push({ at: only.index, body: { kind: 'only-touched', paths: [...new Set(paths)] } });
  }
  for (const match of clause.matchAll(FIXES)) {
    // GitHub closes the issue whatever the hedging ("this should fix #12"); only a negation takes it back.
    if (NEGATION.test(localPrefix(clause, match.index).replace(POSITIVE_NEGATIVES, ' '))) continue;
    hits.push({ at: match.index, body: { kind: 'fixes-issue', issue: Number(match[1]) } });
  }
  return hits;
}

function clauseClaims(clause: string): Body[] {
  const hits = [...coverageClaims(clause), ...otherClaims(clause)];
  const gates = gateClaims(clause);
  const counts = testCountClaims(clause);
  // "Added tests for X" is not "tests pass"; a count claim is more precise than "<tests> pass".
  const addedOrUpdated = hits.some((hit) => hit.body.kind === 'tests-added' || hit.body.kind === 'tests-updated');
  const counted = counts.some((hit) => hit.body.kind === 'tests-pass' && hit.body.count !== null);
  // "140/142 tests passed" admits failures: no reading of the clause claims that the tests pass.
  const partial = /\b(\d+)\s*\/\s*(\d+)\s+(?:tests?|specs?)\b/i.exec(clause);
  const admitsFailures = partial !== null && partial[1] !== partial[2];
  for (const hit of gates) {
    if (hit.body.kind === 'tests-pass' && (addedOrUpdated || admitsFailures || (counted && hit.body.count === null))) continue;
    hits.push(hit);
  }
  if (!addedOrUpdated) hits.push(...counts.filter((hit) => !(counted && hit.body.kind === 'tests-pass' && hit.body.count === null)));
  return hits.sort((a, b) => a.at - b.at).map((hit) => hit.body);
}

// ---------------------------------------------------------------------------------------------
// Tables and pasted tool output.

const EXCLUDED_COLUMN = /\b(?:before|base|old|previous|prev|main|master|baseline|target|threshold|min|minimum|required|goal|delta|change|diff)\b|Δ/i;
const METRIC_CELL = /^(?:%\s*)?(statements?|stmts|branch(?:es)?|functions?|funcs|lines?)(?:\s+coverage)?$|^(?:coverage|total coverage|code coverage|test coverage|overall coverage|overall)$/i;
const TOTAL_ROW = /^(?:all files|total|totals|overall|all)$/i;

function rowClaims(cells: readonly string[], header: readonly string[]): Body[] {
  const usable = cells.map((cell, index) => ({ cell, index })).filter(({ index }) => !EXCLUDED_COLUMN.test(header[index] ?? ''));
  const first = cells[0] ?? '';
  if (TOTAL_ROW.test(first)) {
    const byColumn: { metric: CoverageMetric; value: number }[] = [];
    for (const { cell, index } of usable) {
      const metric = /^(?:%\s*)?(statements?|stmts|branch(?:es)?|functions?|funcs|lines?)\b/i.exec(header[index] ?? '');
      const value = /^(\d{1,3}(?:\.\d{1,3})?)\s?%?$/.exec(cell);
      if (metric !== null && value !== null) byColumn.push({ metric: metricOf(metric[1]!), value: Number(value[1]) });
    }
    if (byColumn.length > 0) return groupByValue(byColumn);
  }
  const label = METRIC_CELL.exec(first);
  if (label !== null) {
    const values = usable.slice(1).map(({ cell }) => /^(?:≥|>=)?\s*(\d{1,3}(?:\.\d{1,3})?)\s?%/.exec(cell.replace(/^✓\s*/, ''))).filter((match) => match !== null);
    const chosen = values.at(-1);
    if (chosen !== undefined && Number(chosen[1]) <= 100) {
      const metrics = label[1] === undefined ? [] : [metricOf(label[1])];
      return [{ kind: 'coverage', metrics, percent: Number(chosen[1]), relation: /^(?:≥|>=)/.test(chosen[0]) ? 'at-least' : 'exactly' }];
    }
  }
  const sentence = unquoted(usable.map(({ cell }) => cell).filter((cell) => cell !== '').join(': '));
  return clauses(sentence).flatMap((clause) => clauseClaims(clause));
}

function groupByValue(columns: readonly { metric: CoverageMetric; value: number }[]): Body[] {
  const values = [...new Set(columns.map((column) => column.value))];
  return values.map((value) => ({
    kind: 'coverage' as const,
    metrics: sortMetrics(columns.filter((column) => column.value === value).map((column) => column.metric)),
    percent: value,
    relation: 'exactly' as const,
  }));
}

/**
 * Summary lines of test, coverage, lint and type-check runs the agent pasted as its result. Only
 * these shapes are read in a fence: code and logs are never read as prose.
 */
function outputClaims(raw: string): Body[] {
  const line = stripVTControlCharacters(raw).trim();
  const failing = /\b[1-9]\d*\s+(?:failed|failing|errors?|broken)\b/i.test(line);
  // vitest: "Tests  142 passed (142)", "Test Files  12 passed (12)"; jest: "Tests:  142 passed, 142 total".
  const run = /^(Tests?(?:\s+Files|\s+Suites)?):?\s+(.*)$/i.exec(line);
  if (run !== null && /\bpassed\b/i.test(run[2]!) && !failing) {
    if (/files|suites/i.test(run[1]!)) return [{ kind: 'tests-pass', count: null }];
    const passed = /(\d+)\s+passed/i.exec(run[2]!);
    return passed === null ? [] : [{ kind: 'tests-pass', count: Number(passed[1]) }];
  }
  // pytest "===== 142 passed in 1.20s =====", cargo "test result: ok. 142 passed; 0 failed".
  const pytest = /^=+\s+(\d+)\s+passed\b.*\bin\s+[\d.]+s\b/i.exec(line) ?? /^test result: ok\.\s+(\d+)\s+passed/i.exec(line);
  if (pytest !== null && !failing) return [{ kind: 'tests-pass', count: Number(pytest[1]) }];
  const mocha = /^(\d+)\s+passing\b/i.exec(line);
  if (mocha !== null) return [{ kind: 'tests-pass', count: Number(mocha[1]) }];
  // istanbul text reporter: "All files | 100 | 100 | 100 | 100 |" (% Stmts, % Branch, % Funcs, % Lines).
  const table = /^All files\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|/i.exec(line);
  if (table !== null) {
    const metrics: CoverageMetric[] = ['statements', 'branches', 'functions', 'lines'];
    return groupByValue(metrics.map((metric, index) => ({ metric, value: Number(table[index + 1]) })));
  }
  // istanbul text-summary: "Statements   : 100% ( 120/120 )".
  const summary = /^(Statements|Branches|Functions|Lines)\s*:\s*(\d{1,3}(?:\.\d+)?)%/i.exec(line);
  if (summary !== null) return [{ kind: 'coverage', metrics: [metricOf(summary[1]!)], percent: Number(summary[2]), relation: 'exactly' }];
  // coverage.py: "TOTAL    120    0   100%".
  const total = /^TOTAL\s+(?:\d+\s+){1,4}(\d{1,3}(?:\.\d+)?)%$/.exec(line);
  if (total !== null) return [{ kind: 'coverage', metrics: [], percent: Number(total[1]), relation: 'exactly' }];
  if (/^All checks passed!?$/i.test(line)) return [{ kind: 'lint-clean' }];
  if (/^Success: no issues found\b/i.test(line)) return [{ kind: 'types-clean' }];
  if (/^Found 0 errors\b/i.test(line)) return [{ kind: 'types-clean' }];
  if (/^✓\s+built in\b|^✓\s+Compiled successfully\b|^Compiled successfully\b/i.test(line.replace(/^[✔√]/, '✓'))) return [{ kind: 'build-passes' }];
  return [];
}
