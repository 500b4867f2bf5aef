import type { FindingDraft, Severity } from '../../core/types.js';
import { collectedSet, collectMatcher } from '../../inspect/runner/collected-set.js';
import type { Origin, RunnerFacts, RunnerFilter, RunnerPattern, RunnerScope, RunnerSetting } from '../../inspect/runner/model.js';
import { originPoint } from '../../inspect/runner/model.js';
import { runnerInspector } from '../../inspect/runner/project-inspector.js';
import { clip } from '../support/excerpt.js';
import { renamedPaths } from '../support/renames.js';
import { defineRule } from '../rule.js';

/** How many dropped files a finding names before it says "and N more". */
const FILES_SHOWN = 10;

const vitestConfig = (exclude: string): string =>
  `import { configDefaults, defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: {\n    include: ['src/**/*.test.ts'],\n    exclude: [...configDefaults.exclude${exclude}],\n  },\n});\n`;
const pkg = `${JSON.stringify({ name: 'shop', private: true, type: 'module', scripts: { test: 'vitest run' }, devDependencies: { vitest: '^3.2.4' } }, null, 2)}\n`;
const tests = {
  'src/cart.test.ts': "import { expect, it } from 'vitest';\nit('adds', () => expect(1 + 1).toBe(2));\n",
  'src/checkout/pay.test.ts': "import { expect, it } from 'vitest';\nit('pays', () => expect(2 * 2).toBe(4));\n",
};

interface Narrowing {
  origin: Origin;
  side: 'base' | 'head';
  reason: string;
  key: string;
  before: string;
  after: string;
  files: Set<string>;
}

function listPatterns(patterns: readonly RunnerPattern[]): string {
  const written = patterns.filter((p) => !('default' in p.origin)).map((p) => p.pattern);
  const defaults = patterns.length - written.length;
  return [...written, ...(defaults > 0 ? [`(+${defaults} defaults)`] : [])].join(', ');
}

function describeScope(scope: RunnerScope | undefined): string {
  if (!scope) return '(no runner configuration)';
  const lines = [`${scope.tool} ${scope.origin.file}${scope.root ? ` (root ${scope.root})` : ''}`];
  if (scope.roots.length > 0) lines.push(`${scope.tool === 'mocha' ? 'spec' : scope.tool === 'pytest' ? 'testpaths' : 'roots'}: ${listPatterns(scope.roots)}`);
  if (scope.include.length > 0) lines.push(`include: ${listPatterns(scope.include)}`);
  if (scope.exclude.length > 0) lines.push(`exclude: ${listPatterns(scope.exclude)}`);
  if (scope.noRecurse.length > 0) lines.push(`norecursedirs: ${listPatterns(scope.noRecurse)}`);
  if (scope.pathFilters.length > 0) lines.push(`file filters: ${listPatterns(scope.pathFilters)}`);
  return lines.join('\n');
}

/** Why a head scope no longer collects a file: the pattern or flag whose removal would bring it back. */
function explain(file: string, head: RunnerScope, base: RunnerScope, paths: readonly string[]): { reason: string; origin: Origin; key: string } {
  const collects = (probe: RunnerScope): boolean => collectMatcher(probe, paths)(file);
  const probes: [keyof Pick<RunnerScope, 'exclude' | 'noRecurse'>, string][] = [
    ['exclude', 'excluded by'],
    ['noRecurse', 'in a folder matched by norecursedirs'],
  ];
  for (const [key, label] of probes) {
    for (const pattern of head[key]) {
      if (base[key].some((p) => p.pattern === pattern.pattern && p.syntax === pattern.syntax)) continue;
      if (collects({ ...head, [key]: head[key].filter((p) => p !== pattern) })) {
        return { reason: `${label} \`${pattern.pattern}\``, origin: originPoint(pattern.origin, head.origin), key: `${key}:${pattern.pattern}` };
      }
    }
  }
  if (head.pathFilters.length > 0 && collects({ ...head, pathFilters: [] })) {
    const first = head.pathFilters[0]!;
    return { reason: `not matched by the command-line file filter ${head.pathFilters.map((p) => `\`${p.pattern}\``).join(', ')}`, origin: originPoint(first.origin, head.origin), key: `filter:${head.pathFilters.map((p) => p.pattern).join(',')}` };
  }
  if (collects({ ...head, roots: base.roots, recursive: base.recursive || head.recursive })) {
    const first = head.roots.find((p) => !('default' in p.origin));
    return { reason: `outside ${head.tool === 'mocha' ? 'spec' : head.tool === 'pytest' ? 'testpaths' : 'roots'} ${head.roots.map((p) => `\`${p.pattern}\``).join(', ') || '(none)'}`, origin: first ? originPoint(first.origin, head.origin) : head.origin, key: `roots:${head.roots.map((p) => p.pattern).join(',')}` };
  }
  if (collects({ ...head, root: base.root })) return { reason: `outside the new root \`${head.root || '.'}\``, origin: head.origin, key: `root:${head.root}` };
  const first = head.include.find((p) => !('default' in p.origin));
  const include = head.include.map((p) => `\`${p.pattern}\``).join(', ');
  return { reason: `no longer matched by ${head.tool === 'pytest' ? 'python_files' : 'include'} ${include}`, origin: first ? originPoint(first.origin, head.origin) : head.origin, key: `include:${include}` };
}

/** The head scope paired with a base scope: same id; else, for a command line, the only one of the same file and tool. */
function counterpartOf(scope: RunnerScope, head: RunnerFacts): RunnerScope | undefined {
  const same = head.scopes.find((candidate) => candidate.id === scope.id);
  if (same || !scope.id.startsWith('cli:')) return same;
  const suffix = scope.id.slice(scope.id.indexOf('/'));
  const candidates = head.scopes.filter((candidate) => candidate.id.startsWith('cli:') && candidate.origin.file === scope.origin.file && candidate.tool === scope.tool && candidate.id.endsWith(suffix.replace(/^\/[^/]+/, '')));
  return candidates.length === 1 ? candidates[0] : undefined;
}

function where(origin: RunnerFilter['origin'], fallback: Origin): Origin {
  return originPoint(origin, fallback);
}

const FILTER_WORDS: Record<string, string> = {
  '-k': 'selects tests by keyword expression',
  '-m': 'selects tests by marker expression',
  '--deselect': 'deselects tests by node id',
  '--lf': 'runs only the tests that failed last time',
  '--last-failed': 'runs only the tests that failed last time',
  '--sw': 'stops at the first failure and resumes there next run',
  '--stepwise': 'stops at the first failure and resumes there next run',
  python_functions: 'changes which functions pytest collects as tests',
  python_classes: 'changes which classes pytest collects as tests',
  'node id': 'runs only the named tests',
};

function describeFilter(filter: RunnerFilter): string {
  const what = FILTER_WORDS[filter.kind] ?? 'runs only the tests whose names match';
  return `\`${filter.kind}${filter.value === 'true' ? '' : ` ${filter.value}`}\` ${what}`;
}

function settingFinding(setting: RunnerSetting, before: RunnerSetting | undefined, scope: RunnerScope): FindingDraft | null {
  const was = before?.value;
  const now = setting.value;
  const origin = where(setting.origin, scope.origin);
  const base = { file: origin.file, line: origin.line, side: 'head' as const, before: `${setting.setting}: ${String(was ?? '(absent)')}`, after: `${setting.setting}: ${String(now)}` };
  const key = `${scope.tool}:${setting.setting}:${String(now)}:${origin.file}`;
  switch (setting.setting) {
    case 'passWithNoTests':
      if (now === true && was === false) return { ...base, key, severity: 'warn', message: `${scope.tool} now passes when it finds no tests (\`passWithNoTests\`): a run that collects nothing, because of a typo or a narrowed pattern, is green` };
      return null;
    case 'allowOnly':
      if (now === true && was === false) return { ...base, key, severity: 'warn', message: `${scope.tool} now allows \`.only\` (\`allowOnly: true\`): one focused test silently skips every other test in the run` };
      return null;
    case 'forbidOnly':
      if (now === false && was === true) return { ...base, key, severity: 'warn', message: `${scope.tool} no longer forbids \`.only\` (\`forbid-only\` removed): one focused test silently skips every other test in the run` };
      return null;
    case 'retries':
      if (typeof now === 'number' && typeof was === 'number' && now > was) return { ...base, key, severity: 'warn', message: `${scope.tool} retries failing tests ${now} time${now === 1 ? '' : 's'} (was ${was}): a test that fails and then passes is reported as passing, hiding flaky and real failures` };
      return null;
    case 'bail':
      if (typeof now === 'number' && was === 0 && now > 0) return { ...base, key, severity: 'info', message: `${scope.tool} now stops after ${now} failure${now === 1 ? '' : 's'} (\`bail\`): the run no longer reports every failing test` };
      return null;
  }
}

export const testsRunnerNarrowed = defineRule({
  id: 'tests/runner-narrowed',
  category: 'test-runner',
  severity: 'block',
  docs: {
    summary:
      'What a test runner collects shrinks: test files collected at base that still exist at head but are no longer collected (vitest include/exclude/dir, jest testMatch/testRegex/testPathIgnorePatterns/roots, pytest testpaths/python_files/norecursedirs/--ignore, mocha spec/ignore, command-line file filters), new test filters (-k, -m, --deselect, --grep, -t), and run settings that hide failures (passWithNoTests, allowOnly, forbid-only removed, retries raised, bail added).',
    why: 'A test that is not collected never fails. Excluding the failing test file, adding `-k "not slow"` to the CI step or letting the runner pass with no tests turns a red gate green without fixing anything, and nothing in the test files themselves shows it.',
    fix: 'Restore the patterns, flags and settings, and fix or delete the tests explicitly (a deleted test is reported by tests/deleted, where it can be reviewed). If the narrowing is intended (a slow suite moved to a nightly job), have a human approve it and point to where those tests still run.',
    bad: {
      base: { 'package.json': pkg, 'vitest.config.ts': vitestConfig(''), ...tests },
      head: { 'package.json': pkg, 'vitest.config.ts': vitestConfig(", 'src/checkout/**'"), ...tests },
    },
    good: {
      base: { 'package.json': pkg, 'vitest.config.ts': vitestConfig(''), ...tests },
      head: {
        'package.json': pkg,
        'vitest.config.ts': "import { configDefaults, defineConfig } from 'vitest/config';\n\nexport default defineConfig({ test: { include: ['src/**/*.test.ts'], exclude: [...configDefaults.exclude] } });\n",
        ...tests,
      },
    },
  },
  inspectors: [],
  projectInspectors: [runnerInspector],
  check: ({ project, files }) => {
    const facts = project(runnerInspector);
    if (!facts) return [];
    const { base, head } = facts;
    const headPaths = new Set(head.paths);
    const renames = renamedPaths(files);
    const headSets = new Map<RunnerScope, Set<string> | null>();
    for (const scope of head.facts.scopes) {
      const set = collectedSet(scope, head.paths);
      headSets.set(scope, set.kind === 'static' ? set.files : null);
    }
    // A head scope that cannot be evaluated leaves the comparison unknown: say nothing rather than guess.
    const anyHeadCollects = (file: string): boolean => [...headSets.values()].some((set) => set === null || set.has(file));
    const narrowings = new Map<string, Narrowing>();
    const findings: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const scope of base.facts.scopes) {
      const counterpart = counterpartOf(scope, head.facts);
      // Filters and settings.
      if (counterpart) {
        for (const filter of counterpart.filters) {
          if (scope.filters.some((old) => old.kind === filter.kind && old.value === filter.value)) continue;
          const origin = where(filter.origin, counterpart.origin);
          const key = `${scope.tool}:filter:${filter.kind}:${filter.value}:${origin.file}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const previous = scope.filters.filter((old) => old.kind === filter.kind);
          findings.push({
            message: `New test filter: ${describeFilter(filter)}. Which tests it leaves out cannot be computed statically; every one of them stops running`,
            file: origin.file,
            line: origin.line,
            side: 'head',
            before: previous.length > 0 ? previous.map((old) => `${old.kind} ${old.value}`).join('\n') : '(no filter)',
            after: `${filter.kind} ${filter.value}`,
            key,
          });
        }
        for (const setting of head.facts.settings.filter((entry) => entry.scopeId === counterpart.id)) {
          const before = base.facts.settings.find((entry) => entry.scopeId === scope.id && entry.setting === setting.setting);
          const finding = settingFinding(setting, before, counterpart);
          if (!finding || seen.has(finding.key)) continue;
          seen.add(finding.key);
          findings.push(finding);
        }
      }
      // Files.
      const set = collectedSet(scope, base.paths);
      if (set.kind !== 'static') continue;
      const headSet = counterpart ? headSets.get(counterpart) : undefined;
      if (headSet === null) continue;
      for (const file of set.files) {
        const now = renames.get(file) ?? file;
        if (!headPaths.has(now)) continue;
        if (counterpart ? headSet?.has(now) === true || (now !== file && anyHeadCollects(now)) : anyHeadCollects(now)) continue;
        const why = counterpart ? explain(now, counterpart, scope, head.paths) : { reason: 'its runner configuration was removed', origin: scope.origin, key: 'removed' };
        const groupKey = `${scope.tool}:${why.origin.file}:${why.key}`;
        const entry = narrowings.get(groupKey) ?? {
          origin: why.origin,
          side: counterpart ? 'head' : 'base',
          reason: why.reason,
          key: groupKey,
          before: describeScope(scope),
          after: describeScope(counterpart),
          files: new Set<string>(),
        };
        entry.files.add(now);
        narrowings.set(groupKey, entry);
      }
    }
    for (const narrowing of narrowings.values()) {
      const sorted = [...narrowing.files].sort();
      const shown = sorted.slice(0, FILES_SHOWN).join(', ');
      const more = sorted.length > FILES_SHOWN ? ` and ${sorted.length - FILES_SHOWN} more` : '';
      const severity: Severity = 'block';
      findings.push({
        message: `The test runner no longer collects ${sorted.length} test file${sorted.length === 1 ? '' : 's'} that still exist${sorted.length === 1 ? 's' : ''} (${narrowing.reason}): ${shown}${more}`,
        file: narrowing.origin.file,
        line: narrowing.origin.line,
        side: narrowing.side,
        before: clip(narrowing.before.split('\n')),
        after: clip(narrowing.after.split('\n')),
        key: narrowing.key,
        severity,
      });
    }
    return findings;
  },
});
