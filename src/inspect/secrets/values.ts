import { crc32 } from 'node:zlib';

/** Shannon entropy in bits per character: random tokens score high, words and repeats low. */
export function entropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A number in base 62 (GitHub's and npm's alphabet), left-padded with zeros to `width`. */
export function base62(value: number, width: number): string {
  let out = '';
  let rest = value >>> 0;
  while (rest > 0) {
    out = BASE62[rest % 62]! + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/**
 * GitHub's and npm's token checksum: the last six characters are the CRC32 of the random part
 * before them, in base 62 (https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/).
 */
export function hasBase62Crc(token: string): boolean {
  const body = token.slice(token.lastIndexOf('_') + 1);
  if (body.length <= 6) return false;
  const random = body.slice(0, -6);
  return base62(crc32(random), 6) === body.slice(-6);
}

/**
 * Values that stand for a secret rather than being one: template markers, references to the
 * environment, and the words documentation uses.
 */
const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /x{4,}|X{4,}|\*{3,}|\.{3}|…|#{4,}|0{8,}|1234567|abcdef(?:gh|12)/,
  /<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%\([^)]*\)s|^\$[A-Za-z_(]|^%[A-Za-z_]+%$/,
  /process\.env|os\.environ|getenv|import\.meta\.env|secrets\.[A-Za-z_]|env\(/i,
  // Words start at a boundary: inside a random token (`AKIA…OFAKE…`) they are chance, not a marker.
  /(?<![A-Za-z0-9])(?:change[-_ ]?me|your[-_ ]|my[-_]?(?:secret|token|key|password)|placeholder|dummy|example|sample|redacted|replace[-_ ]?(?:me|this|with)|insert[-_ ]|todo|fixme|not[-_ ]?a[-_ ]?real|fake|notreal)/i,
];

/** Whole values that are plainly not a credential (defaults in docs and local development). */
const PLACEHOLDER_WORDS = new Set([
  'password', 'passwd', 'secret', 'token', 'apikey', 'api_key', 'changeit', 'admin', 'root', 'test', 'testing', 'guest',
  'postgres', 'mysql', 'redis', 'user', 'pass', 'none', 'null', 'undefined', 'true', 'false', 'default', 'local', 'dev', 'development',
]);

export function isPlaceholder(value: string): boolean {
  const bare = value.trim();
  if (bare === '') return true;
  if (PLACEHOLDER_WORDS.has(bare.toLowerCase())) return true;
  return PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(bare));
}

/**
 * Keys published in providers' documentation, so that code copied from the docs is reported as
 * `info`, not as a leak. Exact values only: a key merely ending in EXAMPLE is still checked.
 */
const DOCUMENTED_EXAMPLES = new Set([
  'AKIAIOSFODNN7EXAMPLE', // AWS access key id, AWS docs
  'ASIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', // AWS secret access key, AWS docs
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc', // Stripe API reference
  'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', // jwt.io's example signature
]);

export function isDocumentedExample(value: string): boolean {
  if (DOCUMENTED_EXAMPLES.has(value)) return true;
  // jwt.io's example token: its signature is the documented part.
  const signature = value.split('.')[2];
  return signature !== undefined && DOCUMENTED_EXAMPLES.has(signature);
}
