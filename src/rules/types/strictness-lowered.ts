import type { FindingDraft } from '../../core/types.js';
import type { MypyConfig, MypySection, Origin, PyrightConfig, Setting, TsProject, TypeCheckFacts, Unresolved } from '../../inspect/typecheck/model.js';
import { mypyEffective, mypyLoosened, MYPY_ORDER, type MypyEffective } from '../../inspect/typecheck/mypy-options.js';
import { defaultMode, pyrightDefault, PYRIGHT_BOOLEANS, PYRIGHT_LEVEL_RANK, PYRIGHT_MODE_RANK, PYRIGHT_SETTINGS, PYRIGHT_TRUE_LOOSER } from '../../inspect/typecheck/pyright-defaults.js';
import { typeCheckInspector } from '../../inspect/typecheck/project-inspector.js';
import { effectiveOption, mergedOptions, strictnessRank, STRICT_FAMILY, TS_ORDER, type Effective } from '../../inspect/typecheck/ts-options.js';
import { dirname } from '../../inspect/config-eval/paths.js';
import { clip } from '../support/excerpt.js';
import { renamedPaths } from '../support/renames.js';
import { defineRule } from '../rule.js';

/**
 * Type-checker settings moved in the loosening direction, per tsconfig a gate uses, for mypy
 * (globally and per module) and for pyright / basedpyright. Values are compared as effective
 * values (extends chains resolved, `strict` expanded, defaults applied), so a reformatted config,
 * a setting moved into a base config, or `strict` replaced by its flags, changes nothing.
 */

const place = (origin: Origin): string => `${origin.file}:${origin.line}`;
const show = (value: unknown): string => (value === undefined ? 'unset' : JSON.stringify(value));

/** Where a value comes from, for messages: `true via strict in tsconfig.base.json:4`. */
function describeTs(effective: Effective, project: TsProject): string {
  switch (effective.kind) {
    case 'set':
      return `${show(effective.value)} in ${place(effective.setting.origin)}${effective.setting.from ? ` from ${effective.setting.from}` : ''}`;
    case 'strict':
      return `${show(effective.value)} via strict in ${place(effective.strict.origin)}${effective.strict.from ? ` from ${effective.strict.from}` : ''}`;
    case 'default':
      return `${show(effective.value)} by default${project.typescript.major !== null ? ` in TypeScript ${project.typescript.major}` : ''}`;
    case 'unknown':
      return 'unknown';
  }
}

const tsOrigin = (effective: Effective): Origin | null => (effective.kind === 'set' ? effective.setting.origin : effective.kind === 'strict' ? effective.strict.origin : null);

/** A point to report at: the head line that loosened, else the base line whose setting was removed. */
function locate(head: Origin | null, base: Origin | null, fallback: { origin: Origin; side: 'base' | 'head' }): { file: string; line: number; side: 'base' | 'head' } {
  if (head) return { ...head, side: 'head' };
  if (base) return { ...base, side: 'base' };
  return { ...fallback.origin, side: fallback.side };
}

function pairTs(base: readonly TsProject[], head: readonly TsProject[], renames: ReadonlyMap<string, string>): [TsProject, TsProject][] {
  const pairs: [TsProject, TsProject][] = [];
  for (const project of base) {
    const path = renames.get(project.config) ?? project.config;
    let counterpart = head.find((candidate) => candidate.config === path);
    // A gate switched to another tsconfig of the same folder (`tsc -p tsconfig.build.json`).
    if (!counterpart && !head.some((candidate) => base.some((b) => (renames.get(b.config) ?? b.config) === candidate.config))) {
      const sameDir = head.filter((candidate) => dirname(candidate.config) === dirname(path));
      if (sameDir.length === 1) counterpart = sameDir[0];
    }
    if (counterpart) pairs.push([project, counterpart]);
  }
  return pairs;
}

interface TsLoosening {
  name: string;
  verb: string;
  before: Effective;
  after: Effective;
  at: { file: string; line: number; side: 'base' | 'head' };
}

/**
 * The line responsible for a loosened value: the head line that sets it (or the `strict` it
 * follows, or the `extends` that brings a published base in); when the value fell back to its
 * default, the head `extends` line if the old value came from a published base, else the base
 * line whose setting was removed.
 */
function tsPoint(head: TsProject, before: Effective, after: Effective): { file: string; line: number; side: 'base' | 'head' } {
  const now = tsOrigin(after);
  if (now) return { ...now, side: 'head' };
  const fromTable = (before.kind === 'set' && before.setting.from !== undefined) || (before.kind === 'strict' && before.strict.from !== undefined);
  if (fromTable && head.extendsOrigin) return { ...head.extendsOrigin, side: 'head' };
  const was = tsOrigin(before);
  if (was) return { ...was, side: 'base' };
  // Default to default: the TypeScript version changed (`strict` is on by default from 6.0).
  return head.typescript.origin ? { ...head.typescript.origin, side: 'head' } : { file: head.config, line: 1, side: 'head' };
}

function tsFindings(base: TsProject, head: TsProject): FindingDraft[] {
  const baseOptions = mergedOptions(base);
  const headOptions = mergedOptions(head);
  const loosened: TsLoosening[] = [];
  for (const [name, order] of Object.entries(TS_ORDER)) {
    const before = effectiveOption(base, name, baseOptions);
    const after = effectiveOption(head, name, headOptions);
    if (before.kind === 'unknown' || after.kind === 'unknown') continue;
    const was = strictnessRank(order, before.value);
    const now = strictnessRank(order, after.value);
    if (was === null || now === null || now >= was) continue;
    const verb = order.kind === 'true-looser' ? 'turned on' : order.kind === 'allow-tristate' ? `loosened to ${show(after.value)}` : 'turned off';
    loosened.push({ name, verb, before, after, at: tsPoint(head, before, after) });
  }
  // One finding per responsible line: a `strict: false` or a changed `extends` loosens many flags at once.
  const groups = new Map<string, TsLoosening[]>();
  for (const entry of loosened) {
    const where = `${entry.at.side}:${entry.at.file}:${entry.at.line}`;
    groups.set(where, [...(groups.get(where) ?? []), entry]);
  }
  return [...groups.values()].map((group): FindingDraft => {
    const first = group[0]!;
    const names = group.map((entry) => entry.name);
    const viaStrict = group.every((entry) => (STRICT_FAMILY as readonly string[]).includes(entry.name) && (entry.after.kind === 'strict' || entry.before.kind === 'strict'));
    let message: string;
    if (group.length === 1) message = `${first.name} ${first.verb} in ${head.config} (was ${describeTs(first.before, base)}; now ${describeTs(first.after, head)})`;
    else if (viaStrict) message = `strict no longer applies in ${head.config}: ${names.join(', ')} turned off (was ${describeTs(first.before, base)}; now ${describeTs(first.after, head)})`;
    else message = `${group.length} type-checking flags loosened in ${head.config}: ${group.map((entry) => `${entry.name} ${entry.verb} (was ${describeTs(entry.before, base)}; now ${describeTs(entry.after, head)})`).join('; ')}`;
    return {
      message,
      ...first.at,
      before: clip(group.map((entry) => `${entry.name}: ${describeTs(entry.before, base)}`)),
      after: clip(group.map((entry) => `${entry.name}: ${describeTs(entry.after, head)}`)),
      key: `tsc:${head.config}:${viaStrict && group.length > 1 ? 'strict' : names.join(',')}`,
    };
  });
}

function describeMypy(effective: MypyEffective): string {
  if (effective.kind === 'set') return `${show(effective.value)} in ${place(effective.setting.origin)}`;
  if (effective.kind === 'strict') return `${show(effective.value)} via strict in ${place(effective.strict.origin)}`;
  return `${show(effective.value)} by default`;
}

const mypyOrigin = (effective: MypyEffective): Origin | null => (effective.kind === 'set' ? effective.setting.origin : effective.kind === 'strict' ? effective.strict.origin : null);

function mypyCompare(base: MypyConfig | null, head: MypyConfig | null, scope: string, baseSection?: MypySection, headSection?: MypySection, only?: (name: string) => boolean): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const viaStrict: { name: string; before: MypyEffective; after: MypyEffective }[] = [];
  const file = head?.file || base?.file || 'mypy.ini';
  for (const [name, order] of Object.entries(MYPY_ORDER)) {
    if (only && !only(name)) continue;
    const before = mypyEffective(base, name, baseSection);
    const after = mypyEffective(head, name, headSection);
    const codes = mypyLoosened(order, before.value, after.value);
    if (codes === null) continue;
    if (!headSection && !baseSection && (after.kind === 'strict' || (after.kind === 'default' && before.kind === 'strict'))) {
      viaStrict.push({ name, before, after });
      continue;
    }
    const at = locate(mypyOrigin(after), mypyOrigin(before), { origin: { file, line: 1 }, side: 'head' });
    const what = codes.length > 0 ? `${name} loosened (${order.kind === 'codes-disabled' ? 'now disabled' : 'no longer enabled'}: ${codes.join(', ')})` : `${name} loosened`;
    findings.push({
      message: `mypy ${what} for ${scope} (was ${describeMypy(before)}; now ${describeMypy(after)})`,
      ...at,
      before: `${name}: ${describeMypy(before)}`,
      after: `${name}: ${describeMypy(after)}`,
      key: `mypy:${scope}:${name}`,
    });
  }
  if (viaStrict.length > 0) {
    const first = viaStrict[0]!;
    const at = locate(mypyOrigin(first.after), mypyOrigin(first.before), { origin: { file, line: 1 }, side: 'head' });
    findings.push({
      message: `mypy strict no longer applies: ${viaStrict.map((entry) => entry.name).join(', ')} loosened (was ${describeMypy(first.before)}; now ${describeMypy(first.after)})`,
      ...at,
      before: clip(viaStrict.map((entry) => `${entry.name}: ${describeMypy(entry.before)}`)),
      after: clip(viaStrict.map((entry) => `${entry.name}: ${describeMypy(entry.after)}`)),
      key: 'mypy:*:strict',
    });
  }
  return findings;
}

function mypyFindings(base: MypyConfig | null, head: MypyConfig | null): FindingDraft[] {
  if (!base) return [];
  const findings = mypyCompare(base, head, 'all modules');
  // Per-module sections: only options a section sets on either side (the global comparison covers the rest).
  const patterns = new Set([...base.modules.keys(), ...(head?.modules.keys() ?? [])]);
  for (const pattern of [...patterns].sort()) {
    const baseSection = base.modules.get(pattern);
    const headSection = head?.modules.get(pattern);
    const written = new Set([...Object.keys(baseSection?.options ?? {}), ...Object.keys(headSection?.options ?? {})]);
    const empty: MypySection = { modules: pattern.split(','), options: {}, origin: { file: base.file, line: 1 } };
    findings.push(...mypyCompare(base, head, `modules ${pattern}`, baseSection ?? empty, headSection ?? empty, (name) => written.has(name)));
  }
  return findings;
}

type Level = { value: string | boolean | undefined; setting: Setting | null; mode: string };

function pyrightLevel(config: PyrightConfig, name: string): Level {
  // A config that extends another (not followed) may inherit anything it does not write itself.
  const inherits = config.settings.extends !== undefined;
  const written = config.settings.typeCheckingMode?.value;
  const mode = typeof written === 'string' ? written : inherits ? 'unknown' : defaultMode(config.tool);
  const setting = config.settings[name] ?? null;
  if (!setting && inherits) return { value: undefined, setting: null, mode };
  if (setting) {
    const value = setting.value;
    if (name.startsWith('report') && typeof value === 'boolean') return { value: value ? 'error' : 'none', setting, mode };
    return { value: typeof value === 'string' || typeof value === 'boolean' ? value : undefined, setting, mode };
  }
  if (name === 'failOnWarnings') return { value: mode === 'recommended' || mode === 'all', setting: null, mode };
  if (mode === 'all') return { value: name.startsWith('report') ? 'error' : PYRIGHT_TRUE_LOOSER.has(name) ? false : true, setting: null, mode };
  return { value: pyrightDefault(name, mode), setting: null, mode };
}

function pyrightRank(name: string, value: string | boolean | undefined): number | null {
  if (value === undefined) return null;
  if (PYRIGHT_BOOLEANS.has(name)) {
    if (typeof value !== 'boolean') return null;
    return PYRIGHT_TRUE_LOOSER.has(name) ? (value ? 0 : 1) : value ? 1 : 0;
  }
  return typeof value === 'string' ? (PYRIGHT_LEVEL_RANK[value] ?? null) : null;
}

const describeLevel = (level: Level): string => (level.setting ? `${show(level.value)} in ${place(level.setting.origin)}` : `${show(level.value)} by default in ${level.mode} mode`);

function pyrightFindings(base: PyrightConfig, head: PyrightConfig | undefined): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const tool = base.tool;
  const key = `${tool}:${base.dir}`;
  const fallback = { origin: base.origin, side: 'base' as const };
  const current: PyrightConfig = head ?? { ...base, settings: {}, file: base.file, include: null, exclude: null, ignore: null };
  const beforeMode = pyrightLevel(base, 'typeCheckingMode');
  const afterMode = pyrightLevel(current, 'typeCheckingMode');
  const wasMode = PYRIGHT_MODE_RANK[beforeMode.mode];
  const nowMode = PYRIGHT_MODE_RANK[afterMode.mode];
  if (wasMode !== undefined && nowMode !== undefined && nowMode < wasMode) {
    const before = base.settings.typeCheckingMode ?? null;
    const after = head?.settings.typeCheckingMode ?? null;
    findings.push({
      message: `${tool} typeCheckingMode lowered from ${beforeMode.mode} to ${afterMode.mode} in ${current.file}`,
      ...locate(after?.origin ?? null, before?.origin ?? null, fallback),
      before: `typeCheckingMode: ${beforeMode.mode}${before ? '' : ' (default)'}`,
      after: `typeCheckingMode: ${afterMode.mode}${after ? '' : ' (default)'}`,
      key: `${key}:typeCheckingMode`,
    });
  }
  // Rules written on either side; a rule that only follows the mode is covered by the mode's finding.
  const names = new Set([...Object.keys(base.settings), ...Object.keys(current.settings)].filter((name) => name.startsWith('report') || PYRIGHT_BOOLEANS.has(name) || PYRIGHT_SETTINGS.includes(name)));
  for (const name of [...names].sort()) {
    if (name === 'typeCheckingMode') continue;
    const before = pyrightLevel(base, name);
    const after = pyrightLevel(current, name);
    const was = pyrightRank(name, before.value);
    const now = pyrightRank(name, after.value);
    if (was === null || now === null || now >= was) continue;
    findings.push({
      message: `${tool} ${name} loosened in ${current.file} (was ${describeLevel(before)}; now ${describeLevel(after)})`,
      ...locate(after.setting?.origin ?? null, before.setting?.origin ?? null, fallback),
      before: `${name}: ${describeLevel(before)}`,
      after: `${name}: ${describeLevel(after)}`,
      key: `${key}:${name}`,
    });
  }
  const strictBefore = Array.isArray(base.settings.strict?.value) ? (base.settings.strict.value as unknown[]).map(String) : [];
  const strictAfter = new Set(Array.isArray(current.settings.strict?.value) ? (current.settings.strict.value as unknown[]).map(String) : []);
  const dropped = strictBefore.filter((path) => !strictAfter.has(path));
  if (dropped.length > 0) {
    findings.push({
      message: `${tool} no longer checks ${dropped.join(', ')} in strict mode (removed from \`strict\` in ${current.file})`,
      ...locate(current.settings.strict?.origin ?? null, base.settings.strict?.origin ?? null, fallback),
      before: `strict: ${JSON.stringify(strictBefore)}`,
      after: `strict: ${JSON.stringify([...strictAfter])}`,
      key: `${key}:strict:${dropped.join(',')}`,
    });
  }
  return findings;
}

/** Everything the facts of a revision could not resolve, with a key free of line numbers. */
function unresolvedOf(facts: TypeCheckFacts): Unresolved[] {
  return [...facts.unresolved, ...facts.ts.flatMap((project) => project.unresolved), ...(facts.mypy?.unresolved ?? []), ...facts.pyright.flatMap((config) => config.unresolved)];
}
const unresolvedKey = (value: Unresolved): string => `${value.file}\0${value.setting}\0${value.expression}`;

export const typesStrictnessLowered = defineRule({
  id: 'types/strictness-lowered',
  category: 'type-strictness',
  severity: 'block',
  docs: {
    summary:
      'A type-checker setting moved in the loosening direction: a TypeScript flag of a tsconfig a gate uses (extends chains resolved, `strict` expanded), a mypy flag (globally or per module), or a pyright / basedpyright mode or rule level. A setting that can no longer be resolved (an unknown `extends` package) is reported too (`warn`).',
    why: 'Turning a check off makes the type checker pass by accepting more code, not by the code being more correct: `strictNullChecks: false` hides every possible null dereference at once, `skipLibCheck` stops checking declaration files, a lower pyright mode silences whole families of errors.',
    fix: 'Restore the setting and fix the type errors it reports. If a looser setting is truly intended (a migration step), have a human approve it, and keep it as narrow as possible (a per-module mypy section, a separate tsconfig for the legacy folder).',
    details: `### Which configurations are compared

- **TypeScript**: each tsconfig named by a gate command in \`package.json\` scripts or workflow \`run:\` steps (\`tsc -p X\`, \`tsc --project X\`, \`tsc -b X…\` with its \`references\` followed transitively, \`vue-tsc\`, \`tsgo\`; a bare \`tsc\` uses the nearest \`tsconfig.json\` upwards), or every \`tsconfig*.json\` outside node_modules when no script or workflow runs tsc. A config is paired with the same path at base (following renames). Options given on the gate's command line (\`tsc -p . --skipLibCheck\`) count.
- **mypy**: the config file mypy reads (\`--config-file\`, else \`mypy.ini\`, \`.mypy.ini\`, \`pyproject.toml\` with \`[tool.mypy]\`, \`setup.cfg\` with \`[mypy]\`) with the options of \`mypy\` commands in scripts and workflows over its global section (\`--strict\`, \`--no-strict-optional\`…), and each per-module section (\`[mypy-pkg.*]\`, \`[[tool.mypy.overrides]]\`) for the options it sets.
- **pyright / basedpyright**: \`pyrightconfig.json\` or \`[tool.pyright]\`, and \`[tool.basedpyright]\`, per folder.

### Effective values

TypeScript: \`extends\` (a path, with \`.json\` appended when needed; an array, later entries overriding earlier ones; a workspace package of the repository; a published base from Gatehouse's table: @tsconfig/strictest, recommended, node16, node18, node20, node22, node24, vite-react), then the config's own \`compilerOptions\`, then the command line. \`strict\` is not compared itself: it turns on alwaysStrict, noImplicitAny, noImplicitThis, strictBindCallApply, strictBuiltinIteratorReturn (TypeScript 5.6+), strictFunctionTypes, strictNullChecks, strictPropertyInitialization and useUnknownInCatchVariables, unless one is set explicitly, and each of them is compared. So \`strict: false\` with all nine set to true is as strict, and moving \`strict\` into a base config changes nothing. Loosenings caused by one \`strict\` change are reported as one finding. Unset options take the defaults of the TypeScript major version the nearest package.json asks for (\`devDependencies.typescript\`): from 6.0 \`strict\` (so its whole family) and \`noUncheckedSideEffectImports\` are on by default, so removing \`strict: true\` there changes nothing, while downgrading to 5.x with \`strict\` unset is reported at the version line; without a readable version, 5.x defaults.

mypy: \`strict = True\` (global only) turns on warn_unused_configs, disallow_any_generics, disallow_subclassing_any, disallow_untyped_calls, disallow_untyped_defs, disallow_incomplete_defs, check_untyped_defs, disallow_untyped_decorators, warn_redundant_casts, warn_unused_ignores, warn_return_any, strict_equality, extra_checks and turns off implicit_reexport (mypy 1.x), unless set explicitly. A per-module section inherits the global value of what it does not set. Inverted spellings (\`allow_untyped_defs\`, \`no_implicit_optional\`, \`strict_concatenate\`) are normalised.

pyright: an unset \`reportX\` rule takes the default of the \`typeCheckingMode\` (pyright's table "Diagnostic Settings Defaults", pyright 1.1.413); \`true\` is \`"error"\`, \`false\` is \`"none"\`. Rules are compared when written on either side; a change of mode is one finding.

### Order of strictness (loosening is reported)

| Setting | Stricter → looser |
| --- | --- |
| TypeScript \`strict\` family (above), noUncheckedIndexedAccess, exactOptionalPropertyTypes, noImplicitReturns, noFallthroughCasesInSwitch, noImplicitOverride, noPropertyAccessFromIndexSignature, noUnusedLocals, noUnusedParameters, noUncheckedSideEffectImports, checkJs, forceConsistentCasingInFileNames (default true), noEmitOnError | \`true\` → \`false\` / unset |
| TypeScript skipLibCheck, skipDefaultLibCheck, noCheck, suppressImplicitAnyIndexErrors, suppressExcessPropertyErrors, noStrictGenericChecks, keyofStringsOnly | \`false\` / unset → \`true\` |
| TypeScript allowUnreachableCode, allowUnusedLabels | \`false\` (error) → unset (editor suggestion) → \`true\` (allowed) |
| mypy disallow_* , check_untyped_defs, warn_* (incl. warn_no_return, default on), strict_equality, strict_bytes, extra_checks, local_partial_types, strict_optional (default on) | \`True\` → \`False\` |
| mypy implicit_reexport (default on), implicit_optional, ignore_missing_imports, allow_untyped_globals | \`False\` → \`True\` |
| mypy follow_imports | error → normal → silent → skip |
| mypy disable_error_code / enable_error_code | a code newly disabled / no longer enabled |
| pyright typeCheckingMode | all → recommended (basedpyright) → strict → standard → basic → off |
| pyright reportX | "error" → "warning" → "information" → "hint" → "none" |
| pyright strictListInference, strictDictionaryInference, strictSetInference, strictParameterNoneValue, analyzeUnannotatedFunctions, enableReachabilityAnalysis, disableBytesTypePromotions, deprecateTypingAliases, failOnWarnings | \`true\` → \`false\` |
| pyright enableTypeIgnoreComments | \`false\` → \`true\` |
| pyright \`strict\` paths | a path removed |

Not compared, by decision: \`isolatedModules\`, \`verbatimModuleSyntax\`, \`erasableSyntaxOnly\` (they restrict syntax for single-file transpilers, not how strictly types are checked); \`allowJs\` alone (JavaScript files without \`checkJs\` are not type-checked; \`types/scope-narrowed\` covers files leaving the checked set); mypy \`ignore_errors\` and pyright \`ignore\` (scope: \`types/scope-narrowed\`). \`// @ts-nocheck\` and \`# type: ignore\` comments are reported by \`types/suppression\`.

### Unresolvable (reported as \`warn\`)

A value Gatehouse cannot know is never assumed: an \`extends\` package that is neither in the repository nor in the table, a missing or unparseable config, a circular chain, a \`tsc -p\` path that does not exist, a pyright \`extends\` (not followed). Options that such a base could set are then unknown and not compared; this rule reports the new unresolvable part instead.`,
    bad: {
      base: {
        'package.json': '{\n  "name": "shop",\n  "private": true,\n  "scripts": { "typecheck": "tsc -p tsconfig.json" }\n}\n',
        'tsconfig.json': '{\n  "compilerOptions": {\n    "strict": true,\n    "noEmit": true\n  },\n  "include": ["src"]\n}\n',
        'src/cart.ts': 'export const total = (prices: number[]) => prices.reduce((a, b) => a + b, 0);\n',
      },
      head: {
        'package.json': '{\n  "name": "shop",\n  "private": true,\n  "scripts": { "typecheck": "tsc -p tsconfig.json" }\n}\n',
        'tsconfig.json': '{\n  "compilerOptions": {\n    "strict": true,\n    "strictNullChecks": false,\n    "noEmit": true\n  },\n  "include": ["src"]\n}\n',
        'src/cart.ts': 'export const total = (prices: number[]) => prices.reduce((a, b) => a + b, 0);\n',
      },
    },
    good: {
      base: {
        'package.json': '{\n  "name": "shop",\n  "private": true,\n  "scripts": { "typecheck": "tsc -p tsconfig.json" }\n}\n',
        'tsconfig.json': '{\n  "compilerOptions": {\n    "strict": true,\n    "noEmit": true\n  },\n  "include": ["src"]\n}\n',
        'src/cart.ts': 'export const total = (prices: number[]) => prices.reduce((a, b) => a + b, 0);\n',
      },
      head: {
        'package.json': '{\n  "name": "shop",\n  "private": true,\n  "scripts": { "typecheck": "tsc -p tsconfig.json" }\n}\n',
        'tsconfig.base.json': '{\n  // shared by every package\n  "compilerOptions": { "strict": true },\n}\n',
        'tsconfig.json': '{\n  "extends": "./tsconfig.base.json",\n  "compilerOptions": { "noEmit": true, "noUncheckedIndexedAccess": true },\n  "include": ["src"],\n}\n',
        'src/cart.ts': 'export const total = (prices: number[]) => prices.reduce((a, b) => a + b, 0);\n',
      },
    },
  },
  inspectors: [],
  projectInspectors: [typeCheckInspector],
  check: ({ project, files }) => {
    const facts = project(typeCheckInspector);
    if (!facts) return [];
    const base = facts.base.facts;
    const head = facts.head.facts;
    const renames = renamedPaths(files);
    const findings: FindingDraft[] = [];
    for (const [before, after] of pairTs(base.ts, head.ts, renames)) findings.push(...tsFindings(before, after));
    findings.push(...mypyFindings(base.mypy, head.mypy));
    for (const config of base.pyright) {
      const counterpart = head.pyright.find((candidate) => candidate.tool === config.tool && candidate.dir === config.dir);
      findings.push(...pyrightFindings(config, counterpart));
    }
    const known = new Set(unresolvedOf(base).map(unresolvedKey));
    for (const value of unresolvedOf(head)) {
      if (known.has(unresolvedKey(value))) continue;
      known.add(unresolvedKey(value));
      findings.push({
        message: `Cannot resolve ${value.setting} \`${value.expression}\` in ${value.file} (${value.reason}): the type-checking settings it may set are unknown, so they cannot be compared`,
        file: value.file,
        line: value.line,
        side: 'head',
        after: value.expression,
        key: `unresolvable:${unresolvedKey(value)}`,
        severity: 'warn',
      });
    }
    return findings;
  },
});
