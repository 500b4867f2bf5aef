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

ruleTester(coverageIgnorePragma, {
  valid: [
    {
      name: 'Python: a pragma inside a string is not a comment',
      base: { 'shop/cart.py': 'def total(items):\n    return sum(items)\n' },
      head: { 'shop/cart.py': 'HINT = "# pragma: no cover"\n\ndef total(items):\n    return sum(items)\n' },
    },
    {
      name: 'Python: exclude_also unchanged while the file is reformatted',
      base: { 'pyproject.toml': '[tool.coverage.report]\nexclude_also = ["if TYPE_CHECKING:"]\n', 'shop/a.py': 'x = 1\n' },
      head: { 'pyproject.toml': '[tool.coverage.report]\nexclude_also = [\n  "if TYPE_CHECKING:",\n]\n', 'shop/a.py': 'x = 2\n' },
    },
  ],
  invalid: [
    {
      name: 'Python: # pragma: no cover added',
      base: { 'shop/cart.py': 'def total(items):\n    if not items:\n        return 0\n    return sum(items)\n' },
      head: { 'shop/cart.py': 'def total(items):\n    if not items:  # pragma: no cover\n        return 0\n    return sum(items)\n' },
      findings: [{ file: 'shop/cart.py', line: 2, severity: 'warn', message: 'coverage.py no cover' }],
    },
    {
      name: 'Python: an exclude_also pattern added in pyproject.toml',
      base: { 'pyproject.toml': '[tool.coverage.report]\nexclude_also = ["if TYPE_CHECKING:"]\n', 'shop/a.py': 'x = 1\n' },
      head: { 'pyproject.toml': '[tool.coverage.report]\nexclude_also = ["if TYPE_CHECKING:", "def .*_legacy\\\\("]\n', 'shop/a.py': 'x = 1\n' },
      findings: [{ file: 'pyproject.toml', line: 2, message: 'Added coverage.py exclusion' }],
    },
  ],
});
