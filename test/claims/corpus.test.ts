import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { parseClaims } from '../../src/claims/parse.js';
import { shape } from './helpers.js';

/**
 * Realistic agent reports (Claude Code, Codex, Cursor, Copilot agent, Devin and Aider styles,
 * commit messages, pasted tool output, plans and quoted issues) each with every claim it makes
 * and nothing else: a missing claim and an extra one both fail.
 */
const corpus = new URL('./corpus/', import.meta.url);
const reports = readdirSync(corpus).filter((name) => name.endsWith('.md')).sort();

describe('claims corpus', () => {
  it('has at least 15 reports, each with its expectations', () => {
    expect(reports.length).toBeGreaterThanOrEqual(15);
    const expectations = new Set(readdirSync(corpus).filter((name) => name.endsWith('.expected.json')));
    for (const report of reports) expect(expectations.has(report.replace(/\.md$/, '.expected.json'))).toBe(true);
  });

  it.each(reports)('%s', (report) => {
    const text = readFileSync(new URL(report, corpus), 'utf8');
    const origin = report.includes('commit') ? 'commit' : 'report';
    const claims = parseClaims([{ origin, name: report, text }]);
    const actual = claims.map(shape);
    const expected = JSON.parse(readFileSync(new URL(report.replace(/\.md$/, '.expected.json'), corpus), 'utf8')) as unknown;
    expect(actual).toEqual(expected);
    const lines = text.split('\n');
    for (const claim of claims) {
      expect(claim.source).toMatchObject({ origin, name: report });
      // The cleaned text is taken from the line the claim is reported on.
      const words = claim.text.replace(/[✓✗|]/g, ' ').split(/\s+/).filter((word) => /^[A-Za-z]{4,}$/.test(word));
      if (words.length > 0) expect(lines[claim.source.line - 1]).toContain(words[0]);
    }
  });
});
