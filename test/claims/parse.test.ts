import { describe, expect, it } from 'vitest';

import { parseClaims } from '../../src/claims/parse.js';
import { shape } from './helpers.js';

function claimsOf(text: string, origin: 'report' | 'pr' | 'commit' = 'report') {
  return parseClaims([{ origin, name: 'r.md', text }]).map(shape);
}


function kinds(text: string) {
  return claimsOf(text).map((claim) => claim.kind);
}

describe('parseClaims: coverage', () => {
  it.each([
    ['100% across statements, branches, functions and lines', { metrics: ['statements', 'branches', 'functions', 'lines'], percent: 100, relation: 'exactly' }],
    ['100% coverage', { metrics: [], percent: 100, relation: 'exactly' }],
    ['Full coverage of the new module.', { metrics: [], percent: 100, relation: 'exactly' }],
    ['The parser is now fully covered.', { metrics: [], percent: 100, relation: 'exactly' }],
    ['Increased coverage to 85%', { metrics: [], percent: 85, relation: 'exactly' }],
    ['coverage is now 92.5%', { metrics: [], percent: 92.5, relation: 'exactly' }],
    ['≥ 90% coverage', { metrics: [], percent: 90, relation: 'at-least' }],
    ['Coverage at least 80% on lines', { metrics: ['lines'], percent: 80, relation: 'at-least' }],
    ['Coverage: 100%', { metrics: [], percent: 100, relation: 'exactly' }],
    ['Branch coverage is 97%', { metrics: ['branches'], percent: 97, relation: 'exactly' }],
    ['Lines: 99.5%', { metrics: ['lines'], percent: 99.5, relation: 'exactly' }],
    ['Coverage went from 72% to 85%.', { metrics: [], percent: 85, relation: 'exactly' }],
    ['Coverage 72% → 88%', { metrics: [], percent: 88, relation: 'exactly' }],
  ])('%s', (text, expected) => {
    expect(claimsOf(text)).toEqual([{ line: 1, kind: 'coverage', ...expected }]);
  });

  it('pairs each figure with its metric, labels first or last', () => {
    // Equal figures merge into one claim over their metrics.
    expect(claimsOf('Statements 98%, branches 91%, functions 100%, lines 98%')).toEqual([
      { line: 1, kind: 'coverage', metrics: ['statements', 'lines'], percent: 98, relation: 'exactly' },
      { line: 1, kind: 'coverage', metrics: ['branches'], percent: 91, relation: 'exactly' },
      { line: 1, kind: 'coverage', metrics: ['functions'], percent: 100, relation: 'exactly' },
    ]);
    expect(claimsOf('Coverage report: Statements 100% | Branches 100% | Functions 100% | Lines 100%')).toEqual([
      { line: 1, kind: 'coverage', metrics: ['statements', 'branches', 'functions', 'lines'], percent: 100, relation: 'exactly' },
    ]);
    expect(claimsOf('Coverage: 100% (was 84%)')).toEqual([{ line: 1, kind: 'coverage', metrics: [], percent: 100, relation: 'exactly' }]);
    expect(claimsOf('Coverage: 100% lines and 95% branches').map((claim) => claim.kind === 'coverage' && [claim.metrics, claim.percent])).toEqual([
      [['lines'], 100],
      [['branches'], 95],
    ]);
  });

  it('reads a table row, and the after column of a before/after table', () => {
    expect(claimsOf('| Metric | Value |\n|---|---|\n| Lines | 100% |')).toEqual([{ line: 3, kind: 'coverage', metrics: ['lines'], percent: 100, relation: 'exactly' }]);
    expect(claimsOf('| Metric | After | Before |\n|---|---|---|\n| Coverage | 91% | 60% |')).toEqual([{ line: 3, kind: 'coverage', metrics: [], percent: 91, relation: 'exactly' }]);
  });

  it.each([
    'the 80% threshold is met',
    'Raised the target of 90% in the config.',
    'Coverage was 72% before.',
    'Coverage was 72% on main.',
    'Baseline coverage: 64%',
    'Reduced bundle size by 40%.',
    'The cache hits 90% of the time.',
    'Increased coverage by 5%.',
    'Coverage +3.2% compared to main',
    'Coverage is not yet 100%.',
    'Coverage is almost 100%.',
    'Coverage is below 90%.',
    'We should reach 100% coverage.',
    'Aim for full coverage next.',
    '100% coverage except for the generated client.',
    'Cut 30% of the lines of code.',
    'Progress: 50% done.',
  ])('not a claim: %s', (text) => {
    expect(claimsOf(text)).toEqual([]);
  });
});

describe('parseClaims: tests pass', () => {
  it.each([
    ['All 142 tests pass', 142],
    ['142 passing', 142],
    ['142/142 tests passed', 142],
    ['Tests: 142 passed, 142 total', 142],
    ['✓ 142 tests', 142],
    ['All 1,204 tests pass.', 1204],
    ['No failures.', null],
    ['All tests green', null],
    ['The test suite passes.', null],
    ['`npm test` passes', null],
    ['- [x] tests pass', null],
    ['✅ `pnpm test`', null],
    ['Unit and e2e tests pass locally.', null],
    ['All existing tests still pass.', null],
  ])('%s', (text, count) => {
    expect(claimsOf(text)).toEqual([{ line: 1, kind: 'tests-pass', count }]);
  });

  it.each([
    'Tests were failing before.',
    'Fix failing tests',
    'Tests should pass once the fixture is regenerated.',
    'Tests pass locally except for the websocket test.',
    '- [ ] tests pass',
    'Tests do not pass yet.',
    '140/142 tests passed.',
    'Tests: 1 failed, 141 passed, 142 total',
    'Previously all tests passed.',
    'Make sure all tests pass.',
    '❌ npm test',
    'Did the tests pass? I could not run them.',
  ])('not a claim: %s', (text) => {
    expect(claimsOf(text)).toEqual([]);
  });
});

describe('parseClaims: other kinds', () => {
  it.each([
    ['Added tests for the discount code', [{ kind: 'tests-added', subject: 'the discount code' }]],
    ['New unit tests for the tokenizer.', [{ kind: 'tests-added', subject: 'the tokenizer' }]],
    ['Tests added.', [{ kind: 'tests-added', subject: null }]],
    ['Updated the tests.', [{ kind: 'tests-updated' }]],
    ['Tests updated to match the new API.', [{ kind: 'tests-updated' }]],
    ['No lint errors.', [{ kind: 'lint-clean' }]],
    ['ESLint passes.', [{ kind: 'lint-clean' }]],
    ['`npm run lint` clean', [{ kind: 'lint-clean' }]],
    ['ESLint: 0 problems', [{ kind: 'lint-clean' }]],
    ['tsc passes', [{ kind: 'types-clean' }]],
    ['No type errors.', [{ kind: 'types-clean' }]],
    ['Typecheck clean.', [{ kind: 'types-clean' }]],
    ['mypy: Success', [{ kind: 'types-clean' }]],
    ['Build succeeds.', [{ kind: 'build-passes' }]],
    ['`npm run build` passes', [{ kind: 'build-passes' }]],
    ['No behaviour change.', [{ kind: 'no-behaviour-change' }]],
    ['No behavior changes intended', [{ kind: 'no-behaviour-change' }]],
    ['Refactor only.', [{ kind: 'no-behaviour-change' }]],
    ['Pure refactor.', [{ kind: 'no-behaviour-change' }]],
    ['No functional changes.', [{ kind: 'no-behaviour-change' }]],
    ['Only touched src/auth/', [{ kind: 'only-touched', paths: ['src/auth/'] }]],
    ['Changes are limited to `src/cart.ts` and `src/discount.ts`.', [{ kind: 'only-touched', paths: ['src/cart.ts', 'src/discount.ts'] }]],
    ['No changes outside `packages/api`.', [{ kind: 'only-touched', paths: ['packages/api'] }]],
    ['Fixes #12', [{ kind: 'fixes-issue', issue: 12 }]],
    ['closes #3, fixes #4', [{ kind: 'fixes-issue', issue: 3 }, { kind: 'fixes-issue', issue: 4 }]],
    ['This should fix #9.', [{ kind: 'fixes-issue', issue: 9 }]],
    ['npm run lint && npm run typecheck && npm test all pass', [{ kind: 'lint-clean' }, { kind: 'types-clean' }, { kind: 'tests-pass', count: null }]],
    ['test: add coverage for refunds', [{ kind: 'tests-added', subject: 'refunds' }]],
    ['Verified with npm test (142 tests, all passing).', [{ kind: 'tests-pass', count: 142 }]],
    ['Ran the test suite: 142 passed, 0 failed, 3 skipped.', [{ kind: 'tests-pass', count: 142 }]],
    ['Regenerated the snapshots.', [{ kind: 'tests-updated' }]],
    ['✅ Lint', [{ kind: 'lint-clean' }]],
    ['The project builds successfully.', [{ kind: 'build-passes' }]],
    ['Behaviour is unchanged.', [{ kind: 'no-behaviour-change' }]],
    ['Coverage: 100% (threshold 80%)', [{ kind: 'coverage', metrics: [], percent: 100, relation: 'exactly' }]],
    ['Coverage is 91%, up from 72%.', [{ kind: 'coverage', metrics: [], percent: 91, relation: 'exactly' }]],
    ['Resolves #7', [{ kind: 'fixes-issue', issue: 7 }]],
  ])('%s', (text, expected) => {
    expect(claimsOf(text)).toEqual(expected.map((claim) => ({ line: 1, ...claim })));
  });

  it.each([
    'Add tests for the parser next?',
    'I can add tests for the importer if you want.',
    'Lint does not pass yet.',
    'The build is broken.',
    'This is not a pure refactor.',
    'Only touched the auth module.',
    'Resolves org/repo#4',
    'Does not fix #12 yet.',
    'See #12 for context.',
    'Fixed the lint errors in cart.ts.',
    'Please update the tests.',
    "I'll fix the rounding and add a test.",
    'Consider adding tests for the parser.',
    'Ran `npm test`.',
    'CI is green.',
    'Everything works.',
    'A CI job checks whether the tests still pass with older TypeScript versions.',
    'It has an extensive test suite, and works in all environments.',
    'enforce 100% test coverage',
    'Set the coverage threshold to 95%.',
    'test: Pass missing option to pass on windows',
    'The agent reported "100% across statements, branches, functions and lines".',
    'The reviewer wrote “all tests pass on my machine”.',
    'I was asked to raise coverage to 100%.',
    'The plan was to bring coverage to 95%.',
    'Coverage minimum 85% is enforced.',
  ])('not a claim: %s', (text) => {
    expect(claimsOf(text)).toEqual([]);
  });
});

describe('parseClaims: Markdown structure', () => {
  it('reads a claim across hard-wrapped lines and reports the line it starts on', () => {
    expect(claimsOf('Refactored the client.\nCoverage is now 100% across\nstatements and branches.')).toEqual([
      { line: 2, kind: 'coverage', metrics: ['statements', 'branches'], percent: 100, relation: 'exactly' },
    ]);
  });

  it('keeps line numbers right after a multi-line HTML comment, and ignores what it says', () => {
    expect(claimsOf('<!--\nAll tests pass\n-->\n\nLint clean.')).toEqual([{ line: 5, kind: 'lint-clean' }]);
  });

  it('ignores block quotes, unchecked boxes, headings and plan sections', () => {
    const text = [
      '> All tests pass on my machine.',
      '- [ ] ESLint passes',
      '## All tests pass',
      '## Next steps',
      '- tsc passes',
      '## Verification',
      '- [X] Build succeeds',
    ].join('\n');
    expect(claimsOf(text)).toEqual([{ line: 7, kind: 'build-passes' }]);
  });

  it('a bold plan label skips its list, and prose after a blank line is read again', () => {
    expect(kinds('**Follow-ups:**\n- Lint passes\n- tsc passes\n\nThe build succeeds.')).toEqual(['build-passes']);
    expect(kinds('TODO: add tests for the parser\nLint passes.')).toEqual(['lint-clean']);
  });

  it('reads only tool summaries in fences, never code', () => {
    const text = ['```ts', '// all tests pass, 100% coverage', 'expect(x).toBe(1);', '```', '```', ' Test Files  3 passed (3)', '      Tests  42 passed (42)', '```'].join('\n');
    expect(claimsOf(text)).toEqual([
      { line: 6, kind: 'tests-pass', count: null },
      { line: 7, kind: 'tests-pass', count: 42 },
    ]);
  });

  it.each([
    ['test result: ok. 142 passed; 0 failed; 0 ignored', [{ kind: 'tests-pass', count: 142 }]],
    ['  142 passing (3s)', [{ kind: 'tests-pass', count: 142 }]],
    ['Statements   : 100% ( 120/120 )', [{ kind: 'coverage', metrics: ['statements'], percent: 100, relation: 'exactly' }]],
    ['Found 0 errors. Watching for file changes.', [{ kind: 'types-clean' }]],
    ['✓ built in 1.24s', [{ kind: 'build-passes' }]],
    ['\u001b[32m      Tests  12 passed (12)\u001b[39m', [{ kind: 'tests-pass', count: 12 }]],
    ['✖ 3 problems (3 errors, 0 warnings)', []],
    ['FAIL test/cart.test.ts', []],
  ])('fence: %s', (line, expected) => {
    expect(claimsOf(`\`\`\`\n${line}\n\`\`\``)).toEqual(expected.map((claim) => ({ line: 2, ...claim })));
  });

  it('a failing summary in a fence is no claim', () => {
    expect(claimsOf('```\n      Tests  1 failed | 41 passed (42)\n```')).toEqual([]);
  });

  it('collapses duplicates from one source to the first, keeps them apart across sources', () => {
    const claims = parseClaims([
      { origin: 'report', name: 'report.md', text: 'All tests pass.\n\nAll tests pass again.' },
      { origin: 'commit', name: 'abc1234', text: 'Lint clean; all tests pass' },
    ]);
    expect(claims.map((claim) => [claim.kind, claim.source.origin, claim.source.name, claim.source.line])).toEqual([
      ['tests-pass', 'report', 'report.md', 1],
      ['lint-clean', 'commit', 'abc1234', 1],
      ['tests-pass', 'commit', 'abc1234', 1],
    ]);
    expect(claims[0]!.text).toBe('All tests pass.');
  });

  it('cleans the text: emoji, bold, code spans and links', () => {
    const [claim] = parseClaims([{ origin: 'pr', name: 'PR description', text: '- 🎉 **All** `142` tests pass — see [the run](https://ci.example/1)' }]);
    expect(claim?.text).toBe('All 142 tests pass — see the run');
  });

  it('drops the agent\'s check marks from the quoted text', () => {
    expect(parseClaims([{ origin: 'report', name: 'r.md', text: '- ✅ Coverage is now 100% across lines ✔️' }])[0]?.text).toBe('Coverage is now 100% across lines');
  });

  it('single-quoted text is someone else\'s words; apostrophes inside words do not end it', () => {
    expect(kinds("Found by running the parser: 'enforce 100% test coverage' was taken for a claim.")).toEqual([]);
    expect(kinds("'I'll fix X and add a test' is a plan; 'npm run lint && npm test all pass' claims both.")).toEqual([]);
    expect(kinds("Ran 'npm test': all 12 tests pass")).toEqual(['tests-pass']);
    expect(kinds("Don't worry: all tests pass.")).toEqual(['tests-pass']);
  });

  it('names a gate by any of its words, short ones included, after the cheap first look', () => {
    expect(kinds('No TS errors.')).toEqual(['types-clean']);
    expect(kinds('No typing errors.')).toEqual(['types-clean']);
    expect(kinds('`npm run tsc` passes')).toEqual(['types-clean']);
    expect(kinds('golangci-lint is clean')).toEqual(['lint-clean']);
    expect(kinds('Compilation succeeds.')).toEqual(['build-passes']);
    expect(kinds('All 12 specs green')).toEqual(['tests-pass']);
  });

  it('a sentence about how text is read describes a classification, it claims nothing', () => {
    expect(kinds('The badge line was read as tests passing, and the changelog entry as 100% coverage.')).toEqual([]);
    expect(kinds('Counted as tests passing: the summary line.')).toEqual([]);
  });

  it('commit trailers are not claims, except issue references', () => {
    expect(claimsOf('Fix rounding\n\nFixes: #12\nCo-authored-by: Tests Pass <a@b.c>\nSigned-off-by: x <x@y.z>', 'commit')).toEqual([{ line: 3, kind: 'fixes-issue', issue: 12 }]);
  });
});

describe('parseClaims: performance', () => {
  it('parses a 20 KB report in a few milliseconds', () => {
    const paragraph = 'Refactored the tokenizer and added tests for the parser. All 142 tests pass, lint clean, coverage is now 96.5% for lines.\n\n';
    const text = paragraph.repeat(Math.ceil(20_000 / paragraph.length));
    parseClaims([{ origin: 'report', name: 'r', text }]);
    const start = performance.now();
    parseClaims([{ origin: 'report', name: 'r', text }]);
    expect(performance.now() - start).toBeLessThan(100);
  });

  it.each([
    ['one long line of gate words', 'lint '.repeat(4000)],
    ['tests and spaces', `${'tests '.repeat(3000)}x`],
    ['percentages', '99.9% '.repeat(3000)],
    ['brackets and stars', '**_`['.repeat(5000)],
    ['open HTML comments', '<!-- '.repeat(5000)],
    ['gap words without a verdict', `eslint ${'and the all now still '.repeat(800)}`],
    ['many lines', 'All tests\n'.repeat(5000)],
  ])('stays linear on pathological input: %s', (_name, text) => {
    const start = performance.now();
    parseClaims([{ origin: 'report', name: 'r', text }]);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
