import path from 'node:path';
import { InputError } from '../core/errors.js';
import { EVIDENCE_FORMATS, type EvidenceSpec, type GateDefinition } from '../gates/model.js';
import { durationMs } from '../gates/duration.js';
import type { PolicyFile } from './schema.js';

/** A gate that runs longer than this without a `timeout` of its own is killed. */
export const DEFAULT_GATE_TIMEOUT_MS = 30 * 60_000;

type GateEntries = PolicyFile['gates'];

/** Where in the policy file a setting is, for one-line errors. */
export interface PolicyLocator {
  source: string;
  /** Line of the value at a path of the document. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Line of a gate's name (its key), for findings and errors about the whole gate. */
  gateLine(name: string): number;
}

/**
 * Gate definitions from the validated `gates:` map, in `needs` order (each gate after the gates
 * it needs, otherwise in declaration order). Problems zod cannot see — unknown or circular
 * needs, paths escaping the checkout, `null` evidence for a format other than tsc, durations — are
 * InputErrors naming the line.
 */
export function buildGates(entries: GateEntries, where: PolicyLocator): GateDefinition[] {
  const fail = (at: readonly PropertyKey[], message: string): never => {
    throw new InputError(`${where.source}:${where.lineOf(at)}: ${['gates', ...at.slice(1)].map(String).join('.')}: ${message}`);
  };
  const names = Object.keys(entries);
  const gates = new Map<string, GateDefinition>();
  for (const [name, entry] of Object.entries(entries)) {
    const evidence: EvidenceSpec[] = [];
    for (const format of EVIDENCE_FORMATS) {
      const value = entry.evidence?.[format];
      const at = ['gates', name, 'evidence', format];
      if (value === undefined) continue;
      // Only `tsc` may be null (the schema says so): the command's own output is the evidence.
      if (value === null) {
        evidence.push({ format, path: null });
        continue;
      }
      for (const file of typeof value === 'string' ? [value] : value) {
        const normal = checkoutPath(file, () => fail(at, `'${file}' must be a relative path inside the checkout`));
        // The checkout root itself is no evidence file (and deleting it before a run would be a disaster).
        if (normal === '') fail(at, `'${file}' is the checkout root, not a file`);
        evidence.push({ format, path: normal });
      }
    }
    const needs = entry.needs ?? [];
    for (const need of needs) {
      if (need === name) fail(['gates', name, 'needs'], `gate '${name}' cannot need itself`);
      if (!names.includes(need)) fail(['gates', name, 'needs'], `unknown gate '${need}' (declared: ${names.join(', ')})`);
    }
    if (new Set(needs).size !== needs.length) fail(['gates', name, 'needs'], 'lists a gate twice');
    gates.set(name, {
      name,
      kind: entry.kind,
      run: entry.run,
      evidence,
      timeoutMs: entry.timeout === undefined ? DEFAULT_GATE_TIMEOUT_MS : durationMs(entry.timeout, () => fail(['gates', name, 'timeout'], 'must be more than zero')),
      env: Object.fromEntries(Object.entries(entry.env ?? {}).map(([key, value]) => [key, String(value)])),
      needs,
      maxSkipped: entry['max-skipped'] ?? null,
      cwd: entry.cwd === undefined ? '' : checkoutPath(entry.cwd, () => fail(['gates', name, 'cwd'], `'${entry.cwd ?? ''}' must be a relative path inside the checkout`)),
      line: where.gateLine(name),
    });
  }
  return inNeedsOrder(gates, (cycle) => fail(['gates', cycle[0]!, 'needs'], `cycle in needs: ${cycle.join(' → ')}`));
}

/** Normalised POSIX path inside the checkout, or `invalid()` for absolute paths and `..` escapes. */
function checkoutPath(file: string, invalid: () => never): string {
  if (file.includes('\0') || path.posix.isAbsolute(file) || path.win32.isAbsolute(file)) return invalid();
  const normal = path.posix.normalize(file.replaceAll('\\', '/')).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) return invalid();
  return normal === '.' || normal === '' ? '' : normal;
}

/** Depth-first topological order, stable by declaration; reports the first cycle found. */
function inNeedsOrder(gates: ReadonlyMap<string, GateDefinition>, cycle: (names: string[]) => never): GateDefinition[] {
  const ordered: GateDefinition[] = [];
  const done = new Set<string>();
  const visiting: string[] = [];
  const visit = (name: string): void => {
    if (done.has(name)) return;
    const at = visiting.indexOf(name);
    if (at !== -1) cycle([...visiting.slice(at), name]);
    visiting.push(name);
    const gate = gates.get(name)!;
    for (const need of gate.needs) visit(need);
    visiting.pop();
    done.add(name);
    ordered.push(gate);
  };
  for (const name of gates.keys()) visit(name);
  return ordered;
}
