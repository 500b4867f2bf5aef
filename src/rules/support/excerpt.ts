/** Longest excerpt a finding carries, in lines; longer regions are cut with a marker. */
const MAX_LINES = 8;

/**
 * The region where two versions of a text differ, found by trimming the common prefix and
 * suffix of lines: enough to show a person what changed in a small file such as CLAUDE.md.
 */
export function changedRegion(before: string, after: string): { line: number; before: string; after: string } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { line: start + 1, before: clip(a.slice(start, endA)), after: clip(b.slice(start, endB)) };
}

export function clip(lines: readonly string[]): string {
  if (lines.length <= MAX_LINES) return lines.join('\n');
  return [...lines.slice(0, MAX_LINES), `… (${lines.length - MAX_LINES} more lines)`].join('\n');
}
