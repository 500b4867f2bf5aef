import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, Severity, Side } from '../../src/core/types.js';
import { audit } from '../../src/engine/audit.js';
import type { Rule } from '../../src/rules/rule.js';
import type { GateRun } from '../../src/gates/model.js';
import { parseJUnit } from '../../src/evidence/tests/junit.js';
import type { TestRunReport } from '../../src/evidence/tests/model.js';
import { GitFixture, type FileMap } from './git-fixture.js';

export interface ExpectedFinding {
  file: string;
  line?: number;
  severity?: Severity;
  side?: Side;
  /** A substring or pattern the message must contain. */
  message?: string | RegExp;
  before?: string | RegExp;
  after?: string | RegExp;
}

export interface RuleCase {
  name: string;
  /** The whole tree at base and at head (head replaces base entirely). */
  base: FileMap;
  head: FileMap;
  /** Coverage report texts of the base and head runs, passed as --coverage-base/--coverage-head. */
  coverage?: { base: string; head: string };
  /** Gate runs of base and head, passed as `audit --check` would. */
  gates?: { base: GateRun | null; head: GateRun | null };
  /** The agent's report, passed as `--report` would. */
  report?: string;
  /** JUnit XML texts of the base and head test runs, parsed (with each side's paths as known paths) and passed as test evidence. */
  junit?: { base: string | null; head: string | null };
}

export interface InvalidRuleCase extends RuleCase {
  findings: ExpectedFinding[];
}

/** Build the case as two real commits in a fresh repository and audit base..head with one rule. */
export async function runRule(rule: Rule, testCase: RuleCase): Promise<Finding[]> {
  const repo = new GitFixture();
  const evidenceFolders: string[] = [];
  try {
    const base = repo.commit(testCase.base, 'base', { replace: true });
    const head = repo.commit(testCase.head, 'head', { replace: true });
    let coverageEvidence: { base: string; head: string } | undefined;
    if (testCase.coverage) {
      const folder = mkdtempSync(path.join(tmpdir(), 'gatehouse-evidence-'));
      evidenceFolders.push(folder);
      coverageEvidence = { base: path.join(folder, 'base.lcov'), head: path.join(folder, 'head.lcov') };
      writeFileSync(coverageEvidence.base, testCase.coverage.base);
      writeFileSync(coverageEvidence.head, testCase.coverage.head);
    }
    const result = await audit({
      repoDir: repo.dir,
      range: { range: `${base}..${head}` },
      rules: [rule],
      ...(coverageEvidence ? { coverageEvidence } : {}),
      ...(testCase.gates ? { gateRuns: testCase.gates } : {}),
      ...(testCase.report !== undefined ? { report: testCase.report, reportName: 'agent-report.md' } : {}),
      ...(testCase.junit ? { testEvidence: testEvidenceOf(testCase.junit, testCase) } : {}),
    });
    return result.findings.filter((finding) => finding.ruleId === rule.id);
  } finally {
    repo.cleanup();
    for (const folder of evidenceFolders) rmSync(folder, { recursive: true, force: true });
  }
}

/** Parses a case's JUnit texts as the CLI would: each side's files are the known paths reports are resolved against. */
function testEvidenceOf(junit: { base: string | null; head: string | null }, testCase: RuleCase): { base: TestRunReport | null; head: TestRunReport | null } {
  const parse = (text: string | null, side: 'base' | 'head') => (text === null ? null : parseJUnit(text, `${side}-junit.xml`, { knownPaths: new Set(Object.keys(testCase[side])) }));
  return { base: parse(junit.base, 'base'), head: parse(junit.head, 'head') };
}

function matches(value: string | undefined, expected: string | RegExp | undefined): boolean {
  if (expected === undefined) return true;
  if (value === undefined) return false;
  return typeof expected === 'string' ? value.includes(expected) : expected.test(value);
}

function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `  ${f.severity} ${f.file}:${f.line} (${f.side}) ${f.message}`).join('\n') || '  (none)';
}

/**
 * ESLint's RuleTester, on real git repositories: every valid case must give no finding, every
 * invalid case exactly the findings listed, in order (file, then line).
 */
export function ruleTester(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidRuleCase[] }): void {
  describe(rule.id, () => {
    describe('valid', () => {
      for (const testCase of cases.valid) {
        it(testCase.name, async () => {
          const findings = await runRule(rule, testCase);
          expect(findings, `expected no findings, got:\n${describeFindings(findings)}`).toHaveLength(0);
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(testCase.name, async () => {
          const findings = await runRule(rule, testCase);
          const detail = `got:\n${describeFindings(findings)}`;
          expect(findings.length, detail).toBe(testCase.findings.length);
          const ordered = [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message));
          testCase.findings.forEach((want, i) => {
            const got = ordered[i]!;
            expect(got.file, detail).toBe(want.file);
            if (want.line !== undefined) expect(got.line, detail).toBe(want.line);
            if (want.severity !== undefined) expect(got.severity, detail).toBe(want.severity);
            if (want.side !== undefined) expect(got.side, detail).toBe(want.side);
            expect(matches(got.message, want.message), `message ${JSON.stringify(got.message)} !~ ${String(want.message)}`).toBe(true);
            expect(matches(got.before, want.before), `before ${JSON.stringify(got.before)} !~ ${String(want.before)}`).toBe(true);
            expect(matches(got.after, want.after), `after ${JSON.stringify(got.after)} !~ ${String(want.after)}`).toBe(true);
            expect(got.fingerprint).toMatch(/^[0-9a-f]{32}$/);
          });
        });
      }
    });
  });
}
