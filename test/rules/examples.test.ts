import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { runRule } from '../helpers/rule-tester.js';

/** The examples in each rule's documentation are real: the bad one is reported, the good one is not. */
describe('documented examples', () => {
  for (const rule of allRules) {
    it(`${rule.id}: the bad example is reported`, async () => {
      const findings = await runRule(rule, { name: 'bad', ...rule.docs.bad });
      expect(findings.length).toBeGreaterThan(0);
    });
    it(`${rule.id}: the good example is not reported`, async () => {
      const findings = await runRule(rule, { name: 'good', ...rule.docs.good });
      expect(findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
    });
  }
});
