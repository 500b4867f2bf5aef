import { coverageThresholdLowered } from '../../src/rules/coverage/threshold-lowered.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pkg = `${JSON.stringify({ name: 'shop', devDependencies: { vitest: '^3.2.4' } }, null, 2)}\n`;
const vitest = (thresholds: string) =>
  `import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: {\n    coverage: {\n      include: ['src/**'],\n      thresholds: ${thresholds},\n    },\n  },\n});\n`;

ruleTester(coverageThresholdLowered, {
  valid: [
    {
      name: 'raised thresholds',
      base: { 'package.json': pkg, 'vitest.config.ts': vitest('{ lines: 80, branches: 70 }') },
      head: { 'package.json': pkg, 'vitest.config.ts': vitest('{ lines: 90, branches: 75 }') },
    },
    {
      name: 'a tightened negative threshold',
      base: { 'package.json': pkg, 'vitest.config.ts': vitest('{ lines: -20 }') },
      head: { 'package.json': pkg, 'vitest.config.ts': vitest('{ lines: -10 }') },
    },
    {
      name: 'reformatted and renamed config with the same values',
      base: { 'package.json': pkg, 'vitest.config.ts': vitest('{ lines: 80, branches: 70 }') },
      head: { 'package.json': pkg, 'vitest.config.mts': vitest('{\n        branches: 70,\n        lines: 80,\n      }') },
    },
    {
      name: 'a new per-glob threshold',
      base: { 'package.json': pkg, 'vitest.config.ts': vitest('{ lines: 80 }') },
      head: { 'package.json': pkg, 'vitest.config.ts': vitest("{ lines: 80, 'src/core/**': { lines: 100 } }") },
    },
  ],
  invalid: [
    {
      name: 'a lowered global threshold',
      base: { 'package.json': pkg, 'vitest.config.ts': vitest('{ lines: 90, branches: 85 }') },
      head: { 'package.json': pkg, 'vitest.config.ts': vitest('{ lines: 60, branches: 85 }') },
      findings: [{ file: 'vitest.config.ts', line: 7, severity: 'block', message: /lines .*90 → 60/, before: 'lines: 90', after: 'lines: 60' }],
    },
    {
      name: 'a negative threshold made more negative',
      base: { 'package.json': pkg, 'vitest.config.ts': vitest('{ functions: -5 }') },
      head: { 'package.json': pkg, 'vitest.config.ts': vitest('{ functions: -50 }') },
      findings: [{ file: 'vitest.config.ts', severity: 'block', message: '-5 → -50' }],
    },
    {
      name: 'a per-glob threshold dropped',
      base: { 'package.json': pkg, 'vitest.config.ts': vitest("{ lines: 80, 'src/core/**': { lines: 100 } }") },
      head: { 'package.json': pkg, 'vitest.config.ts': vitest('{ lines: 80 }') },
      findings: [{ file: 'vitest.config.ts', side: 'base', severity: 'block', message: /removed: lines for src\/core\/\*\*/ }],
    },
    {
      name: 'jest coverageThreshold lowered in package.json',
      base: { 'package.json': `${JSON.stringify({ name: 'api', jest: { coverageThreshold: { global: { lines: 95, branches: 90 } } } }, null, 2)}\n` },
      head: { 'package.json': `${JSON.stringify({ name: 'api', jest: { coverageThreshold: { global: { lines: 95, branches: 50 } } } }, null, 2)}\n` },
      findings: [{ file: 'package.json', severity: 'block', message: /branches .*90 → 50/ }],
    },
    {
      name: 'nyc check-coverage turned off',
      base: { '.nycrc': '{\n  "check-coverage": true,\n  "lines": 90\n}\n' },
      head: { '.nycrc': '{\n  "check-coverage": false,\n  "lines": 90\n}\n' },
      findings: [{ file: '.nycrc', severity: 'block', message: 'no longer enforced' }],
    },
    {
      name: 'coverage.py fail_under lowered',
      base: { 'setup.cfg': '[metadata]\nname = shop\n\n[coverage:report]\nfail_under = 90\n' },
      head: { 'setup.cfg': '[metadata]\nname = shop\n\n[coverage:report]\nfail_under = 70\n' },
      findings: [{ file: 'setup.cfg', line: 5, severity: 'block', message: '90 → 70' }],
    },
  ],
});
