import { coverageConfigUnresolvable } from '../../src/rules/coverage/config-unresolvable.js';
import { coverageScopeNarrowed } from '../../src/rules/coverage/scope-narrowed.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pkg = (extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({ name: 'shop', private: true, type: 'module', devDependencies: { vitest: '^3.2.4', '@vitest/coverage-v8': '^3.2.4' }, ...extra }, null, 2)}\n`;

const vitestConfig = (coverage: string) => `import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    coverage: {
${coverage}
    },
  },
});
`;

const sources = {
  'src/cart.ts': 'export const cart = 1;\n',
  'src/discount.ts': 'export const discount = 2;\n',
  'src/format.ts': 'export const format = 3;\n',
  'src/legacy/old.ts': 'export const old = 4;\n',
  'src/gen/api.generated.ts': 'export const api = 5;\n',
};

ruleTester(coverageScopeNarrowed, {
  valid: [
    {
      name: 'reformatted config with the same effective values',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/**/*.ts'],\n      exclude: ['src/legacy/**'],"), ...sources },
      head: {
        'package.json': pkg(),
        'vitest.config.ts': "import { defineConfig } from 'vitest/config'\nexport default defineConfig({ test: { coverage: { exclude: [\"src/legacy/**\"], include: [\"src/**/*.ts\"] } } })\n",
        ...sources,
      },
    },
    {
      name: 'config renamed with identical values',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/**/*.ts'],"), ...sources },
      head: { 'package.json': pkg(), 'vitest.config.mts': vitestConfig("      include: ['src/**/*.ts'],"), ...sources },
    },
    {
      name: 'a deleted file is not narrowing',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/**/*.ts'],"), ...sources },
      head: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/**/*.ts'],"), ...sources, 'src/legacy/old.ts': null },
    },
    {
      name: 'a moved source folder with the include updated',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/**/*.ts'],"), 'src/cart.ts': 'export const cart = 1;\nexport const more = 2;\n' },
      head: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['lib/**/*.ts'],"), 'lib/cart.ts': 'export const cart = 1;\nexport const more = 2;\n' },
    },
    {
      name: 'a widened include',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/format.ts'],"), ...sources },
      head: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/**/*.ts'],"), ...sources },
    },
    {
      name: 'shared config imported and merged, unchanged effective scope',
      base: {
        'package.json': pkg(),
        'vitest.shared.ts': "export const shared = { test: { coverage: { include: ['src/**/*.ts'] } } };\n",
        'vitest.config.ts': "import { defineConfig, mergeConfig } from 'vitest/config';\nimport { shared } from './vitest.shared';\n\nexport default mergeConfig(shared, defineConfig({ test: { environment: 'node' } }));\n",
        ...sources,
      },
      head: {
        'package.json': pkg(),
        'vitest.shared.ts': "export const shared = {\n  test: {\n    coverage: { include: ['src/**/*.ts'] },\n  },\n};\n",
        'vitest.config.ts': "import { defineConfig, mergeConfig } from 'vitest/config';\nimport { shared } from './vitest.shared';\n\nexport default mergeConfig(shared, defineConfig({ test: { environment: 'jsdom' } }));\n",
        ...sources,
      },
    },
  ],
  invalid: [
    {
      name: 'the coverage story: include narrowed to the one file already at 100%',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/**/*.ts'],"), ...sources },
      head: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/format.ts'],"), ...sources },
      findings: [
        {
          file: 'vitest.config.ts',
          line: 6,
          severity: 'block',
          message: /no longer measures 4 files .*src\/cart\.ts, src\/discount\.ts, src\/gen\/api\.generated\.ts, src\/legacy\/old\.ts/,
          before: 'src/**/*.ts',
          after: 'src/format.ts',
        },
      ],
    },
    {
      name: 'an exclude added, grouped by the pattern',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/**/*.ts'],"), ...sources },
      head: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/**/*.ts'],\n      exclude: ['src/legacy/**', 'src/discount.ts'],"), ...sources },
      findings: [
        { file: 'vitest.config.ts', line: 7, severity: 'block', message: /excluded by `src\/discount\.ts`/ },
        { file: 'vitest.config.ts', line: 7, severity: 'block', message: /1 file .*excluded by `src\/legacy\/\*\*`.*src\/legacy\/old\.ts/ },
      ],
    },
    {
      name: 'a newly excluded generated folder is warn, not block',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/**/*.ts'],"), ...sources },
      head: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/**/*.ts'],\n      exclude: ['**/*.generated.ts'],"), ...sources },
      findings: [{ file: 'vitest.config.ts', severity: 'warn', message: 'src/gen/api.generated.ts' }],
    },
    {
      name: 'a source file moved out of the measured folder',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/**/*.ts'],"), 'src/cart.ts': 'export const cart = 1;\nexport const total = 2;\n' },
      head: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("      include: ['src/**/*.ts'],"), 'scripts/cart.ts': 'export const cart = 1;\nexport const total = 2;\n' },
      findings: [{ file: 'vitest.config.ts', severity: 'block', message: 'scripts/cart.ts' }],
    },
    {
      name: 'vitest workspace: root coverage narrowed while project configs stay',
      base: {
        'package.json': pkg(),
        'vitest.config.ts':
          "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: {\n    projects: ['packages/*'],\n    coverage: { include: ['packages/*/src/**'] },\n  },\n});\n",
        'packages/web/vitest.config.ts': "import { defineProject } from 'vitest/config';\n\nexport default defineProject({ test: { environment: 'jsdom' } });\n",
        'packages/web/src/app.ts': 'export const app = 1;\n',
        'packages/api/vitest.config.ts': "import { defineProject } from 'vitest/config';\n\nexport default defineProject({ test: { environment: 'node' } });\n",
        'packages/api/src/server.ts': 'export const server = 1;\n',
      },
      head: {
        'package.json': pkg(),
        'vitest.config.ts':
          "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: {\n    projects: ['packages/*'],\n    coverage: { include: ['packages/web/src/**'] },\n  },\n});\n",
        'packages/web/vitest.config.ts': "import { defineProject } from 'vitest/config';\n\nexport default defineProject({ test: { environment: 'jsdom' } });\n",
        'packages/web/src/app.ts': 'export const app = 1;\n',
        'packages/api/vitest.config.ts': "import { defineProject } from 'vitest/config';\n\nexport default defineProject({ test: { environment: 'node' } });\n",
        'packages/api/src/server.ts': 'export const server = 1;\n',
      },
      findings: [{ file: 'vitest.config.ts', line: 6, severity: 'block', message: 'packages/api/src/server.ts' }],
    },
    {
      name: 'jest projects: a project ignore pattern widened',
      base: {
        'package.json': `${JSON.stringify({ name: 'mono', jest: { collectCoverageFrom: ['packages/*/src/**/*.js'], projects: ['<rootDir>/packages/*'] } }, null, 2)}\n`,
        'packages/a/package.json': `${JSON.stringify({ name: 'a', jest: { testEnvironment: 'node' } }, null, 2)}\n`,
        'packages/a/src/index.js': 'module.exports = 1;\n',
        'packages/a/src/legacy.js': 'module.exports = 2;\n',
      },
      head: {
        'package.json': `${JSON.stringify({ name: 'mono', jest: { collectCoverageFrom: ['packages/*/src/**/*.js', '!**/legacy.js'], projects: ['<rootDir>/packages/*'] } }, null, 2)}\n`,
        'packages/a/package.json': `${JSON.stringify({ name: 'a', jest: { testEnvironment: 'node' } }, null, 2)}\n`,
        'packages/a/src/index.js': 'module.exports = 1;\n',
        'packages/a/src/legacy.js': 'module.exports = 2;\n',
      },
      findings: [{ file: 'package.json', severity: 'block', message: 'packages/a/src/legacy.js' }],
    },
    {
      name: 'jest in package.json: collectCoverageFrom narrowed',
      base: {
        'package.json': `${JSON.stringify({ name: 'api', jest: { collectCoverageFrom: ['src/**/*.js'] } }, null, 2)}\n`,
        'src/a.js': 'module.exports = 1;\n',
        'src/b.js': 'module.exports = 2;\n',
      },
      head: {
        'package.json': `${JSON.stringify({ name: 'api', jest: { collectCoverageFrom: ['src/**/*.js', '!src/b.js'] } }, null, 2)}\n`,
        'src/a.js': 'module.exports = 1;\n',
        'src/b.js': 'module.exports = 2;\n',
      },
      findings: [{ file: 'package.json', severity: 'block', message: 'src/b.js' }],
    },
    {
      name: 'nyc rc file: exclude widened',
      base: { '.nycrc.json': '{\n  "all": true,\n  "include": ["lib/**"]\n}\n', 'lib/a.js': 'exports.a = 1;\n', 'lib/b.js': 'exports.b = 1;\n' },
      head: { '.nycrc.json': '{\n  "all": true,\n  "include": ["lib/**"],\n  "exclude": ["lib/b.js"]\n}\n', 'lib/a.js': 'exports.a = 1;\n', 'lib/b.js': 'exports.b = 1;\n' },
      findings: [{ file: '.nycrc.json', severity: 'block', message: 'lib/b.js' }],
    },
    {
      name: 'coverage.py in pyproject.toml: omit widened',
      base: {
        'pyproject.toml': '[project]\nname = "shop"\n\n[tool.coverage.run]\nsource = ["shop"]\n',
        'shop/__init__.py': '',
        'shop/cart.py': 'def total():\n    return 1\n',
        'shop/legacy.py': 'def old():\n    return 2\n',
      },
      head: {
        'pyproject.toml': '[project]\nname = "shop"\n\n[tool.coverage.run]\nsource = ["shop"]\nomit = ["shop/legacy.py"]\n',
        'shop/__init__.py': '',
        'shop/cart.py': 'def total():\n    return 1\n',
        'shop/legacy.py': 'def old():\n    return 2\n',
      },
      findings: [{ file: 'pyproject.toml', severity: 'block', message: 'shop/legacy.py' }],
    },
  ],
});

const workflow = (flags: string) =>
  `name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        dir: [src, lib]\n    steps:\n      - uses: actions/checkout@v4\n      - name: Coverage\n        run: npx vitest run --coverage ${flags}\n`;

ruleTester(coverageConfigUnresolvable, {
  valid: [
    {
      name: 'a workflow flag with a literal include',
      base: { '.github/workflows/ci.yml': workflow('--coverage.include=src/**'), 'src/a.ts': 'export const a = 1;\n' },
      head: { '.github/workflows/ci.yml': workflow("--coverage.include='src/**'"), 'src/a.ts': 'export const a = 1;\n' },
    },
  ],
  invalid: [
    {
      name: 'a workflow flag whose include is a GitHub Actions expression',
      base: { '.github/workflows/ci.yml': workflow('--coverage.include=src/**'), 'src/a.ts': 'export const a = 1;\n' },
      head: { '.github/workflows/ci.yml': workflow("--coverage.include='${{ matrix.dir }}/**'"), 'src/a.ts': 'export const a = 1;\n' },
      findings: [{ file: '.github/workflows/ci.yml', line: 12, severity: 'warn', message: /GitHub Actions expression.*matrix\.dir/ }],
    },
  ],
});
