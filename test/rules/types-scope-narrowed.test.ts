import { typesScopeNarrowed } from '../../src/rules/types/scope-narrowed.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(typesScopeNarrowed, {
  valid: [{ name: 'docs: good example', base: typesScopeNarrowed.docs.good.base, head: typesScopeNarrowed.docs.good.head }],
  invalid: [
    {
      name: 'docs: bad example',
      base: typesScopeNarrowed.docs.bad.base,
      head: typesScopeNarrowed.docs.bad.head,
      findings: [{ file: 'tsconfig.json', line: 4, side: 'head', message: 'TypeScript (tsc) no longer type-checks 1 file that still exists (excluded by `src/legacy/**` in tsconfig.json): src/legacy/discount.ts' }],
    },
  ],
});
