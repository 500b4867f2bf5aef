import type { FindingDraft } from '../../core/types.js';
import type { ChangedFile } from '../rule.js';
import { defineRule } from '../rule.js';
import { SOURCE_INSPECTORS } from '../support/source.js';
import { matchTests, shortName, type TestFile, type TestRef } from '../support/test-matching.js';
import { importedPaths } from '../support/module-paths.js';
import { TEST_PROJECT_INSPECTORS } from '../support/test-collection.js';

/** How many test names a whole-file finding lists before "and N more". */
const NAMES_SHOWN = 8;

/** Files the change deleted, and the files that exist at head. */
function deletedPaths(files: readonly ChangedFile[]): Set<string> {
  return new Set(files.filter((file) => file.status === 'deleted' && file.basePath).map((file) => file.basePath!));
}

/**
 * Whether the code a test file exercised went away in the same change: every module it imported
 * from the repository was deleted. Then deleting its tests is cleanup (warn); otherwise the code
 * is still there, untested now (block). A test file importing nothing resolvable counts as
 * exercising code that still exists.
 */
function codeWasDeleted(file: TestFile, deleted: ReadonlySet<string>): boolean {
  if (!file.baseFacts || !file.basePath) return false;
  const imported = importedPaths(file.basePath, file.baseFacts).filter((candidate) => deleted.has(candidate));
  const relative = file.baseFacts.imports.filter((specifier) => specifier.startsWith('.') || file.baseFacts!.language === 'python');
  return relative.length > 0 && imported.length >= relative.length;
}

export const testsDeleted = defineRule({
  id: 'tests/deleted',
  category: 'test-deleted',
  severity: 'block',
  docs: {
    summary:
      'Tests or test files present at base with no counterpart at head, after following renames and matching moved, renamed and split tests by their bodies. `warn` when the code they tested was deleted in the same change.',
    why: 'A deleted test cannot fail. Deleting the test that stands in the way is the quickest way to a green run, and the code it checked keeps running untested.',
    fix: 'Restore the test and fix the code it exercises. If the behaviour was removed on purpose, delete the code in the same change (the finding becomes a warning) and say so in the description.',
    bad: {
      base: {
        'src/discount.ts': 'export const discount = (total: number) => (total >= 100 ? total * 0.9 : total);\n',
        'test/discount.test.ts':
          "import { expect, it } from 'vitest';\nimport { discount } from '../src/discount';\n\nit('takes 10% off large orders', () => {\n  expect(discount(120)).toBe(108);\n});\n\nit('leaves small orders alone', () => {\n  expect(discount(50)).toBe(50);\n});\n",
      },
      head: {
        'src/discount.ts': 'export const discount = (total: number) => (total >= 100 ? total * 0.9 : total);\n',
        'test/discount.test.ts':
          "import { expect, it } from 'vitest';\nimport { discount } from '../src/discount';\n\nit('leaves small orders alone', () => {\n  expect(discount(50)).toBe(50);\n});\n",
      },
    },
    good: {
      base: {
        'test/discount.test.ts':
          "import { expect, it } from 'vitest';\nimport { discount } from '../src/discount';\n\nit('takes 10% off large orders', () => {\n  expect(discount(120)).toBe(108);\n});\n",
      },
      head: {
        'test/pricing/discount.spec.ts':
          "import { expect, it } from 'vitest';\nimport { discount } from '../../src/discount';\n\nit('takes 10% off orders of 100 or more', () => {\n  expect(discount(120)).toBe(108);\n});\n",
      },
    },
  },
  inspectors: SOURCE_INSPECTORS,
  projectInspectors: TEST_PROJECT_INSPECTORS,
  check: (context) => {
    const { files } = context;
    const matching = matchTests(context);
    const deleted = deletedPaths(files);
    const findings: FindingDraft[] = [];
    const byFile = new Map<string, TestRef[]>();
    for (const ref of matching.deleted) {
      if (ref.test.kind !== 'test') continue;
      const list = byFile.get(ref.file) ?? [];
      list.push(ref);
      byFile.set(ref.file, list);
    }
    for (const [path, refs] of byFile) {
      const file = matching.files.find((candidate) => candidate.basePath === path)!;
      const cleanup = codeWasDeleted(file, deleted);
      const severity = cleanup ? ('warn' as const) : ('block' as const);
      const why = cleanup ? ' (the code it imported was deleted too)' : '';
      const allTests = file.base.filter((test) => test.kind === 'test');
      if (file.headPath === null && refs.length === allTests.length && refs.length > 1) {
        const names = refs.slice(0, NAMES_SHOWN).map((ref) => `'${ref.test.fullName}'`).join(', ');
        const more = refs.length > NAMES_SHOWN ? ` and ${refs.length - NAMES_SHOWN} more` : '';
        findings.push({
          message: `Test file ${path} deleted with its ${refs.length} tests${why}: ${names}${more}`,
          file: path,
          line: 1,
          side: 'base',
          before: refs.map((ref) => `${ref.test.callee}('${shortName(ref.test)}', …)`).slice(0, NAMES_SHOWN).join('\n'),
          key: `file:${path}`,
          severity,
        });
        continue;
      }
      for (const ref of refs) {
        findings.push({
          message: `Test '${ref.test.fullName}' deleted${why}`,
          file: path,
          line: ref.test.line,
          side: 'base',
          before: `${ref.test.callee}('${shortName(ref.test)}', …)`,
          key: `test:${ref.test.fullName}`,
          severity,
        });
      }
    }
    return findings;
  },
});
