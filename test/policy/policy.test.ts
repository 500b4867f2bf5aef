import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { Finding } from '../../src/core/types.js';
import { applyPolicy, verdictOf } from '../../src/engine/apply-policy.js';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import { defaultPolicy } from '../../src/policy/policy.js';

const known = new Set(['tests/disabled', 'types/suppression']);

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'types/suppression',
    category: 'type-suppression',
    severity: 'warn',
    message: 'Added `@ts-ignore`',
    file: 'src/a.ts',
    line: 3,
    side: 'head',
    why: 'why',
    fix: 'fix',
    fingerprint: '0'.repeat(32),
    ...overrides,
  };
}

describe('parsePolicy', () => {
  it('reads severities, ignores with reasons and path groups', () => {
    const policy = parsePolicy(
      [
        '# yaml-language-server: $schema=./node_modules/gatehouse/schema/gatehouse.schema.json',
        'version: 1',
        'rules:',
        '  types/suppression: block',
        '  tests/disabled: off',
        'ignore:',
        '  - paths: ["legacy/**"]',
        '    rules: [types/suppression]',
        '    reason: Legacy code, typed in ACME-12',
        'paths:',
        '  generated: ["gen/**"]',
      ].join('\n'),
      'gatehouse.yml',
      known,
    );
    expect(policy.severities).toEqual({ 'types/suppression': 'block', 'tests/disabled': 'off' });
    expect(policy.ignore[0]!.matches('legacy/old.ts')).toBe(true);
    expect(policy.ignore[0]!.matches('src/old.ts')).toBe(false);
    expect(policy.paths.isGenerated('gen/api.ts')).toBe(true);
    expect(policy.paths.isGenerated('dist/a.js')).toBe(false);
    expect(policy.paths.isTest('src/a.test.ts')).toBe(true);
  });

  it.each([
    ['rules:\n  tests/disabled: loud\n', 'gatehouse.yml:2: rules.tests/disabled: must be one of "block", "warn", "info", "off"'],
    ['rules:\n  nope/rule: warn\n', "gatehouse.yml:2: rules: unknown rule 'nope/rule'"],
    ['ignore:\n  - paths: ["a/**"]\n', 'gatehouse.yml:2: ignore[0].reason: expected string'],
    ['ignore:\n  - paths: ["a/**"]\n    reason: "  "\n', 'gatehouse.yml:3: ignore[0].reason: must not be empty'],
    ['ignore:\n  - paths: []\n    reason: x\n', 'gatehouse.yml:2: ignore[0].paths: must list at least one entry'],
    ['colour: red\n', "gatehouse.yml:1: unknown setting 'colour'"],
    ['rules: [\n', 'gatehouse.yml:2: invalid YAML'],
    ['rules:\n  a: 1\n  a: 2\n', 'gatehouse.yml:3: invalid YAML'],
    ['version: 2\n', 'gatehouse.yml:1: version: must be one of 1'],
  ])('rejects %j with a one-line error naming the line', (text, message) => {
    let error: unknown;
    try {
      parsePolicy(text, 'gatehouse.yml', known);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('an empty file is the default policy', () => {
    expect(parsePolicy('', 'gatehouse.yml', known).severities).toEqual({});
  });
});

describe('applyPolicy and verdict', () => {
  it('ignored findings carry their reason and do not count', () => {
    const policy = parsePolicy('ignore:\n  - paths: ["legacy/**"]\n    reason: tracked in ACME-12\n', 'gatehouse.yml', known);
    const ignored = applyPolicy(finding({ file: 'legacy/a.ts', severity: 'block' }), policy);
    expect(ignored.ignored).toEqual({ reason: 'tracked in ACME-12' });
    expect(verdictOf([ignored])).toBe('pass');
  });

  it('generated and vendored code is capped at info, protected config is not', () => {
    const policy = defaultPolicy();
    expect(applyPolicy(finding({ file: 'dist/app.js', severity: 'block' }), policy)).toMatchObject({ severity: 'info', pathGroup: 'generated' });
    expect(applyPolicy(finding({ file: 'vendor/lib/a.js' }), policy)).toMatchObject({ severity: 'info', pathGroup: 'vendored' });
    const owners = finding({ ruleId: 'gates/protected-file-changed', category: 'protected-config', file: 'vendor/AGENTS.md' });
    expect(applyPolicy(owners, policy).severity).toBe('warn');
  });

  it('block beats warn beats info', () => {
    expect(verdictOf([])).toBe('pass');
    expect(verdictOf([finding({ severity: 'info' })])).toBe('pass');
    expect(verdictOf([finding({ severity: 'info' }), finding({ severity: 'warn' })])).toBe('needs-human');
    expect(verdictOf([finding({ severity: 'warn' }), finding({ severity: 'block' })])).toBe('block');
  });
});
