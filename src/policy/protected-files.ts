import picomatch from 'picomatch';
import type { PathGroups } from './path-groups.js';

/**
 * Files that steer who reviews and how agents behave. A change to them needs a human whatever
 * the policy says: an agent that rewrites its own instructions or the code owners has moved the
 * goalposts. Globs are picomatch, matched against repository-relative paths.
 */
export const BUILT_IN_PROTECTED_FILES = {
  'code owners': ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'],
  'agent instructions': [
    '**/AGENTS.md',
    '**/AGENTS.override.md',
    '**/CLAUDE.md',
    '**/CLAUDE.local.md',
    '**/GEMINI.md',
    '.cursorrules',
    '.cursor/rules/**',
    '.windsurfrules',
    '.clinerules',
    '.clinerules/**',
    '.github/copilot-instructions.md',
    '.github/instructions/**',
    '.claude/settings.json',
    '.claude/settings.local.json',
    '.claude/commands/**',
    '.claude/agents/**',
  ],
} as const;

export type ProtectedKind = keyof typeof BUILT_IN_PROTECTED_FILES | 'protected by policy';

const matchers = Object.entries(BUILT_IN_PROTECTED_FILES).map(
  ([kind, globs]) => [kind as ProtectedKind, picomatch([...globs], { dot: true })] as const,
);

/** Why a path is protected, or null when it is not. */
export function protectedKind(path: string, paths: PathGroups): ProtectedKind | null {
  for (const [kind, matches] of matchers) if (matches(path)) return kind;
  return paths.isProtected(path) ? 'protected by policy' : null;
}
