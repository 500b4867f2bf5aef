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
  return { flows: analyseSecretFlows(parseSource(path, text, mode)) };
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
