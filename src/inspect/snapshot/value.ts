import { createHash } from 'node:crypto';

/**
 * The comparable form of a snapshot value. Jest and vitest normalise line endings when they
 * read a snapshot, so `\r\n` is `\n`; trailing spaces on a line and blank lines around the value
 * are formatting, not content. Indentation inside the value is kept: it is the printed structure.
 */
export function normaliseSnapshotValue(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Inline snapshots are re-indented by the runner to sit inside the test: drop the common indentation. */
export function dedent(value: string): string {
  const lines = normaliseSnapshotValue(value).split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}

export function hashValue(normalised: string): string {
  return createHash('sha256').update(normalised).digest('hex').slice(0, 16);
}

/** Number of lines of a normalised value (an empty value has none). */
export function lineCount(normalised: string): number {
  return normalised === '' ? 0 : normalised.split('\n').length;
}
