import { lazyModule } from '../../core/lazy.js';
import type { Inspector } from '../inspector.js';
import { detectSecrets } from '../secrets/engine.js';
import type { SecretFlowFacts } from './model.js';

/** Loaded with the WebAssembly grammar by `prepare()`, so start-up never pays for it. */
const flowModule = lazyModule(async () => {
  const loaded = await import('./python.js');
  await loaded.preparePython();
  return loaded;
});

const SOURCE_HINT = /environ|getenv/;

/**
 * Secret flows in one Python file (see python.ts). Files that never read the environment are
 * not parsed unless they hold a literal the detectors flag.
 * @throws UnparseableError when the file does not parse.
 */
export const pythonSecretFlowInspector: Inspector<SecretFlowFacts> = {
  id: 'secret-flow-python@1',
  appliesTo: (path) => /\.pyw?$/.test(path),
  prepare: flowModule.load,
  inspect: (_path, text) => {
    const analysis = flowModule.loaded();
    if (!analysis) throw new Error('pythonSecretFlowInspector.inspect called before prepare()');
    if (!SOURCE_HINT.test(text) && !detectSecrets(text).some((match) => !match.example)) return { flows: [] };
    return { flows: analysis.analysePythonFlows(text) };
  },
};
