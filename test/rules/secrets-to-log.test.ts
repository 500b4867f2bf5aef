import { secretsToLog } from '../../src/rules/secrets/to-log.js';
import { ruleTester } from '../helpers/rule-tester.js';

const server = (body: string): string => `import express from 'express';
import pino from 'pino';

const app = express();
const logger = pino({ level: 'info' });
const { STRIPE_SECRET_KEY: stripeKey, PORT = '3000' } = process.env;

app.post('/checkout', async (req, res) => {
${body}
  res.json({ ok: true });
});

app.listen(Number(PORT), () => logger.info(\`listening on \${PORT}\`));
`;

ruleTester(secretsToLog, {
  valid: [
    { name: 'only non-secret values logged', base: {}, head: { 'src/server.ts': server("  logger.info({ cart: req.body.cartId }, 'checkout');") } },
    { name: 'whether the key is set is logged, not the key', base: {}, head: { 'src/server.ts': server("  logger.info({ configured: stripeKey !== undefined }, 'checkout');") } },
    {
      name: 'a pre-existing log of the key, in a renamed and reformatted file',
      base: { 'src/server.ts': server("  console.log('stripe key', stripeKey);") },
      head: { 'src/http/server.ts': server("  // debugging checkout\n  console.log(\n    'stripe key',\n    stripeKey,\n  );") },
    },
    {
      name: 'the key passed to its client is not a log',
      base: {},
      head: { 'src/pay.ts': "import Stripe from 'stripe';\n\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');\n" },
    },
    { name: 'python: the length of a key logged, and the key given to its client', base: {}, head: { 'app/pay.py': 'import logging\nimport os\n\nimport stripe\n\nstripe.api_key = os.environ["STRIPE_SECRET_KEY"]\nlogging.info("stripe configured: %s", bool(os.environ.get("PORT")))\n' } },
    { name: 'an unrelated environment variable logged', base: {}, head: { 'src/boot.ts': 'console.info(`port ${process.env.PORT} in ${process.env.NODE_ENV}`);\n' } },
  ],
  invalid: [
    {
      name: 'python: print and logging of an env secret, and a raised error',
      base: {},
      head: {
        'app/settings.py': `import logging
import os

logger = logging.getLogger(__name__)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")

print("secret:", SECRET_KEY)
logger.info("loaded key %s", SECRET_KEY)
if len(SECRET_KEY) < 32:
    raise ValueError(f"secret key too short: {SECRET_KEY}")
`,
      },
      findings: [
        { file: 'app/settings.py', line: 7, message: '`os.environ["DJANGO_SECRET_KEY"]` flows into a log line through `print`' },
        { file: 'app/settings.py', line: 8, message: 'through `logger.info`' },
        { file: 'app/settings.py', line: 10, message: 'flows into an error message through `raise`' },
      ],
    },
    {
      name: 'a destructured env secret logged by a pino logger',
      base: { 'src/server.ts': server("  logger.info({ cart: req.body.cartId }, 'checkout');") },
      head: { 'src/server.ts': server("  logger.info({ cart: req.body.cartId, stripeKey }, 'checkout');") },
      findings: [{ file: 'src/server.ts', line: 9, severity: 'warn', message: '`process.env.STRIPE_SECRET_KEY` flows into a log line through `logger.info`', after: 'logger.info(' }],
    },
    {
      name: 'console.error of a secret-manager value',
      base: {},
      head: {
        'src/secrets.ts': `import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});

export async function databaseUrl() {
  const secret = await client.send(new GetSecretValueCommand({ SecretId: 'prod/db' }));
  const parsed = JSON.parse(secret.SecretString ?? '{}');
  console.error('loaded', parsed);
  return parsed.url;
}
`,
      },
      findings: [{ file: 'src/secrets.ts', line: 8, message: '`GetSecretValueCommand` flows into a log line through `console.error`' }],
    },
    {
      name: 'a secret in a thrown error message and in a winston log',
      base: {},
      head: {
        'src/db.ts': `import winston from 'winston';

const log = winston.createLogger({ transports: [new winston.transports.Console()] });
const password = process.env.DB_PASSWORD;

export function connect(host: string) {
  if (!host) throw new Error(\`cannot connect with password \${password}\`);
  log.warn('connecting', { host, password });
}
`,
      },
      findings: [
        { file: 'src/db.ts', line: 7, message: '`process.env.DB_PASSWORD` flows into an error message through `new Error`' },
        { file: 'src/db.ts', line: 8, message: 'flows into a log line through `log.warn`' },
      ],
    },
    {
      name: 'a local helper that logs its argument, called with a token',
      base: {},
      head: {
        'src/deploy.ts': `import createDebug from 'debug';

const debug = createDebug('deploy');

function trace(label: string, value: unknown) {
  debug('%s: %o', label, value);
}

export function deploy() {
  trace('token', process.env.VERCEL_TOKEN);
}
`,
      },
      findings: [{ file: 'src/deploy.ts', line: 10, message: '`process.env.VERCEL_TOKEN` flows into a log line through `trace() → debug`' }],
    },
  ],
});
