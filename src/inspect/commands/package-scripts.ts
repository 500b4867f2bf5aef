import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

/** A `package.json` script: its text and the line it is on. */
export interface ScriptEntry {
  text: string;
  line: number;
}

/**
 * The `scripts` of a package.json with their lines, or null when it cannot be parsed. Read with
 * the YAML parser (JSON is YAML) for positions; shared by the command walker of the coverage and
 * runner readers and by the gate-script reader.
 */
export function readPackageScripts(text: string): Map<string, ScriptEntry> | null {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const scripts = doc.contents.get('scripts', true);
  const result = new Map<string, ScriptEntry>();
  if (isMap(scripts)) {
    for (const pair of scripts.items) {
      if (isScalar(pair.key) && isScalar(pair.value) && typeof pair.value.value === 'string') {
        result.set(String(pair.key.value), { text: pair.value.value, line: counter.linePos(pair.value.range?.[0] ?? 0).line });
      }
    }
  }
  return result;
}
