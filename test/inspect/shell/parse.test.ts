import { beforeAll, describe, expect, it } from 'vitest';
import type { ShellOptions } from '../../../src/inspect/shell/model.js';
import { loadShellParser, parseShell } from '../../../src/inspect/shell/parse.js';

beforeAll(async () => {
  await loadShellParser();
});

/** Each command as "words → masking" ("ok" when its failure fails the script). */
const facts = (script: string, options?: ShellOptions) =>
  parseShell(script, options).commands.map((command) => `${command.words.map((w) => w.text).join(' ')} → ${command.masked ? command.masked.how : 'ok'}`);

describe('parseShell: words', () => {
  it('removes quotes and escapes, keeps env assignments apart, and keeps lines', () => {
    const script = parseShell(`CI=1 npx jest --x='{"a": 1}' "b c" d\\ e && echo ok\nnyc \\\n  --lines 90 ava`, { firstLine: 3 });
    expect(script.error).toBeNull();
    const [jest, echo, nyc] = script.commands;
    expect(jest!.env.map((w) => w.text)).toEqual(['CI=1']);
    expect(jest!.words.map((w) => w.text)).toEqual(['npx', 'jest', '--x={"a": 1}', 'b c', 'd e']);
    expect(echo!.words.map((w) => w.text)).toEqual(['echo', 'ok']);
    expect(nyc!.words.map((w) => [w.text, w.line])).toEqual([['nyc', 4], ['--lines', 5], ['90', 5], ['ava', 5]]);
    expect(jest!.text).toBe(`CI=1 npx jest --x='{"a": 1}' "b c" d\\ e`);
  });

  it('reports a syntax error with its line and no commands', () => {
    const script = parseShell('vitest run\nif [ -f x ]; then eslint .', { firstLine: 10 });
    expect(script.commands).toEqual([]);
    expect(script.error?.line).toBeGreaterThanOrEqual(10);
  });

  it('reads commands inside $(…), marked as substituted', () => {
    const script = parseShell('echo $(git rev-parse HEAD) > f 2>&1');
    expect(script.commands.map((c) => [c.words[0]!.text, c.substituted])).toEqual([['echo', false], ['git', true]]);
  });
});

describe('parseShell: whether a failure fails the script', () => {
  it('sh -c (npm scripts): only the last command of a sequence, && chains, || rescues', () => {
    expect(facts('eslint . && vitest run')).toEqual(['eslint . → ok', 'vitest run → ok']);
    expect(facts('eslint .; vitest run')).toEqual(['eslint . → not-last', 'vitest run → ok']);
    expect(facts('vitest run || true')).toEqual(['vitest run → or', 'true → ok']);
    expect(facts('vitest run || echo failed')).toEqual(['vitest run → or', 'echo failed → ok']);
    expect(facts('vitest run; exit 0')).toEqual(['vitest run → exit-after', 'exit 0 → ok']);
    expect(facts('vitest run || exit 1')).toEqual(['vitest run → ok', 'exit 1 → ok']);
    expect(facts('vitest run || { echo "tests failed"; exit 1; }')).toEqual(['vitest run → ok', 'echo tests failed → not-last', 'exit 1 → ok']);
    expect(facts('rm -rf dist || true; tsc -p .')).toEqual(['rm -rf dist → or', 'true → not-last', 'tsc -p . → ok']);
    expect(facts('vitest run; exit $?')).toEqual(['vitest run → ok', 'exit $? → ok']);
  });

  it('pipelines, background jobs, negation', () => {
    expect(facts('vitest run | tee log')).toEqual(['vitest run → pipeline', 'tee log → ok']);
    expect(facts('set -o pipefail; vitest run | tee log')).toEqual(['set -o pipefail → not-last', 'vitest run → ok', 'tee log → ok']);
    expect(facts('vitest run & wait')).toEqual(['vitest run → background', 'wait → ok']);
    expect(facts('! eslint .')).toEqual(['eslint . → negated']);
  });

  it('set -e (husky, workflow steps) and set +e', () => {
    expect(facts('eslint .\nvitest run', { errexit: true })).toEqual(['eslint . → ok', 'vitest run → ok']);
    expect(facts('set +e\neslint .\nvitest run', { errexit: true })).toEqual(['set +e → ok', 'eslint . → errexit-off', 'vitest run → ok']);
    expect(facts('set -e\neslint .\nvitest run')).toEqual(['set -e → not-last', 'eslint . → ok', 'vitest run → ok']);
    expect(facts('set -euo pipefail\neslint . | tee l\necho done')).toEqual(['set -euo pipefail → not-last', 'eslint . → ok', 'tee l → ok', 'echo done → ok']);
    // Under set -e the left of && is exempt: its failure is the list's status, which is not the last.
    expect(facts('eslint . && echo linted\necho done', { errexit: true })).toEqual(['eslint . → not-last', 'echo linted → ok', 'echo done → ok']);
  });

  it('if, loops and subshells: the commands inside run', () => {
    expect(facts('if [ -n "$CI" ]; then vitest run; else vitest; fi')).toEqual(['vitest run → ok', 'vitest → ok']);
    expect(facts('if ! vitest run; then echo failed; exit 1; fi')).toEqual(['vitest run → ok', 'echo failed → not-last', 'exit 1 → ok']);
    expect(facts('if vitest run; then echo passed; fi')).toEqual(['vitest run → condition', 'echo passed → ok']);
    expect(facts('for p in a b; do tsc -p $p; done')).toEqual(['tsc -p $p → ok']);
    expect(facts('(cd app && jest) ; echo done')).toEqual(['cd app → not-last', 'jest → not-last', 'echo done → ok']);
    expect(facts('(cd app && jest)')).toEqual(['cd app → ok', 'jest → ok']);
  });

  it('does not read past an exit', () => {
    expect(facts('exit 0\nvitest run')).toEqual(['exit 0 → ok']);
  });
});
