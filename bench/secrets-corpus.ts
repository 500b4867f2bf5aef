/**
 * Realistic fake credentials for every detector: the right prefix, length, alphabet and, where
 * the format has one, checksum (GitHub and npm tokens carry a CRC32 in base 62). Generated from a
 * seed at run time, so no credential-shaped literal is committed. Used by the detector tests and
 * by the secrets benchmark; each sample is a line of the kind of file it would be leaked in.
 */
import { crc32 } from 'node:zlib';
import { createRandom, type Random } from './prng.js';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const BASE62 = DIGITS + UPPER + LOWER;
const HEX = '0123456789abcdef';
const BASE64 = `${ALNUM}+/`;
const URLSAFE = `${ALNUM}_-`;

export interface SecretSample {
  /** The detector expected to report it (`kind` of SecretMatch). */
  kind: string;
  /** What it imitates, for test names. */
  name: string;
  /** A file path it is leaked in, and the file's text. */
  path: string;
  text: string;
  /** The secret value the detector must report (its span in `text`). */
  value: string;
}

function chars(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(random.int(0, alphabet.length - 1));
  return out;
}

/** Random alphanumerics that contain at least one upper, one lower and one digit, as real tokens do. */
function mixed(random: Random, alphabet: string, length: number): string {
  for (;;) {
    const value = chars(random, alphabet, length);
    const classes = [/[A-Z]/, /[a-z]/, /[0-9]/].filter((pattern) => pattern.test(value) || !pattern.test(alphabet)).length;
    if (classes === 3) return value;
  }
}

function base62(value: number, width: number): string {
  let out = '';
  let rest = value >>> 0;
  while (rest > 0) {
    out = BASE62[rest % 62]! + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/** `prefix` + 30 random base62 + the 6-character CRC32 of the random part (GitHub, npm). */
function crcToken(random: Random, prefix: string): string {
  const body = mixed(random, ALNUM, 30);
  return `${prefix}${body}${base62(crc32(body), 6)}`;
}

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

function pemBody(random: Random, lines: number): string {
  return Array.from({ length: lines }, () => chars(random, BASE64, 64)).join('\n');
}

type Maker = (random: Random) => Omit<SecretSample, 'kind' | 'name'>;

const ts = (name: string, value: string, quote = "'"): Omit<SecretSample, 'kind' | 'name'> => ({
  path: 'src/config.ts',
  text: `import { client } from './client.js';\n\nexport const ${name} = ${quote}${value}${quote};\nclient.configure({ ${name} });\n`,
  value,
});

/** One maker per format; several per detector where the format has variants. */
const MAKERS: readonly (readonly [kind: string, name: string, Maker])[] = [
  ['aws-access-key-id', 'AWS access key id', (r) => ts('awsAccessKeyId', `AKIA${chars(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`)],
  ['aws-access-key-id', 'AWS temporary access key id', (r) => ts('accessKeyId', `ASIA${chars(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`)],
  [
    'aws-secret-access-key',
    'AWS secret access key in credentials file',
    (r) => {
      const value = mixed(r, `${ALNUM}/+`, 40);
      return { path: 'deploy/credentials', text: `[default]\naws_access_key_id = AKIA${chars(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}\naws_secret_access_key = ${value}\n`, value };
    },
  ],
  [
    'gcp-service-account',
    'GCP service-account JSON',
    (r) => {
      const value = chars(r, HEX, 40);
      const text = `{\n  "type": "service_account",\n  "project_id": "shop-prod-4821",\n  "private_key_id": "${value}",\n  "client_email": "deploy@shop-prod-4821.iam.gserviceaccount.com"\n}\n`;
      return { path: 'deploy/service-account.json', text, value };
    },
  ],
  ['google-api-key', 'GCP API key', (r) => ts('mapsApiKey', `AIza${mixed(r, URLSAFE, 35)}`)],
  ['google-api-key', 'Google AI (Gemini) API key', (r) => ({ ...ts('geminiKey', `AIza${mixed(r, URLSAFE, 35)}`), path: 'src/ai/gemini.ts' })],
  [
    'azure-storage-key',
    'Azure storage connection string',
    (r) => {
      const value = `${mixed(r, BASE64, 86)}==`;
      return { ...ts('storage', `DefaultEndpointsProtocol=https;AccountName=shopassets;AccountKey=${value};EndpointSuffix=core.windows.net`), value };
    },
  ],
  [
    'azure-storage-key',
    'Azure Service Bus connection string',
    (r) => {
      const value = `${mixed(r, BASE64, 43)}=`;
      return { ...ts('bus', `Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${value}`), value };
    },
  ],
  ['github-token', 'GitHub classic PAT', (r) => ts('githubToken', crcToken(r, 'ghp_'))],
  ['github-token', 'GitHub OAuth token', (r) => ts('oauthToken', crcToken(r, 'gho_'))],
  ['github-token', 'GitHub app installation token', (r) => ts('installationToken', crcToken(r, 'ghs_'))],
  ['github-token', 'GitHub user-to-server token', (r) => ts('userToken', crcToken(r, 'ghu_'))],
  ['github-fine-grained-pat', 'GitHub fine-grained PAT', (r) => ts('githubPat', `github_pat_11${mixed(r, ALNUM, 20)}_${mixed(r, ALNUM, 59)}`)],
  ['gitlab-token', 'GitLab PAT', (r) => ts('gitlabToken', `glpat-${mixed(r, URLSAFE, 20)}`)],
  ['gitlab-token', 'GitLab runner token', (r) => { const value = `glrt-${mixed(r, URLSAFE, 20)}`; return { path: '.gitlab/runner.toml', text: `[[runners]]\n  token = "${value}"\n`, value }; }],
  ['slack-token', 'Slack bot token', (r) => ts('slackToken', `xoxb-${chars(r, DIGITS, 12)}-${chars(r, DIGITS, 13)}-${mixed(r, ALNUM, 24)}`)],
  ['slack-token', 'Slack user token', (r) => ts('slackUser', `xoxp-${chars(r, DIGITS, 12)}-${chars(r, DIGITS, 12)}-${chars(r, DIGITS, 13)}-${chars(r, HEX, 32)}`)],
  ['slack-webhook', 'Slack webhook', (r) => {
    const value = `T${chars(r, UPPER + DIGITS, 8)}/B${chars(r, UPPER + DIGITS, 10)}/${mixed(r, ALNUM, 24)}`;
    return { ...ts('webhook', `https://hooks.slack.com/services/${value}`), value };
  }],
  ['stripe-secret-key', 'Stripe live secret key', (r) => ts('stripeKey', `sk_live_51${mixed(r, ALNUM, 97)}`)],
  ['stripe-secret-key', 'Stripe restricted key', (r) => ts('stripeRestricted', `rk_live_${mixed(r, ALNUM, 24)}`)],
  ['twilio-api-key', 'Twilio API key', (r) => ts('twilioKeySid', `SK${chars(r, HEX, 32)}`)],
  ['twilio-auth-token', 'Twilio auth token', (r) => {
    const value = chars(r, HEX, 32);
    return { path: 'config/settings.py', text: `TWILIO_ACCOUNT_SID = "AC${chars(r, HEX, 32)}"\nTWILIO_AUTH_TOKEN = "${value}"\n`, value };
  }],
  ['sendgrid-api-key', 'SendGrid API key', (r) => ts('sendgridKey', `SG.${mixed(r, URLSAFE, 22)}.${mixed(r, URLSAFE, 43)}`)],
  ['npm-token', 'npm access token', (r) => ts('npmToken', crcToken(r, 'npm_'))],
  ['npmrc-auth-token', 'legacy npm token in .npmrc', (r) => {
    const value = `${chars(r, HEX, 8)}-${chars(r, HEX, 4)}-${chars(r, HEX, 4)}-${chars(r, HEX, 4)}-${chars(r, HEX, 12)}`;
    return { path: '.npmrc', text: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${value}\n`, value };
  }],
  ['pypi-token', 'PyPI API token', (r) => {
    const value = `pypi-AgEIcHlwaS5vcmc${mixed(r, URLSAFE, 70)}`;
    return { path: '.pypirc', text: `[pypi]\n  username = __token__\n  password = ${value}\n`, value };
  }],
  ['docker-hub-token', 'Docker Hub PAT', (r) => ts('dockerToken', `dckr_pat_${mixed(r, URLSAFE, 27)}`)],
  ['openai-api-key', 'OpenAI project key', (r) => ts('openaiKey', `sk-proj-${mixed(r, URLSAFE, 74)}T3BlbkFJ${mixed(r, URLSAFE, 74)}`)],
  ['openai-api-key', 'OpenAI legacy key', (r) => ts('openaiLegacy', `sk-${mixed(r, ALNUM, 20)}T3BlbkFJ${mixed(r, ALNUM, 20)}`)],
  ['anthropic-api-key', 'Anthropic API key', (r) => ts('anthropicKey', `sk-ant-api03-${mixed(r, URLSAFE, 93)}AA`)],
  ['huggingface-token', 'Hugging Face token', (r) => ts('hfToken', `hf_${mixed(r, UPPER + LOWER, 34)}`)],
  ['groq-api-key', 'Groq API key', (r) => ts('groqKey', `gsk_${mixed(r, ALNUM, 52)}`)],
  ['mistral-api-key', 'Mistral API key', (r) => {
    const value = mixed(r, ALNUM, 32);
    return { path: 'app/llm.py', text: `import os\n\nMISTRAL_API_KEY = "${value}"\n`, value };
  }],
  ['cohere-api-key', 'Cohere API key', (r) => {
    const value = mixed(r, ALNUM, 40);
    return { path: 'app/rerank.py', text: `COHERE_API_KEY = "${value}"\n`, value };
  }],
  ['linear-api-key', 'Linear API key', (r) => ts('linearKey', `lin_api_${mixed(r, ALNUM, 40)}`)],
  ['notion-token', 'Notion integration token', (r) => ts('notionToken', `ntn_${chars(r, DIGITS, 11)}${mixed(r, ALNUM, 35)}`)],
  ['notion-token', 'Notion legacy integration secret', (r) => ts('notionSecret', `secret_${mixed(r, ALNUM, 43)}`)],
  ['vercel-token', 'Vercel token', (r) => {
    const value = mixed(r, ALNUM, 24);
    return { path: '.github/workflows/deploy.yml', text: `jobs:\n  deploy:\n    env:\n      VERCEL_TOKEN: ${value}\n`, value };
  }],
  ['databricks-token', 'Databricks PAT', (r) => ts('databricksToken', `dapi${chars(r, HEX, 32)}`)],
  ['shopify-token', 'Shopify admin token', (r) => ts('shopifyToken', `shpat_${chars(r, HEX, 32)}`)],
  ['onepassword-token', '1Password service-account token', (r) => ts('opToken', `ops_${b64url(JSON.stringify({ signInAddress: 'my.1password.com', userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: mixed(r, URLSAFE, 22) }, email: `${chars(r, LOWER, 12)}@1passwordserviceaccounts.com`, srpX: chars(r, HEX, 64), muk: { alg: 'A256GCM', ext: true, k: mixed(r, URLSAFE, 43), key_ops: ['encrypt', 'decrypt'], kty: 'oct', kid: 'mp' }, secretKey: `A3-${chars(r, UPPER + DIGITS, 6)}`, deviceUuid: chars(r, LOWER + DIGITS, 26) }))}`)],
  ['onepassword-token', '1Password secret key', (r) => ts('opSecretKey', `A3-${chars(r, UPPER + DIGITS, 6)}-${chars(r, UPPER + DIGITS, 6)}-${chars(r, UPPER + DIGITS, 5)}-${chars(r, UPPER + DIGITS, 5)}-${chars(r, UPPER + DIGITS, 5)}-${chars(r, UPPER + DIGITS, 5)}`)],
  ['vault-token', 'HashiCorp Vault service token', (r) => ts('vaultToken', `hvs.${mixed(r, URLSAFE, 91)}`)],
  // The detector reports the secret after the 14-character token id, which stays readable.
  ['vault-token', 'Terraform Cloud token', (r) => {
    const value = `atlasv1.${mixed(r, URLSAFE, 67)}`;
    return { ...ts('tfToken', `${mixed(r, ALNUM, 14)}.${value}`), value };
  }],
  [
    'private-key',
    'RSA private key (PEM)',
    (r) => {
      const value = `MIIEow${pemBody(r, 24).slice(6)}`;
      return { path: 'certs/server.key', text: `-----BEGIN RSA PRIVATE KEY-----\n${value}\n-----END RSA PRIVATE KEY-----\n`, value };
    },
  ],
  [
    'private-key',
    'OpenSSH private key',
    (r) => {
      const value = `b3BlbnNzaC1rZXktdjEAAAAA${pemBody(r, 6).slice(24)}`;
      return { path: 'deploy/id_ed25519', text: `-----BEGIN OPENSSH PRIVATE KEY-----\n${value}\n-----END OPENSSH PRIVATE KEY-----\n`, value };
    },
  ],
  [
    'private-key',
    'PGP private key block',
    (r) => {
      const value = `lQOYBG${pemBody(r, 12).slice(6)}`;
      return { path: 'keys/release.asc', text: `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${value}\n-----END PGP PRIVATE KEY BLOCK-----\n`, value };
    },
  ],
  [
    'private-key',
    'private key inside service-account JSON',
    (r) => {
      const value = `MIIEvQ${chars(r, BASE64, 58)}\\n${chars(r, BASE64, 64)}\\n${chars(r, BASE64, 40)}`;
      return { path: 'deploy/sa.json', text: `{\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${value}\\n-----END PRIVATE KEY-----\\n"\n}\n`, value };
    },
  ],
  [
    'jwt',
    'signed JWT',
    (r) => ts('sessionToken', `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify({ sub: chars(r, DIGITS, 8), role: 'admin', iat: 1_718_000_000 + r.int(0, 9_999_999) }))}.${mixed(r, URLSAFE, 43)}`),
  ],
  [
    'connection-string-password',
    'Postgres URL with password',
    (r) => {
      const value = mixed(r, ALNUM, 20);
      return { ...ts('databaseUrl', `postgres://shop:${value}@db.internal:5432/shop`), value };
    },
  ],
  [
    'connection-string-password',
    'AMQP URL with password',
    (r) => {
      const value = mixed(r, ALNUM, 18);
      return { path: 'docker-compose.yml', text: `services:\n  worker:\n    environment:\n      BROKER_URL: amqp://worker:${value}@rabbitmq:5672/\n`, value };
    },
  ],
  ['generic-assignment', 'client secret assignment', (r) => ts('clientSecret', mixed(r, `${ALNUM}-_`, 32))],
  ['generic-assignment', 'password in YAML', (r) => {
    const value = mixed(r, ALNUM, 24);
    return { path: 'config/app.yml', text: `database:\n  user: shop\n  password: "${value}"\n`, value };
  }],
  ['env-credential', 'captcha secret in .env', (r) => {
    const value = mixed(r, ALNUM, 40);
    return { path: '.env', text: `PORT=3000\nRECAPTCHA_SECRET_KEY=${value}\n`, value };
  }],
  ['env-credential', 'JWT signing secret in .env.production', (r) => {
    const value = `${chars(r, LOWER, 6)}-${chars(r, LOWER, 5)}-${chars(r, DIGITS, 3)}`;
    return { path: '.env.production', text: `NODE_ENV=production\nJWT_SECRET="${value}"\n`, value };
  }],
];

/** `count` samples of every format, deterministic for a seed. */
export function secretSamples(count = 1, seed = 6): SecretSample[] {
  const random = createRandom(seed);
  const samples: SecretSample[] = [];
  for (let i = 0; i < count; i++) for (const [kind, name, make] of MAKERS) samples.push({ kind, name, ...make(random) });
  return samples;
}

/** Every detector kind the corpus covers. */
export function sampleKinds(): string[] {
  return [...new Set(MAKERS.map(([kind]) => kind))];
}
