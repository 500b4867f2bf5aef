import { UnparseableError } from '../../core/errors.js';
import type { Inspector } from '../inspector.js';
import { parseModeOf, parseSource } from '../js/parse.js';
import { detectSecrets } from '../secrets/engine.js';
import { analyseSecretFlows } from './analyze.js';
import type { SecretFlowFacts } from './model.js';

// Text every source the analysis knows contains (see sources.ts and analyze.ts); a literal
// source is one the detectors flag.
const SOURCE_HINT = /process\.env|import\.meta\.env|\.parsed\b|getSecret|accessSecretVersion|getParameter|SecretValueCommand|Parameters?(?:ByPath)?Command|vault/i;

/**
 * Without a source there is no flow, so most files (no environment read, no secret) are not
 * parsed at all: this inspector runs on every changed JS/TS file and the audit must stay fast.
 */
function mayHoldSource(text: string): boolean {
  return SOURCE_HINT.test(text) || detectSecrets(text).some((match) => !match.example);
}

/**
 * Flows of secrets into LLM prompts, logs and errors in one JS/TS file (declaration files hold
 * no code, so they are left out). Parsed, never executed.
 * @throws UnparseableError when the file does not parse.
 */
export function inspectSecretFlows(path: string, text: string): SecretFlowFacts {
  const mode = parseModeOf(path);
  if (!mode || mode.lang === 'dts' || !mayHoldSource(text)) return { flows: [] };
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
