import { parseCoverageReport } from './coverage/detect.js';
import { coverageInputError } from './coverage/input-error.js';
import type { CoverageParseOptions } from './coverage/model.js';
import type { Evidence, EvidenceFormat } from '../gates/model.js';
import { parseJUnit } from './tests/junit.js';

/**
 * Where report paths are rooted: the checkout the evidence was produced in, and the paths of the
 * revision (see `src/evidence/coverage/paths.ts` for how absolute and partial paths are mapped).
 */
export type EvidenceParseOptions = CoverageParseOptions;

/**
 * Parses one evidence file of a declared format. Pure and synchronous: the caller reads the file.
 * Malformed input throws an InputError whose one-line message names `sourceName`, the line when
 * known, and the problem; it never returns an empty result for something that is not the format.
 */
export function parseEvidence(format: EvidenceFormat, text: string, sourceName: string, options?: EvidenceParseOptions): Evidence {
  switch (format) {
    case 'junit':
      return { kind: 'tests', report: parseJUnit(text, sourceName, options) };
    case 'coverage':
      return { kind: 'coverage', report: parseCoverageReport(text, sourceName, options) };
    case 'eslint':
    case 'sarif':
    case 'tsc':
      throw coverageInputError(sourceName, '', `evidence format '${format}' is not read yet`);
  }
}
