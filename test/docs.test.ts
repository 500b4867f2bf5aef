import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRuleDoc, renderRuleIndex, ruleDocFile } from '../src/docs/rule-docs.js';
import { policyJsonSchema } from '../src/policy/schema.js';
import { allRules } from '../src/rules/index.js';

/**
 * Generated files are checked, not trusted: each must equal what the code generates now.
 * `npm run docs` (UPDATE_DOCS=1) rewrites them.
 */
const update = process.env.UPDATE_DOCS === '1';
const root = path.resolve(import.meta.dirname, '..');

function expectFile(relative: string, content: string): void {
  const file = path.join(root, relative);
  if (update) writeFileSync(file, content);
  expect(existsSync(file), `${relative} is missing: run npm run docs`).toBe(true);
  expect(readFileSync(file, 'utf8'), `${relative} is out of date: run npm run docs`).toBe(content);
}

describe('generated documentation', () => {
  for (const rule of allRules) {
    it(`docs/rules/${ruleDocFile(rule)} matches ${rule.id}`, () => {
      expectFile(`docs/rules/${ruleDocFile(rule)}`, renderRuleDoc(rule));
    });
  }
  it('docs/rules/README.md lists every rule', () => {
    expectFile('docs/rules/README.md', renderRuleIndex(allRules));
  });
  it('schema/gatehouse.schema.json matches the policy schema', () => {
    expectFile('schema/gatehouse.schema.json', `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
  });
});
