/**
 * The one redaction function. Everything Gatehouse prints — every report format, every log line
 * and error message — passes through here, so a credential found in a change is never shown in
 * full: only its first 4 and last 2 characters and its length (`sk-a…9f (51 chars)`).
 */
import { detectSecrets } from '../inspect/secrets/engine.js';
import type { AuditResult } from './result.js';

/** Below this length the first and last characters would give away too much: only the length is shown. */
const SHORT = 20;

export function redact(value: string): string {
  const length = value.length;
  if (length < SHORT) return `… (${length} chars)`;
  return `${value.slice(0, 4)}…${value.slice(-2)} (${length} chars)`;
}

/**
 * `text` with every credential replaced by its redacted form: the values given (secrets already
 * known, such as those a finding is about), then everything the detectors find in the text.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= 4) out = out.split(secret).join(redact(secret));
  }
  const found = detectSecrets(out);
  if (found.length === 0) return out;
  let result = '';
  let from = 0;
  for (const match of found) {
    if (match.example) continue;
    result += out.slice(from, match.start) + redact(match.value);
    from = match.end;
  }
  return result + out.slice(from);
}

/** A finding's or report's text fields, redacted. Values (line numbers, counts) are left as they are. */
export function redactResult(result: AuditResult): AuditResult {
  const text = (value: string): string => redactText(value);
  const optional = (value: string | undefined): string | undefined => (value === undefined ? undefined : redactText(value));
  return {
    ...result,
    range: text(result.range),
    base: { ...result.base, ref: text(result.base.ref) },
    head: { ...result.head, ref: text(result.head.ref) },
    findings: result.findings.map((finding) => {
      const before = optional(finding.before);
      const after = optional(finding.after);
      return {
        ...finding,
        message: text(finding.message),
        file: text(finding.file),
        why: text(finding.why),
        fix: text(finding.fix),
        ...(before !== undefined ? { before } : {}),
        ...(after !== undefined ? { after } : {}),
        ...(finding.ignored ? { ignored: { reason: text(finding.ignored.reason) } } : {}),
      };
    }),
    stats: { ...result.stats, skipped: result.stats.skipped.map((file) => ({ ...file, path: text(file.path) })) },
  };
}
