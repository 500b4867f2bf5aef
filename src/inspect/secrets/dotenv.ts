import { isCredentialName } from './detectors.js';
import { isPlaceholder } from './values.js';

/**
 * `.env` files: a tracked `.env`, `.env.local`, `.env.production`… holds real values, so any
 * non-placeholder value of a credential-like name is a leak even when it has no provider format
 * (a captcha secret, a JWT signing secret). Templates (`.env.example`, `.env.sample`,
 * `.env.template`, and the `.dist` / `.defaults` conventions) document names, not values: only
 * provider formats are reported there.
 */
const TEMPLATE_SUFFIX = /\.(?:example|sample|template|tmpl|tpl|dist|defaults?)$/i;

export function envFileKind(path: string): 'env' | 'template' | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!/^\.env(?:\.[A-Za-z0-9_.-]+)?$/.test(name) && !/^[A-Za-z0-9_-]+\.env$/.test(name)) return null;
  return TEMPLATE_SUFFIX.test(name) ? 'template' : 'env';
}

/** Names a `.env` reader treats as secrets though `isCredentialName` does not (`DATABASE_URL` is checked by format). */
const ENV_NAME_EXTRA = /(?:^|_)(?:KEY|SALT|DSN|PASS|SIGNING_KEY|WEBHOOK_SECRET)$/i;

/** Values that configure rather than authenticate: booleans, numbers, hosts, single words. */
function isPlainSetting(value: string): boolean {
  return /^(?:true|false|yes|no|on|off|\d+(?:\.\d+)?)$/i.test(value) || /^(?:https?:\/\/)?(?:localhost|127\.0\.0\.1)(?::\d+)?\/?$/.test(value);
}

export interface EnvEntry {
  name: string;
  /** The value's span in the file (quotes excluded). */
  start: number;
  end: number;
}

/** `NAME=value` lines (with `export`, quotes and trailing comments) whose name looks like a credential. */
export function envCredentials(text: string): EnvEntry[] {
  const entries: EnvEntry[] = [];
  const line = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(.*)$/gm;
  for (let match = line.exec(text); match !== null; match = line.exec(text)) {
    const name = match[1]!;
    if (!isCredentialName(name) && !ENV_NAME_EXTRA.test(name)) continue;
    if (/PUBLIC|PUBLISHABLE/i.test(name)) continue;
    const raw = match[2]!;
    const valueOffset = match.index + match[0].length - raw.length;
    const quoted = /^(["'])(.*?)\1/.exec(raw);
    let value: string;
    let offset: number;
    if (quoted) {
      value = quoted[2]!;
      offset = valueOffset + 1;
    } else {
      value = raw.replace(/[ \t]+#.*$/, '').trimEnd();
      offset = valueOffset;
    }
    if (value === '' || isPlainSetting(value) || isPlaceholder(value)) continue;
    entries.push({ name, start: offset, end: offset + value.length });
  }
  return entries;
}
