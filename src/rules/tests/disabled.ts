import type { FindingDraft, Severity } from '../../core/types.js';
import type { TestCase } from '../../inspect/source-facts.js';
import { defineRule } from '../rule.js';
import { dataSkipInspector } from '../../inspect/data-skips.js';
import type { ChangedFile, RuleContext } from '../rule.js';
import type { RunnerProjectFacts } from '../../inspect/runner/project-inspector.js';
import { SOURCE_INSPECTORS } from '../support/source.js';
import { matchTests, shortName, type TestMatching } from '../support/test-matching.js';
import { runnerFacts, scopesCollecting, TEST_PROJECT_INSPECTORS } from '../support/test-collection.js';
import { exclusionOf, type Exclusion } from '../support/test-selection.js';

type Disablement = 'only' | 'skip' | 'todo' | 'conditional' | 'fails';

/** How a test or suite is disabled by its own modifiers, strongest first; null when it runs normally. */
export function disablementOf(test: TestCase): Disablement | null {
  const has = (modifier: TestCase['modifiers'][number]) => test.modifiers.includes(modifier);
  if (has('only')) return 'only';
  const conditional = has('skipIf') || has('runIf') || (has('skip') && test.skipCondition !== null);
  if (conditional) {
    if (test.skipCondition === 'always') return 'skip';
    if (test.skipCondition === 'dynamic') return 'conditional';
  } else if (has('skip')) {
    return 'skip';
  }
  if (has('todo')) return 'todo';
  if (has('fails')) return 'fails';
  // Skips inside the body (`ctx.skip()`, `pytest.skip()`, an early `return`) switch the test off just the same.
  if (test.runtimeSkips.some((skip) => !skip.conditional)) return 'skip';
  if (test.runtimeSkips.length > 0) return 'conditional';
  return null;
}

/** Severity by what happened: an existing test switched off is worse than a new one landing switched off. */
function severityOf(disablement: Disablement, existing: boolean): Severity {
  switch (disablement) {
    case 'only':
      return 'block';
    case 'skip':
    case 'todo':
    case 'fails':
      return existing ? 'block' : 'warn';
    case 'conditional':
      return existing ? 'warn' : 'info';
  }
}

function describe(test: TestCase, disablement: Disablement, existing: boolean): string {
  const what = `${test.kind === 'suite' ? 'Suite' : 'Test'} '${test.fullName}'`;
  switch (disablement) {
    case 'only':
      return `${what} is focused with \`${test.callee}\`: every other test in the run is skipped`;
    case 'skip':
      return existing ? `${what} is now skipped (\`${test.callee}\`)` : `New ${what.toLowerCase()} lands skipped (\`${test.callee}\`)`;
    case 'todo':
      return existing ? `${what} is turned into a todo: its body no longer runs` : `New ${what.toLowerCase()} lands as a todo`;
    case 'conditional':
      return existing
        ? `${what} now runs only under a runtime condition (\`${test.callee}\`)`
        : `New ${what.toLowerCase()} runs only under a runtime condition (\`${test.callee}\`)`;
    case 'fails':
      return existing
        ? `${what} is marked \`fails\`: it now passes only while the code is broken`
        : `New ${what.toLowerCase()} is marked \`fails\`: it documents a known bug as passing`;
  }
}

export const testsDisabled = defineRule({
  id: 'tests/disabled',
  category: 'test-disabled',
  severity: 'block',
  docs: {
    summary:
      'Tests or suites newly skipped, focused, turned into todos or marked failing: `.skip`, `.only`, `.todo`, `xit`, `fit`, `.skipIf`, `.runIf`, `.fails` (jest, vitest, mocha, node:test, Playwright), pytest and unittest markers, skips inside a body (`ctx.skip()`, `this.skip()`, `pytest.skip()`, `self.skipTest()`, an early `return`, an override that only skips), definitions switched off through data (`skip: true`, `enabled: false`, a platform list widened to every platform), skip conditions that now hold everywhere, and tests whose new tags or markers the runner\'s filters leave out.',
    why: 'A skipped test cannot fail, so the test gate goes green without the behaviour being checked; `.only` silently skips every other test in the run. An existing test switched off blocks; a new test that lands switched off, or a runtime condition, needs a human.',
    fix: 'Make the test pass by fixing the code, then remove the modifier. If the test must stay off for now, link the issue that tracks it and have a human acknowledge the finding.',
    details: [
      '**Conditions.** `skipIf` / `runIf` / `(cond ? it : it.skip)` / `@pytest.mark.skipif` / `@unittest.skipUnless` conditions are evaluated statically: constants, and conditions over the platform (`process.platform`, `os.platform()`, `sys.platform`, `platform.system()`, `os.name`) and environment variables (`process.env.CI`, `os.environ.get("CI")`, `"CI" in os.environ`), tried on Linux, macOS and Windows with every variable set and unset. A condition true in all of them skips always (`skipIf(process.platform !== \'plan9\')`); one that varies is a runtime condition.',
      '',
      '**Data.** In case files and definition modules of the `tests` path group: `skip` / `disabled` / `pending` / `ignored` / `xfail` / `quarantined` set, `enabled` / `run` / `active` false, a skip list (`skip_on`, `skipPlatforms`, `disabled_envs`…) naming every CI platform or `all` / `*`, and a run list (`only_on`, `platforms`, `os`…) emptied, set to `none`, or naming only platforms no CI runner provides.',
      '',
      '**Runner filters.** When a test gains tags or markers (Playwright `tag` option and `@tag` words in titles, pytest markers), the runner configurations and CI commands that collect its file are read: a test left out by every one of them — pytest `-m` / `-k` expressions, mocha `grep` / `fgrep` / `invert`, vitest and jest `-t` — is reported (block for an existing test, warn for a new one). A filter that cannot be evaluated decides nothing.',
    ].join('\n'),
    bad: {
      base: {
        'src/sum.test.ts': "import { it, expect } from 'vitest';\nimport { sum } from './sum';\n\nit('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n",
      },
      head: {
        'src/sum.test.ts': "import { it, expect } from 'vitest';\nimport { sum } from './sum';\n\nit.skip('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n",
      },
    },
    good: {
      base: {
        'src/sum.test.ts': "import { it, expect } from 'vitest';\n\nit.skip('is slow', () => {\n  expect(1).toBe(1);\n});\n",
      },
      head: {
        'test/sum.test.ts': "import { it, expect } from 'vitest';\n\nit.skip('is slow', () => {\n  expect(1).toBe(1);\n});\n\nit('adds', () => {\n  expect(1 + 1).toBe(2);\n});\n",
      },
    },
  },
  inspectors: [...SOURCE_INSPECTORS, dataSkipInspector],
  projectInspectors: TEST_PROJECT_INSPECTORS,
  check: (context) => {
    const { files } = context;
    const matching = matchTests(context);
    const findings: FindingDraft[] = [...dataSkipFindings(files), ...selectionFindings(context, matching)];
    for (const file of matching.files) {
      for (const test of file.head) {
        const disablement = disablementOf(test);
        if (!disablement) continue;
        const before = matching.baseOf(test)?.test;
        if (before && disablementOf(before) === disablement) continue;
        const existing = before !== undefined;
        findings.push({
          message: describe(test, disablement, existing),
          file: file.headPath!,
          line: test.line,
          side: 'head',
          ...(before ? { before: `${before.callee}(${quote(shortName(before))}, …)` } : {}),
          after: `${test.callee}(${quote(shortName(test))}, …)${skipNote(test)}`,
          key: `${disablement}:${test.kind}:${test.fullName}`,
          severity: severityOf(disablement, existing),
        });
      }
    }
    return findings;
  },
});

/**
 * Test definitions switched off through data (`skip: true`, `enabled: false` in a case file or
 * definition module of the tests path group): a switch absent at base is new. In a file that
 * existed at base it switches off an existing definition (block); in a new file, a definition
 * that lands switched off (warn).
 */
function dataSkipFindings(files: readonly ChangedFile[]): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const file of files) {
    const head = file.headPath ? file.head(dataSkipInspector) : null;
    if (!head || head.length === 0) continue;
    const before = new Set((file.basePath ? (file.base(dataSkipInspector) ?? []) : []).map((skip) => skip.keyPath));
    const existing = file.basePath !== null;
    for (const skip of head) {
      if (before.has(skip.keyPath)) continue;
      const what = skip.name ? `Test definition '${skip.name}'` : skip.entry ? `Test definition ${skip.entry}` : `Test module ${file.headPath!}`;
      findings.push({
        message: existing ? `${what} is switched off through data (\`${skip.text}\`)` : `New ${what.charAt(0).toLowerCase()}${what.slice(1)} lands switched off (\`${skip.text}\`)`,
        file: file.headPath!,
        line: skip.line,
        side: 'head',
        after: skip.text,
        key: `data:${skip.keyPath}`,
        severity: existing ? 'block' : 'warn',
      });
    }
  }
  return findings;
}

/** The filter that leaves a test out of every runner scope collecting its file, or null when some scope runs it (or none collects it). */
function leftOut(facts: RunnerProjectFacts, file: string, test: TestCase): Exclusion | null {
  const scopes = scopesCollecting(facts, file);
  let first: Exclusion | null = null;
  for (const scope of scopes) {
    const exclusion = exclusionOf(scope, file, test);
    if (!exclusion) return null;
    first ??= exclusion;
  }
  return first;
}

/**
 * Tests the runner now leaves out by their tags or markers: a test gains `@pytest.mark.slow`
 * while pytest runs `-m "not slow"`, or `@flaky` in its title while mocha runs
 * `--grep @flaky --invert`. Every scope collecting the file must leave it out; an existing test
 * that ran at base blocks, a new test that lands left out warns.
 */
function selectionFindings(context: RuleContext, matching: TestMatching): FindingDraft[] {
  const runner = runnerFacts(context);
  if (!runner) return [];
  const findings: FindingDraft[] = [];
  for (const file of matching.files) {
    for (const test of file.head) {
      if (test.kind !== 'test' || disablementOf(test)) continue;
      const exclusion = leftOut(runner.head, file.headPath!, test);
      if (!exclusion) continue;
      const before = matching.baseOf(test);
      if (before && leftOut(runner.base, before.file, before.test)) continue;
      const origin = 'file' in exclusion.filter.origin ? ` (${exclusion.filter.origin.file}:${exclusion.filter.origin.line})` : '';
      findings.push({
        message: `${before ? 'Test' : 'New test'} '${test.fullName}' is ${before ? 'now ' : ''}left out by the runner: ${exclusion.reason}${origin}`,
        file: file.headPath!,
        line: test.line,
        side: 'head',
        ...(before?.test.tags ? { before: `tags: ${before.test.tags.join(', ')}` } : {}),
        after: `tags: ${(test.tags ?? []).join(', ') || '(none)'}`,
        key: `selection:${test.fullName}`,
        severity: before ? 'block' : 'warn',
      });
    }
  }
  return findings;
}

/** Where a skip inside the body is, when that is what disables the test. */
function skipNote(test: TestCase): string {
  const skip = test.runtimeSkips[0];
  return skip && test.modifiers.length === 0 ? ` — ${skip.kind}${skip.kind === 'return' ? '' : '()'} at line ${skip.line}` : '';
}

function quote(name: string): string {
  return `'${name.replace(/'/g, "\\'")}'`;
}
