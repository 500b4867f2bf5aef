import { describe, expect, it } from 'vitest';
import { secretSamples } from '../../bench/secrets-corpus.js';
import { secretsAdded } from '../../src/rules/secrets/added.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const byName = (name: string): string => secretSamples(1, 61).find((s) => s.name === name)!.value;
const stripe = byName('Stripe live secret key');
const github = byName('GitHub classic PAT');
const anthropic = byName('Anthropic API key');
const dbPassword = byName('Postgres URL with password');

const pkg = `${JSON.stringify({ name: 'shop', private: true, type: 'module', scripts: { test: 'vitest run' } }, null, 2)}\n`;
const client = (key: string, comment = ''): string =>
  `import Stripe from 'stripe';\n\nexport const stripe = new Stripe('${key}');${comment}\n`;
const envTs = 'export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n';

ruleTester(secretsAdded, {
  valid: [
    { name: 'key read from the environment', base: { 'package.json': pkg }, head: { 'package.json': pkg, 'src/pay.ts': envTs } },
    { name: 'a file holding a secret at base is renamed', base: { 'src/pay.ts': client(stripe) }, head: { 'src/payments/stripe.ts': client(stripe) } },
    {
      name: 'a file holding a secret at base is reformatted and edited elsewhere',
      base: { 'src/pay.ts': client(stripe) },
      head: { 'src/pay.ts': `// Payments\nimport Stripe from "stripe";\n\nexport const stripe = new Stripe(\n  "${stripe}",\n);\nexport const currency = 'eur';\n` },
    },
    {
      name: 'a secret moved between files with the allow comment it had at base',
      base: { 'test/fixtures/keys.ts': client(stripe, ' // gatehouse-allow-secret') },
      head: { 'test/fixtures/stripe.ts': `// moved\n${client(stripe, ' // gatehouse-allow-secret')}` },
    },
    { name: 'placeholders in a .env.example', base: {}, head: { '.env.example': 'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\nJWT_SECRET=change-me\nDB_PASSWORD=<your-password>\n' } },
    { name: 'a .env whose values are all variables or settings', base: {}, head: { '.env': 'PORT=3000\nDATABASE_URL=postgres://shop:${DB_PASSWORD}@db/shop\nAPI_KEY=${API_KEY}\n' } },
    { name: 'a secret removed', base: { 'src/pay.ts': client(stripe) }, head: { 'src/pay.ts': envTs } },
    { name: 'binary file with a key inside is not read', base: {}, head: { 'assets/blob.bin': `\u0000\u0001${github}\u0000` } },
  ],
  invalid: [
    {
      name: 'a new file with a Stripe key',
      base: { 'package.json': pkg },
      head: { 'package.json': pkg, 'src/pay.ts': client(stripe) },
      findings: [{ file: 'src/pay.ts', line: 3, severity: 'block', message: `Stripe secret or restricted key \`${stripe.slice(0, 4)}…${stripe.slice(-2)} (${stripe.length} chars)\``, after: `new Stripe('${stripe.slice(0, 4)}…` }],
    },
    {
      name: 'an added line of a modified file',
      base: { 'src/llm.ts': "import Anthropic from '@anthropic-ai/sdk';\n\nexport const ai = new Anthropic();\n" },
      head: { 'src/llm.ts': `import Anthropic from '@anthropic-ai/sdk';\n\nexport const ai = new Anthropic({ apiKey: '${anthropic}' });\n` },
      findings: [{ file: 'src/llm.ts', line: 3, message: 'Anthropic API key' }],
    },
    {
      name: 'an allow comment added together with the secret does not count',
      base: {},
      head: { 'test/fixtures/gh.ts': `export const token = '${github}'; // gatehouse-allow-secret\n` },
      findings: [{ file: 'test/fixtures/gh.ts', line: 1, severity: 'block', message: 'a change cannot allow-list its own secret' }],
    },
    {
      name: 'a .env file with a signing secret and a database password',
      base: { '.gitignore': 'node_modules\n' },
      head: { '.gitignore': 'node_modules\n', '.env': `PORT=3000\nJWT_SECRET=kitten-parade-42\nDATABASE_URL=postgres://shop:${dbPassword}@db.internal:5432/shop\n` },
      findings: [
        { file: '.env', line: 2, message: 'credential in a tracked .env file', after: 'JWT_SECRET=… (16 chars)' },
        { file: '.env', line: 3, message: 'password in a database or broker URL' },
      ],
    },
    {
      name: 'a documented example key is info',
      base: {},
      head: { 'docs/aws.md': '```ini\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n```\n' },
      findings: [{ file: 'docs/aws.md', line: 2, severity: 'info', message: 'documented example key' }],
    },
    {
      name: 'a secret moved to another file without an allow comment at base is warn',
      base: { 'src/pay.ts': client(stripe) },
      head: { 'src/pay.ts': envTs, 'scripts/seed.ts': client(stripe) },
      findings: [{ file: 'scripts/seed.ts', line: 3, severity: 'warn', message: 'from src/pay.ts' }],
    },
    {
      name: 'a second secret added to a file that already held one',
      base: { 'src/pay.ts': client(stripe) },
      head: { 'src/pay.ts': `${client(stripe)}export const gh = '${github}';\n` },
      findings: [{ file: 'src/pay.ts', line: 4, message: 'GitHub token' }],
    },
  ],
});

describe('secrets/added findings never carry the value', () => {
  it('message, excerpt and key hold only the preview and a hash', async () => {
    const findings = await runRule(secretsAdded, { name: 'x', base: {}, head: { 'src/a.ts': `const a = '${stripe}';\nconst b = '${github}';\n` } });
    expect(findings).toHaveLength(2);
    const text = JSON.stringify(findings);
    expect(text).not.toContain(stripe);
    expect(text).not.toContain(github);
    expect(findings.map((f) => f.fingerprint)).toHaveLength(2);
  });

  it('the key does not depend on the line', async () => {
    const at = async (prefix: string) =>
      (await runRule(secretsAdded, { name: 'x', base: {}, head: { 'src/a.ts': `${prefix}const a = '${stripe}';\n` } }))[0]!.fingerprint;
    expect(await at('')).toBe(await at('// a comment\n\n'));
  });
});
