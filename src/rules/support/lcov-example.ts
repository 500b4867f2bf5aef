/** A minimal lcov report (`file → [covered, total]` lines), for rules' documentation examples. */
export function lcovExample(files: Record<string, [covered: number, total: number]>): string {
  return Object.entries(files)
    .map(([file, [covered, total]]) => `SF:${file}\n${Array.from({ length: total }, (_, i) => `DA:${i + 1},${i < covered ? 1 : 0}`).join('\n')}\nend_of_record\n`)
    .join('');
}
