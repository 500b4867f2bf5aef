import type { FindingDraft, Severity } from '../../core/types.js';
import { pathSet } from '../../inspect/config-source.js';
import { dirname } from '../../inspect/config-eval/paths.js';
import type { MypyConfig, Origin, PatternList, PyrightConfig, TsProject, TypeCheckProjectFacts } from '../../inspect/typecheck/model.js';
import { typeCheckInspector } from '../../inspect/typecheck/project-inspector.js';
import { mypyCheckedFiles, mypyDiscovered, mypyIgnored, pyrightCheckedFiles, pyrightMatchers } from '../../inspect/typecheck/python-files.js';
import { checkedFiles, excludeMatcher, excludePatterns, includeMatcher, repoPattern, type CheckedSet } from '../../inspect/typecheck/ts-files.js';
import { jsChecked } from '../../inspect/typecheck/ts-options.js';
import type { PathGroups } from '../../policy/path-groups.js';
import { clip } from '../support/excerpt.js';
import { renamedPaths } from '../support/renames.js';
import { defineRule } from '../rule.js';

/** How many dropped files a finding names before it says "and N more". */
const FILES_SHOWN = 10;

interface Reason {
  reason: string;
  origin: Origin;
  side: 'base' | 'head';
  key: string;
  before: string;
  after: string;
}

interface Drop extends Reason {
  tool: string;
  files: string[];
}

const listText = (list: PatternList | null, fallback: string): string => (list ? list.patterns.join(', ') || '(none)' : fallback);

function describeTs(project: TsProject | undefined): string {
  if (!project) return '(not type-checked by any gate)';
  const lines = [project.config];
  if (project.files) lines.push(`files: ${listText(project.files, '')}`);
  lines.push(`include: ${listText(project.include, project.files ? '(none)' : '**/* (default)')}`);
  lines.push(`exclude: ${listText(project.exclude, 'node_modules, bower_components, jspm_packages, outDir (default)')}`);
  return lines.join('\n');
}

/** Why a head tsconfig no longer checks a file. */
function explainTs(file: string, base: TsProject, head: TsProject | undefined, headProjects: readonly TsProject[]): Reason {
  if (!head) {
    // A command that ran this tsconfig now runs another one (`tsc -p tsconfig.build.json`).
    const commands = new Set(base.gates.filter((gate) => !gate.reference && gate.site !== '').map((gate) => gate.site));
    for (const other of headProjects) {
      const gate = other.gates.find((candidate) => !candidate.reference && commands.has(candidate.site));
      if (gate?.origin) {
        return { reason: `the gate now type-checks ${other.config} instead of ${base.config}, which does not include it`, origin: gate.origin, side: 'head', key: `tsc:${base.config}:switched:${other.config}`, before: describeTs(base), after: describeTs(other) };
      }
    }
    return {
      reason: `${base.config} is no longer type-checked by any gate`,
      origin: base.gates[0]?.origin ?? { file: base.config, line: 1 },
      side: 'base',
      key: `tsc:${base.config}:not-gated`,
      before: describeTs(base),
      after: describeTs(undefined),
    };
  }
  const configDir = dirname(head.config);
  const common = { side: 'head' as const, before: describeTs(base), after: describeTs(head) };
  if (head.exclude) {
    for (const pattern of head.exclude.patterns) {
      const repo = repoPattern(pattern, head.exclude, configDir);
      if (repo !== null && excludeMatcher([repo])(file)) return { ...common, reason: `excluded by \`${pattern}\` in ${head.exclude.origin.file}`, origin: head.exclude.origin, key: `tsc:${head.config}:exclude:${pattern}` };
    }
  } else if (excludeMatcher(excludePatterns(head))(file)) {
    return { ...common, reason: 'now under the default exclude (node_modules or outDir)', origin: { file: head.config, line: 1 }, key: `tsc:${head.config}:exclude-default` };
  }
  if (/\.(c|m)?jsx?$/.test(file) && !jsChecked(head).checkJs) {
    return { ...common, reason: 'JavaScript files are no longer checked (allowJs / checkJs)', origin: { file: head.config, line: 1 }, key: `tsc:${head.config}:checkJs` };
  }
  const include = head.include ?? head.files;
  if (head.include && !includeMatcher(head.include, configDir)(file)) {
    return { ...common, reason: `no longer matched by include ${head.include.patterns.map((p) => `\`${p}\``).join(', ')}`, origin: head.include.origin, key: `tsc:${head.config}:include` };
  }
  return { ...common, reason: head.files && !head.include ? 'no longer listed in files' : 'no longer included', origin: include?.origin ?? { file: head.config, line: 1 }, key: `tsc:${head.config}:include` };
}

function severityFor(files: readonly string[], paths: PathGroups): Severity {
  return files.every((file) => paths.isGenerated(file) || paths.isVendored(file)) ? 'warn' : 'block';
}

/** Files checked at base (by any of `sets`) that still exist at head and are checked there by none. */
function dropped(baseSets: readonly CheckedSet[], headSets: readonly CheckedSet[], headPaths: ReadonlySet<string>, renames: ReadonlyMap<string, string>): { file: string; now: string }[] | null {
  if (headSets.some((set) => set.kind !== 'static')) return null;
  const headChecked = new Set<string>();
  for (const set of headSets) if (set.kind === 'static') for (const file of set.files) headChecked.add(file);
  const out: { file: string; now: string }[] = [];
  const seen = new Set<string>();
  for (const set of baseSets) {
    if (set.kind !== 'static') continue;
    for (const file of set.files) {
      const now = renames.get(file) ?? file;
      if (seen.has(now) || !headPaths.has(now) || headChecked.has(now)) continue;
      seen.add(now);
      out.push({ file, now });
    }
  }
  return out;
}

function tsDrops(facts: { base: TypeCheckProjectFacts; head: TypeCheckProjectFacts }, renames: ReadonlyMap<string, string>): Drop[] {
  const { base, head } = facts;
  const baseSets = base.facts.ts.map((project) => checkedFiles(project, base.paths));
  const headSets = head.facts.ts.map((project) => checkedFiles(project, head.paths));
  const lost = dropped(baseSets, headSets, pathSet(head.paths), renames);
  if (!lost) return [];
  const drops: Drop[] = [];
  for (const { file, now } of lost) {
    const owner = base.facts.ts.find((project, i) => {
      const set = baseSets[i];
      return set?.kind === 'static' && set.files.has(file);
    })!;
    const config = renames.get(owner.config) ?? owner.config;
    const counterpart = head.facts.ts.find((project) => project.config === config);
    drops.push({ tool: 'tsc', files: [now], ...explainTs(now, owner, counterpart, head.facts.ts) });
  }
  return drops;
}

function describeMypy(config: MypyConfig | null): string {
  if (!config) return '(no mypy configuration)';
  const exclude = config.global.options.exclude;
  return [`mypy ${config.file || '(command line)'}`, `targets: ${config.targets.patterns.join(', ')}`, ...(exclude ? [`exclude: ${String(exclude.value)}`] : [])].join('\n');
}

function mypyDrops(facts: { base: TypeCheckProjectFacts; head: TypeCheckProjectFacts }, renames: ReadonlyMap<string, string>): Drop[] {
  const before = facts.base.facts.mypy;
  const after = facts.head.facts.mypy;
  if (!before) return [];
  const baseSet = mypyCheckedFiles(before, facts.base.paths);
  const headSet: CheckedSet = after ? mypyCheckedFiles(after, facts.head.paths) : { kind: 'static', files: new Set() };
  if (headSet.kind !== 'static') {
    return baseSet.kind === 'static' ? [{ tool: 'mypy', files: [], reason: headSet.reason, origin: headSet.origin, side: 'head', key: 'mypy:unresolved', before: describeMypy(before), after: describeMypy(after) }] : [];
  }
  const lost = dropped([baseSet], [headSet], pathSet(facts.head.paths), renames);
  if (!lost) return [];
  const existing = pathSet(facts.head.paths);
  const discovered = after ? mypyDiscovered(after, facts.head.paths) : null;
  return lost.map(({ now }): Drop => {
    const common = { tool: 'mypy', files: [now], before: describeMypy(before), after: describeMypy(after) };
    if (!after) return { ...common, reason: 'the mypy configuration was removed', origin: before.global.origin, side: 'base', key: 'mypy:removed' };
    const ignored = mypyIgnored(after, now, existing);
    if (ignored) return { ...common, reason: `errors ignored by \`ignore_errors = True\` for ${ignored.pattern === '*' ? 'every module' : `\`${ignored.pattern}\``}`, origin: ignored.origin, side: 'head', key: `mypy:ignore_errors:${ignored.pattern}` };
    const exclude = after.global.options.exclude;
    if (discovered?.kind === 'static' && !discovered.files.has(now) && exclude) return { ...common, reason: `excluded by mypy \`exclude\``, origin: exclude.origin, side: 'head', key: 'mypy:exclude' };
    return { ...common, reason: `no longer among mypy's targets (${after.targets.patterns.join(', ')})`, origin: after.targets.origin, side: 'head', key: 'mypy:targets' };
  });
}

function describePyright(config: PyrightConfig | undefined): string {
  if (!config) return '(no configuration)';
  return [`${config.tool} ${config.file}`, `include: ${listText(config.include, '(the folder)')}`, `exclude: ${listText(config.exclude, '**/node_modules, **/__pycache__, **/.* (default)')}`, ...(config.ignore ? [`ignore: ${listText(config.ignore, '')}`] : [])].join('\n');
}

function pyrightDrops(facts: { base: TypeCheckProjectFacts; head: TypeCheckProjectFacts }, renames: ReadonlyMap<string, string>): Drop[] {
  const drops: Drop[] = [];
  for (const tool of ['pyright', 'basedpyright'] as const) {
    const baseConfigs = facts.base.facts.pyright.filter((config) => config.tool === tool);
    if (baseConfigs.length === 0) continue;
    const headConfigs = facts.head.facts.pyright.filter((config) => config.tool === tool);
    const baseSets = baseConfigs.map((config) => pyrightCheckedFiles(config, facts.base.paths));
    const lost = dropped(baseSets, headConfigs.map((config) => pyrightCheckedFiles(config, facts.head.paths)), pathSet(facts.head.paths), renames) ?? [];
    for (const { file, now } of lost) {
      const owner = baseConfigs.find((_, i) => baseSets[i]?.kind === 'static' && (baseSets[i] as { files: Set<string> }).files.has(file))!;
      const head = headConfigs.find((config) => config.dir === owner.dir);
      const common = { tool, files: [now], before: describePyright(owner), after: describePyright(head) };
      if (!head) {
        drops.push({ ...common, reason: `the ${tool} configuration of ${owner.dir || 'the repository root'} was removed`, origin: owner.origin, side: 'base', key: `${tool}:${owner.dir}:removed` });
        continue;
      }
      const matchers = pyrightMatchers(head);
      if (head.ignore && matchers.ignore(now)) drops.push({ ...common, reason: 'its diagnostics are ignored (`ignore`)', origin: head.ignore.origin, side: 'head', key: `${tool}:${head.dir}:ignore` });
      else if (matchers.exclude(now)) drops.push({ ...common, reason: 'excluded (`exclude`)', origin: head.exclude?.origin ?? head.origin, side: 'head', key: `${tool}:${head.dir}:exclude` });
      else drops.push({ ...common, reason: 'no longer included (`include`)', origin: head.include?.origin ?? head.origin, side: 'head', key: `${tool}:${head.dir}:include` });
    }
  }
  return drops;
}

/** Drops with the same reason become one finding naming the files. */
function group(drops: readonly Drop[]): Drop[] {
  const groups = new Map<string, Drop>();
  for (const drop of drops) {
    const existing = groups.get(drop.key);
    if (existing) existing.files.push(...drop.files);
    else groups.set(drop.key, { ...drop, files: [...drop.files] });
  }
  return [...groups.values()];
}

function toFinding(drop: Drop, paths: PathGroups): FindingDraft {
  const label = drop.tool === 'tsc' ? 'TypeScript (tsc)' : drop.tool;
  if (drop.files.length === 0) {
    return { message: `Cannot tell which files ${label} checks: ${drop.reason}`, file: drop.origin.file, line: drop.origin.line, side: drop.side, before: clip(drop.before.split('\n')), after: clip(drop.after.split('\n')), key: drop.key, severity: 'warn' };
  }
  const sorted = [...drop.files].sort();
  const shown = sorted.slice(0, FILES_SHOWN).join(', ');
  const more = sorted.length > FILES_SHOWN ? ` and ${sorted.length - FILES_SHOWN} more` : '';
  const count = `${sorted.length} file${sorted.length === 1 ? '' : 's'} that still exist${sorted.length === 1 ? 's' : ''}`;
  return {
    message: `${label} no longer type-checks ${count} (${drop.reason}): ${shown}${more}`,
    file: drop.origin.file,
    line: drop.origin.line,
    side: drop.side,
    before: clip(drop.before.split('\n')),
    after: clip(drop.after.split('\n')),
    key: drop.key,
    severity: severityFor(sorted, paths),
  };
}

export const typesScopeNarrowed = defineRule({
  id: 'types/scope-narrowed',
  category: 'type-strictness',
  severity: 'block',
  docs: {
    summary:
      'Files type-checked at base that still exist at head but are no longer type-checked: a tsconfig `include` / `exclude` / `files` change, a tsconfig no gate uses any more, a mypy `exclude`, target or `ignore_errors` module, a pyright `include` / `exclude` / `ignore` change. Grouped by the setting that removed them.',
    why: 'A type checker that does not look at a file cannot fail on it. Excluding the files with type errors makes `tsc` or mypy pass without fixing a single error, and the CI check stays green.',
    fix: 'Restore the include/exclude settings and fix the type errors in those files. If the files truly should not be checked (generated code, vendored code), have a human approve the narrowing.',
    details: `### What counts as checked

- **TypeScript**: the root files of each tsconfig a gate uses (see \`types/strictness-lowered\` for which), with TypeScript's matching: \`files\`, \`include\` (default \`**/*\`; a folder name means everything below it; \`*\` and \`**\` skip names starting with \`.\` and node_modules), minus \`exclude\` (default node_modules, bower_components, jspm_packages and \`outDir\`), for .ts .tsx .d.ts .mts .cts (and JavaScript with \`allowJs\` + \`checkJs\`); \`include\`/\`exclude\`/\`files\` come from the last config of the \`extends\` chain that sets them, relative to the config that wrote them; \`\${configDir}\` is understood. A file is narrowed when no gated tsconfig checks it at head. Files reached only through imports are not counted.
- **mypy**: files of the targets (\`files\`, else the paths of a \`mypy\` command, else every Python file), folders crawled as mypy does (skipping \`__pycache__\`, \`site-packages\`, \`node_modules\`, dot folders and \`exclude\` matches — a Python regular expression evaluated in JavaScript when it means the same, else unresolvable), minus modules whose most specific section sets \`ignore_errors = True\`.
- **pyright / basedpyright**: .py and .pyi files under \`include\` (default: the config's folder), not under \`exclude\` (default \`**/node_modules\`, \`**/__pycache__\`, \`**/.*\`) nor \`ignore\`.

Files are compared by identity: a file renamed or moved is followed to its new path, so moving a file to a folder that is still included is not reported; deleting a file is not narrowing. A tsconfig whose extends chain cannot be read has an unknown set; it is not compared (\`types/strictness-lowered\` reports it as unresolvable). \`// @ts-nocheck\` added to a file is reported by \`types/suppression\`.

Severity is \`warn\` when every file is generated or vendored (path groups of the policy).`,
    bad: {
      base: {
        'package.json': '{\n  "name": "shop",\n  "private": true,\n  "scripts": { "typecheck": "tsc -p tsconfig.json" }\n}\n',
        'tsconfig.json': '{\n  "compilerOptions": { "strict": true, "noEmit": true },\n  "include": ["src"]\n}\n',
        'src/cart.ts': 'export const total = (prices: number[]) => prices.reduce((a, b) => a + b, 0);\n',
        'src/legacy/discount.ts': 'export const discount = (price: number) => price * 0.9;\n',
      },
      head: {
        'package.json': '{\n  "name": "shop",\n  "private": true,\n  "scripts": { "typecheck": "tsc -p tsconfig.json" }\n}\n',
        'tsconfig.json': '{\n  "compilerOptions": { "strict": true, "noEmit": true },\n  "include": ["src"],\n  "exclude": ["src/legacy/**"]\n}\n',
        'src/cart.ts': 'export const total = (prices: number[]) => prices.reduce((a, b) => a + b, 0);\n',
        'src/legacy/discount.ts': 'export const discount = (price: number) => price * 0.9;\n',
      },
    },
    good: {
      base: {
        'package.json': '{\n  "name": "shop",\n  "private": true,\n  "scripts": { "typecheck": "tsc -p tsconfig.json" }\n}\n',
        'tsconfig.json': '{\n  "compilerOptions": { "strict": true, "noEmit": true },\n  "include": ["src"]\n}\n',
        'src/cart.ts': 'export const total = (prices: number[]) => prices.reduce((a, b) => a + b, 0);\n',
        'src/legacy/discount.ts': 'export const discount = (price: number) => price * 0.9;\n',
      },
      head: {
        'package.json': '{\n  "name": "shop",\n  "private": true,\n  "scripts": { "typecheck": "tsc -p tsconfig.json" }\n}\n',
        'tsconfig.json': '{\n  "compilerOptions": { "strict": true, "noEmit": true },\n  "include": ["src"]\n}\n',
        'src/cart.ts': 'export const total = (prices: number[]) => prices.reduce((a, b) => a + b, 0);\n',
        'src/pricing/discount.ts': 'export const discount = (price: number) => price * 0.9;\n',
      },
    },
  },
  inspectors: [],
  projectInspectors: [typeCheckInspector],
  check: ({ project, files, paths }) => {
    const facts = project(typeCheckInspector);
    if (!facts) return [];
    const renames = renamedPaths(files);
    const drops = [...tsDrops(facts, renames), ...mypyDrops(facts, renames), ...pyrightDrops(facts, renames)];
    return group(drops).map((drop) => toFinding(drop, paths));
  },
});
