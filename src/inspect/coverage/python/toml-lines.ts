/**
 * smol-toml gives values without positions; these helpers find the 1-based line of a table
 * header, a key and the items of an array by scanning the text. They understand `[a.b]` headers
 * (quoted parts too), dotted keys written under a parent table (`[tool.coverage]` +
 * `run.source = …`) and comments; when a line cannot be found they fall back to the nearest
 * known line, so an origin is never missing.
 */

function headerPath(line: string): string[] | null {
  const match = /^\s*\[(?!\[)\s*([^\]]*?)\s*\]\s*(#.*)?$/.exec(line);
  if (!match) return null;
  return splitDotted(match[1]!);
}

function splitDotted(key: string): string[] {
  const parts: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)/gy;
  let match: RegExpExecArray | null;
  while (re.lastIndex < key.length && (match = re.exec(key)) !== null) {
    parts.push(match[1] ?? match[2] ?? match[3] ?? '');
    if (match[0] === '') break;
  }
  return parts;
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((part, i) => part === b[i]);

export interface TomlLocator {
  /** Line of the table header `[path]`, or of the first key under it written from a parent table. */
  table(path: readonly string[]): number | null;
  /** Line of `key = …` in table `path` (a `[path]` header or a dotted key under a parent table). */
  key(path: readonly string[], key: string): number | null;
  /** Lines of the string items of an array value starting at `fromLine`, in order. */
  items(fromLine: number, items: readonly string[]): number[];
}

export function tomlLocator(text: string): TomlLocator {
  const lines = text.split(/\r\n|\n|\r/);
  const headers: { path: string[]; index: number }[] = [];
  lines.forEach((line, index) => {
    const path = headerPath(line);
    if (path) headers.push({ path, index });
  });
  const keyLine = (path: readonly string[], key: string): number | null => {
    // Key lines are searched under the longest header that is a prefix of `path`.
    for (let h = -1; h < headers.length; h++) {
      const header = h < 0 ? { path: [] as string[], index: -1 } : headers[h]!;
      if (header.path.length > path.length || !same(header.path, path.slice(0, header.path.length))) continue;
      const rest = [...path.slice(header.path.length), key];
      const end = headers[h + 1]?.index ?? lines.length;
      for (let i = header.index + 1; i < end; i++) {
        const match = /^\s*([^=#]+?)\s*=/.exec(lines[i]!);
        if (match && same(splitDotted(match[1]!), rest)) return i + 1;
      }
    }
    return null;
  };
  return {
    table(path) {
      const header = headers.find((h) => same(h.path, path));
      if (header) return header.index + 1;
      // Written as dotted keys from a parent table: the first line mentioning the sub-table.
      for (let h = headers.length - 1; h >= 0; h--) {
        const parent = headers[h]!;
        if (parent.path.length >= path.length || !same(parent.path, path.slice(0, parent.path.length))) continue;
        const prefix = path.slice(parent.path.length);
        const end = headers[h + 1]?.index ?? lines.length;
        for (let i = parent.index + 1; i < end; i++) {
          const match = /^\s*([^=#]+?)\s*=/.exec(lines[i]!);
          if (match && same(splitDotted(match[1]!).slice(0, prefix.length), prefix)) return i + 1;
        }
      }
      return null;
    },
    key: keyLine,
    items(fromLine, items) {
      const result: number[] = [];
      let index = fromLine - 1;
      let column = 0;
      for (const item of items) {
        // As written: literal ('…'), basic ("…", backslashes and quotes escaped).
        const forms = [...new Set([item, JSON.stringify(item).slice(1, -1)])];
        let found = -1;
        for (let i = index; i < lines.length && found < 0; i++) {
          for (const form of forms) {
            const at = lines[i]!.indexOf(form, i === index ? column : 0);
            if (at >= 0 && found < 0) {
              found = i;
              column = at + form.length;
            }
          }
        }
        if (found < 0) {
          result.push(index + 1);
        } else {
          index = found;
          result.push(found + 1);
        }
      }
      return result;
    },
  };
}
