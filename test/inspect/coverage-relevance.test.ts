import { describe, expect, it } from 'vitest';
import { COVERAGE_READERS } from '../../src/inspect/coverage/all-readers.js';
import { changeMayAffectCoverage, mayBeCoverageInput } from '../../src/inspect/coverage/project-inspector.js';

/** Paths shaped like real projects' coverage inputs, and ordinary files. */
const PATHS = [
  'vitest.config.ts', 'vitest.config.mts', 'vite.config.js', 'vitest.workspace.ts', 'vitest.projects.json',
  'packages/web/vitest.config.ts', 'apps/api/jest.config.cjs', 'jest.config.json', 'package.json', 'packages/web/package.json',
  '.nycrc', '.nycrc.json', '.nycrc.yml', '.nycrc.yaml', 'nyc.config.js', '.c8rc', '.c8rc.json',
  '.coveragerc', 'setup.cfg', 'tox.ini', 'pyproject.toml', 'pytest.ini', '.pytest.ini', 'backend/pyproject.toml',
  '.github/workflows/ci.yml', '.github/workflows/test.yaml', 'coverage-thresholds.json', 'config/thresholds.yml',
  'src/index.ts', 'src/app.test.ts', 'README.md', 'docs/guide.md', 'shop/cart.py', 'assets/logo.png',
];

describe('which changes run the coverage inspector', () => {
  it('every file some coverage reader reads is recognised by name, without loading the readers', () => {
    const read = PATHS.filter((file) => COVERAGE_READERS.some((reader) => reader.readsFile(file)));
    expect(read.length).toBeGreaterThan(20);
    expect(read.filter((file) => !mayBeCoverageInput(file))).toEqual([]);
  });

  it('ordinary source edits do not run it; renames always do', () => {
    for (const file of ['src/index.ts', 'src/app.test.ts', 'README.md', 'shop/cart.py']) {
      expect(changeMayAffectCoverage({ status: 'modified', basePath: file, headPath: file }), file).toBe(false);
    }
    expect(changeMayAffectCoverage({ status: 'renamed', basePath: 'src/a.ts', headPath: 'scripts/a.ts' })).toBe(true);
    expect(changeMayAffectCoverage({ status: 'modified', basePath: 'vitest.config.ts', headPath: 'vitest.config.ts' })).toBe(true);
  });
});
