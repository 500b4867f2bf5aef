import { describe, expect, it } from 'vitest';
import { chainLookups, evaluateCondition, evaluateText, interpolate, lookupIn, unknownLookup, type Lookup } from '../../../src/inspect/workflows/expressions.js';

const pr: Lookup = chainLookups((p) => (p.join('.') === 'github.event_name' ? { known: true, value: 'pull_request' } : { known: false }), lookupIn('matrix', { node: 20, os: 'ubuntu-latest', experimental: false, cfg: { coverage: true } }), lookupIn('inputs', { target: 'unit', skip: '' }));

describe('evaluateCondition', () => {
  it.each([
    [false, 'false'],
    [true, 'true'],
    ['false', 'false'],
    ['${{ false }}', 'false'],
    ["${{ 'false' }}", 'true'], // a non-empty string is truthy
    ['0', 'false'],
    ["''", 'false'],
    ['null', 'false'],
    ['always()', 'true'],
    ['${{ always() }}', 'true'],
    ['success()', 'true'],
    ['failure()', 'false'],
    ['cancelled()', 'false'],
    ['success() || failure()', 'true'],
    ['!cancelled()', 'true'],
    ['failure() && github.ref == \'refs/heads/main\'', 'false'],
    ['always() && github.ref == \'refs/heads/main\'', 'unknown'],
    ["github.event_name == 'push'", 'false'],
    ["github.event_name != 'push'", 'true'],
    ["github.event_name == 'PULL_REQUEST'", 'true'], // strings compare case-insensitively
    ["contains(github.ref, 'release')", 'unknown'],
    ["contains(github.ref, 'release') && false", 'false'],
    ["contains(github.ref, 'release') || true", 'true'],
    ['matrix.node == 20', 'true'],
    ["matrix.node == '20'", 'true'], // loose equality coerces the string
    ['matrix.experimental', 'false'],
    ['matrix.cfg.coverage', 'true'],
    ["inputs.target == 'e2e'", 'false'],
    ['inputs.skip', 'false'],
    ['!inputs.skip', 'true'],
    ['inputs.unknown-input', 'unknown'],
    ["startsWith(matrix.os, 'UBUNTU')", 'true'],
    ["endsWith(matrix.os, '-latest')", 'true'],
    ["contains(fromJSON('[\"unit\",\"e2e\"]'), inputs.target)", 'true'],
    ["format('{0}-{1}', matrix.os, matrix.node) == 'ubuntu-latest-20'", 'true'],
    ['1 < 2', 'true'],
    ['null == 0', 'true'],
    ['true == 1', 'true'],
    ["'' == 0", 'true'],
    ["hashFiles('**/package-lock.json') != ''", 'unknown'],
    ["${{ github.event_name == 'push' }} && false", 'true'], // text around ${{ }}: a non-empty string
    ["${{ github.event_name == 'push' }}\n", 'true'], // block scalar with a trailing newline
    ["${{ github.event_name == 'push' }}", 'false'],
    ['(((', 'unknown'],
  ])('%j → %s', (condition, expected) => {
    expect(evaluateCondition(condition, pr)).toBe(expected);
  });

  it('a missing condition runs', () => {
    expect(evaluateCondition(undefined, unknownLookup)).toBe('true');
  });
});

describe('evaluateText and interpolate', () => {
  it('&& and || return an operand', () => {
    expect(evaluateText("matrix.node == 20 && 'yes' || 'no'", pr)).toEqual({ known: true, value: 'yes' });
    expect(evaluateText("inputs.skip || 'fallback'", pr)).toEqual({ known: true, value: 'fallback' });
  });

  it('replaces known expressions and keeps unknown ones as written', () => {
    const result = interpolate('npx vitest run --project ${{ inputs.target }} --shard ${{ matrix.shard }} # ${{ secrets.TOKEN }}', pr);
    expect(result.text).toBe('npx vitest run --project unit --shard ${{ matrix.shard }} # ${{ secrets.TOKEN }}');
    expect(result.unknown).toEqual(['matrix.shard', 'secrets.TOKEN']);
  });

  it("a '}}' inside a string literal does not close the expression", () => {
    expect(interpolate("echo ${{ format('{{0}}', 'x') }}", pr).text).toBe('echo {0}');
  });
});
