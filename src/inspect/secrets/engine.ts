import { DETECTORS } from './detectors.js';
import { envCredentials, envFileKind } from './dotenv.js';
import type { Detector, SecretMatch } from './model.js';
import { isDocumentedExample, isPlaceholder } from './values.js';

/** One combined expression over several detectors, and where each detector's groups start in it. */
interface Combined {
  regex: RegExp;
  members: { detector: Detector; group: number; groups: number }[];
}

let combined: Combined[] | null = null;

/** Number of capturing groups in a pattern source. */
function groupCount(source: string): number {
  return new RegExp(`${source}|`).exec('')!.length - 1;
}

/**
 * Joins detectors into one alternation, each wrapped in a group that says which one matched.
 * Back-references (`\2`) are renumbered to their place in the combined expression.
 */
function combine(detectors: readonly Detector[], flags: string): Combined {
  const members: Combined['members'] = [];
  const sources: string[] = [];
  let next = 1;
  for (const detector of detectors) {
    const groups = groupCount(detector.pattern);
    const offset = next;
    const source = detector.pattern.replace(/(?<!\\)\\([1-9])/g, (_all, n: string) => `\\${Number(n) + offset}`);
    sources.push(`(${source})`);
    members.push({ detector, group: offset, groups });
    next += groups + 1;
  }
  return { regex: new RegExp(sources.join('|'), flags), members };
}

/**
 * Built on first use, not at import: the CLI loads this module on every audit, and compiling
 * ~40 patterns is work only a run that reads file contents needs.
 */
function passes(): Combined[] {
  combined ??= [
    combine(DETECTORS.filter((detector) => detector.caseInsensitive !== true), 'g'),
    combine(DETECTORS.filter((detector) => detector.caseInsensitive === true), 'gi'),
  ];
  return combined;
}

const IDENTIFIER = /[A-Za-z0-9_.-]/;
const WORD = /[A-Za-z0-9_]/;

/** The identifier a match starts in (`DB_PASSWORD` for a match starting at `PASSWORD`). */
function nameAt(text: string, index: number): string {
  let from = index;
  while (from > 0 && IDENTIFIER.test(text[from - 1]!)) from--;
  let to = index;
  while (to < text.length && IDENTIFIER.test(text[to]!)) to++;
  return text.slice(from, to);
}

/** Maps offsets to 1-based line and column; line starts are computed once, only when needed. */
class Positions {
  private starts: number[] | null = null;
  constructor(private readonly text: string) {}
  at(offset: number): { line: number; column: number } {
    if (this.starts === null) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

/** A match before filtering: which detector, and the value's span. */
interface Candidate {
  detector: Detector;
  start: number;
  end: number;
}

function scan(text: string, pass: Combined, found: Candidate[]): void {
  const { regex, members } = pass;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    const member = members.find((candidate) => match.at(candidate.group) !== undefined);
    if (!member) continue;
    if (member.detector.leftBoundary === true && match.index > 0 && WORD.test(text[match.index - 1]!)) {
      regex.lastIndex = match.index + 1;
      continue;
    }
    // Groups of alternatives that did not take part are undefined at run time, whatever the types say.
    const groups: (string | undefined)[] = match.slice(member.group + 1, member.group + 1 + member.groups);
    const valueIndex = member.detector.valueGroup ?? groups.findIndex((group) => group !== undefined) + 1;
    const value = valueIndex > 0 ? groups[valueIndex - 1] : match[0];
    if (value === undefined) continue;
    // Without the `d` flag (indices cost ~15% of the whole pass), the value is found in its match:
    // the first occurrence, since nothing before the value group in a pattern can contain it.
    const start = match.index + match[0].indexOf(value);
    const span = [start, start + value.length] as const;
    const accept = member.detector.accept;
    if (accept && !accept(value, groups, nameAt(text, match.index))) {
      // A rejected keyword match may still contain a provider token: rescan just past its start.
      regex.lastIndex = match.index + 1;
      continue;
    }
    found.push({ detector: member.detector, start: span[0], end: span[1] });
  }
}

/**
 * Every credential in a file's text. Pure and synchronous, so every rule and the redaction of
 * reports share it. Placeholders are dropped; documented example keys are kept with
 * `example: true`; overlapping matches keep the most specific (a provider format over a
 * keyword or `.env` match of the same value).
 */
/**
 * The last few scans, by text: `secrets/added` and the secret-flow inspectors scan the same file
 * text one after the other, and a second pass over it would be the audit's largest repeated work.
 */
const recent: { text: string; env: boolean; matches: readonly SecretMatch[] }[] = [];
const RECENT_SCANS = 4;

export function detectSecrets(text: string, path = ''): readonly SecretMatch[] {
  const env = envFileKind(path) === 'env';
  const hit = recent.find((scan) => scan.env === env && scan.text === text);
  if (hit) return hit.matches;
  const matches = scanText(text, path);
  recent.unshift({ text, env, matches });
  if (recent.length > RECENT_SCANS) recent.pop();
  return matches;
}

function scanText(text: string, path: string): SecretMatch[] {
  const candidates: Candidate[] = [];
  for (const pass of passes()) scan(text, pass, candidates);
  const envKind = envFileKind(path);
  if (envKind === 'env') {
    for (const entry of envCredentials(text)) candidates.push({ detector: ENV_DETECTOR, start: entry.start, end: entry.end });
  }
  // Overlaps keep the most specific detector, whichever starts first (a provider token inside a
  // keyword match), then the earliest.
  candidates.sort((a, b) => rank(a.detector) - rank(b.detector) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    if (!kept.some((other) => candidate.start < other.end && other.start < candidate.end)) kept.push(candidate);
  }
  kept.sort((a, b) => a.start - b.start);
  const positions = new Positions(text);
  const matches: SecretMatch[] = [];
  for (const candidate of kept) {
    const value = text.slice(candidate.start, candidate.end);
    const example = isDocumentedExample(value);
    if (!example && isPlaceholder(value)) continue;
    const { detector } = candidate;
    const confidence = detector.checksum && !detector.checksum(value) ? 'medium' : detector.confidence;
    matches.push({
      kind: detector.kind,
      label: detector.label,
      ...positions.at(candidate.start),
      start: candidate.start,
      end: candidate.end,
      value,
      confidence,
      example,
    });
  }
  return matches;
}

/** Provider formats first, then keyword formats, then `.env` values, then generic assignments. */
function rank(detector: Detector): number {
  if (detector === ENV_DETECTOR) return 3;
  if (detector.kind === 'generic-assignment') return 4;
  return detector.confidence === 'high' ? 0 : 1;
}

const ENV_DETECTOR: Detector = {
  kind: 'env-credential',
  label: 'credential in a tracked .env file',
  pattern: '',
  confidence: 'medium',
};

/** The detectors' kinds and labels, for documentation and the benchmark. */
export function detectorKinds(): { kind: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const detector of [...DETECTORS, ENV_DETECTOR]) if (!seen.has(detector.kind)) seen.set(detector.kind, detector.label);
  return [...seen].map(([kind, label]) => ({ kind, label }));
}
