import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { POLICY_FILE } from '../policy/policy.js';
import { locateRepo, repoCwd } from './checkout.js';
import { git } from './git.js';
import type { GateDefinition } from './model.js';

export interface LoadedGates {
  readonly gates: readonly GateDefinition[];
  /** `gatehouse.yml@<commit>`, for messages. */
  readonly source: string;
  /** Said to the user when the working tree's gatehouse.yml differs from the one used. */
  readonly note: string | null;
}

/**
 * Gate definitions from gatehouse.yml as committed at `revision` (HEAD by default), never from
 * the working tree: an agent that edits gatehouse.yml must not change which gates run, or how,
 * until a commit makes the edit visible to review. When the working tree's copy differs, the
 * note says so.
 */
export async function loadGates(repoDir: string, revision: string, worktree: boolean): Promise<LoadedGates> {
  const repo = await locateRepo(repoDir);
  if (revision.startsWith('-')) throw new InputError(`--policy-from ${revision}: not a revision`);
  let commit: string;
  try {
    commit = await git(repoCwd(repo), ['rev-parse', `${revision}^{commit}`]);
  } catch {
    throw new InputError(`--policy-from ${revision}: not a commit in this repository${revision === 'HEAD' ? ' (commit gatehouse.yml first)' : ''}`);
  }
  const source = `${POLICY_FILE}@${commit.slice(0, 12)}`;
  let text: string;
  try {
    text = await git(repoCwd(repo), ['cat-file', 'blob', `${commit}:${POLICY_FILE}`]);
  } catch {
    throw new InputError(`${source}: no ${POLICY_FILE} in ${revision}: declare gates under \`gates:\` and commit it (see docs/gates.md)`);
  }
  const [{ parsePolicy }, { allRules }] = await Promise.all([import('../policy/parse-policy.js'), import('../rules/index.js')]);
  const policy = parsePolicy(text, source, new Set(allRules.map((rule) => rule.id)));
  if (policy.gates.length === 0) throw new InputError(`${source}: declares no gates (add them under \`gates:\`, see docs/gates.md)`);
  let note: string | null = null;
  if (worktree && repo.root !== null) {
    let current: string | null;
    try {
      current = readFileSync(path.join(repo.root, POLICY_FILE), 'utf8');
    } catch {
      current = null;
    }
    if (current !== null && current.trimEnd() !== text.trimEnd()) {
      note = `${POLICY_FILE} has uncommitted changes; they are not used: the gates come from ${source} (commit the change to run it)`;
    }
  }
  return { gates: policy.gates, source, note };
}

/** The named gates and every gate they need, in needs order; all gates when none are named. */
export function selectGates(gates: readonly GateDefinition[], names: readonly string[], source: string): GateDefinition[] {
  if (names.length === 0) return [...gates];
  const byName = new Map(gates.map((gate) => [gate.name, gate]));
  const wanted = new Set<string>();
  const add = (name: string): void => {
    if (wanted.has(name)) return;
    const gate = byName.get(name);
    if (!gate) throw new InputError(`--gate ${name}: no such gate in ${source} (declared: ${gates.map((g) => g.name).join(', ')})`);
    wanted.add(name);
    for (const need of gate.needs) add(need);
  };
  for (const name of names) add(name);
  return gates.filter((gate) => wanted.has(gate.name));
}
