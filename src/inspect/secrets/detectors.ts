import type { Detector } from './model.js';
import { entropy, hasBase62Crc } from './values.js';

/**
 * The provider formats. Each pattern is plain source text: nothing is compiled at import time;
 * engine.ts joins them into two combined expressions on first use. Order matters where formats
 * overlap (a more specific format first). Boundaries are look-aheads rather than `\b`, because
 * `_` and `-` belong to many token alphabets; the left boundary is `leftBoundary`, checked by the
 * engine, because a leading look-behind stops V8 from skipping ahead on the first characters and
 * made the combined pass several times slower.
 */
const E = '(?![A-Za-z0-9_])';
const EH = '(?![A-Za-z0-9_-])';

/** A keyword, then a quote or key separator, then the value: `twilio_auth_token = "…"`. */
const near = (keyword: string, value: string): string => `${keyword}[A-Za-z0-9_.-]{0,20}["']?\\s*(?::=|=>|=|:)\\s*["'\`]?(${value})`;

/** Names whose value is a credential when assigned (`DB_PASSWORD`, `clientSecret`, `apiKey`). */
const CREDENTIAL_NAME = /(?:password|passwd|pwd|passphrase|secret|token|apikey|secretkey|accesskey|authkey|privatekey|credentials?)$/;
/** Names that contain a credential word but hold something else (`token_type`, `secretName`). */
const NOT_CREDENTIAL_NAME = /(?:type|url|uri|endpoint|file|path|name|length|ttl|expiry|expires|header|field|prefix|count|size|limit|id|ids|env|var|arn|version)$/;

export function isCredentialName(name: string): boolean {
  const bare = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return CREDENTIAL_NAME.test(bare) && !NOT_CREDENTIAL_NAME.test(bare) && !/public|publishable/.test(bare);
}

/** Mixed character classes and high entropy: what a generated key looks like, whatever its shape. */
export function isHighEntropy(value: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
  return classes >= 2 && entropy(value) >= (value.length >= 20 ? 3.5 : 3.0);
}

/**
 * Random enough to be a generated secret: not a word, a path, an expression or a repeated
 * pattern. For values found by a bare name; provider keywords use `isHighEntropy` alone, since
 * base64 keys may look like paths (`/CYhV/7ULK…`).
 */
export function looksRandom(value: string): boolean {
  if (value.length < 12 || value.length > 256) return false;
  if (/\s/.test(value)) return false;
  // Identifiers and member chains (`config.auth.token`, `DEFAULT_TOKEN`), paths and URLs.
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?:\(\))?$/.test(value) && !/\d/.test(value)) return false;
  if (/^(?:\.{0,2}\/|[a-z]+:\/\/)/.test(value)) return false;
  return isHighEntropy(value);
}

export const DETECTORS: readonly Detector[] = [
  // Private keys: the value is the base64 body, so the header stays readable in excerpts.
  {
    kind: 'private-key',
    label: 'private key',
    pattern: '-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----(?:\\\\[nr]|\\s)+((?:[A-Za-z0-9+/=:,-]|\\\\[nr]|\\s){64,}?)(?:\\\\[nr]|\\s)*-----END \\1-----',
    valueGroup: 2,
    confidence: 'high',
  },
  {
    kind: 'aws-access-key-id',
    label: 'AWS access key id',
    pattern: `((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})${E}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'aws-secret-access-key',
    label: 'AWS secret access key',
    pattern: `(?:aws_?secret_?access_?key|secret_?access_?key|aws_?secret)[A-Za-z0-9_]{0,10}["']?\\s*(?::=|=>|=|:)\\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    valueGroup: 1,
    caseInsensitive: true,
    confidence: 'high',
    accept: (value) => isHighEntropy(value),
  },
  {
    kind: 'gcp-service-account',
    label: 'GCP service-account key (private_key_id)',
    // Starts at the name, not its quote: a leading `"` would be tried at every quote of every file.
    pattern: 'private_key_id"\\s*:\\s*"([a-f0-9]{40})"',
    valueGroup: 1,
    confidence: 'high',
  },
  {
    kind: 'google-api-key',
    label: 'Google API key (GCP, Google AI / Gemini)',
    pattern: `(AIza[0-9A-Za-z_-]{35})${EH}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'azure-storage-key',
    label: 'Azure storage account key or connection string',
    pattern: `(?:AccountKey|SharedAccessKey|SharedAccessSignature=sig)=([A-Za-z0-9+/]{40,86}={0,2})(?![A-Za-z0-9+/=])`,
    valueGroup: 1,
    confidence: 'high',
    accept: (value) => isHighEntropy(value),
  },
  {
    kind: 'github-fine-grained-pat',
    label: 'GitHub fine-grained personal access token',
    pattern: `(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})${E}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'github-token',
    label: 'GitHub token (classic PAT, OAuth, app or refresh token)',
    pattern: `(gh[pousr]_[A-Za-z0-9]{36})${E}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
    checksum: hasBase62Crc,
  },
  {
    kind: 'gitlab-token',
    label: 'GitLab token',
    pattern: `(gl(?:pat|dt|rt|ptt|oas|cbt|ft|imt|agent|soat|ffct)-[A-Za-z0-9_-]{20,})${EH}|(GR1348941[A-Za-z0-9_-]{20})${EH}`,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'slack-token',
    label: 'Slack token',
    pattern: `(xox[abposer]-(?:\\d+-)+[A-Za-z0-9]{10,64}|xapp-\\d-[A-Z0-9]+-\\d+-[a-f0-9]{32,64})${EH}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'slack-webhook',
    label: 'Slack incoming webhook URL',
    pattern: 'https://hooks\\.slack\\.com/(?:services|workflows|triggers)/(T[A-Z0-9]{6,12}/[A-Z0-9]{6,14}/[A-Za-z0-9]{20,34})',
    valueGroup: 1,
    confidence: 'high',
  },
  {
    kind: 'stripe-secret-key',
    label: 'Stripe secret or restricted key',
    pattern: `((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{24,247})${E}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'twilio-api-key',
    label: 'Twilio API key',
    pattern: `(SK[0-9a-f]{32})${E}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'medium',
    accept: (value) => /[a-f]/.test(value.slice(2)) && /[0-9]/.test(value.slice(2)),
  },
  {
    kind: 'twilio-auth-token',
    label: 'Twilio auth token',
    pattern: near('twilio[A-Za-z0-9_.-]{0,12}(?:auth|token|secret)', '[a-f0-9]{32}'),
    valueGroup: 1,
    caseInsensitive: true,
    confidence: 'medium',
  },
  {
    kind: 'sendgrid-api-key',
    label: 'SendGrid API key',
    pattern: `(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})${EH}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'npm-token',
    label: 'npm access token',
    pattern: `(npm_[A-Za-z0-9]{36})${E}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
    checksum: hasBase62Crc,
  },
  {
    kind: 'npmrc-auth-token',
    label: 'npm registry auth token (.npmrc)',
    pattern: ':_(?:authToken|auth|password)\\s*=\\s*["\']?([A-Za-z0-9+/=_.-]{20,})',
    valueGroup: 1,
    confidence: 'medium',
  },
  {
    kind: 'pypi-token',
    label: 'PyPI API token',
    pattern: `(pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,})${EH}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'docker-hub-token',
    label: 'Docker Hub access token',
    pattern: `(dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,})${EH}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'anthropic-api-key',
    label: 'Anthropic API key',
    pattern: `(sk-ant-(?:api|admin|oat|sid)\\d\\d-[A-Za-z0-9_-]{80,110}AA)${EH}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'openai-api-key',
    label: 'OpenAI API key',
    pattern: `(sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,})${EH}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'huggingface-token',
    label: 'Hugging Face token',
    pattern: `((?:hf|api_org)_[A-Za-z]{34})${E}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
    accept: (value) => /[A-Z]/.test(value) && /[a-z]/.test(value.slice(3)),
  },
  {
    kind: 'groq-api-key',
    label: 'Groq API key',
    pattern: `(gsk_[A-Za-z0-9]{52})${E}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'mistral-api-key',
    label: 'Mistral API key',
    pattern: near('mistral[A-Za-z0-9_.-]{0,12}(?:key|token)', '[A-Za-z0-9]{32}'),
    valueGroup: 1,
    caseInsensitive: true,
    confidence: 'medium',
    accept: (value) => looksRandom(value),
  },
  {
    kind: 'cohere-api-key',
    label: 'Cohere API key',
    pattern: near('(?:cohere[A-Za-z0-9_.-]{0,12}|co_)(?:api_?)?(?:key|token)', '[A-Za-z0-9]{40}'),
    valueGroup: 1,
    caseInsensitive: true,
    confidence: 'medium',
    accept: (value) => looksRandom(value),
  },
  {
    kind: 'linear-api-key',
    label: 'Linear API key',
    pattern: `(lin_(?:api_[A-Za-z0-9]{40}|oauth_[a-f0-9]{64}))${E}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'notion-token',
    label: 'Notion integration token',
    pattern: `(ntn_\\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})${E}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
    accept: (value) => /\d/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value.slice(7)),
  },
  {
    kind: 'vercel-token',
    label: 'Vercel token',
    pattern: `(vc[pikar]_[A-Za-z0-9]{24,})${E}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
    accept: (value) => looksRandom(value),
  },
  {
    kind: 'vercel-token',
    label: 'Vercel token',
    pattern: near('vercel[A-Za-z0-9_.-]{0,12}(?:token|key)', '[A-Za-z0-9]{24}'),
    valueGroup: 1,
    caseInsensitive: true,
    confidence: 'medium',
    accept: (value) => looksRandom(value),
  },
  {
    kind: 'databricks-token',
    label: 'Databricks personal access token',
    pattern: `(dapi[a-f0-9]{32}(?:-\\d)?)${EH}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'shopify-token',
    label: 'Shopify access token or shared secret',
    pattern: `(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})${E}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'onepassword-token',
    label: '1Password service-account token or secret key',
    pattern: `(ops_eyJ[A-Za-z0-9+/=_-]{100,}|A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})${EH}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'vault-token',
    label: 'HashiCorp Vault or Terraform Cloud token',
    // Terraform Cloud: `<14-character id>.atlasv1.<secret>`, anchored on `atlasv1` for speed; the id stays readable.
    pattern: `(hv[sb]\\.[A-Za-z0-9_-]{90,}|atlasv1\\.[A-Za-z0-9_-]{60,70})${EH}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
    accept: (value, _groups, name) => value.startsWith('hv') || /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\./.test(name),
  },
  {
    kind: 'jwt',
    label: 'JSON Web Token (signed)',
    pattern: `(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,})${EH}`,
    valueGroup: 1,
    leftBoundary: true,
    confidence: 'high',
  },
  {
    kind: 'connection-string-password',
    label: 'password in a database or broker URL',
    pattern: `(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|nats|kafka|clickhouse|cockroachdb|couchdb|neo4j(?:\\+s)?|ldaps?|mqtts?)://([^:@/\\s'"\`]{1,64}):([^@/\\s'"\`]{3,128})@[^\\s'"\`]+`,
    valueGroup: 2,
    // Schemes are lower case in practice; matching them without case cost a quarter of the whole scan.
    leftBoundary: true,
    confidence: 'high',
    accept: (value, groups) => value !== groups[0] && !/^[:$%{<]/.test(value),
  },
  {
    kind: 'generic-assignment',
    label: 'high-entropy value assigned to a credential name',
    // Anchored on the credential word, which must end the name: `DB_PASSWORD = "…"`, `apiKey: '…'`.
    pattern: `(password|passwd|pwd|passphrase|secret|token|api[_-]?key|secret[_-]?key|access[_-]?key|auth[_-]?key|private[_-]?key|credentials?)["']?\\s*(?::=|=>|=|:)\\s*(["'\`])([^"'\`\\s\\\\]{12,256})\\2`,
    valueGroup: 3,
    caseInsensitive: true,
    confidence: 'low',
    accept: (value, _groups, name) => isCredentialName(name) && looksRandom(value),
  },
];
