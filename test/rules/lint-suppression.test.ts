import { lintSuppression } from '../../src/rules/lint/suppression.js';
import { ruleTester } from '../helpers/rule-tester.js';

const module = `export function log(message: string): void {
  process.stdout.write(message);
}
`;

ruleTester(lintSuppression, {
  valid: [
    {
      name: 'pre-existing disable in an edited file',
      base: { 'src/log.ts': `/* eslint-disable no-console */\n${module}` },
      head: { 'src/log.ts': `/* eslint-disable no-console */\n${module}\nexport const level = 'info';\n` },
    },
    {
      name: 'rule list reordered is the same suppression',
      base: { 'src/log.ts': `// eslint-disable-next-line no-console, no-debugger\nconsole.log(1);\n` },
      head: { 'src/log.ts': `// eslint-disable-next-line no-debugger, no-console -- legacy\nconsole.log(1);\n` },
    },
    {
      name: 'a line comment eslint-disable is not honoured by ESLint and not reported',
      base: { 'src/log.ts': module },
      head: { 'src/log.ts': `// eslint-disable\n${module}` },
    },
    {
      name: 'directive text in a string',
      base: { 'src/log.ts': module },
      head: { 'src/log.ts': `${module}export const tip = '/* eslint-disable */';\n` },
    },
    {
      name: 'file renamed with its suppressions',
      base: { 'src/log.ts': `/* eslint-disable no-console */\n${module}` },
      head: { 'src/logger.ts': `/* eslint-disable no-console */\n${module}` },
    },
  ],
  invalid: [
    {
      name: 'disable of all rules for the whole file blocks',
      base: { 'src/log.ts': module },
      head: { 'src/log.ts': `/* eslint-disable */\n${module}` },
      findings: [{ file: 'src/log.ts', line: 1, severity: 'block', message: 'all rules for the rest of the file' }],
    },
    {
      name: 'disable-next-line with named rules is warn',
      base: { 'src/log.ts': module },
      head: { 'src/log.ts': module.replace('  process', '  // eslint-disable-next-line no-console, @typescript-eslint/no-explicit-any -- debugging\n  process') },
      findings: [{ file: 'src/log.ts', line: 2, severity: 'warn', message: 'no-console, @typescript-eslint/no-explicit-any on the next line' }],
    },
    {
      name: 'block disable re-enabled later is a block scope',
      base: { 'src/log.ts': module },
      head: { 'src/log.ts': `/* eslint-disable no-console */\nconsole.log('a');\n/* eslint-enable no-console */\n${module}` },
      findings: [{ file: 'src/log.ts', line: 1, severity: 'warn', message: 'until re-enabled' }],
    },
    {
      name: 'widening a suppression to more rules is new',
      base: { 'src/log.ts': `// eslint-disable-next-line no-console\nconsole.log(1);\n` },
      head: { 'src/log.ts': `// eslint-disable-next-line no-console, no-debugger\nconsole.log(1);\n` },
      findings: [{ file: 'src/log.ts', line: 1, message: 'no-console, no-debugger' }],
    },
    {
      name: 'biome-ignore and oxlint-disable-line',
      base: { 'src/log.ts': module },
      head: {
        'src/log.ts': `${module}// biome-ignore lint/suspicious/noExplicitAny: legacy\nexport const a: any = 1;\nexport const b = eval('1'); // oxlint-disable-line no-eval\n`,
      },
      findings: [
        { file: 'src/log.ts', line: 4, message: 'biome-ignore' },
        { file: 'src/log.ts', line: 6, message: 'oxlint-disable-line' },
      ],
    },
  ],
});

ruleTester(lintSuppression, {
  valid: [
    {
      name: 'Python: a pre-existing noqa in a renamed module',
      base: { 'app/util.py': 'import os  # noqa: F401\n\nVALUE = 1\n' },
      head: { 'app/helpers.py': 'import os  # noqa: F401\n\nVALUE = 1\n' },
    },
  ],
  invalid: [
    {
      name: 'Python: # noqa and a file-wide # ruff: noqa added',
      base: { 'app/util.py': 'import os\n\nVALUE = 1\n' },
      head: { 'app/util.py': '# ruff: noqa\nimport os  # noqa: F401, E501\n\nVALUE = 1\n' },
      findings: [
        { file: 'app/util.py', line: 1, severity: 'block', message: 'all rules for the rest of the file' },
        { file: 'app/util.py', line: 2, severity: 'warn', message: 'F401, E501' },
      ],
    },
  ],
});
