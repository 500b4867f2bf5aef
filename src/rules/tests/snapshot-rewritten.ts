import type { FindingDraft, Severity } from '../../core/types.js';
import {
  imageSnapshotFolder,
  inlineSnapshotInspector,
  isImageSnapshot,
  isSnapshotFile,
  snapshotFileInspector,
  snapshotProjectInspector,
  testFileOf,
  type InlineSnapshot,
  type SnapshotEntry,
  type SnapshotFileFacts,
  type SnapshotProjectFacts,
  type SnapshotTestFileFacts,
} from '../../inspect/snapshot/index.js';
import { defineRule, type ChangedFile, type RuleContext } from '../rule.js';
import { RemovalPool } from '../support/matching.js';

/**
 * When a rewrite is "in bulk" (warn) rather than a small, reviewable update (info):
 * - in one snapshot file, at least `BULK_ENTRIES` entries changed or removed, or at least
 *   `BULK_SHARE` of its entries (when that is two entries or more);
 * - or, across the change, at least `BULK_ENTRIES` entries changed or removed in all snapshot
 *   files together (a regeneration spread over many files is still a regeneration);
 * - image snapshots: at least `BULK_IMAGES` replaced or deleted across the change.
 */
export const BULK_ENTRIES = 5;
export const BULK_SHARE = 0.5;
export const BULK_IMAGES = 5;
/** Names listed in a message before "and N more". */
const LISTED = 5;

type Side = 'base' | 'head';

/** What one side knows about the test file a snapshot file belongs to. */
type TestFile =
  | { kind: 'parsed'; facts: SnapshotTestFileFacts }
  /** Present and unchanged by the change: its tests are the same on both sides. */
  | { kind: 'present' }
  | { kind: 'absent' }
  /** Present but unreadable, or the revision's files were not listed. */
  | { kind: 'unknown' };

function testFileAt(side: Side, path: string, files: readonly ChangedFile[], project: { base: SnapshotProjectFacts; head: SnapshotProjectFacts } | null): TestFile {
  const here = (file: ChangedFile) => (side === 'head' ? file.headPath : file.basePath);
  const other = (file: ChangedFile) => (side === 'head' ? file.basePath : file.headPath);
  const changed = files.find((file) => here(file) === path);
  if (changed) {
    const facts = side === 'head' ? changed.head(inlineSnapshotInspector) : changed.base(inlineSnapshotInspector);
    return facts ? { kind: 'parsed', facts } : { kind: 'unknown' };
  }
  // Deleted, or renamed away, on this side (added on the other).
  if (files.some((file) => other(file) === path && here(file) !== path)) return { kind: 'absent' };
  if (!project) return { kind: 'unknown' };
  return project[side].sources.has(path) ? { kind: 'present' } : { kind: 'absent' };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type NameMatcher = (testName: string) => boolean;
const matchers = new WeakMap<SnapshotTestFileFacts, Map<string, NameMatcher>>();

/**
 * Whether a test of the file could have written an entry of this test name. Jest joins suite
 * and test names with a space, vitest with ` > `; `toMatchSnapshot('hint')` appends `: hint`
 * (jest) or ` > hint` (vitest). Computed names match as patterns. Compiled once per file and format.
 */
function hasTestNamed(facts: SnapshotTestFileFacts, testName: string, format: SnapshotFileFacts['format']): boolean {
  // Names not read (the file uses no snapshot matcher): the test may well remain.
  if (facts.tests === null) return true;
  let byFormat = matchers.get(facts);
  if (!byFormat) matchers.set(facts, (byFormat = new Map<string, NameMatcher>()));
  let matcher = byFormat.get(format);
  if (!matcher) {
    matcher = compileNames(facts, format);
    byFormat.set(format, matcher);
  }
  return matcher(testName);
}

function compileNames(facts: SnapshotTestFileFacts, format: SnapshotFileFacts['format']): NameMatcher {
  const separators = format === 'jest' ? [' '] : format === 'vitest' ? [' > '] : [' ', ' > '];
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const test of facts.tests ?? []) {
    for (const separator of separators) {
      if (test.segments.every((segment) => segment.pattern === null)) exact.add(test.segments.map((segment) => segment.text).join(separator));
      else {
        const source = test.segments.map((segment) => segment.pattern ?? escapeRegExp(segment.text)).join(escapeRegExp(separator));
        patterns.push(new RegExp(`^(?:${source})(?:(?:: | > )[\\s\\S]*)?$`));
      }
    }
  }
  return (testName) => {
    if (exact.has(testName)) return true;
    // A hint may itself contain `: ` or ` > `: try every cut.
    for (const hint of testName.matchAll(/: | > /g)) if (exact.has(testName.slice(0, hint.index))) return true;
    return patterns.some((pattern) => pattern.test(testName));
  };
}

interface SnapshotFileChange {
  file: ChangedFile;
  path: string;
  base: SnapshotFileFacts;
  /** Null when the snapshot file is deleted. */
  head: SnapshotFileFacts | null;
  changed: { before: SnapshotEntry; after: SnapshotEntry }[];
  /** Removed while the test is still there (or cannot be told). */
  removed: SnapshotEntry[];
  /** Removed together with the test that wrote them. */
  removedWithTests: SnapshotEntry[];
  /** The snapshot file is deleted while its test file stays. */
  testFileRemains: TestFile | null;
  testPath: string;
}

function quoteList(names: readonly string[]): string {
  const unique = [...new Set(names)];
  const shown = unique.slice(0, LISTED).map((name) => `'${name}'`);
  const more = unique.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

const entries = (count: number, what = 'entry') => plural(count, what, what.replace(/y$/, 'ies'));

/** Per-file comparison of snapshot entries, before deciding severities. */
function snapshotChanges(context: RuleContext): SnapshotFileChange[] {
  const { files } = context;
  const project = context.project(snapshotProjectInspector);
  const snapshotFiles = files.filter((file) => (file.basePath !== null && isSnapshotFile(file.basePath)) || (file.headPath !== null && isSnapshotFile(file.headPath)));
  // Entries new at head anywhere in the change: a removed entry whose value re-appears under a
  // new name (a test renamed or moved) is a move, not a removal.
  const added: SnapshotEntry[] = [];
  for (const file of snapshotFiles) {
    const head = file.headPath && isSnapshotFile(file.headPath) ? file.head(snapshotFileInspector) : null;
    if (!head) continue;
    const base = file.basePath && isSnapshotFile(file.basePath) ? file.base(snapshotFileInspector) : null;
    const baseKeys = new Set(base?.entries.map((entry) => entry.key));
    added.push(...head.entries.filter((entry) => !baseKeys.has(entry.key)));
  }
  const moved = new RemovalPool(added, (entry) => entry.valueHash);
  const changes: SnapshotFileChange[] = [];
  for (const file of snapshotFiles) {
    if (!file.basePath || !isSnapshotFile(file.basePath)) continue; // new snapshot files are fine
    const base = file.base(snapshotFileInspector);
    if (!base) continue; // unreadable at base: nothing to compare against
    const headIsSnapshot = file.headPath !== null && isSnapshotFile(file.headPath);
    const head = headIsSnapshot ? file.head(snapshotFileInspector) : null;
    if (headIsSnapshot && !head) continue; // unreadable at head: gatehouse/unparseable reports it
    const path = file.headPath ?? file.basePath;
    const headByKey = new Map((head?.entries ?? []).map((entry) => [entry.key, entry]));
    const baseTests = testFileAt('base', testFileOf(file.basePath), files, project);
    const testPath = testFileOf(headIsSnapshot ? file.headPath! : file.basePath);
    const headTests = testFileAt('head', testPath, files, project);
    const change: SnapshotFileChange = { file, path, base, head, changed: [], removed: [], removedWithTests: [], testFileRemains: null, testPath };
    for (const entry of base.entries) {
      const after = headByKey.get(entry.key);
      if (after) {
        if (after.valueHash !== entry.valueHash) change.changed.push({ before: entry, after });
        continue;
      }
      if (moved.take(entry)) continue;
      // Obsolete already at base (its test was gone before this change): removing it is cleanup.
      if (baseTests.kind === 'parsed' && !hasTestNamed(baseTests.facts, entry.testName, base.format)) continue;
      const testGone = headTests.kind === 'absent' || (headTests.kind === 'parsed' && !hasTestNamed(headTests.facts, entry.testName, base.format));
      (testGone ? change.removedWithTests : change.removed).push(entry);
    }
    if (!head && headTests.kind !== 'absent') change.testFileRemains = headTests;
    changes.push(change);
  }
  return changes;
}

function snapshotFindings(changes: readonly SnapshotFileChange[]): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const total = changes.reduce((sum, change) => sum + change.changed.length + change.removed.length, 0);
  for (const change of changes) {
    const { path, base } = change;
    if (change.testFileRemains && change.removed.length > 0) {
      const stillUses = change.testFileRemains.kind !== 'parsed' || change.testFileRemains.facts.usesFileSnapshots;
      findings.push({
        message: stillUses
          ? `Snapshot file deleted while its test file ${change.testPath} remains: ${entries(change.removed.length)} (${quoteList(change.removed.map((e) => e.testName))}) will be rewritten from whatever the code now produces`
          : `Snapshot file deleted with ${entries(change.removed.length)}; its test file ${change.testPath} no longer calls a snapshot matcher`,
        file: path,
        line: change.removed[0]!.line,
        side: 'base',
        before: entries(base.entries.length),
        after: '(deleted)',
        key: 'snapshot-file-deleted',
        severity: stillUses ? 'warn' : 'info',
      });
    } else {
      const count = change.changed.length + change.removed.length;
      if (count > 0) {
        const bulk = count >= BULK_ENTRIES || (count >= 2 && count >= BULK_SHARE * base.entries.length) || total >= BULK_ENTRIES;
        const names = [...change.changed.map(({ before }) => before.key), ...change.removed.map((entry) => entry.key)];
        const parts = [
          ...(change.changed.length > 0 ? [`${change.changed.length} changed`] : []),
          ...(change.removed.length > 0 ? [`${change.removed.length} removed while their tests remain`] : []),
        ];
        const first = change.changed[0];
        const shown: { before: SnapshotEntry; after: SnapshotEntry | null }[] = [
          ...change.changed,
          ...change.removed.map((entry) => ({ before: entry, after: null })),
        ].slice(0, LISTED);
        findings.push({
          message: `${bulk ? 'Snapshot entries rewritten in bulk: ' : ''}${count} of ${entries(base.entries.length, 'snapshot entry')} ${bulk ? '' : 'rewritten '}(${parts.join(', ')}): ${quoteList(names)}`,
          file: path,
          line: first ? first.after.line : change.removed[0]!.line,
          side: first ? 'head' : 'base',
          before: shown.map(({ before }) => `${before.key} (${plural(before.lines, 'line')})`).join('\n'),
          after: shown.map(({ before, after }) => `${before.key} (${after ? plural(after.lines, 'line') : 'removed'})`).join('\n'),
          key: 'snapshot-entries-rewritten',
          severity: bulk ? 'warn' : 'info',
        });
      }
    }
    if (change.removedWithTests.length > 0) {
      const testFileGone = change.head === null;
      findings.push({
        message: `${entries(change.removedWithTests.length, 'snapshot entry')} removed together with ${testFileGone ? `the test file ${change.testPath}` : `their tests in ${change.testPath}`}: ${quoteList(change.removedWithTests.map((entry) => entry.testName))}`,
        file: path,
        line: change.removedWithTests[0]!.line,
        side: 'base',
        before: change.removedWithTests.slice(0, LISTED).map((entry) => entry.key).join('\n'),
        key: 'snapshot-entries-removed-with-tests',
        severity: 'warn',
      });
    }
  }
  return findings;
}

/** Image snapshots replaced or deleted: binary, so only the diff status says what happened. */
function imageFindings(files: readonly ChangedFile[]): FindingDraft[] {
  const byFolder = new Map<string, { path: string; side: Side; status: string }[]>();
  for (const file of files) {
    const rewritten =
      file.status === 'modified' || file.status === 'deleted' || file.status === 'type-changed' || (file.status === 'renamed' && (file.similarity ?? 0) < 100);
    const path = file.headPath ?? file.basePath;
    if (!rewritten || path === null || !isImageSnapshot(file.basePath ?? path)) continue;
    const folder = imageSnapshotFolder(path);
    const list = byFolder.get(folder) ?? [];
    list.push({ path, side: file.headPath ? 'head' : 'base', status: file.status });
    byFolder.set(folder, list);
  }
  const total = [...byFolder.values()].reduce((sum, list) => sum + list.length, 0);
  const severity: Severity = total >= BULK_IMAGES ? 'warn' : 'info';
  return [...byFolder.entries()].map(([folder, list]): FindingDraft => {
    list.sort((a, b) => a.path.localeCompare(b.path));
    const deleted = list.filter((item) => item.status === 'deleted').length;
    const replaced = list.length - deleted;
    const parts = [...(replaced > 0 ? [`${replaced} replaced`] : []), ...(deleted > 0 ? [`${deleted} deleted`] : [])];
    const first = list[0]!;
    return {
      message: `${severity === 'warn' ? `Image snapshots rewritten in bulk (${plural(total, 'image')} in this change)` : 'Image snapshots rewritten'}: ${parts.join(', ')} in ${folder}: ${quoteList(list.map((item) => item.path.slice(folder.length + 1)))}`,
      file: first.path,
      line: 1,
      side: first.side,
      key: `image-snapshots:${folder}`,
      severity,
    };
  });
}

/** Inline snapshots: paired by enclosing test and order within it; a value that only moved is not a rewrite. */
function inlineFindings(files: readonly ChangedFile[]): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const file of files) {
    if (!file.headPath || !file.basePath) continue;
    const base = file.base(inlineSnapshotInspector);
    const head = file.head(inlineSnapshotInspector);
    if (!base || !head || base.inline.length === 0) continue;
    const rewritten = rewrittenInline(base.inline, head.inline);
    if (rewritten.length === 0) continue;
    const names = rewritten.map((snapshot) => snapshot.testName ?? `line ${snapshot.line}`);
    findings.push({
      message: `${plural(rewritten.length, 'inline snapshot')} rewritten: ${quoteList(names)}`,
      file: file.headPath,
      line: rewritten[0]!.line,
      side: 'head',
      after: [...new Set(rewritten.map((snapshot) => snapshot.matcher))].map((matcher) => `${matcher}(…)`).join(', '),
      key: 'inline-snapshots-rewritten',
      severity: 'warn',
    });
  }
  return findings;
}

/**
 * Head inline snapshots whose value differs from the base snapshot at the same place (enclosing
 * test and order within it). A value that left a place which no longer exists (a renamed or moved
 * test) and turns up at another place is a move, not a rewrite. Snapshots at new places are new.
 */
function rewrittenInline(base: readonly InlineSnapshot[], head: readonly InlineSnapshot[]): InlineSnapshot[] {
  const place = (list: readonly InlineSnapshot[]) => {
    const seen = new Map<string, number>();
    return list.map((snapshot) => {
      const test = snapshot.testName ?? '';
      const index = seen.get(test) ?? 0;
      seen.set(test, index + 1);
      return { snapshot, key: `${test}\0${index}` };
    });
  };
  const basePlaced = place(base);
  const headPlaced = place(head);
  const headPlaces = new Set(headPlaced.map(({ key }) => key));
  const baseByPlace = new Map(basePlaced.map(({ snapshot, key }) => [key, snapshot]));
  const departed = new RemovalPool(
    basePlaced.filter(({ key }) => !headPlaces.has(key)).map(({ snapshot }) => snapshot),
    (snapshot) => snapshot.valueHash,
  );
  return headPlaced
    .filter(({ snapshot, key }) => {
      const before = baseByPlace.get(key);
      return before !== undefined && before.valueHash !== snapshot.valueHash && !departed.take(snapshot);
    })
    .map(({ snapshot }) => snapshot);
}

export const testsSnapshotRewritten = defineRule({
  id: 'tests/snapshot-rewritten',
  category: 'test-assertions',
  severity: 'warn',
  docs: {
    summary:
      'Existing snapshot entries (`__snapshots__/*.snap`, inline snapshots, image snapshots) changed or removed in bulk, removed together with their tests, or a snapshot file deleted while its test stays.',
    why: 'A snapshot test passes when the output equals the stored snapshot, so regenerating snapshots (`-u`) makes every snapshot test agree with whatever the code now produces, broken or not. Bulk rewrites (at least 5 entries, or half of a file\'s entries, or 5 entries or 5 images across the change) and removals are what a human must look at; a rewrite after a deliberate UI change is still a warning, because only a person can confirm the new output is the intended one. Small rewrites are listed as `info`; new entries and files are not reported.',
    fix: 'Review the changed snapshot values against the intended behaviour. If the code is wrong, fix the code and restore the snapshots; if the new output is intended, have a human acknowledge the finding. Do not delete a snapshot file to make a failing snapshot test pass.',
    bad: {
      base: {
        'src/__snapshots__/button.test.ts.snap':
          '// Vitest Snapshot v1, https://vitest.dev/guide/snapshot.html\n\nexports[`button > renders a label 1`] = `"<button>Save</button>"`;\n\nexports[`button > renders disabled 1`] = `"<button disabled>Save</button>"`;\n',
        'src/button.test.ts':
          "import { it, expect, describe } from 'vitest';\nimport { render } from './button';\n\ndescribe('button', () => {\n  it('renders a label', () => {\n    expect(render('Save')).toMatchSnapshot();\n  });\n  it('renders disabled', () => {\n    expect(render('Save', { disabled: true })).toMatchSnapshot();\n  });\n});\n",
      },
      head: {
        'src/__snapshots__/button.test.ts.snap':
          '// Vitest Snapshot v1, https://vitest.dev/guide/snapshot.html\n\nexports[`button > renders a label 1`] = `"<button>undefined</button>"`;\n\nexports[`button > renders disabled 1`] = `"<button>undefined</button>"`;\n',
        'src/button.test.ts':
          "import { it, expect, describe } from 'vitest';\nimport { render } from './button';\n\ndescribe('button', () => {\n  it('renders a label', () => {\n    expect(render('Save')).toMatchSnapshot();\n  });\n  it('renders disabled', () => {\n    expect(render('Save', { disabled: true })).toMatchSnapshot();\n  });\n});\n",
      },
    },
    good: {
      base: {
        'src/__snapshots__/button.test.ts.snap':
          '// Vitest Snapshot v1, https://vitest.dev/guide/snapshot.html\n\nexports[`button > renders a label 1`] = `"<button>Save</button>"`;\n',
        'src/button.test.ts':
          "import { it, expect, describe } from 'vitest';\nimport { render } from './button';\n\ndescribe('button', () => {\n  it('renders a label', () => {\n    expect(render('Save')).toMatchSnapshot();\n  });\n});\n",
      },
      head: {
        'src/__snapshots__/button.test.ts.snap':
          '// Vitest Snapshot v1, https://vitest.dev/guide/snapshot.html\n\nexports[`button > renders its label 1`] = `"<button>Save</button>"`;\n\nexports[`button > renders disabled 1`] = `"<button disabled>Save</button>"`;\n',
        'src/button.test.ts':
          "import { it, expect, describe } from 'vitest';\nimport { render } from './button';\n\ndescribe('button', () => {\n  it('renders its label', () => {\n    expect(render('Save')).toMatchSnapshot();\n  });\n  it('renders disabled', () => {\n    expect(render('Save', { disabled: true })).toMatchSnapshot();\n  });\n});\n",
      },
    },
  },
  inspectors: [snapshotFileInspector, inlineSnapshotInspector],
  projectInspectors: [snapshotProjectInspector],
  check: (context) => [...snapshotFindings(snapshotChanges(context)), ...imageFindings(context.files), ...inlineFindings(context.files)],
});
