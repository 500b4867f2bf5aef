import { beforeAll, describe, expect, it } from 'vitest';
import type { ConfigSource } from '../../../src/inspect/config-source.js';
import { loadGateClassifier, type GateClassifier } from '../../../src/inspect/workflows/classifier.js';
import { expandWorkflows, workflowRunSteps } from '../../../src/inspect/workflows/expand.js';
import { describeCell } from '../../../src/inspect/workflows/matrix.js';
import type { WorkflowFacts } from '../../../src/inspect/workflows/model.js';

let classifier: GateClassifier;
beforeAll(async () => {
  classifier = await loadGateClassifier();
  await classifier.load();
});

function expand(files: Record<string, string>): WorkflowFacts {
  const source: ConfigSource = { paths: Object.keys(files), read: (file) => files[file] ?? null };
  return expandWorkflows(source, classifier);
}

const pkg = JSON.stringify({ scripts: { lint: 'eslint .', test: 'vitest run', 'test:e2e': 'playwright test' } });

describe('expandWorkflows', () => {
  it('expands a gate step per event and matrix cell, with matrix values in run and continue-on-error', () => {
    const facts = expand({
      'package.json': pkg,
      '.github/workflows/ci.yml': `on: [push, pull_request, workflow_dispatch]
jobs:
  test:
    runs-on: ubuntu-latest
    continue-on-error: \${{ matrix.experimental }}
    strategy:
      matrix:
        node: [20, 22]
        include:
          - node: 24
            experimental: true
    steps:
      - run: npx vitest run --shard=\${{ matrix.node }}
`,
    });
    expect(facts.steps).toHaveLength(6); // push and pull_request (workflow_dispatch checks no change) × 3 cells
    const pr = facts.steps.filter((s) => s.event === 'pull_request');
    expect(pr.map((s) => describeCell(s.cell))).toEqual(['{node: 20}', '{node: 22}', '{experimental: true, node: 24}']);
    expect(pr.map((s) => s.script?.script)).toEqual(['npx vitest run --shard=20', 'npx vitest run --shard=22', 'npx vitest run --shard=24']);
    expect(pr.map((s) => s.nonBlocking?.text ?? null)).toEqual([null, null, 'continue-on-error: ${{ matrix.experimental }}']);
    expect(pr[0]).toMatchObject({ file: '.github/workflows/ci.yml', line: 13, job: 'test', matrixAt: { file: '.github/workflows/ci.yml', line: 6 } });
    expect(pr[0]!.gates).toEqual([expect.objectContaining({ kind: 'test', tool: 'vitest', line: 13, masked: null })]);
  });

  it('inlines a local reusable workflow with its inputs and a composite action with its own lines', () => {
    const facts = expand({
      'package.json': pkg,
      '.github/workflows/ci.yml': `on:
  pull_request:
jobs:
  e2e:
    strategy:
      matrix:
        browser: [chromium, webkit]
    uses: ./.github/workflows/e2e.yml
    with:
      project: \${{ matrix.browser }}
`,
      '.github/workflows/e2e.yml': `on:
  workflow_call:
    inputs:
      project:
        type: string
      shard:
        type: string
        default: 1/1
jobs:
  run:
    runs-on: ubuntu-latest
    if: inputs.project != 'skip'
    steps:
      - uses: ./.github/actions/checks
        with:
          what: lint
      - run: npx playwright test --project=\${{ inputs.project }} --shard=\${{ inputs.shard }}
`,
      '.github/actions/checks/action.yml': `name: checks
inputs:
  what:
    required: true
runs:
  using: composite
  steps:
    - run: npm run \${{ inputs.what }}
      shell: bash
`,
    });
    const lint = facts.steps.filter((s) => s.gates.some((g) => g.tool === 'eslint'));
    expect(lint.map((s) => [s.file, s.line, s.job, describeCell(s.cell)])).toEqual([
      ['.github/actions/checks/action.yml', 8, 'e2e/run', '{browser: chromium}'],
      ['.github/actions/checks/action.yml', 8, 'e2e/run', '{browser: webkit}'],
    ]);
    const e2e = facts.steps.filter((s) => s.gates.some((g) => g.kind === 'e2e'));
    expect(e2e.map((s) => s.script?.script)).toEqual(['npx playwright test --project=chromium --shard=1/1', 'npx playwright test --project=webkit --shard=1/1']);
    expect(e2e.every((s) => s.disabled === null && s.conditions.length === 0 && s.workflow === '.github/workflows/ci.yml')).toBe(true);
  });

  it('reports what it cannot resolve: invalid YAML, a missing action, a dynamic matrix, a cycle', () => {
    const facts = expand({
      '.github/workflows/broken.yml': 'on: push\njobs:\n  a: [\n',
      '.github/workflows/ci.yml': `on: push
jobs:
  setup:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/missing
  test:
    needs: setup
    strategy:
      matrix:
        node: \${{ fromJSON(needs.setup.outputs.nodes) }}
    runs-on: ubuntu-latest
    steps:
      - run: npx vitest run
  again:
    uses: ./.github/workflows/ci.yml
`,
    });
    expect(facts.invalid).toEqual(['.github/workflows/broken.yml']);
    expect(facts.unresolvable.map((u) => [u.file, u.line, u.message.split(':')[0]])).toEqual([
      ['.github/workflows/broken.yml', 4, 'the workflow is not valid YAML'],
      ['.github/workflows/ci.yml', 6, 'local action `./.github/actions/missing` has no action.yml or action.yaml'],
      ['.github/workflows/ci.yml', 9, 'the matrix of job `test` is computed at run time (`${{ fromJSON(needs.setup.outputs.nodes) }}`)'],
      ['.github/workflows/ci.yml', 16, 'reusable workflow `./.github/workflows/ci.yml` is nested too deeply or calls itself'],
    ]);
    expect(facts.steps).toHaveLength(1);
    expect(facts.steps[0]).toMatchObject({ dynamicMatrix: true, event: 'push' });
    expect(facts.jobs.find((j) => j.id === 'test')).toMatchObject({ needs: ['setup'], gates: ['test:vitest'] });
  });

  it('reads shells as GitHub runs them: bash -e by default, pipefail with shell: bash, pwsh not read', () => {
    const facts = expand({
      '.github/workflows/ci.yml': `on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npx vitest run | tee test.log
      - run: npx vitest run | tee test.log
        shell: bash
      - run: npx eslint .
        shell: pwsh
      - run: |
          npx tsc --noEmit
          echo done
`,
    });
    expect(facts.steps.map((s) => [s.line, s.gates.map((g) => `${g.tool}:${g.masked ?? 'fails'}`).join(',')])).toEqual([
      [6, expect.stringMatching(/^vitest:(?!fails)/)],
      [7, 'vitest:fails'],
      [11, 'tsc:fails'],
    ]);
    // The command's own line inside the block scalar, for findings.
    expect(facts.steps[2]!.gates[0]!.line).toBe(12);
  });

  it('lists every run step per context for command-line readers, without the shell parser', () => {
    const steps = workflowRunSteps({
      paths: ['.github/workflows/ci.yml', '.github/actions/cov/action.yml'],
      read: (file) =>
        ({
          '.github/workflows/ci.yml': 'on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: web\n    strategy:\n      matrix:\n        shard: [1, 2]\n    steps:\n      - run: npx vitest run --coverage.include=src --shard=${{ matrix.shard }}/2\n      - uses: ./.github/actions/cov\n        with:\n          threshold: 90\n',
          '.github/actions/cov/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: npx nyc check-coverage --lines ${{ inputs.threshold }}\n      shell: bash\n',
        })[file] ?? null,
    });
    expect(steps.map((s) => [s.file, s.script.firstLine, s.script.scope.dir, s.script.script])).toEqual([
      ['.github/workflows/ci.yml', 12, 'web', 'npx vitest run --coverage.include=src --shard=1/2'],
      ['.github/actions/cov/action.yml', 4, '', 'npx nyc check-coverage --lines 90'],
      ['.github/workflows/ci.yml', 12, 'web', 'npx vitest run --coverage.include=src --shard=2/2'],
      ['.github/actions/cov/action.yml', 4, '', 'npx nyc check-coverage --lines 90'],
    ]);
  });
});
