import { ciGateWeakened } from '../../src/rules/ci/gate-weakened.js';
import { ruleTester } from '../helpers/rule-tester.js';

/**
 * Workflows shaped like a real TypeScript project: a lint job, a matrix test job (include and
 * exclude) that sets up through a local composite action, an e2e job calling a local reusable
 * workflow with `workflow_call` inputs, a Python job using a remote lint action, an aggregator
 * job branch protection requires, and a deploy job.
 */

const pkg = `${JSON.stringify(
  {
    name: 'shop',
    private: true,
    type: 'module',
    scripts: { build: 'vite build', lint: 'eslint .', typecheck: 'tsc --noEmit', test: 'vitest run', 'test:e2e': 'playwright test' },
    devDependencies: { '@playwright/test': '^1.54.0', eslint: '^9.30.0', typescript: '^5.9.3', vite: '^7.0.0', vitest: '^3.2.4' },
  },
  null,
  2,
)}\n`;

const setupAction = `name: Setup
description: Install Node and dependencies
inputs:
  node-version:
    description: Node.js version
    default: '22'
runs:
  using: composite
  steps:
    - uses: actions/setup-node@v4
      with:
        node-version: \${{ inputs.node-version }}
        cache: npm
    - run: npm ci
      shell: bash
`;

const e2eWorkflow = (steps = `      - run: npx playwright install --with-deps \${{ inputs.browser }}
      - run: npx playwright test --project=\${{ inputs.browser }}
`, condition = '') => `name: E2E
on:
  workflow_call:
    inputs:
      browser:
        type: string
        default: chromium
      run-e2e:
        type: boolean
        default: true
jobs:
  e2e:
    runs-on: ubuntu-latest${condition}
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/setup
${steps}`;

interface Parts {
  on?: string;
  lintJob?: string;
  testJob?: string;
  e2eJob?: string;
  pyJob?: string;
  allGreen?: string;
  deploy?: string;
  extra?: string;
}

const ON = `on:
  push:
    branches: [main]
  pull_request:
    branches: [main]
`;

const LINT = `  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/setup
      - name: Lint
        run: npm run lint
      - name: Typecheck
        run: npm run typecheck
`;

const testJob = (matrix = `        os: [ubuntu-latest, windows-latest]
        node: [20, 22]
        exclude:
          - os: windows-latest
            node: 20
        include:
          - os: ubuntu-latest
            node: 22
            coverage: true`, testStep = `      - name: Unit tests
        run: npm test`) => `  test:
    runs-on: \${{ matrix.os }}
    strategy:
      fail-fast: false
      matrix:
${matrix}
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/setup
        with:
          node-version: \${{ matrix.node }}
${testStep}
      - uses: actions/upload-artifact@v4
        with:
          name: report-\${{ matrix.os }}-\${{ matrix.node }}
          path: coverage/
`;

const E2E = `  e2e:
    uses: ./.github/workflows/e2e.yml
    with:
      browser: chromium
`;

const PY = `  python:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: astral-sh/ruff-action@v3
        with:
          src: tools/
`;

const ALL_GREEN = `  all-green:
    if: always()
    needs: [lint, test, e2e, python]
    runs-on: ubuntu-latest
    steps:
      - uses: re-actors/alls-green@release/v1
        with:
          jobs: \${{ toJSON(needs) }}
`;

const DEPLOY = `  deploy:
    if: github.event_name == 'push'
    needs: [all-green]
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm run build
      - run: ./scripts/deploy.sh
`;

function ci(parts: Parts = {}): string {
  return `name: CI
${parts.on ?? ON}
jobs:
${parts.lintJob ?? LINT}
${parts.testJob ?? testJob()}
${parts.e2eJob ?? E2E}
${parts.pyJob ?? PY}
${parts.allGreen ?? ALL_GREEN}
${parts.deploy ?? DEPLOY}${parts.extra ?? ''}`;
}

function repo(parts: Parts = {}, files: Record<string, string | null> = {}): Record<string, string> {
  const base: Record<string, string | null> = {
    'package.json': pkg,
    'src/cart.ts': 'export const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);\n',
    '.github/actions/setup/action.yml': setupAction,
    '.github/workflows/e2e.yml': e2eWorkflow(),
    '.github/workflows/ci.yml': ci(parts),
    ...files,
  };
  return Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== null));
}

ruleTester(ciGateWeakened, {
  valid: [
    { name: 'unchanged workflows', base: repo(), head: repo() },
    {
      name: 'jobs renamed, with their needs updated',
      base: repo(),
      head: repo({
        lintJob: LINT.replace('  lint:', '  static-checks:'),
        testJob: testJob().replace('  test:', '  unit:'),
        allGreen: ALL_GREEN.replace('needs: [lint, test, e2e, python]', 'needs: [static-checks, unit, e2e, python]'),
      }),
    },
    {
      name: 'steps moved into a local composite action',
      base: repo(),
      head: repo(
        { lintJob: LINT.replace('      - name: Lint\n        run: npm run lint\n      - name: Typecheck\n        run: npm run typecheck\n', '      - uses: ./.github/actions/checks\n') },
        { '.github/actions/checks/action.yaml': 'name: Checks\nruns:\n  using: composite\n  steps:\n    - run: npm run lint\n      shell: bash\n    - run: npm run typecheck\n      shell: bash\n' },
      ),
    },
    {
      name: 'a job moved into a local reusable workflow',
      base: repo(),
      head: repo(
        { lintJob: '  lint:\n    uses: ./.github/workflows/lint.yml\n' },
        { '.github/workflows/lint.yml': `on:\n  workflow_call:\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./.github/actions/setup\n      - run: npm run lint\n      - run: npm run typecheck\n` },
      ),
    },
    {
      name: 'a job split into two',
      base: repo(),
      head: repo({
        lintJob: LINT.replace('      - name: Typecheck\n        run: npm run typecheck\n', '') + '  typecheck:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./.github/actions/setup\n      - run: npm run typecheck\n',
        allGreen: ALL_GREEN.replace('needs: [lint, test, e2e, python]', 'needs: [lint, typecheck, test, e2e, python]'),
      }),
    },
    {
      name: 'a matrix expanded',
      base: repo(),
      head: repo({ testJob: testJob().replace('node: [20, 22]', 'node: [20, 22, 24]') }),
    },
    {
      name: 'a new job added',
      base: repo(),
      head: repo({ extra: '  audit:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm audit --audit-level=high\n' }),
    },
    {
      name: 'continue-on-error on steps that run no gate (upload, cache, notify)',
      base: repo(),
      head: repo({
        testJob: testJob().replace('      - uses: actions/upload-artifact@v4\n', '      - uses: actions/upload-artifact@v4\n        continue-on-error: true\n'),
        deploy: DEPLOY + '      - run: curl -fsS -X POST "$SLACK_WEBHOOK" -d "deployed"\n        continue-on-error: true\n',
      }),
    },
    {
      name: 'a step renamed and steps reordered',
      base: repo(),
      head: repo({ lintJob: LINT.replace('      - name: Lint\n        run: npm run lint\n      - name: Typecheck\n        run: npm run typecheck\n', '      - name: Types\n        run: npm run typecheck\n      - name: ESLint\n        run: npm run lint\n') }),
    },
    {
      name: 'if: ${{ always() }} added to a gate step (it runs in more cases)',
      base: repo(),
      head: repo({ testJob: testJob(undefined, '      - name: Unit tests\n        if: ${{ always() }}\n        run: npm test') }),
    },
    {
      name: 'triggers widened: more branches, merge_group added, workflow_dispatch added',
      base: repo(),
      head: repo({ on: `on:\n  push:\n    branches: [main, 'release/**']\n  pull_request:\n  merge_group:\n  workflow_dispatch:\n` }),
    },
    {
      name: 'paths-ignore removed',
      base: repo({ on: `on:\n  push:\n    branches: [main]\n  pull_request:\n    paths-ignore: ['docs/**', '**/*.md']\n` }),
      head: repo({ on: `on:\n  push:\n    branches: [main]\n  pull_request:\n` }),
    },
    {
      name: 'a remote action moved to a newer ref, and YAML reformatted',
      base: repo(),
      head: repo({ pyJob: PY.replace('astral-sh/ruff-action@v3', 'astral-sh/ruff-action@0c50076f12c38c3d0115b7b519b54a91cb9cf0ad # v3.5.0'), on: `on: { push: { branches: ["main"] }, pull_request: { branches: ["main"] } }\n` }),
    },
    {
      name: 'a reusable workflow input changed to another browser project while a chromium run remains',
      base: repo(),
      head: repo({ e2eJob: E2E + '  e2e-firefox:\n    uses: ./.github/workflows/e2e.yml\n    with:\n      browser: firefox\n' }),
    },
    {
      name: 'a matrix given as fromJSON of a literal is expanded like the list it spells',
      base: repo(),
      head: repo({ testJob: testJob(`        os: \${{ fromJSON('["ubuntu-latest", "windows-latest"]') }}
        node: [20, 22]
        exclude:
          - os: windows-latest
            node: 20
        include:
          - os: ubuntu-latest
            node: 22
            coverage: true`) }),
    },
    {
      name: 'a matrix expanded with an experimental cell allowed to fail',
      base: repo(),
      head: repo({
        testJob: testJob().replace('    runs-on: ${{ matrix.os }}\n', '    runs-on: ${{ matrix.os }}\n    continue-on-error: ${{ matrix.experimental == true }}\n').replace('            coverage: true', '            coverage: true\n          - os: ubuntu-latest\n            node: 24\n            experimental: true'),
      }),
    },
    {
      name: 'the deploy job waits for the same gates through a renamed job',
      base: repo({ deploy: DEPLOY.replace('needs: [all-green]', 'needs: [lint, test]') }),
      head: repo({ lintJob: LINT.replace('  lint:', '  checks:'), allGreen: ALL_GREEN.replace('needs: [lint,', 'needs: [checks,'), deploy: DEPLOY.replace('needs: [all-green]', 'needs: [checks, test]') }),
    },
    {
      name: 'a gate step already non-blocking at base stays so (nothing was lost)',
      base: repo({ testJob: testJob(undefined, '      - run: npm test\n        continue-on-error: true') }),
      head: repo({ testJob: testJob(undefined, '      - run: npm test || true') }),
    },
    {
      name: 'steps given by a YAML alias of an anchored list (GitHub accepts anchors)',
      base: repo({ extra: '  lint-web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx stylelint "web/**/*.css"\n' }),
      head: repo({ extra: '  template:\n    if: false\n    runs-on: ubuntu-latest\n    steps: &web-steps\n      - uses: actions/checkout@v4\n      - run: npx stylelint "web/**/*.css"\n  lint-web:\n    runs-on: ubuntu-latest\n    steps: *web-steps\n' }),
    },
  ],
  invalid: [
    {
      name: 'continue-on-error: true on the test step',
      base: repo(),
      head: repo({ testJob: testJob(undefined, '      - name: Unit tests\n        run: npm test\n        continue-on-error: true') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', side: 'head', message: /made non-blocking by `continue-on-error: true`/, after: /continue-on-error: true/ }],
    },
    {
      name: '|| true after the test command',
      base: repo(),
      head: repo({ testJob: testJob(undefined, '      - name: Unit tests\n        run: npm test || true') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', message: /\|\| true/ }],
    },
    {
      name: 'set +e before the tests and exit 0 after them',
      base: repo(),
      head: repo({ testJob: testJob(undefined, '      - name: Unit tests\n        run: |\n          set +e\n          npm test\n          exit 0') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', message: /set \+e|exit 0/ }],
    },
    {
      name: 'if: false on the lint step',
      base: repo(),
      head: repo({ lintJob: LINT.replace('      - name: Lint\n        run: npm run lint\n', '      - name: Lint\n        if: false\n        run: npm run lint\n') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', message: /disabled by `if: false`/ }],
    },
    {
      name: "a job-level if that is false on pull requests",
      base: repo(),
      head: repo({ lintJob: LINT.replace('    runs-on: ubuntu-latest\n', "    if: github.event_name == 'push'\n    runs-on: ubuntu-latest\n") }),
      findings: [{ file: '.github/workflows/ci.yml', line: 10, severity: 'block', message: /^`eslint \.` \(lint, eslint\), `tsc --noEmit` \(typecheck, tsc\) disabled by `if: github.event_name == 'push'`, which is always false here. Lost on `pull_request`$/ }],
    },
    {
      name: 'the test step removed',
      base: repo(),
      head: repo({ testJob: testJob(undefined, '      - name: Build\n        run: npm run build') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', side: 'base', message: /Gate step removed: no step at head runs `vitest run`/ }],
    },
    {
      name: 'the matrix shrunk: windows excluded',
      base: repo(),
      head: repo({ testJob: testJob().replace('os: [ubuntu-latest, windows-latest]', 'os: [ubuntu-latest]') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', message: /matrix shrank.*windows-latest/ }],
    },
    {
      name: 'pull_request removed from the triggers',
      base: repo(),
      head: repo({ on: 'on:\n  push:\n    branches: [main]\n' }),
      findings: [{ file: '.github/workflows/ci.yml', line: 2, severity: 'block', message: /^`astral-sh\/ruff-action` \(lint, ruff\), `eslint \.` \(lint, eslint\), `npx playwright test --project=chromium` \(e2e, playwright\), `tsc --noEmit` \(typecheck, tsc\), `vitest run` \(test, vitest\) no longer run on `pull_request`: the trigger was removed/, before: 'on: pull_request', after: 'on: push' }],
    },
    {
      name: 'paths-ignore added to pull_request',
      base: repo({ on: `on:\n  pull_request:\n` }),
      head: repo({ on: `on:\n  pull_request:\n    paths-ignore: ['src/**']\n` }),
      findings: [{ file: '.github/workflows/ci.yml', line: 3, severity: 'block', message: /ruff.*eslint.*playwright.*tsc.*vitest.* no longer run on every change they ran on: the trigger's filters were narrowed/, before: 'pull_request: every path', after: 'pull_request: paths-ignore: [src/**]' }],
    },
    {
      name: 'test removed from the needs of the aggregator job',
      base: repo(),
      head: repo({ allGreen: ALL_GREEN.replace('needs: [lint, test, e2e, python]', 'needs: [lint, e2e, python]') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', message: /`all-green` no longer needs `test`, which runs `test:vitest`.*branch protection/ }],
    },
    {
      name: 'a composite action step made non-failing',
      base: repo({ lintJob: LINT.replace('      - name: Lint\n        run: npm run lint\n      - name: Typecheck\n        run: npm run typecheck\n', '      - uses: ./.github/actions/checks\n') }, { '.github/actions/checks/action.yml': 'name: Checks\nruns:\n  using: composite\n  steps:\n    - run: npm run lint\n      shell: bash\n    - run: npm run typecheck\n      shell: bash\n' }),
      head: repo({ lintJob: LINT.replace('      - name: Lint\n        run: npm run lint\n      - name: Typecheck\n        run: npm run typecheck\n', '      - uses: ./.github/actions/checks\n') }, { '.github/actions/checks/action.yml': 'name: Checks\nruns:\n  using: composite\n  steps:\n    - run: npm run lint || echo "lint failed"\n      shell: bash\n    - run: npm run typecheck\n      shell: bash\n' }),
      findings: [{ file: '.github/actions/checks/action.yml', line: 5, severity: 'block', message: /eslint/ }],
    },
    {
      name: 'the reusable e2e workflow skipped through its input',
      base: repo({}, { '.github/workflows/e2e.yml': e2eWorkflow(undefined, '\n    if: inputs.run-e2e') }),
      head: repo({ e2eJob: E2E + '      run-e2e: false\n' }, { '.github/workflows/e2e.yml': e2eWorkflow(undefined, '\n    if: inputs.run-e2e') }),
      findings: [{ file: '.github/workflows/e2e.yml', severity: 'block', message: /`npx playwright test --project=chromium`.*disabled by `if: inputs.run-e2e`/ }],
    },
    {
      name: 'a remote gate action removed',
      base: repo(),
      head: repo({ pyJob: PY.replace('      - uses: astral-sh/ruff-action@v3\n        with:\n          src: tools/\n', '      - run: echo "ruff is slow"\n') }),
      findings: [{ file: '.github/workflows/ci.yml', side: 'base', severity: 'block', message: /astral-sh\/ruff-action/ }],
    },
    {
      name: 'a test command narrowed to one folder',
      base: repo({ testJob: testJob(undefined, '      - run: npx vitest run') }),
      head: repo({ testJob: testJob(undefined, '      - run: npx vitest run src/cart') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', message: /vitest/ }],
    },
    {
      name: 'the workflow is no longer valid YAML',
      base: repo(),
      head: repo({ lintJob: LINT.replace('    runs-on: ubuntu-latest\n', '    runs-on: [ubuntu-latest\n') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'warn', message: /not valid YAML/ }],
    },
    {
      name: 'a matrix made dynamic is reported as unresolvable, not guessed',
      base: repo(),
      head: repo({ testJob: testJob('        node: ${{ fromJSON(needs.setup.outputs.versions) }}') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'warn', message: /computed at run time/ }],
    },
    {
      name: 'a new condition the run decides on a gate job',
      base: repo(),
      head: repo({ testJob: testJob().replace('    runs-on: ${{ matrix.os }}\n', "    if: github.actor != 'dependabot[bot]'\n    runs-on: ${{ matrix.os }}\n") }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'warn', message: /`vitest run`.*now run only when `if: github.actor != 'dependabot\[bot\]'`/ }],
    },
    {
      name: 'continue-on-error on the whole test job',
      base: repo(),
      head: repo({ testJob: testJob().replace('    runs-on: ${{ matrix.os }}\n', '    runs-on: ${{ matrix.os }}\n    continue-on-error: true\n') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', message: /`vitest run` \(test, vitest\) made non-blocking by `continue-on-error: true`/ }],
    },
    {
      name: 'the deploy job no longer waits for the tests',
      base: repo({ deploy: DEPLOY.replace('needs: [all-green]', 'needs: [lint, test]') }),
      head: repo({ deploy: DEPLOY.replace('needs: [all-green]', 'needs: [lint]') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', message: /`deploy` no longer needs `test`, which runs `test:vitest`: it can now succeed while those gates fail/, before: 'needs: [lint, test]', after: 'needs: [lint]' }],
    },
    {
      name: 'a job that runs no gate removed from the aggregator',
      base: repo({ extra: '  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx typedoc --treatWarningsAsErrors\n', allGreen: ALL_GREEN.replace(', python]', ', python, docs]') }),
      head: repo({ extra: '  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx typedoc --treatWarningsAsErrors\n' }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'warn', message: /`all-green` \(the aggregator job branch protection is expected to require\) no longer needs `docs`/ }],
    },
    {
      name: 'pull_request replaced by pull_request_target (the gate then runs the base branch code)',
      base: repo(),
      head: repo({ on: 'on:\n  push:\n    branches: [main]\n  pull_request_target:\n    branches: [main]\n' }),
      findings: [{ file: '.github/workflows/ci.yml', line: 2, severity: 'block', message: /no longer run on `pull_request`/ }],
    },
    {
      name: 'a gate step that only runs when something failed',
      base: repo(),
      head: repo({ testJob: testJob(undefined, '      - name: Unit tests\n        if: failure()\n        run: npm test') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', message: /disabled by `if: failure\(\)`/ }],
    },
    {
      name: 'pull_request types narrowed to opened (pushes to a pull request no longer run the gates)',
      base: repo(),
      head: repo({ on: 'on:\n  push:\n    branches: [main]\n  pull_request:\n    branches: [main]\n    types: [opened]\n' }),
      findings: [{ file: '.github/workflows/ci.yml', line: 5, severity: 'block', message: /trigger's filters were narrowed/, before: 'types [opened, synchronize, reopened]', after: 'types [opened]' }],
    },
    {
      name: 'the e2e suite moved to a manual-only workflow',
      base: repo(),
      head: repo({ e2eJob: '', allGreen: ALL_GREEN.replace(' e2e,', '') }, { '.github/workflows/nightly.yml': 'name: Nightly\non:\n  workflow_dispatch:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  e2e:\n    uses: ./.github/workflows/e2e.yml\n' }),
      findings: [{ file: '.github/workflows/e2e.yml', line: 18, side: 'base', severity: 'block', message: /Gate step removed: no step at head runs `npx playwright test --project=chromium`.*on a push, pull request or merge queue/ }],
    },
    {
      name: 'a composite action the setup step points to is missing at head',
      base: repo({ lintJob: LINT.replace('      - name: Lint\n        run: npm run lint\n      - name: Typecheck\n        run: npm run typecheck\n', '      - uses: ./.github/actions/checks\n') }, { '.github/actions/checks/action.yml': 'name: Checks\nruns:\n  using: composite\n  steps:\n    - run: npm run lint\n      shell: bash\n' }),
      head: repo({ lintJob: LINT.replace('      - name: Lint\n        run: npm run lint\n      - name: Typecheck\n        run: npm run typecheck\n', '      - uses: ./.github/actions/checks\n') }),
      findings: [
        { file: '.github/actions/checks/action.yml', line: 5, severity: 'block', side: 'base', message: /no step at head runs `eslint \.`/ },
        { file: '.github/workflows/ci.yml', severity: 'warn', side: 'head', message: /local action `\.\/\.github\/actions\/checks` has no action\.yml/ },
      ],
    },
    {
      name: 'the gate moved to a new workflow with the same triggers',
      base: repo(),
      head: repo({ pyJob: '' , allGreen: ALL_GREEN.replace(', python]', ']') }, { '.github/workflows/python.yml': `name: Python\non:\n  push:\n    branches: [main]\n  pull_request:\n    branches: [main]\njobs:\n  ruff:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: astral-sh/ruff-action@v3\n` }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'warn', message: /`all-green` no longer needs `python`; `lint:ruff` now runs only in `.github\/workflows\/python.yml`.*branch protection/ }],
    },
    {
      name: 'a job calling a remote reusable workflow removed',
      base: repo({ extra: '  security:\n    uses: acme/workflows/.github/workflows/security-scan.yml@v2\n    secrets: inherit\n' }),
      head: repo(),
      findings: [{ file: '.github/workflows/ci.yml', side: 'base', severity: 'warn', message: /remote reusable workflow `acme\/workflows\/.github\/workflows\/security-scan.yml`/ }],
    },
    {
      name: 'the reusable workflow is no longer valid YAML: unresolvable, not every gate in it removed',
      base: repo(),
      head: repo({}, { '.github/workflows/e2e.yml': e2eWorkflow().replace('    runs-on: ubuntu-latest', '    runs-on: "ubuntu-latest') }),
      findings: [{ file: '.github/workflows/e2e.yml', severity: 'warn', message: /not valid YAML/ }],
    },
    {
      name: 'pnpm -r test in a monorepo step replaced by the tests of one package',
      base: repo({ testJob: testJob(undefined, '      - run: pnpm -r test') }, { 'packages/api/package.json': '{"name":"api","scripts":{"test":"vitest run"}}\n', 'packages/web/package.json': '{"name":"web","scripts":{"test":"jest --ci"}}\n' }),
      head: repo({ testJob: testJob(undefined, '      - run: pnpm test\n        working-directory: packages/api') }, { 'packages/api/package.json': '{"name":"api","scripts":{"test":"vitest run"}}\n', 'packages/web/package.json': '{"name":"web","scripts":{"test":"jest --ci"}}\n' }),
      findings: [{ file: '.github/workflows/ci.yml', side: 'base', severity: 'block', message: /Gate step removed: no step at head runs `jest --ci` \(test, jest\)/ }],
    },
    {
      name: "continue-on-error on one package's tests while another package's vitest still runs",
      base: repo({ testJob: testJob(undefined, '      - run: npm test\n      - name: UI tests\n        run: pnpm -C packages/ui test') }, { 'packages/ui/package.json': '{"name":"ui","scripts":{"test":"vitest run --browser.headless"}}\n' }),
      head: repo({ testJob: testJob(undefined, '      - run: npm test\n      - name: UI tests\n        run: pnpm -C packages/ui test\n        continue-on-error: true') }, { 'packages/ui/package.json': '{"name":"ui","scripts":{"test":"vitest run --browser.headless"}}\n' }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', message: /^`vitest run --browser.headless` \(test, vitest\) made non-blocking by `continue-on-error: true`/ }],
    },
    {
      name: 'a matrix cell removed while other jobs of the workflow run the same tool differently',
      base: repo({ extra: '  smoke:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx vitest run src/smoke\n' }),
      head: repo({ testJob: testJob().replace('        exclude:\n          - os: windows-latest\n            node: 20\n', '        exclude:\n          - os: windows-latest\n'), extra: '  smoke:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx vitest run src/smoke\n' }),
      findings: [{ file: '.github/workflows/ci.yml', line: 21, severity: 'block', message: /the matrix shrank. Lost on `pull_request`, `push` \(matrix \{node: 22, os: windows-latest\}\)/ }],
    },
    {
      name: 'the job the tests need switched off with if: false (GitHub then skips the tests too)',
      base: repo({ testJob: testJob().replace('  test:\n', '  test:\n    needs: changes\n'), extra: "  changes:\n    runs-on: ubuntu-latest\n    outputs:\n      src: ${{ steps.filter.outputs.src }}\n    steps:\n      - uses: dorny/paths-filter@v3\n        id: filter\n        with:\n          filters: |\n            src: ['src/**']\n" }),
      head: repo({ testJob: testJob().replace('  test:\n', '  test:\n    needs: changes\n'), extra: "  changes:\n    if: false\n    runs-on: ubuntu-latest\n    outputs:\n      src: ${{ steps.filter.outputs.src }}\n    steps:\n      - uses: dorny/paths-filter@v3\n        id: filter\n        with:\n          filters: |\n            src: ['src/**']\n" }),
      findings: [{ file: '.github/workflows/ci.yml', line: 20, severity: 'block', message: /^`vitest run` \(test, vitest\) never run: `needs: changes, which never runs here \(if: false\)`/ }],
    },
    {
      name: 'the Gatehouse audit step made non-blocking',
      base: repo({ extra: '  gatehouse:\n    if: github.event_name == \'pull_request\'\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n      - run: npx gatehouse audit origin/main...HEAD --format github\n' }),
      head: repo({ extra: '  gatehouse:\n    if: github.event_name == \'pull_request\'\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n      - run: npx gatehouse audit origin/main...HEAD --format github || echo "gatehouse found problems"\n' }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', message: /gatehouse.*Lost on `pull_request`$/ }],
    },
    {
      name: 'coverage dropped from the test step',
      base: repo({ testJob: testJob(undefined, '      - run: npx vitest run --coverage') }),
      head: repo({ testJob: testJob(undefined, '      - run: npx vitest run') }),
      findings: [{ file: '.github/workflows/ci.yml', severity: 'block', message: /coverage/ }],
    },
    {
      name: 'branches-ignore added to pull_request and push limited to main',
      base: repo({ on: 'on: [push, pull_request]\n' }),
      head: repo({ on: "on:\n  push:\n    branches: [main]\n  pull_request:\n    branches-ignore: ['dependabot/**']\n" }),
      findings: [
        { file: '.github/workflows/ci.yml', line: 3, severity: 'block', message: /no longer run on every change they ran on.*Lost on `push`( |$)/, before: 'push: every branch', after: 'push: branches: [main]' },
        { file: '.github/workflows/ci.yml', line: 5, severity: 'block', message: /no longer run on every change they ran on.*Lost on `pull_request`( |$)/, before: 'pull_request: every branch', after: 'pull_request: branches-ignore: [dependabot/**]' },
      ],
    },
  ],
});
