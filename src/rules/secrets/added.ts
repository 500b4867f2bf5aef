import type { FindingDraft } from '../../core/types.js';
import { secretsInspector, type SecretFact } from '../../inspect/secrets/inspector.js';
import { defineRule, type ChangedFile } from '../rule.js';

/** A secret on one side of one changed file. */
interface Located {
  path: string;
  fact: SecretFact;
}

const hashes = (facts: readonly SecretFact[]): Set<string> => new Set(facts.map((fact) => fact.hash));

function sides(file: ChangedFile): { base: SecretFact[]; head: SecretFact[] } {
  return {
    base: (file.basePath ? file.base(secretsInspector)?.secrets : null) ?? [],
    head: (file.headPath ? file.head(secretsInspector)?.secrets : null) ?? [],
  };
}

/**
 * Secrets the change adds: per file, head secrets whose value (by hash) the same file did not
 * hold at base — following renames, so a renamed or reformatted file adds nothing. A secret
 * that leaves another file of the change is a move: it was already committed, so it is `warn`
 * (rotate it) rather than `block`, and an allow comment that came with it from base is honoured.
 */
function addedSecrets(files: readonly ChangedFile[]): FindingDraft[] {
  const added: Located[] = [];
  const removed = new Map<string, Located>();
  for (const file of files) {
    const { base, head } = sides(file);
    const atBase = hashes(base);
    const atHead = hashes(head);
    const seen = new Set<string>();
    for (const fact of head) {
      if (atBase.has(fact.hash) || seen.has(fact.hash)) continue;
      seen.add(fact.hash);
      added.push({ path: file.headPath!, fact });
    }
    for (const fact of base) if (!atHead.has(fact.hash) && !removed.has(fact.hash)) removed.set(fact.hash, { path: file.basePath!, fact });
  }
  return added.flatMap(({ path, fact }): FindingDraft[] => {
    const from = removed.get(fact.hash);
    if (from && from.fact.allowed && fact.allowed) return [];
    const what = `${fact.label} \`${fact.preview}\``;
    const allowNote = fact.allowed && !from ? '; its allow comment is new in this change, and a change cannot allow-list its own secret' : '';
    const message = fact.example
      ? `Added ${what}: a documented example key, not a credential`
      : from
        ? `Moved ${what} here from ${from.path}: it was already committed at base, so it is already leaked — rotate it`
        : `Added ${what}${allowNote}`;
    const severity = fact.example ? ('info' as const) : from ? ('warn' as const) : undefined;
    return [
      {
        message,
        file: path,
        line: fact.line,
        side: 'head',
        after: fact.excerpt,
        key: `${fact.kind}:${fact.hash}`,
        ...(severity ? { severity } : {}),
      },
    ];
  });
}

/**
 * A fake signing secret for the doc example, assembled at run time: the repository holds no
 * credential-shaped literal, so Gatehouse's audit of its own changes stays meaningful.
 */
const SIGNING_SECRET = ['Q7vN2xLp', '9sKd4TfR', '8wYb3HmZ', '6cJe1Ua5'].join('');

export const secretsAdded = defineRule({
  id: 'secrets/added',
  category: 'secret',
  severity: 'block',
  docs: {
    summary:
      'The change adds a credential: a provider token (AWS, GCP, Azure, GitHub, GitLab, Slack, Stripe, OpenAI, Anthropic…), a private key, a signed JWT, a password in a database URL, a high-entropy value assigned to a credential name, or any value of a credential-like name in a tracked `.env` file.',
    why: 'A credential committed to a repository is leaked: everyone with read access, every fork and every CI log has it, and removing it in a later commit does not take it out of history. Agents paste keys into code, fixtures and `.env` files to make something work.',
    fix: 'Rotate the credential now (it is leaked whatever happens to the change), remove it from the change and read it from the environment or a secret manager. A documented example key is reported as `info`. A real test fixture can be acknowledged with `gatehouse-allow-secret` (or `pragma: allowlist secret`, `gitleaks:allow`) on its line — honoured only when the same comment and value already existed at base, so a change cannot allow-list its own secret.',
    details: [
      'Only content the change adds is reported: a secret already in the same file at base (compared by a hash of the value, so reformatting, moving lines and renaming the file add nothing) is not. A secret moved here from another file of the change was already committed: `warn`, asking for rotation.',
      '',
      'Binary files and files above `--max-file-size` are not read; they are listed as skipped in every report.',
      '',
      'Findings never show a value: only its kind, first 4 and last 2 characters and its length (`sk-a…9f (51 chars)`). See [docs/secrets.md](../secrets.md) for the detectors, the placeholder filters and measured recall.',
    ].join('\n'),
    bad: {
      base: { 'src/auth.ts': 'export const signingSecret = process.env.JWT_SECRET;\n' },
      head: {
        'src/auth.ts': 'export const signingSecret = process.env.JWT_SECRET;\n',
        '.env': `JWT_SECRET=${SIGNING_SECRET}\nPORT=3000\n`,
      },
    },
    good: {
      base: { 'src/auth.ts': 'export const signingSecret = process.env.JWT_SECRET;\n' },
      head: {
        'src/auth.ts': 'export const signingSecret = process.env.JWT_SECRET;\n',
        '.env.example': 'JWT_SECRET=change-me\nPORT=3000\n',
      },
    },
  },
  inspectors: [secretsInspector],
  history: true,
  check: ({ files }) => addedSecrets(files),
});
