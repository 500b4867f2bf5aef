import { coverageProjectInspector } from './project-inspector.js';

/**
 * The coverage facts of a whole revision, shared by every coverage rule (computed once per
 * audit). The readers, and the YAML/TOML parsers they use, are loaded only when a change can
 * affect coverage: most changes cannot, and loading them costs a quarter of an audit's budget.
 */
export const coverageInspector = coverageProjectInspector(async () => (await import('./all-readers.js')).COVERAGE_READERS);
