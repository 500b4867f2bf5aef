/**
 * Secret sources: which environment variable names are credentials, and which calls read from
 * a secret manager. Pure name tables, kept apart from the data-flow walk.
 */

// Names that are identifiers, locations or public values, not credentials.
const NOT_CREDENTIAL = /(?:PUBLIC|_ID|_URL|_URI|_PATH|_FILE|_NAME|_REGION|_HOST|_PORT|_MODEL|_VERSION|_TYPE|_ENDPOINT)$|^(?:NEXT_PUBLIC_|VITE_PUBLIC_|PUBLIC_)/;
const CREDENTIAL_WORD = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIAL/;
const CREDENTIAL_END = /(?:^|_)(?:KEY|PWD|PASS|AUTH|DSN|SALT)$/;

/** `OPENAI_API_KEY`, `GITHUB_TOKEN`, `DB_PASSWORD`, `JWT_SECRET` yes; `PORT`, `OPENAI_MODEL`, `AWS_ACCESS_KEY_ID` no. */
export function isCredentialName(name: string): boolean {
  // camelCase keys of a config object read the same way as SCREAMING_CASE ones.
  const upper = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  if (NOT_CREDENTIAL.test(upper)) return false;
  return CREDENTIAL_WORD.test(upper) || CREDENTIAL_END.test(upper);
}

/**
 * Methods of secret-manager clients whose result is a secret: AWS Secrets Manager and SSM
 * (v2 methods), GCP Secret Manager, Azure Key Vault, Doppler/Infisical-style `getSecret`.
 */
export const SECRET_MANAGER_METHODS: ReadonlySet<string> = new Set([
  'getSecretValue',
  'accessSecretVersion',
  'getSecret',
  'getSecrets',
  'getParameter',
  'getParameters',
  'getParametersByPath',
]);

/** AWS SDK v3 commands sent with `client.send(new X(...))` whose output holds a secret. */
export const SECRET_MANAGER_COMMANDS: ReadonlySet<string> = new Set([
  'GetSecretValueCommand',
  'BatchGetSecretValueCommand',
  'GetParameterCommand',
  'GetParametersCommand',
  'GetParametersByPathCommand',
]);

/** Receivers whose `read`/`get` is a secret read (HashiCorp Vault clients such as node-vault). */
export const VAULT_RECEIVER = /^vault$|vault(?:Client)?$/i;
