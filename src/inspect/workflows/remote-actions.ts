import type { GateKind } from './gate-types.js';

/**
 * Remote actions (`uses: owner/repo[/path]@ref`) are compared by reference: their identity is
 * `owner/repo[/path]` in lower case, the `@ref` is left out (moving `@v3` to `@v4` is not a
 * change of gate). Actions in this table are gate steps of their own; every other remote action
 * (checkout, setup-node, caches, uploads, notifications) is not.
 *
 * Coverage uploaders (codecov, coveralls) are left out on purpose: they fail the build only when
 * configured to, and whether an upload failed says nothing about what the tests covered.
 */
const GATE_ACTIONS: Readonly<Record<string, { kind: GateKind; tool: string }>> = {
  'github/codeql-action/analyze': { kind: 'lint', tool: 'codeql' },
  'golangci/golangci-lint-action': { kind: 'lint', tool: 'golangci-lint' },
  'astral-sh/ruff-action': { kind: 'lint', tool: 'ruff' },
  'chartboost/ruff-action': { kind: 'lint', tool: 'ruff' },
  'super-linter/super-linter': { kind: 'lint', tool: 'super-linter' },
  'github/super-linter': { kind: 'lint', tool: 'super-linter' },
  'pre-commit/action': { kind: 'lint', tool: 'pre-commit' },
  'davidanson/markdownlint-cli2-action': { kind: 'lint', tool: 'markdownlint' },
  'reviewdog/action-eslint': { kind: 'lint', tool: 'eslint' },
  'jakebailey/pyright-action': { kind: 'typecheck', tool: 'pyright' },
  'cypress-io/github-action': { kind: 'e2e', tool: 'cypress' },
  'actions-rs/clippy-check': { kind: 'lint', tool: 'clippy' },
};

/** `owner/repo/path` of a remote `uses:` in lower case, or null for a local (`./`) or docker action. */
export function remoteIdentity(uses: string): string | null {
  if (uses.startsWith('./') || uses.startsWith('docker://')) return null;
  const at = uses.indexOf('@');
  return (at < 0 ? uses : uses.slice(0, at)).toLowerCase().replace(/\/+$/, '');
}

export function gateAction(uses: string): { kind: GateKind; tool: string } | null {
  const identity = remoteIdentity(uses);
  return identity === null ? null : GATE_ACTIONS[identity] ?? null;
}
