import type { Inspector } from '../inspector.js';
import { detectSecrets } from '../secrets/engine.js';
import type { SecretFlowFacts } from './model.js';

/** Loaded with the WebAssembly grammar by `prepare()`, so start-up never pays for it. */
let analysis: typeof import('./python.js') | null = null;
let ready: Promise<void> | null = null;

function prepare(): Promise<void> {
  ready ??= (async () => {
    const loaded = await import('./python.js');
    await loaded.preparePython();
    analysis = loaded;
  })().catch((error: unknown) => {
    ready = null;
    throw error;
  });
  return ready;
}

const SOURCE_HINT = /environ|getenv/;

/**
 * Secret flows in one Python file (see python.ts). Files that never read the environment are
 * not parsed unless they hold a literal the detectors flag.
 * @throws UnparseableError when the file does not parse.
 */
export const pythonSecretFlowInspector: Inspector<SecretFlowFacts> = {
  id: 'secret-flow-python@1',
  appliesTo: (path) => /\.pyw?$/.test(path),
  prepare,
  inspect: (_path, text) => {
    if (!analysis) throw new Error('pythonSecretFlowInspector.inspect called before prepare()');
    if (!SOURCE_HINT.test(text) && !detectSecrets(text).some((match) => !match.example)) return { flows: [] };
    return { flows: analysis.analysePythonFlows(text) };
  },
};
