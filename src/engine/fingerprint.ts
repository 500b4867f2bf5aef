import { createHash } from 'node:crypto';
import type { FindingDraft } from '../core/types.js';

/**
 * Stable identities for a rule's findings. The fingerprint hashes the rule, the file and the
 * finding's key (what it is about, never its line number), plus the occurrence index among
 * findings with the same key in that file, so moving unrelated lines or adding later commits
 * leaves it unchanged, while two identical suppressions in one file stay distinct.
 */
export function fingerprints(ruleId: string, drafts: readonly FindingDraft[]): string[] {
  const seen = new Map<string, number>();
  const order = drafts.map((draft, index) => ({ draft, index })).sort((a, b) => a.draft.line - b.draft.line || a.index - b.index);
  const result = new Array<string>(drafts.length);
  for (const { draft, index } of order) {
    const identity = `${ruleId}\0${draft.file}\0${draft.side}\0${normaliseKey(draft.key)}`;
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    result[index] = createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex').slice(0, 32);
  }
  return result;
}

function normaliseKey(key: string): string {
  return key.replace(/\s+/g, ' ').trim();
}
