import type { FindingDraft } from '../../core/types.js';
import type { Inspector } from '../../inspect/inspector.js';
import type { ChangedFile } from '../rule.js';
import { changedRegion } from './excerpt.js';

const VERB: Record<ChangedFile['status'], string> = {
  added: 'added',
  deleted: 'deleted',
  modified: 'changed',
  renamed: 'renamed',
  copied: 'copied',
  'type-changed': 'changed type',
};

/**
 * A finding for a whole-file change (added, deleted, edited, renamed), with the changed region
 * as before/after when the text inspector could read both sides. Shared by the rules that
 * protect files from being edited by the change they govern.
 */
export function fileChangeFinding(file: ChangedFile, text: Inspector<string>, what: string): FindingDraft {
  const before = file.basePath ? file.base(text) : null;
  const after = file.headPath ? file.head(text) : null;
  const path = file.headPath ?? file.basePath ?? '';
  const renamed = file.status === 'renamed' ? ` (from ${file.basePath})` : '';
  const message = `${what} ${path} ${VERB[file.status]}${renamed}`;
  if (file.status === 'deleted' || !file.headPath) {
    return { message, file: path, line: 1, side: 'base', key: `deleted:${path}`, ...(before !== null ? { before: clipText(before) } : {}) };
  }
  const region = changedRegion(before ?? '', after ?? '');
  return {
    message,
    file: path,
    line: region.line,
    side: 'head',
    key: `${file.status}:${path}`,
    ...(region.before ? { before: region.before } : {}),
    ...(region.after ? { after: region.after } : {}),
  };
}

function clipText(text: string): string {
  return changedRegion(text, '').before;
}
