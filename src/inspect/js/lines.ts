/**
 * Maps UTF-16 offsets (what oxc-parser reports and what JS strings index by) to 1-based lines.
 * Only `\n` ends a line, so `\r\n` files count the same as `\n` files and every line number
 * agrees with the line numbers of `git diff`, which is what findings are matched against.
 */
export interface LineIndex {
  lineAt(offset: number): number;
}

export function createLineIndex(text: string): LineIndex {
  const starts: number[] = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return {
    lineAt(offset) {
      // Binary search for the last line start at or before the offset.
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= offset) low = middle;
        else high = middle - 1;
      }
      return low + 1;
    },
  };
}
