import type { Side } from '../../core/types.js';
import type { GateResult } from '../../gates/model.js';
import { POLICY_FILE } from '../../policy/policy.js';

/**
 * Where a gate finding points: the gate's line in the base's gatehouse.yml, because the audit
 * runs the base's gate definitions (line 0 when the run does not know it).
 */
export function gatePlace(result: Pick<GateResult, 'line'>): { file: string; line: number; side: Side } {
  return { file: POLICY_FILE, line: result.line ?? 0, side: 'base' };
}
