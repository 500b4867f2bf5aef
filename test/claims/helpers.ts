import type { Claim } from '../../src/claims/model.js';

/** A claim as the expectations write it: its line and its values, without the text and source. */
export function shape(claim: Claim): Record<string, unknown> {
  const copy: Record<string, unknown> = { line: claim.source.line, ...claim };
  delete copy.text;
  delete copy.source;
  return copy;
}
