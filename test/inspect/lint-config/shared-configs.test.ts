import { describe, expect, it } from 'vitest';
import { changeMayAffectLint } from '../../../src/inspect/lint-config/project-inspector.js';
import { replacementsOf, sharedFromExtends, sharedFromImport, sharedIncludes } from '../../../src/inspect/lint-config/shared-configs.js';

describe('shareable config identities', () => {
  it('names a config the same in its legacy and flat spellings', () => {
    const pairs: [string, string][] = [
      [sharedFromExtends('eslint:recommended'), sharedFromImport('@eslint/js', ['default', 'configs', 'recommended'])],
      [sharedFromExtends('plugin:@typescript-eslint/strict-type-checked'), sharedFromImport('typescript-eslint', ['default', 'configs', 'strictTypeChecked'])],
      [sharedFromExtends('plugin:@typescript-eslint/recommended'), sharedFromImport('@typescript-eslint/eslint-plugin', ['default', 'configs', 'recommended'])],
      [sharedFromExtends('plugin:react/recommended'), sharedFromImport('eslint-plugin-react', ['default', 'configs', 'flat', 'recommended'])],
      [sharedFromExtends('plugin:vue/recommended'), sharedFromImport('eslint-plugin-vue', ['default', 'configs', 'flat/recommended'])],
      [sharedFromExtends('plugin:react-hooks/recommended'), sharedFromImport('eslint-plugin-react-hooks', ['default', 'configs', 'recommended'])],
      [sharedFromExtends('prettier'), sharedFromImport('eslint-config-prettier', ['default'])],
      [sharedFromExtends('next/core-web-vitals'), 'eslint-config-next:coreWebVitals'],
      [sharedFromExtends('@vue/typescript'), '@vue/eslint-config-typescript:'],
      [sharedFromExtends('@vue/eslint-config-typescript/recommended'), '@vue/eslint-config-typescript:recommended'],
      [sharedFromExtends('plugin:@next/next/recommended'), sharedFromImport('@next/eslint-plugin-next', ['default', 'configs', 'recommended'])],
    ];
    for (const [legacy, flat] of pairs) expect(legacy).toBe(flat);
  });

  it('orders configs of a family: head keeps a base config when it has one that includes it', () => {
    expect(sharedIncludes('typescript-eslint:strictTypeChecked', 'typescript-eslint:recommended')).toBe(true);
    expect(sharedIncludes('typescript-eslint:strictTypeChecked', 'typescript-eslint:recommendedTypeChecked')).toBe(true);
    expect(sharedIncludes('typescript-eslint:strict', 'typescript-eslint:recommendedTypeChecked')).toBe(false);
    expect(sharedIncludes('typescript-eslint:recommended', 'typescript-eslint:strict')).toBe(false);
    expect(sharedIncludes('@eslint/js:all', '@eslint/js:recommended')).toBe(true);
    expect(sharedIncludes('eslint-plugin-vue:recommended', 'eslint-plugin-vue:essential')).toBe(true);
    expect(sharedIncludes('eslint-plugin-unicorn:all', 'eslint-plugin-unicorn:recommended')).toBe(true);
    expect(sharedIncludes('eslint-plugin-unicorn:recommended', 'eslint-plugin-unicorn:all')).toBe(false);
    expect(sharedIncludes('eslint-plugin-react:all', 'typescript-eslint:recommended')).toBe(false);
  });

  it('knows the standard replacement of a rule', () => {
    expect(replacementsOf('no-unused-vars')).toEqual(['@typescript-eslint/no-unused-vars']);
    expect(replacementsOf('no-throw-literal')).toEqual(['@typescript-eslint/only-throw-error']);
    expect(replacementsOf('semi')).toEqual(['@stylistic/semi', '@stylistic/js/semi', '@stylistic/ts/semi']);
    expect(replacementsOf('import/no-cycle')).toEqual(['import-x/no-cycle']);
    expect(replacementsOf('no-console')).toEqual([]);
  });
});

describe('when the lint inspector runs', () => {
  const changed = (path: string, status: 'modified' | 'renamed' = 'modified') => ({ status, basePath: path, headPath: path });
  it('runs for lint configs, ignore files, scripts and workflows, and renames', () => {
    for (const path of ['eslint.config.mjs', 'packages/web/.eslintrc.cjs', '.eslintignore', 'biome.jsonc', '.oxlintrc.json', 'pyproject.toml', 'ruff.toml', 'setup.cfg', '.flake8', 'package.json', '.github/workflows/ci.yml', 'eslint/rules.mjs']) {
      expect(changeMayAffectLint(changed(path)), path).toBe(true);
    }
    expect(changeMayAffectLint(changed('src/cart.ts', 'renamed'))).toBe(true);
  });
  it('does not run for a source file edited in place', () => {
    expect(changeMayAffectLint(changed('src/cart.ts'))).toBe(false);
    expect(changeMayAffectLint(changed('app/orders.py'))).toBe(false);
  });
});
