import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { ConfigValue } from './value.js';
import { unresolved } from './value.js';
import { evaluateModuleText } from './evaluate.js';

/** A JSON document as located values (JSON is a JS expression, so the JS evaluator reads it with exact lines). */
export function jsonValue(file: string, text: string): ConfigValue {
  return evaluateModuleText(file, `module.exports = ${text.replace(/^\uFEFF/, '')}`, 'json').defaultExport;
}

/** A YAML document as located values. Anchors/aliases resolve; tags other than the core schema are unresolved. */
export function yamlValue(file: string, text: string): ConfigValue {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (node: { range?: [number, number, number] | null } | null | undefined): number => lineCounter.linePos(node?.range?.[0] ?? 0).line;
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    return unresolved({ file, line: lineCounter.linePos(error.pos[0]).line }, text.split('\n')[0] ?? '', `invalid YAML: ${error.code}`);
  }
  const convert = (node: unknown): ConfigValue => {
    if (isMap(node)) {
      const properties = new Map<string, ConfigValue>();
      for (const pair of node.items) {
        const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        properties.set(String(key), pair.value === null ? { kind: 'null', file, line: at(pair.key as YamlNode) } : convert(pair.value));
      }
      return { kind: 'object', file, line: at(node), properties, opaque: [] };
    }
    if (isSeq(node)) return { kind: 'array', file, line: at(node), items: node.items.map(convert) };
    if (isScalar(node)) {
      const line = at(node);
      const value = node.value;
      if (typeof value === 'string') return { kind: 'string', file, line, value };
      if (typeof value === 'number') return { kind: 'number', file, line, value };
      if (typeof value === 'boolean') return { kind: 'boolean', file, line, value };
      if (value === null) return { kind: 'null', file, line };
      return unresolved({ file, line }, String(node.source), 'unsupported YAML value');
    }
    if (node === null || node === undefined) return { kind: 'null', file, line: 1 };
    return unresolved({ file, line: 1 }, 'alias', 'unsupported YAML node');
  };
  return convert(document.contents);
}
