import type { ConfigSource } from '../config-source.js';
import { isPackageJson, isWorkflow } from '../commands/walk.js';
import type { TypeCheckFacts } from './model.js';
import { MYPY_FILES, readMypy } from './mypy.js';
import { isPyrightInput, readPyright } from './pyright.js';
import { isTsconfigName } from './ts-gates.js';
import { readTypeScript } from './typescript.js';

/**
 * Everything the type-check inspector reads, loaded lazily by the project inspector: tsconfigs
 * (and what they extend, loaded on demand), package.json files (scripts, workspace packages),
 * workflows, mypy and pyright configs.
 */
export function readsTypeCheckFile(path: string): boolean {
  return isTsconfigName(path) || /(^|\/)jsconfig[^/]*\.json$/.test(path) || isPackageJson(path) || isWorkflow(path) || (MYPY_FILES as readonly string[]).includes(path) || isPyrightInput(path);
}

export function readTypeCheckFacts(source: ConfigSource): TypeCheckFacts {
  const ts = readTypeScript(source);
  const pyright = readPyright(source);
  return { ts: ts.projects, tsSelection: ts.selection, mypy: readMypy(source), pyright: pyright.configs, unresolved: [...ts.unresolved, ...pyright.unresolved] };
}
