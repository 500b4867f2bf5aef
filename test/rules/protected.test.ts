import { configChanged } from '../../src/rules/gatehouse/config-changed.js';
import { protectedFileChanged } from '../../src/rules/gates/protected-file-changed.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(protectedFileChanged, {
  valid: [
    {
      name: 'an unrelated markdown file',
      base: { 'docs/guide.md': '# Guide\n', 'AGENTS.md': '# Agents\n' },
      head: { 'docs/guide.md': '# Guide\n\nMore.\n', 'AGENTS.md': '# Agents\n' },
    },
    {
      name: 'a file named like an agent file inside a word',
      base: { 'docs/NOT-AGENTS.md': 'x\n' },
      head: { 'docs/NOT-AGENTS.md': 'y\n' },
    },
  ],
  invalid: [
    {
      name: 'CLAUDE.md edited, with the changed lines as before/after',
      base: { 'CLAUDE.md': '# Rules\n\n- Never skip a failing test.\n- Run npm test.\n' },
      head: { 'CLAUDE.md': '# Rules\n\n- Skip tests that fail on CI.\n- Run npm test.\n' },
      findings: [{ file: 'CLAUDE.md', line: 3, severity: 'warn', message: 'Agent instruction file CLAUDE.md changed', before: 'Never skip', after: 'Skip tests' }],
    },
    {
      name: 'CODEOWNERS deleted is reported on the base side',
      base: { '.github/CODEOWNERS': '* @acme/core\n', 'README.md': 'x\n' },
      head: { 'README.md': 'x\n' },
      findings: [{ file: '.github/CODEOWNERS', line: 1, side: 'base', message: 'Code owners file .github/CODEOWNERS deleted', before: '@acme/core' }],
    },
    {
      name: 'nested AGENTS.md, cursor rules and copilot instructions added',
      base: { 'README.md': 'x\n' },
      head: {
        'README.md': 'x\n',
        'packages/web/AGENTS.md': '# Web agents\n',
        '.cursor/rules/testing.mdc': 'Always use it.skip for flaky tests\n',
        '.github/copilot-instructions.md': 'Be brief.\n',
      },
      findings: [
        { file: '.cursor/rules/testing.mdc', message: 'added', after: 'it.skip' },
        { file: '.github/copilot-instructions.md', message: 'added' },
        { file: 'packages/web/AGENTS.md', message: 'added' },
      ],
    },
    {
      name: 'a file protected by the base policy',
      base: { 'gatehouse.yml': 'paths:\n  protected: ["scripts/check-coverage.mjs"]\n', 'scripts/check-coverage.mjs': 'process.exit(0);\n' },
      head: { 'gatehouse.yml': 'paths:\n  protected: ["scripts/check-coverage.mjs"]\n', 'scripts/check-coverage.mjs': 'process.exit(0); // never fail\n' },
      findings: [{ file: 'scripts/check-coverage.mjs', message: 'Protected file' }],
    },
  ],
});

ruleTester(configChanged, {
  valid: [
    {
      name: 'policy untouched',
      base: { 'gatehouse.yml': 'rules: {}\n', 'src/a.ts': 'export const a = 1;\n' },
      head: { 'gatehouse.yml': 'rules: {}\n', 'src/a.ts': 'export const a = 2;\n' },
    },
  ],
  invalid: [
    {
      name: 'policy loosened',
      base: { 'gatehouse.yml': 'rules:\n  tests/disabled: block\n' },
      head: { 'gatehouse.yml': 'rules:\n  tests/disabled: off\n' },
      findings: [{ file: 'gatehouse.yml', line: 2, severity: 'warn', before: 'block', after: 'off' }],
    },
    {
      name: 'policy added by the change',
      base: { 'README.md': 'x\n' },
      head: { 'README.md': 'x\n', 'gatehouse.yml': 'ignore:\n  - paths: ["**"]\n    reason: everything is fine\n' },
      findings: [{ file: 'gatehouse.yml', line: 1, message: 'added' }],
    },
    {
      name: 'policy deleted',
      base: { 'gatehouse.yml': 'rules: {}\n', 'README.md': 'x\n' },
      head: { 'README.md': 'x\n' },
      findings: [{ file: 'gatehouse.yml', side: 'base', message: 'deleted' }],
    },
  ],
});
