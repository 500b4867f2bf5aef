import { ciHookWeakened } from '../../src/rules/ci/hook-weakened.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pkg = (extra: Record<string, unknown> = {}): string =>
  `${JSON.stringify({ name: 'shop', version: '1.0.0', private: true, scripts: { prepare: 'husky', test: 'vitest run', lint: 'eslint .' }, devDependencies: { husky: '^9.1.7', vitest: '^3.2.4' }, ...extra }, null, 2)}\n`;

// husky v9: plain shell files, run with `sh -e`.
const preCommit = 'npx lint-staged\nnpx tsc --noEmit\n';
const prePush = 'npm test\n';

const lefthook = (lint: string, extra = ''): string => `# Managed with lefthook
pre-commit:
  parallel: true
  commands:
    eslint:
      glob: "*.{js,ts,tsx}"
      run: ${lint}
    types:
      run: npx tsc --noEmit${extra}
pre-push:
  commands:
    test:
      run: pnpm test
`;

const preCommitConfig = (ruffArgs: string, mypy = '', extra = ''): string => `default_install_hook_types: [pre-commit, pre-push]
repos:
  - repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v5.0.0
    hooks:
      - id: trailing-whitespace
      - id: end-of-file-fixer
  - repo: https://github.com/astral-sh/ruff-pre-commit
    rev: v0.12.2
    hooks:
      - id: ruff
        args: [${ruffArgs}]${extra}
      - id: ruff-format
  - repo: https://github.com/pre-commit/mirrors-mypy
    rev: v1.16.1
    hooks:
${mypy || '      - id: mypy\n        stages: [pre-push]\n'}  - repo: local
    hooks:
      - id: pytest
        name: pytest
        entry: uv run pytest -q
        language: system
        pass_filenames: false
        stages: [pre-push]
`;

ruleTester(ciHookWeakened, {
  valid: [
    { name: 'docs: good example (husky to lefthook, same gates)', base: ciHookWeakened.docs.good.base, head: ciHookWeakened.docs.good.head },
    {
      name: 'husky hook reformatted, launchers changed, v8 header dropped in a v9 migration',
      base: { 'package.json': pkg(), '.husky/pre-commit': '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpx lint-staged && npx tsc --noEmit\n', '.husky/pre-push': prePush },
      head: { 'package.json': pkg(), '.husky/pre-commit': 'pnpm exec lint-staged\ntsc  --noEmit\n', '.husky/pre-push': 'npm run test\n' },
    },
    { name: 'a gate added to a hook', base: { 'package.json': pkg(), '.husky/pre-commit': preCommit }, head: { 'package.json': pkg(), '.husky/pre-commit': `${preCommit}npx eslint .\n` } },
    { name: 'lefthook command order and globs changed', base: { 'lefthook.yml': lefthook('npx eslint {staged_files}') }, head: { 'lefthook.yml': lefthook('eslint {staged_files}').replace('*.{js,ts,tsx}', '*.{js,jsx,ts,tsx}') } },
    { name: 'pre-commit: non-gate hook removed, rev bumped', base: { '.pre-commit-config.yaml': preCommitConfig('--fix') }, head: { '.pre-commit-config.yaml': preCommitConfig('--fix').replace('      - id: end-of-file-fixer\n', '').replace('v0.12.2', 'v0.12.3') } },
    {
      name: 'a weakened package script called by a hook is left to ci/script-weakened',
      base: { 'package.json': pkg(), '.husky/pre-push': prePush },
      head: { 'package.json': pkg({ scripts: { prepare: 'husky', test: 'vitest run || true', lint: 'eslint .' } }), '.husky/pre-push': prePush },
    },
  ],
  invalid: [
    { name: 'docs: bad example', base: ciHookWeakened.docs.bad.base, head: ciHookWeakened.docs.bad.head, findings: [{ file: '.husky/pre-commit', line: 2, message: 'made non-failing with `|| true`' }] },
    {
      name: 'husky pre-commit deleted',
      base: { 'package.json': pkg(), '.husky/pre-commit': preCommit, '.husky/pre-push': prePush },
      head: { 'package.json': pkg(), '.husky/pre-push': prePush },
      findings: [
        { file: '.husky/pre-commit', side: 'base', severity: 'warn', message: '`npx lint-staged` (lint) no longer runs in the pre-commit hook (husky `.husky/pre-commit` was removed)' },
        { file: '.husky/pre-commit', side: 'base', message: '`npx tsc --noEmit` (typecheck) no longer runs' },
      ],
    },
    {
      name: 'husky: set +e before the gates, pre-push neutralised with exit 0',
      base: { 'package.json': pkg(), '.husky/pre-commit': preCommit, '.husky/pre-push': prePush },
      head: { 'package.json': pkg(), '.husky/pre-commit': `set +e\n${preCommit}`, '.husky/pre-push': 'exit 0\nnpm test\n' },
      findings: [
        { file: '.husky/pre-commit', line: 2, message: '`npx lint-staged` made non-failing with `set +e`' },
        { file: '.husky/pre-push', line: 1, message: 'no longer runs in the pre-push hook' },
      ],
    },
    {
      name: 'lefthook: command skipped, another made non-failing',
      base: { 'lefthook.yml': lefthook('npx eslint {staged_files}') },
      head: { 'lefthook.yml': lefthook('npx eslint {staged_files} || true', '\n      skip: true') },
      findings: [
        { file: 'lefthook.yml', line: 7, message: 'made non-failing with `|| true`' },
        { file: 'lefthook.yml', line: 9, message: 'is turned off with `skip: true`' },
      ],
    },
    {
      name: '.simple-git-hooks.json and lefthook jobs',
      base: { '.simple-git-hooks.json': '{\n  "pre-commit": "npx lint-staged",\n  "pre-push": "npx vitest run"\n}\n', 'lefthook.yml': 'pre-push:\n  jobs:\n    - name: types\n      run: npx tsc --noEmit\n' },
      head: { '.simple-git-hooks.json': '{\n  "pre-commit": "npx lint-staged",\n  "pre-push": "npx vitest run --passWithNoTests"\n}\n', 'lefthook.yml': 'pre-push:\n  jobs:\n    - name: types\n      run: npx tsc --noEmit\n      skip: true\n' },
      findings: [
        { file: '.simple-git-hooks.json', line: 3, message: 'The pre-push hook (simple-git-hooks `.simple-git-hooks.json#pre-push`): `npx vitest run --passWithNoTests` gained `--passWithNoTests`' },
        { file: 'lefthook.yml', line: 4, message: '`npx tsc --noEmit` (typecheck) no longer runs in the pre-push hook: lefthook `pre-push:types` is turned off with `skip: true`' },
      ],
    },
    {
      name: 'legacy package.json husky.hooks and simple-git-hooks removed',
      base: { 'package.json': pkg({ husky: { hooks: { 'pre-commit': 'lint-staged' } }, 'simple-git-hooks': { 'pre-push': 'npx vitest run' } }) },
      head: { 'package.json': pkg() },
      findings: [
        { file: 'package.json', message: '`lint-staged` (lint) no longer runs in the pre-commit hook' },
        { file: 'package.json', message: '`npx vitest run` (test) no longer runs in the pre-push hook' },
      ],
    },
    {
      name: 'pre-commit: ruff --exit-zero, mypy hook removed, pytest moved to manual stage, exclude added',
      base: { '.pre-commit-config.yaml': preCommitConfig('--fix') },
      head: { '.pre-commit-config.yaml': preCommitConfig('--fix, --exit-zero', '      - id: check-yaml\n', '\n        exclude: ^legacy/').replace('stages: [pre-push]\n', 'stages: [manual]\n') },
      findings: [
        { file: '.pre-commit-config.yaml', line: 11, side: 'head', message: /The pre-commit hook \(pre-commit `pre-commit:ruff`\): `ruff check --fix --exit-zero` gained `--exit-zero`/ },
        { file: '.pre-commit-config.yaml', line: 11, message: 'The pre-commit hook `ruff` (pre-commit) now skips files: `exclude: ^legacy/`' },
        { file: '.pre-commit-config.yaml', line: 11, message: /The pre-push hook .*gained `--exit-zero`/ },
        { file: '.pre-commit-config.yaml', line: 11, message: 'The pre-push hook `ruff` (pre-commit) now skips files' },
        { file: '.pre-commit-config.yaml', line: 17, side: 'base', message: '`mypy` (typecheck) no longer runs in the pre-push hook (pre-commit `pre-push:mypy` was removed)' },
        { file: '.pre-commit-config.yaml', line: 21, side: 'head', message: /`uv run pytest -q` \(test\) no longer runs in the pre-push hook: pre-commit `pre-push:pytest` is turned off with `stages: \[manual\]`/ },
      ],
    },
  ],
});
