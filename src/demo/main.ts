import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { wantsColour } from '../cli/output.js';
import { audit } from '../engine/audit.js';
import { allRules } from '../rules/index.js';
import { renderText } from '../report/text.js';
import { AGENT_FILES, AGENT_MOVES, AGENT_REPORT, BASE_COVERAGE_LCOV, BASE_FILES, BASE_JUNIT, HEAD_COVERAGE_LCOV, HEAD_JUNIT } from './story.js';

/**
 * `npm start`: replay the coverage story in a temporary repository, audit the agent's branch
 * and show what Gatehouse catches today, and which moves await rules still to come.
 */
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Demo Human',
  GIT_AUTHOR_EMAIL: 'human@example.com',
  GIT_COMMITTER_NAME: 'Demo Agent',
  GIT_COMMITTER_EMAIL: 'agent@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: dir, env: GIT_ENV, stdio: 'ignore' });
}

function commitTree(dir: string, files: Record<string, string>, message: string): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-demo-'));
  const reports = mkdtempSync(path.join(tmpdir(), 'gatehouse-demo-coverage-'));
  try {
    const coverageEvidence = { base: path.join(reports, 'coverage-base.lcov'), head: path.join(reports, 'coverage-head.lcov') };
    writeFileSync(coverageEvidence.base, BASE_COVERAGE_LCOV);
    writeFileSync(coverageEvidence.head, HEAD_COVERAGE_LCOV);
    const junitFiles = { base: path.join(reports, 'junit-base.xml'), head: path.join(reports, 'junit-head.xml') };
    writeFileSync(junitFiles.base, BASE_JUNIT);
    writeFileSync(junitFiles.head, HEAD_JUNIT);
    git(dir, 'init', '-q', '-b', 'main');
    commitTree(dir, BASE_FILES, 'Shop app with tests and a 100% coverage target');
    git(dir, 'checkout', '-q', '-b', 'agent/coverage-100');
    commitTree(dir, AGENT_FILES, 'Raise coverage to 100%');

    const out = process.stdout;
    out.write(`Gatehouse demo: an agent was asked to raise coverage to 100%.\nIts PR description:\n\n${AGENT_REPORT.replace(/^/gm, '    ')}\n`);
    out.write(
      '$ gatehouse audit main...agent/coverage-100 --report pr.md \\\n    --coverage-base coverage-base.lcov --coverage-head coverage-head.lcov --junit-base junit-base.xml --junit-head junit-head.xml\n\n',
    );
    const result = await audit({ repoDir: dir, range: { range: 'main...agent/coverage-100' }, report: AGENT_REPORT, reportName: 'pr.md', coverageEvidence, junitFiles });
    out.write(renderText(result, { color: wantsColour(out) }));

    const known = new Set(allRules.map((rule) => rule.id));
    out.write('\nThe agent\'s moves, and what caught them:\n');
    for (const { move, file, ruleId } of AGENT_MOVES) {
      const caught = result.findings.some((finding) => finding.ruleId === ruleId && path.basename(finding.file) === path.basename(file));
      const status = caught ? `caught by ${ruleId}` : known.has(ruleId) ? `MISSED (expected ${ruleId})` : `not yet: ${ruleId} lands with a later rule`;
      out.write(`  ${caught ? '✓' : '·'} ${move} — ${status}\n`);
    }
    const coverageClaim = result.claims.find((check) => check.claim.kind === 'coverage' && check.claim.source.origin === 'report');
    if (coverageClaim) out.write(`\nClaimed: "${coverageClaim.claim.text}" — ${coverageClaim.status}: ${coverageClaim.gap ?? 'supported by the evidence'}.\n`);
    out.write(`\nVerdict: ${result.verdict}. The repository was built in ${dir} and is removed now.\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(reports, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
