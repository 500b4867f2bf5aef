import type { FindingDraft, Severity } from '../../core/types.js';
import { coverageInspector } from '../../inspect/coverage/readers.js';
import { measuredSet, scopeMatcher } from '../../inspect/coverage/measured-set.js';
import type { CoverageScope, Origin, Pattern } from '../../inspect/coverage/model.js';
import type { PathGroups } from '../../policy/path-groups.js';
import { clip } from '../support/excerpt.js';
import { renamedPaths } from '../support/renames.js';
import { defineRule } from '../rule.js';

/** How many dropped files a finding names before it says "and N more". */
const FILES_SHOWN = 10;

interface Removal {
  /** Where to point: the head config and the line of the pattern or section responsible. */
  origin: Origin;
  reason: string;
  key: string;
  before: string;
  after: string;
  files: string[];
}

/** Patterns as written, with the tool's defaults counted rather than listed (they are the same on both sides). */
function listPatterns(patterns: readonly Pattern[]): string {
  const written = patterns.filter((p) => !('default' in p.origin)).map((p) => p.pattern);
  const defaults = patterns.length - written.length;
  return [...written, ...(defaults > 0 ? [`(+${defaults} defaults)`] : [])].join(', ');
}

function describePatterns(scope: CoverageScope | undefined): string {
  if (!scope) return '(no coverage configuration)';
  const include = scope.include === 'dynamic' ? 'only files loaded by tests' : listPatterns(scope.include) || '(everything)';
  const exclude = listPatterns(scope.exclude);
  return `${scope.tool} ${scope.origin.file}\ninclude: ${include}${exclude ? `\nexclude: ${exclude}` : ''}`;
}

function patternOrigin(pattern: Pattern, fallback: Origin): Origin {
  const origin = pattern.origin;
  if ('default' in origin) return fallback;
  return { file: origin.file, line: origin.line };
}

/** Why a head scope no longer measures a file: the exclude pattern that drops it, or the include that misses it. */
function explain(file: string, head: CoverageScope | undefined): { reason: string; origin: Origin | null; key: string } {
  if (!head) return { reason: 'its coverage configuration was removed', origin: null, key: 'removed' };
  if (head.include === 'dynamic') return { reason: 'coverage now measures only files loaded by tests', origin: head.origin, key: 'dynamic' };
  for (const pattern of head.exclude) {
    const probe: CoverageScope = { ...head, include: [], exclude: [pattern] };
    if (!scopeMatcher(probe)(file)) return { reason: `excluded by \`${pattern.pattern}\``, origin: patternOrigin(pattern, head.origin), key: `exclude:${pattern.pattern}` };
  }
  const includes = head.include.map((p) => `\`${p.pattern}\``).join(', ');
  const first = head.include[0];
  return { reason: `no longer matched by include ${includes}`, origin: first ? patternOrigin(first, head.origin) : head.origin, key: `include:${includes}` };
}

function severityFor(files: readonly string[], paths: PathGroups): Severity {
  const excusable = files.every((file) => paths.isGenerated(file) || paths.isVendored(file) || paths.isTest(file));
  return excusable ? 'warn' : 'block';
}

export const coverageScopeNarrowed = defineRule({
  id: 'coverage/scope-narrowed',
  category: 'coverage-scope',
  severity: 'block',
  docs: {
    summary:
      'Files measured by coverage at base that still exist at head but are no longer measured (include narrowed, exclude widened, a scope made dynamic or removed), grouped by the pattern that removed them.',
    why: 'Coverage is a fraction. Taking untested files out of the denominator raises the percentage without a single new test: the "100%" an agent reports can be true only of the files it left in.',
    fix: 'Restore the include/exclude patterns and write tests for the files instead. If the files truly should not be measured (generated code, scripts), have a human approve the narrowing.',
    bad: {
      base: {
        'vitest.config.ts': "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: { coverage: { include: ['src/**/*.ts'] } },\n});\n",
        'src/format.ts': 'export const format = (n: number) => n.toFixed(2);\n',
        'src/discount.ts': 'export const discount = (n: number) => n * 0.9;\n',
      },
      head: {
        'vitest.config.ts': "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: { coverage: { include: ['src/format.ts'] } },\n});\n",
        'src/format.ts': 'export const format = (n: number) => n.toFixed(2);\n',
        'src/discount.ts': 'export const discount = (n: number) => n * 0.9;\n',
      },
    },
    good: {
      base: {
        'vitest.config.ts': "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: { coverage: { include: ['src/**/*.ts'] } },\n});\n",
        'src/format.ts': 'export const format = (n: number) => n.toFixed(2);\n',
      },
      head: {
        'vitest.config.ts': "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: { coverage: { include: ['lib/**/*.ts'] } },\n});\n",
        'lib/format.ts': 'export const format = (n: number) => n.toFixed(2);\n',
      },
    },
  },
  inspectors: [],
  projectInspectors: [coverageInspector],
  check: ({ project, files, paths }) => {
    const facts = project(coverageInspector);
    if (!facts) return [];
    const { base, head } = facts;
    const headScopes = head.facts.scopes;
    // A head scope we cannot evaluate makes the comparison unknowable; coverage/config-unresolvable says so.
    if (headScopes.some((scope) => measuredSet(scope, head.paths).kind === 'unresolved')) return [];
    const headMeasured = new Set<string>();
    for (const scope of headScopes) {
      const set = measuredSet(scope, head.paths);
      if (set.kind === 'static') for (const file of set.files) headMeasured.add(file);
    }
    const headPaths = new Set(head.paths);
    const renames = renamedPaths(files);
    const removals = new Map<string, Removal>();
    for (const scope of base.facts.scopes) {
      const set = measuredSet(scope, base.paths);
      if (set.kind !== 'static') continue;
      const counterpart = headScopes.find((candidate) => candidate.id === scope.id) ?? headScopes.find((candidate) => candidate.tool === scope.tool && candidate.root === scope.root);
      for (const file of set.files) {
        const now = renames.get(file) ?? file;
        if (!headPaths.has(now) || headMeasured.has(now)) continue;
        const why = explain(now, counterpart);
        const origin = why.origin ?? scope.origin;
        const groupKey = `${scope.id}\0${why.key}`;
        const removal = removals.get(groupKey) ?? {
          origin: counterpart ? origin : { file: scope.origin.file, line: scope.origin.line },
          reason: why.reason,
          key: `${scope.tool}:${scope.root}:${why.key}`,
          before: describePatterns(scope),
          after: describePatterns(counterpart),
          files: [],
        };
        removal.files.push(now);
        removals.set(groupKey, removal);
      }
    }
    return [...removals.values()].map((removal): FindingDraft => {
      const sorted = removal.files.sort();
      const shown = sorted.slice(0, FILES_SHOWN).join(', ');
      const more = sorted.length > FILES_SHOWN ? ` and ${sorted.length - FILES_SHOWN} more` : '';
      const counterpartExists = headPaths.has(removal.origin.file);
      return {
        message: `Coverage no longer measures ${sorted.length} file${sorted.length === 1 ? '' : 's'} that still exist${sorted.length === 1 ? 's' : ''} (${removal.reason}): ${shown}${more}`,
        file: removal.origin.file,
        line: removal.origin.line,
        side: counterpartExists ? 'head' : 'base',
        before: clip(removal.before.split('\n')),
        after: clip(removal.after.split('\n')),
        key: removal.key,
        severity: severityFor(sorted, paths),
      };
    });
  },
});
