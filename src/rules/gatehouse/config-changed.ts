import { protectedTextInspector } from '../../inspect/text.js';
import { POLICY_FILE } from '../../policy/policy.js';
import { defineRule } from '../rule.js';
import { fileChangeFinding } from '../support/file-change.js';

export const configChanged = defineRule({
  id: 'gatehouse/config-changed',
  category: 'protected-config',
  severity: 'warn',
  docs: {
    summary: `The change edits Gatehouse's own policy (${POLICY_FILE}).`,
    why: 'The policy decides what blocks a change. It is read from the base revision, so an edit takes effect only after a human merges it; an agent editing the rules it is judged by needs a human to look.',
    fix: `Revert the edit to ${POLICY_FILE}, or have a human review it and land it in its own change.`,
    bad: {
      base: { [POLICY_FILE]: 'rules:\n  types/suppression: block\n' },
      head: { [POLICY_FILE]: 'rules:\n  types/suppression: off\n' },
    },
    good: {
      base: { [POLICY_FILE]: 'rules:\n  types/suppression: block\n', 'README.md': '# App\n' },
      head: { [POLICY_FILE]: 'rules:\n  types/suppression: block\n', 'README.md': '# App\n\nUsage.\n' },
    },
  },
  inspectors: [protectedTextInspector],
  check: ({ files }) =>
    files
      .filter((file) => file.basePath === POLICY_FILE || file.headPath === POLICY_FILE)
      .map((file) => fileChangeFinding(file, protectedTextInspector, 'Gatehouse policy')),
});
