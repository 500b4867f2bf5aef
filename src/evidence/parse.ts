import { parseCoverageReport } from './coverage/detect.js';
import type { CoverageParseOptions } from './coverage/model.js';
import type { Evidence, EvidenceFormat } from '../gates/model.js';
import { parseEslintJson } from './lint/eslint-json.js';
import { parseSarif } from './lint/sarif.js';
import { parseJUnit } from './tests/junit.js';
import { parseTscOutput } from './typecheck/tsc.js';

/**
 * Where report paths are rooted: the checkout the evidence was produced in, and the paths of the
 * revision (see `src/evidence/coverage/paths.ts` for how absolute and partial paths are mapped).
 */
export type EvidenceParseOptions = CoverageParseOptions;

/**
 * Parses one evidence file of a declared format. Pure and synchronous: the caller reads the file.
 * Malformed input throws an InputError whose one-line message names `sourceName`, the line when
 * known, and the problem; it never returns an empty result for something that is not the format.
 * The parsers are small; fast-xml-parser (JUnit, cobertura) is the only library they load.
 */
export function parseEvidence(format: EvidenceFormat, text: string, sourceName: string, options?: EvidenceParseOptions): Evidence {
  switch (format) {
    case 'junit':
      return { kind: 'tests', report: parseJUnit(text, sourceName, options) };
    case 'coverage':
      return { kind: 'coverage', report: parseCoverageReport(text, sourceName, options) };
    case 'eslint':
      return { kind: 'lint', report: parseEslintJson(text, sourceName, options) };
    case 'sarif':
      return { kind: 'lint', report: parseSarif(text, sourceName, options) };
    case 'tsc':
      return { kind: 'typecheck', report: parseTscOutput(text, sourceName, options) };
  }
}
