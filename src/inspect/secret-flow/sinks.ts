/**
 * LLM and log sinks by SDK. A file that imports an SDK makes that SDK's call shapes sinks
 * (`*.chat.completions.create` in a file importing `openai`), whatever the client variable is
 * called: clients are passed around, stored on `this` and re-exported, and the shapes are
 * specific enough. Only the content-carrying options are read, so the client's `apiKey` option
 * and `Authorization`/`x-api-key` headers — the correct use of a key — are never looked at.
 */

export type Sdk = 'openai' | 'anthropic' | 'ai' | 'langchain' | 'google' | 'ollama';

/** The SDK a module specifier belongs to, or null. */
export function sdkOf(module: string): Sdk | null {
  if (module === 'openai' || module.startsWith('openai/')) return 'openai';
  if (module === '@anthropic-ai/sdk' || module.startsWith('@anthropic-ai/sdk/')) return 'anthropic';
  if (module === 'ai' || module.startsWith('@ai-sdk/')) return 'ai';
  if (module === 'langchain' || module.startsWith('langchain/') || module.startsWith('@langchain/')) return 'langchain';
  if (module === '@google/genai' || module === '@google/generative-ai') return 'google';
  if (module === 'ollama' || module.startsWith('ollama/')) return 'ollama';
  return null;
}

/** A method-path sink: the callee's member path ends with `path`; `options` of the first argument carry content. */
export interface MethodSink {
  sdk: Sdk;
  /** Member path suffix, e.g. ['chat', 'completions', 'create']. */
  path: readonly string[];
  name: string;
  /** Content-carrying properties of the options argument; null: the whole first argument is content. */
  options: readonly string[] | null;
}

const method = (sdk: Sdk, dotted: string, name: string, options: readonly string[] | null): MethodSink => ({ sdk, path: dotted.split('.'), name, options });

/** Longest paths first: `chat.completions.create` must win over `completions.create`. */
export const METHOD_SINKS: readonly MethodSink[] = [
  method('openai', 'beta.chat.completions.parse', 'openai.beta.chat.completions.parse', ['messages']),
  method('openai', 'chat.completions.create', 'openai.chat.completions.create', ['messages']),
  method('openai', 'chat.completions.parse', 'openai.chat.completions.parse', ['messages']),
  method('openai', 'chat.completions.stream', 'openai.chat.completions.stream', ['messages']),
  method('openai', 'responses.create', 'openai.responses.create', ['input', 'instructions']),
  method('openai', 'responses.stream', 'openai.responses.stream', ['input', 'instructions']),
  method('openai', 'completions.create', 'openai.completions.create', ['prompt']),
  method('openai', 'embeddings.create', 'openai.embeddings.create', ['input']),
  method('anthropic', 'beta.messages.create', 'anthropic.beta.messages.create', ['system', 'messages']),
  method('anthropic', 'messages.create', 'anthropic.messages.create', ['system', 'messages']),
  method('anthropic', 'messages.stream', 'anthropic.messages.stream', ['system', 'messages']),
  method('anthropic', 'messages.countTokens', 'anthropic.messages.countTokens', ['system', 'messages']),
  method('google', 'models.generateContentStream', 'genai.models.generateContentStream', ['contents', 'config']),
  method('google', 'models.generateContent', 'genai.models.generateContent', ['contents', 'config']),
  method('google', 'generateContent', 'model.generateContent', null),
  method('google', 'sendMessage', 'chat.sendMessage', null),
  method('langchain', 'fromMessages', 'ChatPromptTemplate.fromMessages', null),
  method('langchain', 'fromTemplate', 'PromptTemplate.fromTemplate', null),
  method('langchain', 'invoke', 'model.invoke', null),
  method('langchain', 'stream', 'model.stream', null),
  method('langchain', 'batch', 'model.batch', null),
  method('langchain', 'call', 'chain.call', null),
];

/** Vercel AI SDK functions imported from `ai`. */
export const AI_SDK_FUNCTIONS: ReadonlySet<string> = new Set(['generateText', 'streamText', 'generateObject', 'streamObject']);
export const AI_SDK_OPTIONS: readonly string[] = ['prompt', 'system', 'messages'];

/** Ollama client methods (on the default `ollama` export or a `new Ollama()`). */
export const OLLAMA_METHODS: ReadonlyMap<string, readonly string[]> = new Map([
  ['chat', ['messages']],
  ['generate', ['prompt', 'system']],
  ['embed', ['input']],
]);

/** LangChain message classes: their first argument is message content. */
export const LANGCHAIN_MESSAGES: ReadonlySet<string> = new Set(['HumanMessage', 'SystemMessage', 'AIMessage', 'ChatMessage', 'ToolMessage']);

/** Hosts of LLM APIs: a secret in the body of a request to them is in a prompt. */
const LLM_HOSTS = /\b(?:api\.openai\.com|api\.anthropic\.com|generativelanguage\.googleapis\.com|api\.mistral\.ai|api\.groq\.com|api\.cohere\.(?:ai|com)|openrouter\.ai|api\.together\.xyz|api\.deepseek\.com|api\.x\.ai|localhost:11434|127\.0\.0\.1:11434)\b/;

export function llmHostOf(url: string): string | null {
  return LLM_HOSTS.exec(url)?.[0] ?? null;
}

export const CONSOLE_METHODS: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']);
export const LOGGER_METHODS: ReadonlySet<string> = new Set(['info', 'warn', 'error', 'debug', 'trace', 'fatal', 'log', 'verbose', 'silly', 'http', 'notice', 'critical']);
/** Calls creating a logger: `pino()`, `winston.createLogger()`, `bunyan.createLogger()`. */
export const LOGGER_FACTORIES: ReadonlySet<string> = new Set(['pino', 'createLogger', 'getLogger']);
/** Variable names that are loggers by convention. */
export const LOGGER_NAMES = /^(?:logger|log|_logger|LOGGER)$|Logger$/;
