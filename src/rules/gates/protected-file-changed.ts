import { protectedTextInspector } from '../../inspect/text.js';
import { protectedKind } from '../../policy/protected-files.js';
import { defineRule } from '../rule.js';
import { fileChangeFinding } from '../support/file-change.js';

export const protectedFileChanged = defineRule({
  id: 'gates/protected-file-changed',
  category: 'protected-config',
  severity: 'warn',
  docs: {
    summary: 'The change edits CODEOWNERS, an agent instruction file (AGENTS.md, CLAUDE.md, .cursorrules, .cursor/rules, copilot instructions) or a file the policy protects.',
    why: 'These files decide who must review and how agents behave. An agent that edits its own instructions or the code owners can move the goalposts for every later change.',
    fix: 'Have a human review the edit, or move it into a separate change a human makes.',
    bad: {
      base: { 'AGENTS.md': '# Rules\n\nNever skip a failing test.\n' },
      head: { 'AGENTS.md': '# Rules\n\nSkip flaky tests when they block you.\n' },
    },
    good: {
      base: { 'docs/agents-guide.md': '# Notes\n' },
      head: { 'docs/agents-guide.md': '# Notes\n\nMore notes.\n' },
    },
  },
  inspectors: [protectedTextInspector],
  check: ({ files, paths }) =>
    files.flatMap((file) => {
      const path = file.headPath ?? file.basePath!;
      const kind = protectedKind(path, paths) ?? (file.basePath ? protectedKind(file.basePath, paths) : null);
      if (!kind) return [];
      const label = kind === 'protected by policy' ? 'Protected file' : kind === 'code owners' ? 'Code owners file' : 'Agent instruction file';
      return [fileChangeFinding(file, protectedTextInspector, label)];
    }),
});
