import type { FindingDraft } from '../../core/types.js';
import { coverageInspector } from '../../inspect/coverage/readers.js';
import type { Enforcement, Threshold } from '../../inspect/coverage/model.js';
import { renamedPaths } from '../support/renames.js';
import { defineRule, type ChangedFile } from '../rule.js';

/** A scope id with renamed config files mapped to their head path, so a moved config pairs with itself. */
function followRenames(id: string, files: readonly ChangedFile[]): string {
  let result = id;
  for (const [before, after] of renamedPaths(files)) if (result.includes(before)) result = result.split(before).join(after);
  return result;
}

const exactKey = (t: Threshold, scopeId: string) => `${t.tool}\0${scopeId}\0${t.target}\0${t.metric}`;
const looseKey = (t: Threshold) => `${t.target}\0${t.metric}`;

/**
 * Whether `after` demands less than `before`. Percentages: lower is looser. Negative numbers
 * (vitest, jest) are a maximum count of uncovered items: more negative is looser. A switch
 * between the two kinds cannot be ordered statically and is reported as a change to review.
 */
function loosening(before: number, after: number): 'looser' | 'incomparable' | null {
  if (before >= 0 && after >= 0) return after < before ? 'looser' : null;
  if (before < 0 && after < 0) return after < before ? 'looser' : null;
  return 'incomparable';
}

function label(t: Threshold): string {
  return `${t.metric} ${t.target === 'global' ? '' : `for ${t.target} `}(${t.tool})`;
}

function show(t: Threshold): string {
  return `${t.target} ${t.metric}: ${t.value} (${t.origin.file}:${t.origin.line})`;
}

function enforcementFindings(base: readonly Enforcement[], head: readonly Enforcement[], files: readonly ChangedFile[]): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const before of base) {
    if (!before.enforced) continue;
    const id = followRenames(before.scopeId, files);
    const after = head.find((e) => e.tool === before.tool && e.scopeId === id) ?? head.find((e) => e.tool === before.tool);
    if (after?.enforced) continue;
    findings.push({
      message: after
        ? `Coverage thresholds are no longer enforced (${before.tool} check turned off)`
        : `Coverage threshold enforcement removed (${before.tool})`,
      file: after ? after.origin.file : before.origin.file,
      line: after ? after.origin.line : before.origin.line,
      side: after ? 'head' : 'base',
      before: `enforced (${before.origin.file}:${before.origin.line})`,
      after: after ? `not enforced (${after.origin.file}:${after.origin.line})` : '(removed)',
      key: `enforcement:${before.tool}`,
    });
  }
  return findings;
}

export const coverageThresholdLowered = defineRule({
  id: 'coverage/threshold-lowered',
  category: 'coverage-threshold',
  severity: 'block',
  docs: {
    summary:
      'A coverage threshold is looser at head: lowered, removed, a per-file or per-glob threshold dropped, a negative threshold made more negative, enforcement (`check-coverage`, `fail_under`) turned off, or moved to a looser command-line flag.',
    why: 'A threshold is the gate that fails the build when coverage drops. Lowering it to the figure the change reaches turns the gate green without any test being written.',
    fix: 'Restore the threshold and add tests until the change meets it. If the project decided to lower it, have a human approve that decision in its own change.',
    bad: {
      base: {
        'vitest.config.ts':
          "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: {\n    coverage: {\n      include: ['src/**'],\n      thresholds: { lines: 90, branches: 85 },\n    },\n  },\n});\n",
      },
      head: {
        'vitest.config.ts':
          "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: {\n    coverage: {\n      include: ['src/**'],\n      thresholds: { lines: 60, branches: 85 },\n    },\n  },\n});\n",
      },
    },
    good: {
      base: {
        'vitest.config.ts':
          "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: {\n    coverage: {\n      include: ['src/**'],\n      thresholds: { lines: 90, branches: 85 },\n    },\n  },\n});\n",
      },
      head: {
        'vitest.config.mts':
          "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: { coverage: { include: ['src/**'], thresholds: { lines: 95, branches: 85 } } },\n});\n",
      },
    },
  },
  inspectors: [],
  projectInspectors: [coverageInspector],
  check: ({ project, files }) => {
    const facts = project(coverageInspector);
    if (!facts) return [];
    const base = facts.base.facts;
    const head = facts.head.facts;
    const headByExact = new Map<string, Threshold>();
    for (const t of head.thresholds) headByExact.set(exactKey(t, t.scopeId), t);
    const unpairedHead = new Set(head.thresholds);
    const findings: FindingDraft[] = [];
    const pending: Threshold[] = [];
    // First pair thresholds with the same scope (following renamed configs), then the rest by
    // what they measure, so a threshold moved to another file or to a CLI flag is compared too.
    for (const before of base.thresholds) {
      const after = headByExact.get(exactKey(before, followRenames(before.scopeId, files)));
      if (after && unpairedHead.has(after)) {
        unpairedHead.delete(after);
        findings.push(...compare(before, after));
      } else {
        pending.push(before);
      }
    }
    for (const before of pending) {
      const after = [...unpairedHead].find((t) => looseKey(t) === looseKey(before));
      if (after) {
        unpairedHead.delete(after);
        findings.push(...compare(before, after));
        continue;
      }
      // A 0% floor demands nothing (nyc writes them as defaults): dropping it loosens nothing.
      if (before.value === 0) continue;
      findings.push({
        message: `Coverage threshold removed: ${label(before)} was ${before.value}`,
        file: before.origin.file,
        line: before.origin.line,
        side: 'base',
        before: show(before),
        after: '(no threshold)',
        key: `removed:${before.tool}:${before.target}:${before.metric}`,
      });
    }
    findings.push(...enforcementFindings(base.enforcement, head.enforcement, files));
    return findings;
  },
});

function compare(before: Threshold, after: Threshold): FindingDraft[] {
  const change = loosening(before.value, after.value);
  if (!change) return [];
  return [
    {
      message:
        change === 'looser'
          ? `Coverage threshold lowered: ${label(after)} ${before.value} → ${after.value}`
          : `Coverage threshold changed between a percentage and a maximum uncovered count: ${label(after)} ${before.value} → ${after.value}`,
      file: after.origin.file,
      line: after.origin.line,
      side: 'head',
      before: show(before),
      after: show(after),
      key: `changed:${after.tool}:${after.target}:${after.metric}`,
      ...(change === 'incomparable' ? { severity: 'warn' as const } : {}),
    },
  ];
}
