import { describe, expect, it } from 'vitest';
import { UnparseableError } from '../../../src/core/errors.js';
import { imageSnapshotFolder, inspectSnapshotTestFile, isImageSnapshot, isSnapshotTestSource } from '../../../src/inspect/snapshot/index.js';
import { compilePathGroups, DEFAULT_PATH_GROUPS } from '../../../src/policy/path-groups.js';

const inspect = (text: string, path = 'src/a.test.ts') => inspectSnapshotTestFile(path, text);
/** Test names are read only from files that use a snapshot matcher: give each source one, outside any test. */
const USES_SNAPSHOTS = '\nexpect(x).toMatchSnapshot();';
const testsOf = (text: string) => inspect(text + USES_SNAPSHOTS).tests ?? [];
const names = (text: string) => testsOf(text).map((test) => test.segments.map((segment) => segment.text).join(' > '));

describe('test names', () => {
  it('joins suites and tests, through modifiers and Playwright describe', () => {
    const source = [
      "describe('cart', () => {",
      "  it('adds', () => {});",
      "  describe.only('totals', () => { test.skip('sums', () => {}); it.concurrent(`rounds`, () => {}); });",
      '});',
      "test.describe('login', () => { test('shows the form', async () => {}); });",
      "test.skip(isMobile, 'not on mobile');",
    ].join('\n');
    expect(names(source)).toEqual(['cart > adds', 'cart > totals > sums', 'cart > totals > rounds', 'login > shows the form']);
  });

  it('turns computed parts and .each placeholders into patterns', () => {
    const source = "describe.each([1])('size %i', () => { it.each`a\n${1}`('adds $a', () => {}); it(`x ${y}`, () => {}); });\ndescribe(Cart, () => { it('works', () => {}); });";
    const tests = testsOf(source);
    expect(tests.map((test) => test.segments.map((segment) => segment.text).join(' > '))).toEqual(['size … > adds …', 'size … > x …', '… > works']);
    expect(tests[0]?.segments[1]?.pattern).toBe('adds [\\s\\S]*');
    expect(tests[2]?.segments[1]?.pattern).toBeNull();
  });

  it('does not read test names from a file that uses no snapshot matcher', () => {
    expect(inspect("describe('cart', () => { it('adds', () => { expect(1).toBe(1); }); });")).toEqual({ tests: null, usesFileSnapshots: false, inline: [] });
  });

  it('does not count calls inside a test body as tests', () => {
    expect(names("it('outer', () => { it('inner', () => {}); });")).toEqual(['outer']);
  });

  it('notes whether the file writes file snapshots', () => {
    expect(inspect("it('a', () => { expect(x).toMatchSnapshot(); });").usesFileSnapshots).toBe(true);
    expect(inspect("it('a', () => { expect(f).toThrowErrorMatchingSnapshot(); });").usesFileSnapshots).toBe(true);
    expect(inspect("it('a', () => { expect(x).toEqual(1); });").usesFileSnapshots).toBe(false);
  });
});

describe('inline snapshots', () => {
  it('records the enclosing test, the matcher, the line and a hash of the dedented value', () => {
    const source = [
      "describe('price', () => {",
      "  it('formats', () => {",
      '    expect(format(1)).toMatchInlineSnapshot(`"$1.00"`);',
      '    expect(() => format(-1)).toThrowErrorMatchingInlineSnapshot(`',
      '      "negative"',
      '    `);',
      '  });',
      '});',
      'expect(top).toMatchInlineSnapshot();',
    ].join('\n');
    const { inline } = inspect(source);
    expect(inline.map(({ testName, matcher, line }) => ({ testName, matcher, line }))).toEqual([
      { testName: 'price > formats', matcher: 'toMatchInlineSnapshot', line: 3 },
      { testName: 'price > formats', matcher: 'toThrowErrorMatchingInlineSnapshot', line: 4 },
      { testName: undefined, matcher: 'toMatchInlineSnapshot', line: 9 },
    ]);
  });

  it('hashes the same value the same whatever its indentation; backticks and ${ escapes are decoded', () => {
    const a = inspect("it('a', () => { expect(x).toMatchInlineSnapshot(`\n  {\n    \"a\": \"\\`\\${b}\",\n  }\n`); });").inline[0]!;
    const b = inspect("it('a', () => {\n      expect(x).toMatchInlineSnapshot(`\n        {\n          \"a\": \"\\`\\${b}\",\n        }\n      `);\n});").inline[0]!;
    const c = inspect("it('a', () => { expect(x).toMatchInlineSnapshot(`\n  {\n    \"a\": \"c\",\n  }\n`); });").inline[0]!;
    expect(b.valueHash).toBe(a.valueHash);
    expect(c.valueHash).not.toBe(a.valueHash);
  });

  it('reads the snapshot after property matchers', () => {
    const [withMatchers] = inspect("it('a', () => { expect(u).toMatchInlineSnapshot({ id: expect.any(String) }, `{ id: Any<String> }`); });").inline;
    const [plain] = inspect("it('a', () => { expect(u).toMatchInlineSnapshot(`{ id: Any<String> }`); });").inline;
    expect(withMatchers?.valueHash).toBe(plain?.valueHash);
  });

  it('a test file that does not parse is unparseable', () => {
    expect(() => inspect("it('a', () => { expect(x).toMatchInlineSnapshot(`x`); ")).toThrow(UnparseableError);
  });
});

describe('which files', () => {
  const paths = compilePathGroups(DEFAULT_PATH_GROUPS);
  it('applies to JS/TS test files', () => {
    expect(isSnapshotTestSource('src/a.test.tsx', paths)).toBe(true);
    expect(isSnapshotTestSource('src/__tests__/a.js', paths)).toBe(true);
    expect(isSnapshotTestSource('src/a.ts', paths)).toBe(false);
    expect(isSnapshotTestSource('src/__snapshots__/a.test.ts.snap', paths)).toBe(false);
  });

  it('recognises image snapshots and their folder', () => {
    expect(isImageSnapshot('e2e/login.spec.ts-snapshots/form-chromium-linux.png')).toBe(true);
    expect(isImageSnapshot('src/__image_snapshots__/button-snap.png')).toBe(true);
    expect(isImageSnapshot('public/logo.png')).toBe(false);
    expect(imageSnapshotFolder('e2e/login.spec.ts-snapshots/form-chromium-linux.png')).toBe('e2e/login.spec.ts-snapshots');
    expect(imageSnapshotFolder('__image_snapshots__/a.png')).toBe('__image_snapshots__');
  });
});
