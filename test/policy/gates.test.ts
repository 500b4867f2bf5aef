import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import { formatDuration } from '../../src/gates/duration.js';

const known = new Set<string>();

const VITEST_PROJECT = [
  'version: 1',
  'gates:',
  '  build: { kind: build, run: npm run build }',
  '  unit:',
  '    kind: test',
  '    run: npx vitest run --coverage --reporter=junit --outputFile.junit=reports/junit.xml',
  '    evidence:',
  '      junit: reports/junit.xml',
  '      coverage: [coverage/coverage-final.json, coverage/lcov.info]',
  '    timeout: 10m',
  '    env: { CI: "true", RETRIES: 0, STRICT: true }',
  '    needs: [build]',
  '    max-skipped: 0',
  '    cwd: packages/app/',
  '  types: { kind: typecheck, run: npx tsc --noEmit, evidence: { tsc: null }, timeout: 90 }',
  '',
].join('\n');

describe('gates in gatehouse.yml', () => {
  it('reads definitions with defaults, durations, evidence lists and the line of each gate', () => {
    const policy = parsePolicy(VITEST_PROJECT, 'gatehouse.yml@abc', known);
    expect(policy.gates.map((gate) => gate.name)).toEqual(['build', 'unit', 'types']);
    const [build, unit, types] = policy.gates;
    expect(build).toEqual({
      name: 'build',
      kind: 'build',
      run: 'npm run build',
      evidence: [],
      timeoutMs: 30 * 60_000,
      env: {},
      needs: [],
      maxSkipped: null,
      cwd: '',
      line: 3,
    });
    expect(unit).toMatchObject({
      kind: 'test',
      timeoutMs: 600_000,
      env: { CI: 'true', RETRIES: '0', STRICT: 'true' },
      needs: ['build'],
      maxSkipped: 0,
      cwd: 'packages/app',
      line: 4,
      evidence: [
        { format: 'junit', path: 'reports/junit.xml' },
        { format: 'coverage', path: 'coverage/coverage-final.json' },
        { format: 'coverage', path: 'coverage/lcov.info' },
      ],
    });
    expect(types).toMatchObject({ evidence: [{ format: 'tsc', path: null }], timeoutMs: 90_000, line: 15 });
  });

  it('orders gates after the gates they need, whatever the declaration order', () => {
    const policy = parsePolicy(
      'gates:\n  e2e: { kind: e2e, run: x, needs: [build, unit] }\n  unit: { kind: test, run: y, needs: [build] }\n  build: { kind: build, run: z }\n  lint: { kind: lint, run: w }\n',
      'gatehouse.yml',
      known,
    );
    expect(policy.gates.map((gate) => gate.name)).toEqual(['build', 'unit', 'e2e', 'lint']);
  });

  it('a policy without gates has none', () => {
    expect(parsePolicy('rules: {}\n', 'gatehouse.yml', known).gates).toEqual([]);
  });

  it.each([
    ['gates:\n  unit: { kind: test, run: x, needs: [build] }\n', "gatehouse.yml:2: gates.unit.needs: unknown gate 'build' (declared: unit)"],
    ['gates:\n  a: { kind: test, run: x, needs: [b] }\n  b: { kind: test, run: y, needs: [a] }\n', 'gatehouse.yml:2: gates.a.needs: cycle in needs: a → b → a'],
    ['gates:\n  a: { kind: test, run: x, needs: [a] }\n', "gates.a.needs: gate 'a' cannot need itself"],
    ['gates:\n  unit:\n    kind: test\n    run: x\n    evidence: { xml: a.xml }\n', "gatehouse.yml:5: gates.unit.evidence: unknown evidence format 'xml' (known: junit, coverage, eslint, sarif, tsc)"],
    ['gates:\n  unit:\n    kind: test\n    run: x\n    evidence: { junit: null }\n', "gatehouse.yml:5: gates.unit.evidence.junit: expected a path or a list of paths (only tsc evidence can be null: the command's own output)"],
    ['gates:\n  unit:\n    kind: test\n    run: x\n    evidence: { junit: [] }\n', 'gatehouse.yml:5: gates.unit.evidence.junit: must list at least one entry'],
    ['gates:\n  unit:\n    kind: test\n    run: x\n    evidence: { tsc: 3 }\n', 'gatehouse.yml:5: gates.unit.evidence.tsc: expected a path, a list of paths, or null (its own output)'],
    ['gates:\n  unit:\n    kind: test\n    run: x\n    evidence: { junit: ../out/junit.xml }\n', "gatehouse.yml:5: gates.unit.evidence.junit: '../out/junit.xml' must be a relative path inside the checkout"],
    ['gates:\n  unit:\n    kind: test\n    run: x\n    evidence: { junit: /tmp/junit.xml }\n', 'must be a relative path inside the checkout'],
    ['gates:\n  unit:\n    kind: test\n    run: x\n    timeout: 10 minutes\n', 'gatehouse.yml:5: gates.unit.timeout: not a duration: use 30s, 10m, 1h or a number of seconds'],
    ['gates:\n  unit:\n    kind: test\n    run: x\n    timeout: 0\n', 'gatehouse.yml:5: gates.unit.timeout: not a duration'],
    ['gates:\n  unit:\n    kind: test\n    run: x\n    timeout: 0s\n', 'gatehouse.yml:5: gates.unit.timeout: must be more than zero'],
    ['gates:\n  unit: { kind: test, run: x }\n  unit: { kind: lint, run: y }\n', "gatehouse.yml:3: invalid YAML: duplicate key 'unit'"],
    ['gates:\n  unit: { kind: unit-tests, run: x }\n', 'gatehouse.yml:2: gates.unit.kind: must be one of "lint", "typecheck", "test", "e2e", "coverage", "build", "custom"'],
    ['gates:\n  unit: { kind: test }\n', 'gatehouse.yml:2: gates.unit.run: expected string'],
    ['gates:\n  unit: { kind: test, run: "  " }\n', 'gates.unit.run: must not be empty'],
    ['gates:\n  unit: { kind: test, run: x, retries: 3 }\n', "gatehouse.yml:2: gates.unit: unknown setting 'retries'"],
    ['gates:\n  unit: { kind: test, run: x, max-skipped: -1 }\n', 'gates.unit.max-skipped'],
    ['gates:\n  unit:\n    kind: test\n    run: x\n    evidence: { junit: ./ }\n', "gatehouse.yml:5: gates.unit.evidence.junit: './' is the checkout root, not a file"],
    ['gates:\n  unit:\n    kind: test\n    run: x\n    evidence: { junit: reports/../.. }\n', 'must be a relative path inside the checkout'],
    ['gates:\n  unit: { kind: test, run: x, cwd: ../elsewhere }\n', "gates.unit.cwd: '../elsewhere' must be a relative path inside the checkout"],
    ['gates:\n  "my gate": { kind: test, run: x }\n', "gatehouse.yml:2: gates.my gate: gate names use letters"],
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

  it('formats durations for reasons', () => {
    expect(formatDuration(600_000)).toBe('10m');
    expect(formatDuration(12_345)).toBe('12.3s');
    expect(formatDuration(3_690_000)).toBe('1h 1m 30s');
    expect(formatDuration(250)).toBe('250ms');
  });
});
