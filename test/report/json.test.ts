import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { REPORT_VERSION } from '../../src/core/result.js';
import type { AuditResult, SkippedFile } from '../../src/core/result.js';
import { CATEGORIES, SEVERITIES } from '../../src/core/types.js';
import type { Side, Verdict } from '../../src/core/types.js';
import { renderJson } from '../../src/report/json.js';
import { ALL_RESULTS, blockResult, readJson } from './fixtures.js';

const schema = readJson('schema/report.schema.json');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), value);
}

function compile(): ReturnType<Ajv2020['compile']> {
  if (!isRecord(schema)) throw new Error('schema is not an object');
  // Strict mode on: an unknown keyword or a typo in the schema fails here.
  return new Ajv2020({ allErrors: true, strict: true }).compile(schema);
}

// Exhaustive lists from the TS types: `satisfies` fails to compile if a member is missing or extra.
const VERDICTS = Object.keys({ pass: 0, 'needs-human': 0, block: 0 } satisfies Record<Verdict, 0>);
const SIDES = Object.keys({ base: 0, head: 0 } satisfies Record<Side, 0>);
const SKIP_REASONS = Object.keys({ binary: 0, 'too-large': 0, 'not-a-file': 0 } satisfies Record<SkippedFile['reason'], 0>);

describe('renderJson', () => {
  const validate = compile();

  it.each(ALL_RESULTS)('validates against schema/report.schema.json (%s)', (_name, result) => {
    const parsed: unknown = JSON.parse(renderJson(result));
    const valid = validate(parsed);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('round-trips the result: nothing lost, nothing added', () => {
    const parsed: unknown = JSON.parse(renderJson(blockResult));
    expect(parsed).toEqual({
      ...blockResult,
      findings: expect.arrayContaining(blockResult.findings) as unknown,
      claims: expect.arrayContaining(blockResult.claims) as unknown,
      stats: { ...blockResult.stats, skipped: expect.arrayContaining(blockResult.stats.skipped) as unknown },
    });
    expect(at(parsed, 'findings')).toHaveLength(blockResult.findings.length);
    expect(at(parsed, 'claims')).toHaveLength(blockResult.claims.length);
  });

  it('is byte-stable: same bytes whatever the input order of findings, skipped files and keys', () => {
    const reordered: AuditResult = {
      stats: { ...blockResult.stats, skipped: [...blockResult.stats.skipped].reverse() },
      findings: [...blockResult.findings].reverse().map((finding) => Object.fromEntries(Object.entries(finding).reverse()) as typeof finding),
      policy: blockResult.policy,
      claims: blockResult.claims,
      head: { ref: blockResult.head.ref, commit: blockResult.head.commit },
      base: blockResult.base,
      range: blockResult.range,
      verdict: blockResult.verdict,
      tool: { version: blockResult.tool.version, name: blockResult.tool.name },
      version: blockResult.version,
    };
    const out = renderJson(blockResult);
    expect(renderJson(reordered)).toBe(out);
    expect(renderJson(blockResult)).toBe(out);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toBe('  "version": 1,');
  });

  it('writes keys in the documented order and sorts findings by category, severity, file, line', () => {
    const parsed: unknown = JSON.parse(renderJson(blockResult));
    expect(Object.keys(isRecord(parsed) ? parsed : {})).toEqual(['version', 'tool', 'verdict', 'range', 'base', 'head', 'policy', 'findings', 'claims', 'stats']);
    const claims = at(parsed, 'claims');
    // Contradicted, then unverifiable, then supported.
    expect(Array.isArray(claims) ? claims.map((check) => at(check, 'status')) : []).toEqual(['contradicted', 'unverifiable', 'supported']);
    const findings = at(parsed, 'findings');
    const ids = Array.isArray(findings) ? findings.map((finding) => at(finding, 'ruleId')) : [];
    expect(ids).toEqual([
      'coverage/scope-narrowed',
      'coverage/threshold-lowered',
      'tests/deleted',
      'types/suppression-added',
      'lint/disable-added',
      'ci/step-non-blocking',
      'config/unresolvable',
    ]);
    const first: unknown = Array.isArray(findings) ? findings[0] : undefined;
    expect(Object.keys(isRecord(first) ? first : {})).toEqual(['ruleId', 'category', 'severity', 'message', 'file', 'line', 'side', 'before', 'after', 'why', 'fix', 'fingerprint']);
  });

  it('drops properties outside the contract instead of leaking them', () => {
    const extra = { ...blockResult, secretToken: 'x', findings: blockResult.findings.map((finding) => ({ ...finding, debug: 'internal' })) };
    const out = renderJson(extra);
    expect(out).not.toContain('secretToken');
    expect(out).not.toContain('internal');
  });

  it('rejects what the contract does not allow', () => {
    const good: unknown = JSON.parse(renderJson(blockResult));
    if (!isRecord(good)) throw new Error('not an object');
    expect(validate({ ...good, extra: true })).toBe(false);
    expect(validate({ ...good, verdict: 'ok' })).toBe(false);
    expect(validate({ ...good, version: 2 })).toBe(false);
    expect(validate({ ...good, base: { commit: 'main', ref: 'main' } })).toBe(false);
    const findings = Array.isArray(good.findings) ? good.findings : [];
    expect(validate({ ...good, findings: [{ ...findings[0], category: 'style' }] })).toBe(false);
    expect(validate({ ...good, findings: [{ ...findings[0], line: 1.5 }] })).toBe(false);
  });
});

describe('schema/report.schema.json', () => {
  it('uses the TypeScript constants for its enums, so they cannot drift', () => {
    expect(at(schema, '$defs', 'category', 'enum')).toEqual([...CATEGORIES]);
    expect(at(schema, '$defs', 'severity', 'enum')).toEqual([...SEVERITIES]);
    expect(at(schema, '$defs', 'verdict', 'enum')).toEqual(VERDICTS);
    expect(at(schema, '$defs', 'side', 'enum')).toEqual(SIDES);
    expect(at(schema, '$defs', 'skipped', 'properties', 'reason', 'enum')).toEqual(SKIP_REASONS);
    expect(at(schema, 'properties', 'version', 'const')).toBe(REPORT_VERSION);
    expect(at(schema, '$schema')).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
