import { typesStrictnessLowered } from '../../src/rules/types/strictness-lowered.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(typesStrictnessLowered, {
  valid: [{ name: 'docs: good example', base: typesStrictnessLowered.docs.good.base, head: typesStrictnessLowered.docs.good.head }],
  invalid: [
    {
      name: 'docs: bad example',
      base: typesStrictnessLowered.docs.bad.base,
      head: typesStrictnessLowered.docs.bad.head,
      findings: [{ file: 'tsconfig.json', line: 4, side: 'head', message: 'strictNullChecks turned off in tsconfig.json (was true via strict in tsconfig.json:3; now false in tsconfig.json:4)' }],
    },
  ],
});
