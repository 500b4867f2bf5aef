import type { Random } from './prng.js';

/**
 * Content of the synthetic repository's files. The audit reads, parses and compares these, so they
 * should look like the code of a real TypeScript monorepo: imports, functions of varied size,
 * vitest suites, configuration files, and the odd pre-existing suppression that a change did not add.
 */

const NOUNS = [
  'account', 'address', 'audit', 'balance', 'basket', 'batch', 'billing', 'booking', 'budget', 'cache',
  'cart', 'channel', 'charge', 'checkout', 'claim', 'client', 'comment', 'contract', 'coupon', 'credit',
  'customer', 'dashboard', 'delivery', 'device', 'discount', 'document', 'draft', 'event', 'export', 'feed',
  'filter', 'folder', 'invoice', 'item', 'job', 'ledger', 'license', 'listing', 'message', 'metric',
  'note', 'order', 'owner', 'page', 'payment', 'payout', 'plan', 'policy', 'price', 'profile',
  'quote', 'rate', 'receipt', 'refund', 'region', 'report', 'request', 'reservation', 'review', 'role',
  'route', 'schedule', 'session', 'setting', 'shipment', 'signal', 'snapshot', 'stock', 'subscription', 'supplier',
  'tag', 'task', 'tax', 'team', 'template', 'ticket', 'token', 'transfer', 'upload', 'user',
  'vendor', 'voucher', 'warehouse', 'webhook', 'widget', 'window', 'workflow', 'zone',
] as const;

const VERBS = [
  'apply', 'build', 'compute', 'convert', 'count', 'create', 'decode', 'encode', 'filter', 'find',
  'format', 'group', 'load', 'map', 'merge', 'normalize', 'parse', 'plan', 'rank', 'reduce',
  'render', 'resolve', 'round', 'score', 'sort', 'split', 'summarize', 'sync', 'validate', 'watch',
] as const;

const FIELDS = ['amount', 'count', 'weight', 'priority', 'size', 'total', 'score', 'quantity', 'retries', 'age'] as const;

export const AREAS = ['api', 'domain', 'util', 'store', 'ui', 'jobs', 'adapters', 'hooks', 'services', 'model', 'lib', 'internal'] as const;

export const PACKAGE_WORDS = [
  'core', 'billing', 'auth', 'search', 'notify', 'ledger', 'catalog', 'checkout', 'reports', 'admin',
  'shipping', 'pricing', 'inventory', 'messaging', 'analytics', 'scheduler', 'storage', 'gateway', 'identity', 'media',
  'workflow', 'payments', 'tax', 'support', 'feeds', 'exports', 'imports', 'webhooks', 'metrics', 'audit',
  'profiles', 'teams', 'tickets', 'reviews', 'coupons', 'vendors', 'warehouse', 'routing', 'sessions', 'settings',
  'templates', 'uploads', 'devices', 'maps', 'i18n', 'theme', 'forms', 'charts',
] as const;

export function pascal(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A kebab-case module name such as `invoice-total`. */
export function moduleName(random: Random): string {
  return `${random.pick(NOUNS)}-${random.pick([...NOUNS, ...VERBS])}`;
}

/** `invoice-total` → `InvoiceTotal`. */
function typeName(module: string): string {
  return module.split('-').map(pascal).join('');
}

function functionName(random: Random): string {
  return `${random.pick(VERBS)}${pascal(random.pick(NOUNS))}${random.chance(0.5) ? pascal(random.pick(FIELDS)) : ''}`;
}

interface SourceContext {
  module: string;
  /** Other modules of the same package, to import from. */
  siblings: readonly string[];
  packageName: string;
}

/** A TypeScript module of a few hundred bytes to a few KB. */
export function sourceModule(random: Random, context: SourceContext): string {
  const type = typeName(context.module);
  const parts = [imports(random, context), typeDeclaration(random, type)];
  const count = random.weighted([
    [1, 2],
    [2, 4],
    [4, 4],
    [7, 2],
    [12, 1],
  ] as const);
  for (let i = 0; i < count; i++) parts.push(functionBlock(random, type));
  return `${parts.join('\n\n')}\n`;
}

function imports(random: Random, context: SourceContext): string {
  const lines: string[] = [];
  const count = Math.min(context.siblings.length, random.int(0, 3));
  for (let i = 0; i < count; i++) {
    const sibling = random.pick(context.siblings);
    lines.push(`import { ${functionName(random)} } from '../${random.pick(AREAS)}/${sibling}.js';`);
  }
  if (random.chance(0.3)) lines.push(`import type { Logger } from '@acme/core';`);
  if (random.chance(0.15)) lines.push(`import { z } from 'zod';`);
  return lines.length > 0 ? [...new Set(lines)].join('\n') : `// ${context.packageName}: no imports`;
}

function typeDeclaration(random: Random, type: string): string {
  const fields = new Set<string>();
  const count = random.int(2, 6);
  for (let i = 0; i < count; i++) fields.add(random.pick(FIELDS));
  const body = [...fields].map((field) => `  ${field}: number;`).join('\n');
  return `export interface ${type} {\n  id: string;\n${body}\n  label?: string;\n}`;
}

/** One exported function, in one of a few shapes; rarely with a pre-existing suppression. */
export function functionBlock(random: Random, type: string): string {
  const name = functionName(random);
  const field = random.pick(FIELDS);
  const limit = random.int(1, 500);
  const shape = random.int(0, 4);
  const legacy = legacyLine(random);
  switch (shape) {
    case 0:
      return `/** Sums the ${field} of items at or under the limit. */\nexport function ${name}(items: readonly ${type}[], limit = ${limit}): number {\n  let total = 0;\n  for (const item of items) {\n    if (item.${field} > limit) continue;${legacy}\n    total += item.${field} * ${random.int(2, 9)};\n  }\n  return total;\n}`;
    case 1:
      return `export async function ${name}(client: { get(path: string): Promise<{ status: number; body: unknown }> }, id: string): Promise<${type} | undefined> {\n  const response = await client.get(\`/${random.pick(NOUNS)}s/\${id}\`);\n  if (response.status === 404) return undefined;${legacy}\n  return response.body as ${type};\n}`;
    case 2:
      return `export function ${name}(items: readonly ${type}[]): Map<string, ${type}[]> {\n  const groups = new Map<string, ${type}[]>();\n  for (const item of items) {\n    const key = item.label ?? String(item.${field} % ${random.int(2, 12)});\n    const group = groups.get(key) ?? [];\n    group.push(item);${legacy}\n    groups.set(key, group);\n  }\n  return groups;\n}`;
    case 3:
      return `export const ${name} = (value: ${type}): string =>\n  \`\${value.id}:\${value.${field}.toFixed(${random.int(0, 3)})}\`;`;
    default:
      return `export function ${name}(value: ${type}): ${type} {\n  if (value.${field} < 0) {\n    throw new RangeError('${field} must not be negative');\n  }${legacy}\n  return { ...value, ${field}: Math.min(value.${field}, ${limit}) };\n}`;
  }
}

/** The suppressions a healthy codebase already carries; the audit must not report them again. */
function legacyLine(random: Random): string {
  if (!random.chance(0.04)) return '';
  return random.pick([
    `\n    // @ts-expect-error legacy payload shape, see ADR-12\n    void (undefined as unknown as { legacy(): void }).legacy;`,
    `\n    // eslint-disable-next-line @typescript-eslint/no-explicit-any\n    const raw = undefined as any;\n    void raw;`,
    `\n    const loose = {} as any; // eslint-disable-line @typescript-eslint/no-explicit-any\n    void loose;`,
  ]);
}

/** The exported function names of a generated module, so its test can call them. */
export function exportedNames(source: string): string[] {
  return [...source.matchAll(/^export (?:async function|function|const) (\w+)/gm)].map((match) => match[1]!);
}

/** A vitest suite for a module; a few carry a pre-existing `it.skip` or `it.todo`. */
export function testFile(random: Random, module: string, source: string): string {
  const names = exportedNames(source).slice(0, 4);
  const cases = names.map((name) => testCase(random, name, random.chance(0.03) ? 'it.skip' : 'it'));
  if (random.chance(0.05)) cases.push(`  it.todo('handles ${random.pick(NOUNS)} limits');`);
  const head = `import { describe, expect, it } from 'vitest';\nimport { ${names.join(', ')} } from './${module}.js';`;
  return `${head}\n\ndescribe('${module}', () => {\n${cases.join('\n\n')}\n});\n`;
}

export function testCase(random: Random, name: string, call: 'it' | 'it.skip'): string {
  const value = random.int(0, 100);
  return random.pick([
    `  ${call}('${name} handles an empty input', () => {\n    expect(${name}([] as never)).toBeDefined();\n  });`,
    `  ${call}('${name} is stable for ${value}', () => {\n    const first = ${name}({ id: 'a', amount: ${value} } as never);\n    expect(${name}({ id: 'a', amount: ${value} } as never)).toEqual(first);\n  });`,
    `  ${call}('${name} rejects bad input', () => {\n    expect(() => ${name}(null as never)).not.toThrow(TypeError);\n    expect(${value}).toBeGreaterThanOrEqual(0);\n  });`,
  ]);
}

/** A plain JavaScript build script or legacy module. */
export function scriptFile(random: Random, name: string): string {
  const steps = random.int(2, 6);
  const lines = [`import { readFile, writeFile } from 'node:fs/promises';`, '', `/** ${name}: generated by the build. */`];
  for (let i = 0; i < steps; i++) {
    lines.push(`export async function step${i}(path) {\n  const text = await readFile(path, 'utf8');\n  await writeFile(path, text.replace(/${random.pick(NOUNS)}/g, '${random.pick(NOUNS)}'));\n}`);
  }
  return `${lines.join('\n')}\n`;
}

export function markdownDoc(random: Random, title: string): string {
  const sections = random.int(2, 6);
  const out = [`# ${pascal(title)}`, ''];
  for (let i = 0; i < sections; i++) {
    const noun = random.pick(NOUNS);
    out.push(`## ${pascal(noun)} ${random.pick(VERBS)}`, '', sentence(random), sentence(random), '');
    if (random.chance(0.4)) out.push('```ts', `const ${noun} = await ${functionName(random)}(client, 'id');`, '```', '');
  }
  return out.join('\n');
}

function sentence(random: Random): string {
  const words = Array.from({ length: random.int(8, 20) }, () => random.pick([...NOUNS, ...VERBS]));
  return `${pascal(words.join(' '))}.`;
}

/** Bytes that begin like a PNG and are not text, so the audit must skip them as binary. */
export function binaryFile(random: Random, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  for (let i = 8; i < size; i++) bytes[i] = Math.floor(random.next() * 256);
  bytes[9] = 0; // a NUL early on: git and Gatehouse both call that binary
  return bytes;
}

export function packageJson(name: string, version: string, dependencies: readonly string[]): string {
  const deps = Object.fromEntries(dependencies.map((dep) => [`@acme/${dep}`, 'workspace:*']));
  const manifest = {
    name: `@acme/${name}`,
    version,
    type: 'module',
    main: 'dist/index.js',
    scripts: { build: 'tsc -p tsconfig.json', test: 'vitest run', lint: 'eslint src' },
    dependencies: { ...deps, zod: '3.23.8' },
    devDependencies: { typescript: '5.6.3', vitest: '2.1.4' },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function packageTsconfig(strict: boolean): string {
  const config = {
    extends: '../../tsconfig.base.json',
    compilerOptions: { outDir: 'dist', rootDir: 'src', strict, noUncheckedIndexedAccess: true },
    include: ['src'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

export function vitestConfig(lines: number, exclude: readonly string[]): string {
  const excluded = ['src/**/*.test.ts', ...exclude].map((glob) => `'${glob}'`).join(', ');
  return `import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: [${excluded}],
      thresholds: { lines: ${lines}, branches: ${lines - 5}, functions: ${lines}, statements: ${lines} },
    },
  },
});
`;
}

export const ROOT_TSCONFIG = `{
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "noImplicitAny": true,
    "skipLibCheck": true,
    "declaration": true
  }
}
`;

export const ESLINT_CONFIG = `import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  { rules: { '@typescript-eslint/no-explicit-any': 'error', 'no-console': 'error' } },
);
`;

export const LEGACY_ESLINTRC = `{
  "root": false,
  "extends": ["eslint:recommended"],
  "rules": { "no-console": "warn", "eqeqeq": "error" }
}
`;

export function ciWorkflow(nodeVersion: number): string {
  return `name: ci
on:
  push:
    branches: [main]
  pull_request:

jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: ${nodeVersion}
      - run: npm ci
      - run: npm run lint
      - run: npm run typecheck
      - run: npm test -- --coverage
`;
}

export const CLAUDE_MD = `# Working in this repository

- Run \`npm test\` and \`npm run lint\` before you say a task is done.
- Never skip, delete or weaken a test to make it pass; fix the code or ask.
- Never add \`@ts-ignore\`, \`eslint-disable\` or coverage ignore comments.
- Do not edit CI workflows, coverage thresholds or this file.
`;

export const AGENTS_MD = `# Agents

Follow CLAUDE.md. Keep changes small and covered by tests.
`;

export const CODEOWNERS = `* @acme/platform
/packages/billing/ @acme/billing
/.github/ @acme/platform-leads
`;
