import { describe, expect, it } from 'vitest';
import { readsRunnerFile } from '../../../src/inspect/runner/all-readers.js';
import { changeMayAffectRunner, mayBeRunnerInput } from '../../../src/inspect/runner/project-inspector.js';

/** Paths shaped like real projects' test-runner inputs, and ordinary files. */
const PATHS = [
  'vitest.config.ts', 'vite.config.mts', 'vitest.workspace.ts', 'packages/web/vitest.config.ts', 'jest.config.js', 'apps/api/jest.config.ts',
  'package.json', 'packages/web/package.json', 'pytest.ini', '.pytest.ini', 'pyproject.toml', 'setup.cfg', 'tox.ini', 'backend/pyproject.toml',
  '.mocharc.yml', '.mocharc.json', '.mocharc.cjs', '.github/workflows/ci.yml', '.github/workflows/test.yaml',
  'src/index.ts', 'src/app.test.ts', 'README.md', 'tests/test_cart.py', 'assets/logo.png',
];

describe('which changes run the runner inspector', () => {
  it('every file a runner reader reads is recognised by name, without loading the readers', () => {
    const read = PATHS.filter(readsRunnerFile);
    expect(read.length).toBeGreaterThan(15);
    expect(read.filter((file) => !mayBeRunnerInput(file))).toEqual([]);
  });

  it('ordinary source and test edits do not run it; renames do', () => {
    for (const file of ['src/index.ts', 'src/app.test.ts', 'README.md', 'tests/test_cart.py']) {
      expect(changeMayAffectRunner({ status: 'modified', basePath: file, headPath: file }), file).toBe(false);
    }
    expect(changeMayAffectRunner({ status: 'renamed', basePath: 'test/a.test.ts', headPath: 'scripts/a.test.ts' })).toBe(true);
  });
});
