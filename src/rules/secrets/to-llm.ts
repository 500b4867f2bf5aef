import type { FindingDraft } from '../../core/types.js';
import { secretFlowInspector } from '../../inspect/secret-flow/inspector.js';
import { pythonSecretFlowInspector } from '../../inspect/secret-flow/python-inspector.js';
import type { SecretFlow, SinkKind } from '../../inspect/secret-flow/model.js';
import { defineRule, type ChangedFile } from '../rule.js';
import { RemovalPool, unmatchedItems } from '../support/matching.js';

/**
 * The identity of a flow: sink kind, call and source — not the line, nor where in the call's
 * arguments it lands, so adding a message before it or reformatting does not make it new.
 */
const flowKey = (flow: SecretFlow): string => `${flow.sink}:${flow.sinkCall}:${flow.source}`;

/**
 * Flows into the given sink kinds that the change adds: head flows with no base flow of the same
 * key in the same file (following renames), minus flows that left another file of the change —
 * moved code carries its flows with it.
 */
export function addedFlows(files: readonly ChangedFile[], sinks: readonly SinkKind[]): { path: string; flow: SecretFlow }[] {
  const wanted = (flows: readonly SecretFlow[] | undefined): SecretFlow[] => (flows ?? []).filter((flow) => sinks.includes(flow.sink));
  const additions: { path: string; flow: SecretFlow }[] = [];
  const removals: SecretFlow[] = [];
  for (const file of files) {
    const base = wanted(file.basePath ? (file.base(secretFlowInspector) ?? file.base(pythonSecretFlowInspector))?.flows : undefined);
    const head = wanted(file.headPath ? (file.head(secretFlowInspector) ?? file.head(pythonSecretFlowInspector))?.flows : undefined);
    if (file.headPath) for (const flow of unmatchedItems(base, head, flowKey)) additions.push({ path: file.headPath, flow });
    removals.push(...unmatchedItems(head, base, flowKey));
  }
  const pool = new RemovalPool(removals, flowKey);
  return additions.filter((addition) => !pool.take(addition.flow));
}

/** The JS/TS and Python inspectors; a file gets facts from the one that applies to it. */
export const SECRET_FLOW_INSPECTORS = [secretFlowInspector, pythonSecretFlowInspector] as const;

const INTO: Record<SinkKind, string> = { llm: 'the prompt of', log: 'a log line through', error: 'an error message through' };

/** A finding for one added flow: the source's name (or a literal's redacted preview), never a value. */
export function flowFinding(path: string, flow: SecretFlow): FindingDraft {
  const where = flow.detail ? ` (${flow.detail})` : '';
  return {
    message: `\`${flow.source}\` flows into ${INTO[flow.sink]} \`${flow.sinkCall}\`${where}`,
    file: path,
    line: flow.line,
    side: 'head',
    after: flow.text,
    key: `${flow.sink}:${flow.sinkCall}:${flow.source}`,
  };
}

const client = "import OpenAI from 'openai';\n\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n\n";
const ask = (content: string): string =>
  `${client}export async function ask(question: string) {\n  return openai.chat.completions.create({\n    model: 'gpt-4o-mini',\n    messages: [\n      { role: 'system', content: ${content} },\n      { role: 'user', content: question },\n    ],\n  });\n}\n`;

export const secretsToLlm = defineRule({
  id: 'secrets/to-llm',
  category: 'secret-flow',
  severity: 'block',
  docs: {
    summary:
      'The change makes a secret (a credential-named `process.env` variable, a `.env` loader value, a secret-manager result, a credential literal) flow into the prompt or message content of an LLM call: OpenAI, Anthropic, the Vercel AI SDK, LangChain, Google GenAI, Ollama, or `fetch`/`axios` to a known LLM API host.',
    why: 'A prompt is sent to a third party, may be logged and retained by it, can be echoed back by the model into output users see, and can be extracted by prompt injection. A credential in a prompt is a leaked credential. Passing the key as the client\'s `apiKey` option or an `Authorization` header is the correct use and is not reported.',
    fix: 'Keep the secret out of the prompt: pass it only as the client\'s `apiKey` option or an auth header, and give the model a name or a redacted value instead. If the value is not a secret, rename the variable so it does not look like one.',
    details: [
      'Static data flow within one file, never executing it: assignments, destructuring (`const { OPENAI_API_KEY: key } = process.env`), template literals and `+`, object and array literals, `JSON.stringify`, methods of a tainted value, local functions (a parameter reaching the return value or a sink: a helper that puts its argument into a prompt is a sink for its callers). Branches are merged, so a value tainted on one path is tainted.',
      '',
      'Sources: `process.env.X` / `import.meta.env.X` where `X` looks like a credential (`*_KEY`, `*_TOKEN`, `*_SECRET`, `*PASSWORD*`, `*_DSN`…; not `*_ID`, `*_URL`, `*_MODEL`, `PUBLIC_*`), `dotenv.config().parsed.X`, secret-manager reads (`getSecretValue`, `accessSecretVersion`, `getSecret`, `getParameter`, `send(new GetSecretValueCommand(…))`, `vault.read`), and string literals the `secrets/added` detectors flag.',
      '',
      'Python (a smaller model): `os.environ[…]`, `os.environ.get(…)`, `os.getenv(…)` with a credential-like name and detected literals, through assignments, f-strings, `+`, `.format()`, containers and methods, into `messages`/`system`/`input`/`instructions` of OpenAI and Anthropic calls and `litellm.completion`. Local helper functions are not followed in Python yet.',
      '',
      'Only flows the change adds are reported, compared by sink, call and source per file (renames followed); a flow moved from another file of the change is not new. See [docs/secrets.md](../secrets.md#secret-flow).',
    ].join('\n'),
    bad: {
      base: { 'src/assistant.ts': ask("'You are a helpful support assistant.'") },
      head: { 'src/assistant.ts': ask('`You are a support assistant. Our billing key is ${process.env.STRIPE_SECRET_KEY}.`') },
    },
    good: {
      base: { 'src/assistant.ts': ask("'You are a helpful support assistant.'") },
      head: { 'src/assistant.ts': ask('`You are a support assistant for ${process.env.SHOP_NAME ?? "the shop"}.`') },
    },
  },
  inspectors: SECRET_FLOW_INSPECTORS,
  check: ({ files }) => addedFlows(files, ['llm']).map(({ path, flow }) => flowFinding(path, flow)),
});
