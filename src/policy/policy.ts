import type { Severity } from '../core/types.js';
import type { GateDefinition } from '../gates/model.js';
import { compilePathGroups, DEFAULT_PATH_GROUPS, type PathGroups } from './path-groups.js';

// The parser (yaml + zod) lives in parse-policy.ts and is loaded only when a repository has a
// policy file: together they cost ~85 ms of start-up, a third of an audit's budget.

export const POLICY_FILE = 'gatehouse.yml';

export interface IgnoreEntry {
  matches(path: string): boolean;
  /** Rule ids, or null for all rules. */
  rules: Set<string> | null;
  reason: string;
}

/** The effective policy of an audit, always taken from the base revision. */
export interface Policy {
  /** `gatehouse.yml@<commit>` or `defaults`, for reports. */
  source: string;
  severities: Record<string, Severity | 'off'>;
  ignore: IgnoreEntry[];
  paths: PathGroups;
  /** The project's gates (`gates:`), each after the gates it needs. */
  gates: readonly GateDefinition[];
}

export function defaultPolicy(): Policy {
  return { source: 'defaults', severities: {}, ignore: [], paths: compilePathGroups(DEFAULT_PATH_GROUPS), gates: [] };
}

