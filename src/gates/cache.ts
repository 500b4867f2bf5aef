import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GateDefinition, GateResult } from './model.js';

/**
 * Version of what Gatehouse reads from evidence (parsers and the fail-closed checks). Raising it
 * retires every cached result, so a fixed parser or a stricter check is never bypassed by the cache.
 */
export const EVIDENCE_FORMAT_VERSION = 2;

/** Key of one gate's result: the same tree and the same definition give the same result. */
export function cacheKey(tree: string, gate: GateDefinition): string {
  const definition = {
    name: gate.name,
    kind: gate.kind,
    run: gate.run,
    evidence: gate.evidence.map((spec) => [spec.format, spec.path]),
    timeoutMs: gate.timeoutMs,
    env: Object.entries(gate.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    needs: [...gate.needs].sort(),
    maxSkipped: gate.maxSkipped,
    cwd: gate.cwd,
  };
  return createHash('sha256').update(JSON.stringify({ version: EVIDENCE_FORMAT_VERSION, tree, definition })).digest('hex');
}

/**
 * Results worth keeping: a pass or a failure is a fact about the tree. A timeout or an
 * interruption is not (the machine was slow, a person pressed Ctrl-C), nor is a browser or a
 * shell that would not start (the machine lacks something): those run again next time.
 */
export function cacheable(result: GateResult): boolean {
  if (result.state !== 'passed' && result.state !== 'failed') return false;
  return result.failure !== 'browser' && result.failure !== 'error' && result.failure !== 'needs';
}

function cacheDir(stateDir: string): string {
  return path.join(stateDir, 'cache');
}

/** Parsed evidence holds Maps (coverage by file): stored as `{ "$map": [[key, value], …] }` and read back as Maps. */
function storeMaps(_key: string, value: unknown): unknown {
  return value instanceof Map ? { $map: [...(value as Map<unknown, unknown>)] } : value;
}

function restoreMaps(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = (value as { $map?: unknown }).$map;
    if (Array.isArray(entries) && Object.keys(value).length === 1) return new Map(entries as [unknown, unknown][]);
  }
  return value;
}

/** The cached result for a key, or null when there is none or it cannot be read. */
export function readCached(stateDir: string, key: string): GateResult | null {
  try {
    const value = JSON.parse(readFileSync(path.join(cacheDir(stateDir), key, 'result.json'), 'utf8'), restoreMaps) as Partial<GateResult> | null;
    if (value === null || typeof value.name !== 'string' || (value.state !== 'passed' && value.state !== 'failed') || !Array.isArray(value.evidence)) return null;
    return value as GateResult;
  } catch {
    return null;
  }
}

/**
 * Store a result with a copy of its evidence files, atomically: everything is written to a
 * temporary folder beside the entry and renamed into place, so a reader sees all or nothing.
 */
export function writeCached(stateDir: string, key: string, result: GateResult, checkoutRoot: string): void {
  const root = cacheDir(stateDir);
  const target = path.join(root, key);
  const temporary = path.join(root, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(path.join(temporary, 'evidence'), { recursive: true });
    // As pytest does for .pytest_cache: the folder ignores itself, so it never shows in `git status`.
    const ignore = path.join(stateDir, '.gitignore');
    if (!existsSync(ignore)) writeFileSync(ignore, '# Written by gatehouse: its cache is not part of the project.\n*\n');
    result.evidence.forEach((entry, index) => {
      if (entry.status !== 'ok' || entry.spec.path === null) return;
      copyFileSync(path.join(checkoutRoot, entry.spec.path), path.join(temporary, 'evidence', `${index}-${entry.spec.format}-${path.basename(entry.spec.path)}`));
    });
    writeFileSync(path.join(temporary, 'result.json'), `${JSON.stringify({ ...result, cached: false }, storeMaps, 2)}\n`);
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(temporary, target);
  } catch {
    // A cache that cannot be written only costs time next run; the result itself stands.
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}
