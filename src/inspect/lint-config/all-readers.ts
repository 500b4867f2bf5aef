import type { ConfigSource } from '../config-source.js';
import { lintInvocations } from './commands.js';
import { FLAT_CONFIG, readEslintFlat } from './eslint-flat.js';
import { isLegacyConfigName, legacyConfigFiles, readEslintLegacy } from './eslint-legacy.js';
import { readFlake8 } from './flake8.js';
import { BIOME_NAMES, readBiome } from './biome.js';
import { OXLINT_NAMES, readOxlint } from './oxlint.js';
import type { LintConfig, LintFacts } from './model.js';
import { isRuffConfig, readRuff, RUFF_NAMES } from './ruff.js';

/** The readers, loaded lazily by the lint project inspector (they pull in the evaluator and TOML parser). */

const baseOf = (file: string): string => file.slice(file.lastIndexOf('/') + 1);
const dirOf = (file: string): string => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');

/** Files a reader may need before it runs: configs, ignore files, package.json and workflows (for scripts). */
export function readsLintFile(file: string): boolean {
  if (file.split('/').includes('node_modules')) return false;
  const name = baseOf(file);
  return (
    FLAT_CONFIG.test(file) ||
    isLegacyConfigName(file) ||
    name === '.eslintignore' ||
    name === 'package.json' ||
    BIOME_NAMES.includes(name) ||
    OXLINT_NAMES.includes(name) ||
    RUFF_NAMES.includes(name) ||
    name === 'setup.cfg' ||
    name === 'tox.ini' ||
    name === '.flake8' ||
    /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file)
  );
}

export function readLintFacts(source: ConfigSource): LintFacts {
  const configs: LintConfig[] = [];
  const paths = [...source.paths].filter((file) => !file.split('/').includes('node_modules')).sort();
  for (const file of paths) if (FLAT_CONFIG.test(file)) configs.push(readEslintFlat(source, file));
  for (const file of legacyConfigFiles(source)) configs.push(readEslintLegacy(source, file));
  const byDir = new Map<string, string>();
  for (const file of paths) {
    const name = baseOf(file);
    if (BIOME_NAMES.includes(name)) {
      const text = source.read(file);
      if (text !== null) configs.push(readBiome(file, text));
    } else if (OXLINT_NAMES.includes(name)) {
      const text = source.read(file);
      if (text !== null) configs.push(readOxlint(file, text));
    } else if (RUFF_NAMES.includes(name)) {
      const text = source.read(file);
      if (text === null || !isRuffConfig(file, text)) continue;
      // In one folder ruff reads `.ruff.toml`, then `ruff.toml`, then `pyproject.toml`.
      const current = byDir.get(dirOf(file));
      if (current === undefined || RUFF_NAMES.indexOf(name) < RUFF_NAMES.indexOf(baseOf(current))) byDir.set(dirOf(file), file);
    }
  }
  for (const file of byDir.values()) {
    const config = readRuff(source, file);
    if (config) configs.push(config);
  }
  const flake8 = readFlake8(source);
  if (flake8) configs.push(flake8);
  return { configs, invocations: lintInvocations(source) };
}
