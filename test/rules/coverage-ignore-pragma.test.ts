import { coverageIgnorePragma } from '../../src/rules/coverage/ignore-pragma.js';
import { ruleTester } from '../helpers/rule-tester.js';

const parser = `export function parse(text: string): number {
  if (text === '') {
    throw new Error('empty');
  }
  return Number(text);
}
`;

ruleTester(coverageIgnorePragma, {
  valid: [
    {
      name: 'pre-existing pragma in an edited file',
      base: { 'src/parse.ts': `/* istanbul ignore next */\nfunction debug() {}\n${parser}` },
      head: { 'src/parse.ts': `/* istanbul ignore next */\nfunction debug() {}\n${parser}export const VERSION = 2;\n` },
    },
    {
      name: 'a c8 start/stop region moved down the file',
      base: { 'src/parse.ts': `/* c8 ignore start */\nfunction debug() {}\n/* c8 ignore stop */\n${parser}` },
      head: { 'src/parse.ts': `${parser}\n/* c8 ignore start */\nfunction debug() {}\n/* c8 ignore stop */\n` },
    },
    {
      name: 'pragma text in a string',
      base: { 'src/parse.ts': parser },
      head: { 'src/parse.ts': `${parser}export const hint = '/* istanbul ignore next */';\n` },
    },
  ],
  invalid: [
    {
      name: 'v8 ignore next added',
      base: { 'src/parse.ts': parser },
      head: { 'src/parse.ts': parser.replace("  if (text === '') {", "  /* v8 ignore next 3 */\n  if (text === '') {") },
      findings: [{ file: 'src/parse.ts', line: 2, severity: 'warn', message: 'v8 ignore next' }],
    },
    {
      name: 'istanbul ignore file blocks',
      base: { 'src/parse.ts': parser },
      head: { 'src/parse.ts': `/* istanbul ignore file */\n${parser}` },
      findings: [{ file: 'src/parse.ts', line: 1, severity: 'block', message: 'leaves coverage measurement' }],
    },
    {
      name: 'c8 ignore start with @preserve in a new file',
      base: { 'src/parse.ts': parser },
      head: { 'src/parse.ts': parser, 'src/env.js': '/* c8 ignore start -- @preserve */\nexport const isWindows = process.platform === "win32";\n/* c8 ignore stop */\n' },
      findings: [{ file: 'src/env.js', line: 1, message: 'c8 ignore start' }],
    },
  ],
});
