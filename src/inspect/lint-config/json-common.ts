import { jsonValue, type ConfigValue } from '../config-eval/index.js';
import { newLintConfig } from './model.js';
import type { LintConfig } from './model.js';

/** Shared by the Biome and oxlint readers: a JSON(C) config as located values. */
export function readJson(file: string, text: string): ConfigValue {
  return jsonValue(file, text);
}

export function emptyConfig(tool: 'biome' | 'oxlint', file: string, defaultFiles: string[]): LintConfig {
  return newLintConfig({
    tool,
    naming: 'names',
    file,
    dir: file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '',
    defaultFiles,
    defaultIgnores: ['**/node_modules/'],
    dot: false,
    cascade: false,
  });
}

