import {
  AGENTS_MD,
  CLAUDE_MD,
  CODEOWNERS,
  ESLINT_CONFIG,
  LEGACY_ESLINTRC,
  PACKAGE_WORDS,
  ROOT_TSCONFIG,
  binaryFile,
  ciWorkflow,
  markdownDoc,
  packageJson,
  packageTsconfig,
  scriptFile,
  testFile,
  vitestConfig,
} from './content.js';
import {
  TEST_GAMING,
  applyGaming,
  bumpVersion,
  disableStrict,
  editDoc,
  editSource,
  editTest,
  loosenInstructions,
  lowerThresholds,
  type GamingKind,
} from './edits.js';
import type { CommitSpec } from './fast-import.js';
import type { Random } from './prng.js';
import {
  addModule,
  areasFor,
  moduleOf,
  newDraft,
  pickUntouched,
  remove,
  rename,
  testPathOf,
  textOf,
  write,
  type CommitDraft,
  type PackageState,
  type RepoState,
} from './repo-state.js';

/**
 * The synthetic history: one large initial commit, then a long run of small everyday commits with
 * the occasional gaming edit, then one 50-file change on branch `feature` for the audit to measure.
 */

export interface HistoryShape {
  /** Files in the initial commit (at least). */
  initialFiles: number;
  /** Commits on `main` after the initial one. */
  commits: number;
  /** Files the `feature` commit changes: exactly this many. */
  featureFiles: number;
}

const AUTHORS = [
  'Ada Lovelace <ada@example.com>',
  'Grace Hopper <grace@example.com>',
  'Claude <noreply@anthropic.com>',
  'dev-agent[bot] <dev-agent@users.noreply.example.com>',
  'Linus Benedict <linus@example.com>',
  'Margaret Hamilton <margaret@example.com>',
] as const;

/** 2023-01-01T00:00:00Z: commit times count up from here, so commit ids never depend on the clock. */
const EPOCH = 1672531200;
const AGENT_FILES = ['CLAUDE.md', 'AGENTS.md'] as const;

/** Every commit of the repository, in order, built lazily so the stream can flow into git as it is made. */
export function* history(random: Random, shape: HistoryShape): Generator<CommitSpec> {
  const state: RepoState = { files: new Map(), packages: [] };
  let time = EPOCH;
  let mark = 1;
  yield { ref: 'refs/heads/main', mark, author: AUTHORS[0], time, message: 'Initial import of the acme monorepo\n', changes: initialSnapshot(random, state, shape).changes };
  for (let i = 0; i < shape.commits; i++) {
    time += random.int(600, 14_400);
    mark += 1;
    const { draft, message } = everydayCommit(random, state);
    yield { ref: 'refs/heads/main', mark, author: random.pick(AUTHORS), time, message, changes: draft.changes };
  }
  const tip = mark;
  const draft = featureCommit(random, state, shape.featureFiles);
  yield {
    ref: 'refs/heads/feature',
    mark: tip + 1,
    from: tip,
    author: AUTHORS[2],
    time: time + 3600,
    message: 'feat: raise coverage across billing and checkout\n\nAll tests pass; coverage is now 100%.\n',
    changes: draft.changes,
  };
}

function initialSnapshot(random: Random, state: RepoState, shape: HistoryShape): CommitDraft {
  const draft = newDraft();
  rootFiles(random, state, draft);
  for (const name of PACKAGE_WORDS) state.packages.push(packageSkeleton(random, state, draft, name));
  const weights = state.packages.map((pkg) => [pkg, pkg.weight] as const);
  while (state.files.size < shape.initialFiles) addModule(random, state, draft, random.weighted(weights), 0.6);
  return draft;
}

function rootFiles(random: Random, state: RepoState, draft: CommitDraft): void {
  const workspace = { name: 'acme', private: true, workspaces: ['packages/*'], scripts: { test: 'vitest run', lint: 'eslint .' } };
  write(state, draft, 'package.json', `${JSON.stringify(workspace, null, 2)}\n`);
  write(state, draft, 'tsconfig.base.json', ROOT_TSCONFIG);
  write(state, draft, 'eslint.config.js', ESLINT_CONFIG);
  write(state, draft, 'vitest.workspace.ts', `export default ['packages/*/vitest.config.ts'];\n`);
  write(state, draft, '.github/workflows/ci.yml', ciWorkflow(20));
  write(state, draft, '.github/workflows/nightly.yml', ciWorkflow(22).replace('name: ci', 'name: nightly'));
  write(state, draft, '.github/CODEOWNERS', CODEOWNERS);
  write(state, draft, 'CLAUDE.md', CLAUDE_MD);
  write(state, draft, 'AGENTS.md', AGENTS_MD);
  write(state, draft, '.gitignore', 'node_modules/\ndist/\ncoverage/\n');
  write(state, draft, 'README.md', markdownDoc(random, 'acme monorepo'));
  for (let i = 0; i < 30; i++) write(state, draft, `docs/adr/${String(i + 1).padStart(4, '0')}-decision.md`, markdownDoc(random, `decision ${i + 1}`));
}

function packageSkeleton(random: Random, state: RepoState, draft: CommitDraft, name: string): PackageState {
  const dir = `packages/${name}`;
  const pkg: PackageState = { name, dir, areas: areasFor(random), weight: random.pick([1, 1, 1, 2, 2, 3, 5, 8]), sources: [], tests: [], docs: [] };
  const deps = [random.pick(PACKAGE_WORDS), random.pick(PACKAGE_WORDS)].filter((dep) => dep !== name);
  write(state, draft, `${dir}/package.json`, packageJson(name, `1.${random.int(0, 20)}.${random.int(0, 9)}`, [...new Set(deps)]));
  write(state, draft, `${dir}/tsconfig.json`, packageTsconfig(random.chance(0.95)));
  write(state, draft, `${dir}/vitest.config.ts`, vitestConfig(random.pick([80, 85, 90, 95]), random.chance(0.2) ? ['src/generated/**'] : []));
  write(state, draft, `${dir}/src/index.ts`, `export * from './${pkg.areas[0] ?? 'lib'}/index.js';\n`);
  write(state, draft, `${dir}/CHANGELOG.md`, markdownDoc(random, `${name} changelog`));
  if (random.chance(0.25)) write(state, draft, `${dir}/.eslintrc.json`, LEGACY_ESLINTRC);
  if (random.chance(0.1)) write(state, draft, `${dir}/CLAUDE.md`, CLAUDE_MD);
  for (let i = random.int(1, 3); i > 0; i--) write(state, draft, `${dir}/scripts/step-${i}.js`, scriptFile(random, `${name} step ${i}`));
  for (const doc of ['README.md', ...Array.from({ length: random.int(1, 5) }, (_, i) => `docs/guide-${i + 1}.md`)]) {
    write(state, draft, `${dir}/${doc}`, markdownDoc(random, `${name} ${doc}`));
    pkg.docs.push(`${dir}/${doc}`);
  }
  if (random.chance(0.15)) {
    for (let i = random.int(1, 3); i > 0; i--) write(state, draft, `${dir}/assets/icon-${i}.png`, binaryFile(random, random.int(2_000, 40_000)));
  }
  return pkg;
}

type Operation = 'edit-source' | 'edit-test' | 'add-module' | 'add-test' | 'rename' | 'delete' | 'doc' | 'version';

const OPERATIONS: readonly (readonly [Operation, number])[] = [
  ['edit-source', 45],
  ['edit-test', 18],
  ['add-module', 10],
  ['add-test', 5],
  ['rename', 3],
  ['delete', 2],
  ['doc', 7],
  ['version', 2],
];

/** A commit of 1–30 files, mostly in one package, small far more often than large. */
function everydayCommit(random: Random, state: RepoState): { draft: CommitDraft; message: string } {
  const draft = newDraft();
  const weights = state.packages.map((pkg) => [pkg, pkg.weight] as const);
  let pkg = random.weighted(weights);
  const home = pkg;
  const size = 1 + Math.floor(29 * random.next() ** 3);
  const operations: Operation[] = [];
  for (let attempt = 0; draft.touched.size < size && attempt < size * 4; attempt++) {
    if (random.chance(0.2)) pkg = random.weighted(weights);
    const operation = random.weighted(OPERATIONS);
    if (apply(random, state, draft, pkg, operation)) operations.push(operation);
  }
  if (random.chance(0.06)) gamingEdit(random, state, draft, home);
  return { draft, message: commitMessage(random, home, operations, draft) };
}

const SUBJECTS: Record<Operation, readonly string[]> = {
  'edit-source': ['fix(%p): handle an empty %m', 'fix(%p): correct the %m limit', 'perf(%p): avoid a copy in %m'],
  'edit-test': ['test(%p): cover more %m cases', 'test(%p): update %m expectations'],
  'add-module': ['feat(%p): add %m', 'feat(%p): introduce %m'],
  'add-test': ['test(%p): add tests for %m'],
  rename: ['refactor(%p): move %m'],
  delete: ['refactor(%p): remove unused %m'],
  doc: ['docs(%p): clarify the guide'],
  version: ['chore(%p): release'],
};

/** A conventional-commit subject naming the first module touched, and a body listing the rest. */
function commitMessage(random: Random, pkg: PackageState, operations: readonly Operation[], draft: CommitDraft): string {
  const first = draft.changes[0];
  const path = first === undefined ? pkg.name : first.kind === 'rename' ? first.from : first.path;
  const subject = random.pick(SUBJECTS[operations[0] ?? 'edit-source']).replace('%p', pkg.name).replace('%m', moduleOf(path));
  const body = draft.changes.length > 3 ? `\n\nTouches ${draft.changes.length} files.\n` : '\n';
  return `${subject}${body}`;
}

/** Apply one operation to the package; false when there was nothing suitable left to touch. */
function apply(random: Random, state: RepoState, draft: CommitDraft, pkg: PackageState, operation: Operation): boolean {
  switch (operation) {
    case 'edit-source':
      return rewrite(random, state, draft, pkg.sources, editSource);
    case 'edit-test':
      return rewrite(random, state, draft, pkg.tests, editTest);
    case 'add-module':
      addModule(random, state, draft, pkg, 0.7);
      return true;
    case 'add-test':
      return addMissingTest(random, state, draft, pkg);
    case 'rename':
      return moveModule(random, state, draft, pkg);
    case 'delete':
      return deleteModule(random, state, draft, pkg);
    case 'doc':
      return rewrite(random, state, draft, pkg.docs, (r, text) => editDoc(r, text, pkg.name));
    case 'version':
      return rewrite(random, state, draft, [`${pkg.dir}/package.json`], (_r, text) => bumpVersion(text));
  }
}

function rewrite(random: Random, state: RepoState, draft: CommitDraft, paths: readonly string[], edit: (random: Random, text: string) => string): boolean {
  const path = pickUntouched(random, paths, draft);
  if (path === null) return false;
  write(state, draft, path, edit(random, textOf(state, path)));
  return true;
}

/** A suite for a module that has none; when the few modules tried all have one, extend that suite instead. */
function addMissingTest(random: Random, state: RepoState, draft: CommitDraft, pkg: PackageState): boolean {
  let source: string | null = null;
  for (let attempt = 0; attempt < 8; attempt++) {
    source = pickUntouched(random, pkg.sources, draft);
    if (source === null || !state.files.has(testPathOf(source))) break;
  }
  if (source === null) return false;
  const test = testPathOf(source);
  if (state.files.has(test)) return draft.touched.has(test) ? false : rewrite(random, state, draft, [test], editTest);
  write(state, draft, test, testFile(random, moduleOf(source), textOf(state, source)));
  pkg.tests.push(test);
  return true;
}

/** Move a module (and its test) to another area, as a refactor would; the test's import follows. */
function moveModule(random: Random, state: RepoState, draft: CommitDraft, pkg: PackageState): boolean {
  const from = pickUntouched(random, pkg.sources, draft);
  if (from === null) return false;
  const to = `${pkg.dir}/src/${random.pick(pkg.areas)}/${moduleOf(from)}-${random.pick(['core', 'impl', 'v2', 'base'])}.ts`;
  const fromTest = testPathOf(from);
  const hasTest = state.files.has(fromTest);
  if (state.files.has(to) || draft.touched.has(fromTest)) return false;
  rename(state, draft, pkg, from, to);
  if (hasTest) {
    const toTest = testPathOf(to);
    rename(state, draft, pkg, fromTest, toTest);
    const text = textOf(state, toTest).replace(`'./${moduleOf(from)}.js'`, `'./${moduleOf(to)}.js'`);
    write(state, draft, toTest, text);
  }
  return true;
}

function deleteModule(random: Random, state: RepoState, draft: CommitDraft, pkg: PackageState): boolean {
  if (pkg.sources.length < 20) return false;
  const source = pickUntouched(random, pkg.sources, draft);
  const test = source === null ? null : testPathOf(source);
  if (source === null || test === null || draft.touched.has(test)) return false;
  remove(state, draft, pkg, source);
  if (state.files.has(test)) remove(state, draft, pkg, test);
  return true;
}

type Gaming = GamingKind | 'instructions' | 'thresholds' | 'strict-off';

const GAMING: readonly (readonly [Gaming, number])[] = [
  ['skip-test', 3],
  ['drop-assertion', 1],
  ['ts-ignore', 2],
  ['eslint-disable', 2],
  ['coverage-ignore', 2],
  ['instructions', 0.5],
  ['thresholds', 0.5],
  ['strict-off', 0.3],
];

/** One of the edits Gatehouse exists to catch, on a file this commit has not touched yet. */
function gamingEdit(random: Random, state: RepoState, draft: CommitDraft, pkg: PackageState, kind: Gaming = random.weighted(GAMING)): boolean {
  switch (kind) {
    case 'instructions':
      return rewrite(random, state, draft, AGENT_FILES.slice(0, 1), loosenInstructions);
    case 'thresholds':
      return rewrite(random, state, draft, [`${pkg.dir}/vitest.config.ts`], lowerThresholds);
    case 'strict-off':
      return rewrite(random, state, draft, [`${pkg.dir}/tsconfig.json`], (_r, text) => disableStrict(text));
    default: {
      const paths = TEST_GAMING.includes(kind) ? pkg.tests : pkg.sources;
      const fallback = TEST_GAMING.includes(kind) ? editTest : editSource;
      return rewrite(random, state, draft, paths, (r, text) => changed(text, applyGaming(r, kind, text), () => fallback(r, text)));
    }
  }
}

/** An edit that left the text as it was would drop the file from the diff; use the fallback edit instead. */
function changed(before: string, after: string, fallback: () => string): string {
  return after === before ? fallback() : after;
}

/**
 * The change measured by benchmark (a): exactly `size` files across three busy packages; mostly
 * ordinary edits and new tests, with a handful of gaming edits and an edit to CLAUDE.md.
 */
function featureCommit(random: Random, state: RepoState, size: number): CommitDraft {
  const draft = newDraft();
  const busiest = [...state.packages].sort((a, b) => b.sources.length - a.sources.length).slice(0, 3);
  const plan: (Gaming | 'edit-source' | 'edit-test' | 'add-test')[] = [
    'instructions',
    'skip-test', 'skip-test', 'skip-test',
    'drop-assertion',
    'ts-ignore', 'ts-ignore',
    'eslint-disable',
    'coverage-ignore',
    ...Array<'add-test'>(4).fill('add-test'),
    ...Array<'edit-test'>(12).fill('edit-test'),
  ];
  while (plan.length < size) plan.push('edit-source');
  for (let i = 0; draft.touched.size < size; i++) {
    const step = plan[i % plan.length]!;
    const pkg = busiest[i % busiest.length]!;
    if (step === 'add-test' || step === 'edit-test' || step === 'edit-source') apply(random, state, draft, pkg, step);
    else gamingEdit(random, state, draft, pkg, step);
    if (i > size * 20) throw new Error('generator bug: cannot fill the feature commit');
  }
  return draft;
}
