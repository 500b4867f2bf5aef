import { ciGateWeakened } from './ci/gate-weakened.js';
import { ciHookWeakened } from './ci/hook-weakened.js';
import { ciScriptWeakened } from './ci/script-weakened.js';
import { coverageConfigUnresolvable } from './coverage/config-unresolvable.js';
import { coverageIgnorePragma } from './coverage/ignore-pragma.js';
import { coverageScopeNarrowed } from './coverage/scope-narrowed.js';
import { coverageThresholdLowered } from './coverage/threshold-lowered.js';
import { coverageTrueCoverage } from './coverage/true-coverage.js';
import { configChanged } from './gatehouse/config-changed.js';
import { unparseable } from './gatehouse/unparseable.js';
import { gatesFailed } from './gates/failed.js';
import { gatesMissingEvidence } from './gates/missing-evidence.js';
import { protectedFileChanged } from './gates/protected-file-changed.js';
import { lintRuleRelaxed } from './lint/rule-relaxed.js';
import { lintScopeNarrowed } from './lint/scope-narrowed.js';
import { lintSuppression } from './lint/suppression.js';
import type { Rule } from './rule.js';
import { secretsAdded } from './secrets/added.js';
import { secretsToLlm } from './secrets/to-llm.js';
import { secretsToLog } from './secrets/to-log.js';
import { claimsContradicted } from './claims/contradicted.js';
import { testsAssertionWeakened } from './tests/assertion-weakened.js';
import { testsAssertionsRemoved } from './tests/assertions-removed.js';
import { testsDeleted } from './tests/deleted.js';
import { testsDisabled } from './tests/disabled.js';
import { testsExpectationRewritten } from './tests/expectation-rewritten.js';
import { testsNoAssertions } from './tests/no-assertions.js';
import { testsNotRun } from './tests/not-run.js';
import { testsRunnerNarrowed } from './tests/runner-narrowed.js';
import { testsSnapshotRewritten } from './tests/snapshot-rewritten.js';
import { testsSwallowedFailure } from './tests/swallowed-failure.js';
import { typesScopeNarrowed } from './types/scope-narrowed.js';
import { typesStrictnessLowered } from './types/strictness-lowered.js';
import { typeSuppression } from './types/suppression.js';

/** Every rule Gatehouse ships, in documentation order. */
export const allRules: readonly Rule[] = [
  testsDisabled,
  testsDeleted,
  testsAssertionsRemoved,
  testsAssertionWeakened,
  testsExpectationRewritten,
  testsNoAssertions,
  testsSwallowedFailure,
  testsSnapshotRewritten,
  testsRunnerNarrowed,
  testsNotRun,
  typeSuppression,
  typesStrictnessLowered,
  typesScopeNarrowed,
  lintSuppression,
  lintRuleRelaxed,
  lintScopeNarrowed,
  coverageIgnorePragma,
  coverageScopeNarrowed,
  coverageThresholdLowered,
  coverageTrueCoverage,
  coverageConfigUnresolvable,
  ciScriptWeakened,
  ciHookWeakened,
  ciGateWeakened,
  secretsAdded,
  secretsToLlm,
  secretsToLog,
  claimsContradicted,
  configChanged,
  protectedFileChanged,
  gatesFailed,
  gatesMissingEvidence,
  unparseable,
];

export function findRule(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
