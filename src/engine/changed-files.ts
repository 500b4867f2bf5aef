import type { DiffEntry } from '../git/repository.js';
import type { Inspector } from '../inspect/inspector.js';
import type { FactResult, FactStore } from '../model/revision.js';
import type { ChangedFile } from '../rules/rule.js';
import type { SkippedFile } from '../core/result.js';
import type { PathGroups } from '../policy/path-groups.js';

/** Facts of one side of one changed file, per inspector id. */
type SideFacts = Map<string, FactResult<unknown>>;

/**
 * Run each inspector on both sides of each changed path it applies to. Reads go through the
 * shared FactStore, so a blob is fetched and parsed once however many rules and commits use it.
 */
export async function inspectChanges(
  store: FactStore,
  diff: readonly DiffEntry[],
  inspectors: readonly Inspector<unknown>[],
  paths: PathGroups,
): Promise<{ files: ChangedFile[]; skipped: SkippedFile[]; inspected: number }> {
  await Promise.all(
    inspectors
      .filter((inspector) => inspector.prepare && diff.some((entry) => [entry.basePath, entry.headPath].some((file) => file !== null && inspector.appliesTo(file, paths))))
      .map((inspector) => inspector.prepare!()),
  );
  const skipped = new Map<string, SkippedFile>();
  let inspected = 0;
  const files = await Promise.all(
    diff.map(async (entry) => {
      const base = await inspectSide(store, inspectors, paths, entry.basePath, entry.baseOid, entry.baseMode);
      const head = await inspectSide(store, inspectors, paths, entry.headPath, entry.headOid, entry.headMode);
      if (base.size > 0 || head.size > 0) inspected++;
      noteSkips(skipped, entry.basePath, 'base', base);
      noteSkips(skipped, entry.headPath, 'head', head);
      if (entry.headMode === '160000' && entry.headPath) skipped.set(`head\0${entry.headPath}`, { path: entry.headPath, side: 'head', reason: 'not-a-file' });
      return changedFile(entry, base, head);
    }),
  );
  return { files, skipped: [...skipped.values()], inspected };
}

async function inspectSide(
  store: FactStore,
  inspectors: readonly Inspector<unknown>[],
  paths: PathGroups,
  path: string | null,
  oid: string | null,
  mode: string | null,
): Promise<SideFacts> {
  const facts: SideFacts = new Map();
  if (path === null || oid === null) return facts;
  const applicable = inspectors.filter((inspector) => inspector.appliesTo(path, paths));
  const results = await Promise.all(applicable.map((inspector) => store.factsOf(inspector, { path, oid, mode })));
  applicable.forEach((inspector, i) => facts.set(inspector.id, results[i]!));
  return facts;
}

function noteSkips(skipped: Map<string, SkippedFile>, path: string | null, side: 'base' | 'head', facts: SideFacts): void {
  if (path === null) return;
  for (const result of facts.values()) {
    if (result.kind === 'skipped' && result.reason !== 'missing') {
      skipped.set(`${side}\0${path}`, { path, side, reason: result.reason, ...(result.size !== undefined ? { size: result.size } : {}) });
    }
  }
}

function changedFile(entry: DiffEntry, base: SideFacts, head: SideFacts): ChangedFile {
  const factsOf = <F>(side: SideFacts, inspector: Inspector<F>): F | null => {
    const result = side.get(inspector.id);
    return result?.kind === 'facts' ? (result.facts as F) : null;
  };
  const headUnparseable = [...head.entries()].flatMap(([inspector, result]) =>
    result.kind === 'unparseable' ? [{ inspector, line: result.line, message: result.message }] : [],
  );
  return {
    status: entry.status,
    basePath: entry.basePath,
    headPath: entry.headPath,
    ...(entry.similarity !== undefined ? { similarity: entry.similarity } : {}),
    base: (inspector) => factsOf(base, inspector),
    head: (inspector) => factsOf(head, inspector),
    headUnparseable,
  };
}
