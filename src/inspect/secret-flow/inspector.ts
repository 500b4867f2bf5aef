import { UnparseableError } from '../../core/errors.js';
import type { Inspector } from '../inspector.js';
import { parseModeOf, parseSource } from '../js/parse.js';
import { analyseSecretFlows } from './analyze.js';
import type { SecretFlowFacts } from './model.js';

/**
 * Flows of secrets into LLM prompts, logs and errors in one JS/TS file (declaration files hold
 * no code, so they are left out). Parsed, never executed.
 * @throws UnparseableError when the file does not parse.
 */
export function inspectSecretFlows(path: string, text: string): SecretFlowFacts {
  const mode = parseModeOf(path);
  if (!mode || mode.lang === 'dts') return { flows: [] };
  const source = parseSource(path, text, mode);
  try {
    return { flows: analyseSecretFlows(source) };
  } catch (error) {
    // The walk recurses: a generated or minified file can nest deeper than the stack. Said so,
    // never silently treated as free of flows.
    if (error instanceof RangeError) throw new UnparseableError('too deeply nested for the secret-flow analysis', 1);
    throw error;
  }
}

export const secretFlowInspector: Inspector<SecretFlowFacts> = {
  id: 'secret-flow@1',
  appliesTo: (path) => {
    const mode = parseModeOf(path);
    return mode !== null && mode.lang !== 'dts';
  },
  cacheKey: (path) => parseModeOf(path)?.extension ?? '',
  inspect: inspectSecretFlows,
};
