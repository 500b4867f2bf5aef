import { unparseable } from '../../src/rules/gatehouse/unparseable.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(unparseable, {
  valid: [
    {
      name: 'a file that was broken at base and is fixed at head',
      base: { 'src/a.ts': 'export const = ;\n' },
      head: { 'src/a.ts': 'export const a = 1;\n' },
    },
    {
      name: 'binary and non-source files are not parsed',
      base: { 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'notes.txt': 'a\n' },
      head: { 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 3]), 'notes.txt': 'const = ;\n' },
    },
  ],
  invalid: [
    {
      name: 'a syntax error at head, with its line',
      base: { 'src/a.ts': 'export const a = 1;\n' },
      head: { 'src/a.ts': 'export const a = 1;\n\nexport function b( {\n' },
      findings: [{ file: 'src/a.ts', line: 3, severity: 'warn', message: 'Cannot parse src/a.ts' }],
    },
    {
      name: 'TypeScript syntax in a .js file',
      base: { 'lib/a.js': 'export const a = 1;\n' },
      head: { 'lib/a.js': 'export const a: number = 1;\n' },
      findings: [{ file: 'lib/a.js', line: 1 }],
    },
  ],
});
