import { POLICY_FILE } from '../policy/policy.js';
import { protectedKind } from '../policy/protected-files.js';
import type { Inspector } from './inspector.js';

/** The plain text of protected files (policy, code owners, agent instructions), for before/after excerpts. */
export const protectedTextInspector: Inspector<string> = {
  id: 'protected-text@1',
  appliesTo: (path, paths) => path === POLICY_FILE || protectedKind(path, paths) !== null,
  inspect: (_path, text) => text,
};
