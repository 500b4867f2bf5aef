import { describe, expect, it } from 'vitest';
import { secretSamples } from '../../../bench/secrets-corpus.js';
import { detectSecrets } from '../../../src/inspect/secrets/engine.js';
import { envFileKind } from '../../../src/inspect/secrets/dotenv.js';
import { base62, entropy, hasBase62Crc, isPlaceholder } from '../../../src/inspect/secrets/values.js';

const kinds = (text: string, path = 'src/a.ts'): string[] => detectSecrets(text, path).map((m) => m.kind);

/** Near misses per detector: the right shape broken in one way, or the right name with no secret. */
const HARD_NEGATIVES: readonly (readonly [string, string, string?])[] = [
  ['AWS id with lowercase', "const id = 'AKIAabcdefghijklmnop';"],
  ['AWS id too short', "const id = 'AKIAIOSFODNN7EX';"],
  ['AWS id inside a longer word', "const id = 'XAKIAIOSFODNN7EXAMPLEQ';"],
  ['AWS secret name with a variable', 'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}'],
  ['private_key_id that is not hex', '"private_key_id": "{{ key_id }}"'],
  ['Google key one character short', "const key = 'AIzaSyA1234567890abcdefghijklmnopqr';"],
  ['Azure AccountKey placeholder', 'DefaultEndpointsProtocol=https;AccountName=dev;AccountKey=<your-account-key>;'],
  ['GitHub prefix in prose', 'Classic tokens start with ghp_ and fine-grained ones with github_pat_.'],
  ['GitHub token of the wrong length', "const t = 'ghp_abc123';"],
  ['GitLab prefix alone', 'GitLab tokens look like glpat-<20 characters>.'],
  ['Slack token placeholder', "SLACK_BOT_TOKEN='xoxb-your-token-here'"],
  ['Slack webhook placeholder', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'],
  ['Stripe publishable key', "const pk = 'pk_live_51HqLyjWDarjtT1zdp7dcabcdefGHIJKLMN';"],
  ['Stripe key placeholder', "stripe('sk_live_xxxxxxxxxxxxxxxxxxxxxxxx')"],
  ['Twilio account SID (not secret)', "const sid = 'AC0123456789abcdef0123456789abcdef';"],
  ['Twilio-like SK without hex digits', "const x = 'SKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';"],
  ['SendGrid with a short part', "const k = 'SG.abc.def';"],
  ['npm token in a variable', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}', '.npmrc'],
  ['PyPI prefix without macaroon', "password = 'pypi-token'"],
  ['Docker Hub prefix alone', 'Docker Hub tokens start with dckr_pat_.'],
  ['OpenAI key without its marker', "const k = 'sk-1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJ';"],
  ['Anthropic placeholder', "ANTHROPIC_API_KEY='sk-ant-api03-...'"],
  ['Hugging Face all lowercase', "const name = 'hf_transfer_enabled_for_this_download';"],
  ['Groq prefix alone', 'export GROQ_API_KEY=gsk_...'],
  ['Mistral key from the environment', 'MISTRAL_API_KEY = os.environ["MISTRAL_API_KEY"]'],
  ['Cohere client from env', 'co = cohere.Client(os.getenv("COHERE_API_KEY"))'],
  ['Linear prefix in docs', 'Create a key at Settings → API; it starts with lin_api_.'],
  ['Notion secret word', "const secret_name = 'secret_manager_enabled';"],
  ['Vercel token from secrets', 'VERCEL_TOKEN: ${{ secrets.VERCEL_TOKEN }}'],
  ['Databricks prefix with too few hex', "const host = 'dapi1234';"],
  ['Shopify non-hex', "const t = 'shpat_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz';"],
  ['1Password reference (not a secret)', 'OP_TOKEN=op://vault/item/field'],
  ['Vault token too short', "const t = 'hvs.CAESIJ';"],
  ['PEM header alone (a parser)', "if (pem.startsWith('-----BEGIN RSA PRIVATE KEY-----')) return parse(pem);"],
  ['public key block', `-----BEGIN PUBLIC KEY-----\n${'A'.repeat(64)}\n-----END PUBLIC KEY-----`],
  ['certificate', `-----BEGIN CERTIFICATE-----\n${'MIIB'.repeat(16)}\n-----END CERTIFICATE-----`],
  ['unsigned JWT (alg none)', "const t = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0In0.';"],
  ['database URL without password', "const url = 'postgres://shop@localhost:5432/shop';"],
  ['database URL with a variable password', 'DATABASE_URL=postgres://shop:${DB_PASSWORD}@db:5432/shop'],
  ['database URL with a default password', 'DATABASE_URL=postgres://postgres:postgres@localhost:5432/test'],
  ['password from the environment', 'const password = process.env.DB_PASSWORD;'],
  ['token type is not a token', "const tokenType = 'Bearer1234567890abc';"],
  ['low-entropy password', "const password = 'aaaaaaaaaaaaaaaa';"],
  ['password that is a sentence', "const password = 'correct horse battery staple';"],
  ['secret that is an identifier', "secret: 'APP_SIGNING_SECRET_NAME'"],
  ['api key placeholder', "apiKey: '<YOUR_API_KEY>'"],
  ['changeme', "password: 'changeme-please-123'"],
  ['integrity hash (not a credential name)', '"integrity": "sha512-Q7vN2xLp9sKd4TfR8wYb3HmZ6cJe1Ua5Q7vN2xLp9sKd4TfR8wYb3HmZ6cJe1Ua5=="'],
];

describe('detectSecrets: hard negatives', () => {
  for (const [name, text, path] of HARD_NEGATIVES) {
    it(name, () => {
      expect(kinds(text, path)).toEqual([]);
    });
  }

  it('documented example keys are found and marked as examples', () => {
    const found = detectSecrets('aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n', 'credentials');
    expect(found.map((m) => [m.kind, m.example])).toEqual([
      ['aws-access-key-id', true],
      ['aws-secret-access-key', true],
    ]);
  });

  it('a provider token assigned to a credential name is reported once, by its provider', () => {
    const token = secretSamples(1).find((s) => s.name === 'GitHub classic PAT')!.value;
    expect(kinds(`const GITHUB_TOKEN = "${token}";`)).toEqual(['github-token']);
  });

  it('a GitHub token whose checksum fails is kept with medium confidence', () => {
    const token = secretSamples(1).find((s) => s.name === 'GitHub classic PAT')!.value;
    expect(hasBase62Crc(token)).toBe(true);
    const broken = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(hasBase62Crc(broken)).toBe(false);
    expect(detectSecrets(`t = "${broken}"`).map((m) => m.confidence)).toEqual(['medium']);
    expect(detectSecrets(`t = "${token}"`).map((m) => m.confidence)).toEqual(['high']);
  });
});

describe('.env files', () => {
  it('names which files hold values and which are templates', () => {
    expect(['.env', 'app/.env.local', '.env.production', 'prod.env'].map(envFileKind)).toEqual(['env', 'env', 'env', 'env']);
    expect(['.env.example', '.env.sample', '.env.template', 'app/.env.dist'].map(envFileKind)).toEqual(['template', 'template', 'template', 'template']);
    expect(['src/env.ts', '.envrc', 'environment.yml'].map(envFileKind)).toEqual([null, null, null]);
  });

  it('reports any non-placeholder credential value in .env, but only provider formats in templates', () => {
    const text = 'JWT_SECRET=kitten-parade-42\nSESSION_TOKEN_TTL=3600\nDEBUG=true\nNEXT_PUBLIC_API_KEY=pk_abc\nexport DB_PASSWORD="hunter2hunter2"  # local\nSMTP_PASSWORD=\nAPI_KEY=${API_KEY}\n';
    expect(detectSecrets(text, '.env').map((m) => m.value)).toEqual(['kitten-parade-42', 'hunter2hunter2']);
    expect(detectSecrets(text, '.env.example')).toEqual([]);
    const token = secretSamples(1).find((s) => s.kind === 'stripe-secret-key')!.value;
    expect(detectSecrets(`STRIPE_SECRET_KEY=${token}\n`, '.env.example').map((m) => m.kind)).toEqual(['stripe-secret-key']);
  });
});

describe('value helpers', () => {
  it('placeholders', () => {
    for (const value of ['xxxx-xxxx', '<your-key>', 'changeme', '${VAR}', 'process.env.X', '{{ token }}', 'your_api_key_here', '***', 'sk-...']) expect(isPlaceholder(value), value).toBe(true);
    for (const value of ['Q7vN2xLp9sKd4TfR8wYb', 'hunter2hunter2']) expect(isPlaceholder(value), value).toBe(false);
  });
  it('entropy and base 62', () => {
    expect(entropy('aaaa')).toBe(0);
    expect(entropy('abcd')).toBe(2);
    expect(base62(61, 6)).toBe('00000z');
    expect(base62(62, 2)).toBe('10');
  });
});

describe('placeholder words only count at a word boundary', () => {
  it('a random AWS key id that happens to contain FAKE is still reported', () => {
    // Assembled here so the repository holds no credential-shaped literal (Gatehouse audits itself).
    const id = ['AKIA', 'LL2IJMOFAKEEILB6'].join('');
    expect(kinds(`const id = '${id}';`)).toEqual(['aws-access-key-id']);
    expect(isPlaceholder('sk_live_fake_0123456789abcdefGHIJ')).toBe(true);
  });
});
