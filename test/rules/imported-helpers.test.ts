import { testsAssertionWeakened } from '../../src/rules/tests/assertion-weakened.js';
import { testsAssertionsRemoved } from '../../src/rules/tests/assertions-removed.js';
import { testsNoAssertions } from '../../src/rules/tests/no-assertions.js';
import { ruleTester } from '../helpers/rule-tester.js';

// Assertions made by helpers imported from the repository's own modules count for the tests
// that call them; calls that cannot be followed make the finding a warning, never a silent pass.

const users = { 'src/users.ts': "export interface User { id: number; name: string }\nexport const findUser = (id: number): User => ({ id, name: 'Ada' });\n" };
const helpers =
  "import { expect } from 'vitest';\nimport type { User } from '../src/users';\n\nexport function expectAda(user: User) {\n  expect(user.name).toBe('Ada');\n  expect(user.id).toBeGreaterThan(0);\n}\n\nexport const loadFixture = (id: number) => ({ id });\n";
const header = "import { expect, it } from 'vitest';\nimport { findUser } from '../src/users';\n";
const inline = `${header}\nit('finds Ada', () => {\n  const user = findUser(1);\n  expect(user.name).toBe('Ada');\n  expect(user.id).toBeGreaterThan(0);\n});\n`;
const viaHelper = `${header}import { expectAda } from './helpers';\n\nit('finds Ada', () => {\n  const user = findUser(1);\n  expectAda(user);\n});\n`;

ruleTester(testsAssertionsRemoved, {
  valid: [
    {
      name: 'assertions moved into a helper of another module',
      base: { ...users, 'test/helpers.ts': helpers, 'test/users.test.ts': inline },
      head: { ...users, 'test/helpers.ts': helpers, 'test/users.test.ts': viaHelper },
    },
    {
      name: 'assertions moved into a helper re-exported by an index file',
      base: { ...users, 'test/support/assertions.ts': helpers.replace("'../src/users'", "'../../src/users'"), 'test/support/index.ts': "export * from './assertions';\n", 'test/users.test.ts': inline },
      head: {
        ...users,
        'test/support/assertions.ts': helpers.replace("'../src/users'", "'../../src/users'"),
        'test/support/index.ts': "export * from './assertions';\n",
        'test/users.test.ts': viaHelper.replace("'./helpers'", "'./support'"),
      },
    },
    {
      name: 'assertions moved into a CommonJS helper module',
      base: { ...users, 'test/helpers.js': "const { expect } = require('vitest');\nexports.expectAda = (user) => {\n  expect(user.name).toBe('Ada');\n  expect(user.id).toBeGreaterThan(0);\n};\n", 'test/users.test.ts': inline },
      head: {
        ...users,
        'test/helpers.js': "const { expect } = require('vitest');\nexports.expectAda = (user) => {\n  expect(user.name).toBe('Ada');\n  expect(user.id).toBeGreaterThan(0);\n};\n",
        'test/users.test.ts': `${header}const h = require('./helpers.js');\n\nit('finds Ada', () => {\n  const user = findUser(1);\n  h.expectAda(user);\n});\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'assertions replaced by a call of an imported function that asserts nothing',
      base: { ...users, 'test/helpers.ts': helpers, 'test/users.test.ts': inline },
      head: { ...users, 'test/helpers.ts': helpers, 'test/users.test.ts': `${header}import { loadFixture } from './helpers';\n\nit('finds Ada', () => {\n  const user = findUser(loadFixture(1).id);\n  void user;\n});\n` },
      findings: [{ file: 'test/users.test.ts', line: 5, severity: 'block', message: 'no longer asserts anything (it made 2 assertions)' }],
    },
    {
      name: 'assertions replaced by a call into a test-utils package that cannot be read: warn',
      base: { ...users, 'test/users.test.ts': inline },
      head: { ...users, 'test/users.test.ts': `${header}import { expectUser } from '@acme/test-utils';\n\nit('finds Ada', () => {\n  expectUser(findUser(1));\n});\n` },
      findings: [{ file: 'test/users.test.ts', line: 5, severity: 'warn', message: 'imported helpers Gatehouse cannot read' }],
    },
  ],
});

ruleTester(testsNoAssertions, {
  valid: [
    {
      name: 'a new test asserting through an imported helper',
      base: { ...users, 'test/helpers.ts': helpers },
      head: { ...users, 'test/helpers.ts': helpers, 'test/users.test.ts': viaHelper },
    },
    {
      name: 'a new test asserting through a helper added in the same change',
      base: { ...users },
      head: { ...users, 'test/helpers.ts': helpers, 'test/users.test.ts': viaHelper },
    },
  ],
  invalid: [
    {
      name: 'a test file importing from a helpers module whose called function asserts nothing',
      base: { ...users, 'test/helpers.ts': helpers },
      head: { ...users, 'test/helpers.ts': helpers, 'test/users.test.ts': `${header}import { loadFixture } from './helpers';\n\nit('loads', () => {\n  findUser(loadFixture(1).id);\n});\n` },
      findings: [{ file: 'test/users.test.ts', line: 5, severity: 'block', message: "New test 'loads' makes no assertion" }],
    },
    {
      name: 'a helper from a package that may assert: warn, naming the unreadable calls',
      base: { ...users },
      head: { ...users, 'test/users.test.ts': `${header}import { expectUser } from '@acme/test-utils';\n\nit('finds Ada', () => {\n  expectUser(findUser(1));\n});\n` },
      findings: [{ file: 'test/users.test.ts', line: 5, severity: 'warn', message: 'that Gatehouse can see (1 call of imported helpers Gatehouse cannot read)' }],
    },
    {
      name: 'an imported helper module that does not exist in the revision: warn',
      base: { ...users },
      head: { ...users, 'test/users.test.ts': viaHelper },
      findings: [{ file: 'test/users.test.ts', line: 5, severity: 'warn' }],
    },
  ],
});

ruleTester(testsAssertionWeakened, {
  valid: [
    {
      name: 'a helper call replaced by the same assertions inline',
      base: { ...users, 'test/helpers.ts': helpers, 'test/users.test.ts': viaHelper },
      head: { ...users, 'test/helpers.ts': helpers, 'test/users.test.ts': inline },
    },
  ],
  invalid: [
    {
      name: 'an imported helper asserting exact values replaced by an existence check',
      base: { ...users, 'test/helpers.ts': helpers, 'test/users.test.ts': viaHelper },
      head: {
        ...users,
        'test/helpers.ts': helpers,
        'test/users.test.ts': `${header}import { expectAda } from './helpers';\n\nit('finds Ada', () => {\n  const user = findUser(1);\n  expect(user.name).toBeDefined();\n  expect(user.id).toBeGreaterThan(0);\n});\n`,
      },
      findings: [{ file: 'test/users.test.ts', line: 7, severity: 'block', before: "expect(user.name).toBe('Ada')", after: 'expect(user.name).toBeDefined()' }],
    },
  ],
});
