import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { SARIF_FINGERPRINT_KEY, pathToUri, renderSarif, toSarif } from '../../src/report/sarif.js';
import { ALL_RESULTS, NASTY_PATH, RULES, blockResult, nastyResult, passResult, readJson } from './fixtures.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 3986 characters, with well-formed percent escapes. */
const URI_CHARACTERS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;

/**
 * The official SARIF 2.1.0 schema (OASIS, rtm.5) is draft-04; Ajv 8 reads draft-07. The only
 * draft-04 construct in it is the top-level `id`, so it is renamed `$id` and `$schema` dropped.
 * Its `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is not a valid Unicode-mode
 * regular expression, hence `unicodeRegExp: false`. Formats are checked by small local
 * definitions (ajv-formats is not a dependency).
 */
function sarifValidator(): ReturnType<Ajv['compile']> {
  const schema = readJson('schema/sarif-2.1.0.json');
  if (!isRecord(schema) || typeof schema.id !== 'string') throw new Error('not the draft-04 SARIF schema');
  const rest = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema' && key !== 'id'));
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri-reference', URI_CHARACTERS);
  ajv.addFormat('uri', (value) => URI_CHARACTERS.test(value) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value));
  ajv.addFormat('date-time', (value) => !Number.isNaN(Date.parse(value)));
  return ajv.compile({ ...rest, $id: schema.id });
}

const validate = sarifValidator();
const log = toSarif(blockResult, RULES);
const run = log.runs[0];
const rules = run.tool.driver.rules;
const results = run.results;

function resultFor(finding: Pick<Finding, 'fingerprint'>): (typeof results)[number] {
  const found = results.find((result) => result.partialFingerprints[SARIF_FINGERPRINT_KEY] === finding.fingerprint);
  if (found === undefined) throw new Error(`no result for ${finding.fingerprint}`);
  return found;
}

describe('renderSarif', () => {
  it.each(ALL_RESULTS)('validates against the official SARIF 2.1.0 schema (%s)', (_name, result) => {
    const parsed: unknown = JSON.parse(renderSarif(result, RULES));
    const valid = validate(parsed);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('validates with no rule metadata at all', () => {
    expect(validate(JSON.parse(renderSarif(nastyResult, [])))).toBe(true);
  });

  it('the validator does reject invalid SARIF', () => {
    const bad: unknown = JSON.parse(renderSarif(blockResult, RULES).replace('"level": "error"', '"level": "fatal"'));
    expect(validate(bad)).toBe(false);
    const spaced: unknown = JSON.parse(renderSarif(blockResult, RULES).replace('"uri": "vitest.config.ts"', '"uri": "vitest config.ts"'));
    expect(validate(spaced)).toBe(false);
  });

  it('has one run with the gatehouse driver and every rule, sorted by id', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('gatehouse');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver).not.toHaveProperty('informationUri');
    const ids = rules.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain('tests/assertions-removed'); // passed in, no finding
    expect(ids).toContain('config/unresolvable'); // finding, not passed in
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('maps severities to levels for rules and results', () => {
    const scope = rules.find((rule) => rule.id === 'coverage/scope-narrowed');
    expect(scope).toMatchObject({
      shortDescription: { text: 'Coverage measures fewer files' },
      fullDescription: { text: 'Why coverage/scope-narrowed matters.' },
      help: { text: 'Why coverage/scope-narrowed matters.\n\nHow to fix: How to fix coverage/scope-narrowed.' },
      defaultConfiguration: { level: 'error' },
      properties: { category: 'coverage-scope' },
    });
    expect(rules.find((rule) => rule.id === 'tests/deleted')?.defaultConfiguration.level).toBe('warning');
    const levels = Object.fromEntries(blockResult.findings.map((finding) => [finding.fingerprint, resultFor(finding).level]));
    expect(levels).toEqual({
      c0v3r4g3sc0p3a1: 'error',
      thr35h0ld10w3r3d: 'error',
      c1n0nbl0ck1ng: 'error',
      t35td3l3t3dcart: 'warning',
      ts1gn0r3: 'warning',
      unr3s0lv4bl3: 'note',
      '1gn0r3dl1nt': 'note',
    });
  });

  it('puts every claim the evidence did not contradict on the report: kind pass (supported) or review (unverifiable), level none', () => {
    const claims = results.filter((result) => result.kind !== undefined);
    expect(claims.map((result) => [result.kind, result.level, result.ruleId, rules[result.ruleIndex]?.id])).toEqual([
      ['review', 'none', 'claims/contradicted', 'claims/contradicted'],
      ['pass', 'none', 'claims/contradicted', 'claims/contradicted'],
    ]);
    const [unverifiable, supported] = claims;
    expect(unverifiable?.message.text).toBe(
      'Unverifiable: "No lint errors" — no lint gate ran: run `gatehouse audit --check` with a lint gate in gatehouse.yml (commit 9f8e7d6c5b4a:3)',
    );
    // A claim from a commit message has no file to point at; one from the report file does.
    expect(unverifiable?.locations).toEqual([]);
    expect(supported?.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'pr.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 13 } } }]);
    expect(supported?.properties.claim).toEqual({ kind: 'tests-pass', status: 'supported', evidence: ['junit reports/junit.xml: 12 passed, 0 failed, 0 skipped'], gap: null });
  });

  it('gives every result its fingerprint, a ruleIndex that points at its rule, and its evidence', () => {
    const undecided = blockResult.claims.filter((check) => check.status !== 'contradicted');
    expect(results).toHaveLength(blockResult.findings.length + undecided.length);
    for (const finding of blockResult.findings) {
      const result = resultFor(finding);
      expect(result.ruleId).toBe(finding.ruleId);
      expect(rules[result.ruleIndex]?.id).toBe(finding.ruleId);
      expect(result.partialFingerprints).toEqual({ 'gatehouse/v1': finding.fingerprint });
      expect(result.properties.category).toBe(finding.category);
      expect(result.properties.before).toBe(finding.before);
      expect(result.properties.after).toBe(finding.after);
    }
  });

  it('locates results by repository-relative URI under %SRCROOT% with a start line', () => {
    const scope = resultFor({ fingerprint: 'c0v3r4g3sc0p3a1' });
    expect(scope.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'vitest.config.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 14 } } },
    ]);
    expect(scope.properties.side).toBe('head');
    // A whole-file finding (line 0) has no region rather than an invalid one.
    expect(resultFor({ fingerprint: 'unr3s0lv4bl3' }).locations[0]?.physicalLocation).not.toHaveProperty('region');
  });

  it('keeps base-side findings located at the path, marked side: base', () => {
    const deleted = resultFor({ fingerprint: 't35td3l3t3dcart' });
    expect(deleted.locations[0]?.physicalLocation.artifactLocation.uri).toBe('test/web/cart.test.ts');
    expect(deleted.locations[0]?.physicalLocation.region).toEqual({ startLine: 42 });
    expect(deleted.properties.side).toBe('base');
    expect(deleted.message.text).toBe("Test 'cart › totals the cart' was deleted (line 42 of the base revision)");
  });

  it('suppresses ignored findings externally with the policy reason', () => {
    expect(resultFor({ fingerprint: '1gn0r3dl1nt' })).toMatchObject({
      suppressions: [{ kind: 'external', status: 'accepted', justification: 'Generated client; regenerated by openapi-generator on every build' }],
      properties: { pathGroup: 'generated' },
    });
    expect(resultFor({ fingerprint: 'c0v3r4g3sc0p3a1' })).not.toHaveProperty('suppressions');
  });

  it('has an empty result list on a clean pass', () => {
    const empty = toSarif(passResult, RULES).runs[0];
    expect(empty.results).toEqual([]);
    expect(empty.properties).toEqual({ verdict: 'pass', range: 'HEAD', baseCommit: null, headCommit: passResult.head.commit, policy: 'defaults' });
  });

  it('is stable for the same input', () => {
    expect(renderSarif(blockResult, [...RULES].reverse())).toBe(renderSarif({ ...blockResult, findings: [...blockResult.findings].reverse() }, RULES));
  });
});

describe('pathToUri', () => {
  it('percent-encodes spaces, non-ASCII and reserved characters per segment', () => {
    expect(pathToUri('src/my page/ünïcode 日本.ts')).toBe('src/my%20page/%C3%BCn%C3%AFcode%20%E6%97%A5%E6%9C%AC.ts');
    expect(pathToUri('a#b?c%d:e.ts')).toBe('a%23b%3Fc%25d%3Ae.ts');
    expect(pathToUri('.github/workflows/ci.yml')).toBe('.github/workflows/ci.yml');
  });

  it.each([NASTY_PATH, 'old dir/a,b:c%.test.ts', 'src/my page/ünïcode 日本.ts', 'c:/x', 'lone\uD800surrogate'])(
    'gives a valid relative URI reference that resolves back to the path: %j',
    (path) => {
      const uri = pathToUri(path);
      expect(uri).toMatch(URI_CHARACTERS);
      const resolved = new URL(uri, 'file:///repo/');
      expect(resolved.protocol).toBe('file:');
      expect(decodeURIComponent(resolved.pathname)).toBe(`/repo/${path.replace('\uD800', '\uFFFD')}`);
    },
  );
});
