/**
 * Static partial evaluation of JS/TS/JSON/YAML configuration: values with their `file:line`,
 * unresolvable parts marked as such, nothing from the audited repository ever executed.
 */
export { createConfigEvaluator, evaluateModuleText, packageReference, PACKAGE_VALUE } from './evaluate.js';
export type { ConfigEvaluator, EvaluateOptions, ModuleValue, PackageCall, PackageImport, PackageReference } from './evaluate.js';
export { jsonValue, yamlValue } from './data.js';
export { mergeConfigValues } from './merge.js';
export { dirname, joinPath, relativePath, resolvePath, importCandidates } from './paths.js';
export * from './value.js';
