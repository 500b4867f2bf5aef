/**
 * The claims step: the agent's words (its report, the PR description, the commit messages)
 * become claims, and each is checked against trusted evidence and the other rules' findings.
 */
import type { ClaimCheck, ClaimEvidence } from '../claims/model.js';
import type { CommitInfo } from '../git/repository.js';

export interface ClaimTexts {
  /** The agent's report (`--report FILE|-`) and what it was read from. */
  report: { name: string; text: string } | null;
  /** The pull request's description, when known (GitHub Actions event payload). */
  prDescription: string | null;
  commits: readonly CommitInfo[];
}

/** The texts claims are read from, in the order a reader meets them. */
function sources(texts: ClaimTexts): { origin: 'report' | 'pr' | 'commit'; name: string; text: string }[] {
  return [
    ...(texts.report ? [{ origin: 'report' as const, name: texts.report.name, text: texts.report.text }] : []),
    ...(texts.prDescription ? [{ origin: 'pr' as const, name: 'PR description', text: texts.prDescription }] : []),
    ...texts.commits.map((commit) => ({ origin: 'commit' as const, name: commit.sha.slice(0, 12), text: commit.message })),
  ];
}

/** Parse and verify; the parser and verifier load only when there is text to read. */
export async function checkClaims(texts: ClaimTexts, evidence: ClaimEvidence): Promise<ClaimCheck[]> {
  const all = sources(texts).filter((source) => source.text.trim() !== '');
  if (all.length === 0) return [];
  const [{ parseClaims }, { verifyClaims }] = await Promise.all([import('../claims/parse.js'), import('../claims/verify.js')]);
  return verifyClaims(parseClaims(all), evidence);
}
