import { createHash } from 'node:crypto';
import { redact } from '../../core/redact.js';
import type { Inspector } from '../inspector.js';
import { envFileKind } from './dotenv.js';
import { detectSecrets } from './engine.js';
import type { Confidence } from './model.js';

/** Allow comments of Gatehouse, detect-secrets and gitleaks, honoured only when present at base. */
const ALLOW_COMMENT = /gatehouse-allow-secret|pragma:\s*allowlist[ -]secret|gitleaks:allow/i;

/**
 * A detected secret as facts: never the value itself (facts reach rules, and rules' findings
 * reach reports), only a hash to compare base with head, and the redacted preview.
 */
export interface SecretFact {
  kind: string;
  label: string;
  line: number;
  column: number;
  /** SHA-256 of the value, truncated: equal values compare equal across files and revisions. */
  hash: string;
  /** `sk-a…9f (51 chars)` */
  preview: string;
  confidence: Confidence;
  example: boolean;
  /** The line carries an allow comment (`gatehouse-allow-secret`, `pragma: allowlist secret`, `gitleaks:allow`). */
  allowed: boolean;
  /** The source line with the value replaced by its preview, for the finding's excerpt. */
  excerpt: string;
}

export interface SecretFacts {
  secrets: SecretFact[];
}

export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}

/** The line around a span, with every secret on it replaced by its preview. */
function redactedLine(text: string, spans: readonly { start: number; end: number; value: string }[], at: number): string {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  // A multi-line value (a private key) shows only its first line, redacted to the end.
  let to = newline === -1 ? text.length : newline;
  let out = '';
  let cursor = from;
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    out += text.slice(cursor, Math.max(cursor, span.start)) + redact(span.value);
    cursor = Math.max(cursor, span.end);
    if (cursor > to) to = text.indexOf('\n', cursor) === -1 ? text.length : text.indexOf('\n', cursor);
  }
  out += text.slice(cursor, to);
  return out.replace(/\r$/, '').trim();
}

/**
 * Secrets in any text file, on both sides of a change. Memoized by blob like every inspector;
 * the path matters only for `.env` files, so it is part of the cache key.
 */
export const secretsInspector: Inspector<SecretFacts> = {
  id: 'secrets@1',
  appliesTo: () => true,
  cacheKey: (path) => envFileKind(path) ?? '',
  inspect: (path, text) => {
    const matches = detectSecrets(text, path);
    return {
      secrets: matches.map((match) => {
        const excerpt = redactedLine(text, matches, match.start);
        const lineStart = text.lastIndexOf('\n', match.start - 1) + 1;
        const lineEnd = text.indexOf('\n', match.end);
        return {
          kind: match.kind,
          label: match.label,
          line: match.line,
          column: match.column,
          hash: hashSecret(match.value),
          preview: redact(match.value),
          confidence: match.confidence,
          example: match.example,
          allowed: ALLOW_COMMENT.test(text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd)),
          excerpt,
        };
      }),
    };
  },
};
