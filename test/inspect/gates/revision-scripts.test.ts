import { describe, expect, it } from 'vitest';
import type { RevisionFiles } from '../../../src/inspect/inspector.js';
import { readScriptsFacts } from '../../../src/inspect/gates/read-revision.js';
import { gateScriptEntries, sameScriptInputs } from '../../../src/inspect/gates/revision-scripts.js';
import { loadShellParser } from '../../../src/inspect/shell/parse.js';

const revision = (files: Record<string, string>): RevisionFiles => ({ paths: Object.keys(files).sort(), readText: (path) => Promise.resolve(files[path] ?? null) });
const pkg = (version: string, scripts: Record<string, string>): string => `${JSON.stringify({ name: 'shop', version, scripts }, null, 2)}\n`;
const workflow = 'jobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run unit\n';

describe('revision scripts', () => {
  it('a version bump leaves the script inputs the same; a script edit does not', async () => {
    const base = await readScriptsFacts(revision({ 'package.json': pkg('1.0.0', { test: 'vitest run' }), '.husky/pre-commit': 'npx lint-staged\n' }));
    const bumped = await readScriptsFacts(revision({ 'package.json': pkg('1.1.0', { test: 'vitest run' }), '.husky/pre-commit': 'npx lint-staged\n' }));
    const edited = await readScriptsFacts(revision({ 'package.json': pkg('1.0.0', { test: 'vitest run || true' }), '.husky/pre-commit': 'npx lint-staged\n' }));
    const hookEdited = await readScriptsFacts(revision({ 'package.json': pkg('1.0.0', { test: 'vitest run' }), '.husky/pre-commit': 'exit 0\n' }));
    expect(sameScriptInputs(base, bumped)).toBe(true);
    expect(sameScriptInputs(base, edited)).toBe(false);
    expect(sameScriptInputs(base, hookEdited)).toBe(false);
  });

  it('gate scripts: by name, and called by CI', async () => {
    await loadShellParser();
    const facts = await readScriptsFacts(revision({ 'package.json': pkg('1.0.0', { build: 'tsup', unit: 'vitest run', lint: 'eslint .', dev: 'vite' }), '.github/workflows/ci.yml': workflow }));
    expect(gateScriptEntries(facts).map((entry) => entry.name)).toEqual(['lint', 'unit']);
  });
});
