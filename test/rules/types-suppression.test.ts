import { typeSuppression } from '../../src/rules/types/suppression.js';
import { ruleTester } from '../helpers/rule-tester.js';

const service = `import { fetchUser } from './api';

export async function userName(id: string): Promise<string> {
  const user = await fetchUser(id);
  return user.name;
}
`;

ruleTester(typeSuppression, {
  valid: [
    {
      name: 'pre-existing @ts-ignore in an edited file',
      base: { 'src/user.ts': `// @ts-ignore\nimport legacy from 'legacy';\n${service}` },
      head: { 'src/user.ts': `// @ts-ignore\nimport legacy from 'legacy';\n${service}\nexport const version = 2;\n` },
    },
    {
      name: 'code with a suppression moved within the file',
      base: { 'src/user.ts': `${service}\nexport function raw(value: unknown) {\n  return value as any;\n}\n` },
      head: { 'src/user.ts': `export function raw(value: unknown) {\n  return value as any;\n}\n\n${service}` },
    },
    {
      name: 'code with a suppression moved to another file',
      base: { 'src/user.ts': `${service}\nexport function raw(value: unknown) {\n  // @ts-expect-error untyped\n  return value.x;\n}\n`, 'src/other.ts': 'export const other = 1;\n' },
      head: { 'src/user.ts': service, 'src/other.ts': `export const other = 1;\n\nexport function raw(value: unknown) {\n  // @ts-expect-error untyped\n  return value.x;\n}\n` },
    },
    {
      name: 'reformatted cast',
      base: { 'src/cast.ts': 'export const x = (window  as   any).config;\n' },
      head: { 'src/cast.ts': 'export const x = (\n  window as any\n).config;\n' },
    },
    {
      name: 'suppression text inside a string or template is not a suppression',
      base: { 'src/docs.ts': 'export const a = 1;\n' },
      head: { 'src/docs.ts': 'export const a = 1;\nexport const help = "add // @ts-ignore above the line";\nexport const t = `/* @ts-nocheck */ and x as any`;\n' },
    },
    {
      name: 'removing suppressions is not reported',
      base: { 'src/user.ts': `// @ts-nocheck\n${service}` },
      head: { 'src/user.ts': service },
    },
  ],
  invalid: [
    {
      name: 'added @ts-ignore',
      base: { 'src/user.ts': service },
      head: { 'src/user.ts': service.replace('  return user.name;', '  // @ts-ignore\n  return user.name;') },
      findings: [{ file: 'src/user.ts', line: 5, severity: 'warn', message: '@ts-ignore', after: '// @ts-ignore' }],
    },
    {
      name: 'added @ts-nocheck blocks',
      base: { 'src/user.ts': service },
      head: { 'src/user.ts': `// @ts-nocheck\n${service}` },
      findings: [{ file: 'src/user.ts', line: 1, severity: 'block', message: 'whole of src/user.ts' }],
    },
    {
      name: 'as any, as unknown as, and : any',
      base: { 'src/user.ts': service },
      head: {
        'src/user.ts': `${service}\nexport function parse(input: any): number {\n  const data = JSON.parse(input) as unknown as { n: number };\n  return (data as any).n;\n}\n`,
      },
      findings: [
        { file: 'src/user.ts', line: 8, message: '`any` type annotation' },
        { file: 'src/user.ts', line: 9, message: 'as unknown as' },
        { file: 'src/user.ts', line: 10, message: '`as any`' },
      ],
    },
    {
      name: 'a second identical suppression in a file that already had one',
      base: { 'src/user.ts': `// @ts-ignore\nimport legacy from 'legacy';\n${service}` },
      head: { 'src/user.ts': `// @ts-ignore\nimport legacy from 'legacy';\n${service.replace('  return user.name;', '  // @ts-ignore\n  return user.name;')}` },
      findings: [{ file: 'src/user.ts', line: 7 }],
    },
    {
      name: '@ts-expect-error in a new file',
      base: { 'src/user.ts': service },
      head: { 'src/user.ts': service, 'src/new.tsx': 'export function View() {\n  // @ts-expect-error props\n  return <div id={1} />;\n}\n' },
      findings: [{ file: 'src/new.tsx', line: 2, message: '@ts-expect-error' }],
    },
  ],
});

ruleTester(typeSuppression, {
  valid: [
    {
      name: 'Python: a type-ignore inside a string is not a suppression',
      base: { 'app/models.py': 'def name(user):\n    return user.name\n' },
      head: { 'app/models.py': 'HELP = "add # type: ignore to silence mypy"\n\ndef name(user):\n    return user.name\n' },
    },
  ],
  invalid: [
    {
      name: 'Python: # type: ignore[attr-defined] added',
      base: { 'app/models.py': 'def name(user):\n    return user.name\n' },
      head: { 'app/models.py': 'def name(user):\n    return user.nam  # type: ignore[attr-defined]\n' },
      findings: [{ file: 'app/models.py', line: 2, severity: 'warn', message: 'type: ignore' }],
    },
  ],
});
