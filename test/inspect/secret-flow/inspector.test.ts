import { describe, expect, it } from 'vitest';
import { secretSamples } from '../../../bench/secrets-corpus.js';
import { UnparseableError } from '../../../src/core/errors.js';
import { inspectSecretFlows, secretFlowInspector } from '../../../src/inspect/secret-flow/inspector.js';
import type { SecretFlow } from '../../../src/inspect/secret-flow/model.js';
import { DEFAULT_PATH_GROUPS, compilePathGroups } from '../../../src/policy/path-groups.js';
import { isCredentialName } from '../../../src/inspect/secret-flow/sources.js';

const flows = (text: string, path = 'src/app.ts'): SecretFlow[] => inspectSecretFlows(path, text).flows;
const summary = (text: string, path?: string): string[] => flows(text, path).map((flow) => `${String(flow.line)} ${flow.sink} ${flow.sinkCall}${flow.detail ? ` ${flow.detail}` : ''} <- ${flow.source}`);

describe('credential names', () => {
  it.each(['OPENAI_API_KEY', 'GITHUB_TOKEN', 'DB_PASSWORD', 'JWT_SECRET', 'SENTRY_DSN', 'SESSION_SALT', 'stripeSecretKey', 'MYSQL_PWD', 'GOOGLE_APPLICATION_CREDENTIALS_JSON'])('%s is a credential', (name) => {
    expect(isCredentialName(name)).toBe(true);
  });
  it.each(['PORT', 'NODE_ENV', 'OPENAI_MODEL', 'AWS_ACCESS_KEY_ID', 'DATABASE_URL', 'NEXT_PUBLIC_STRIPE_KEY', 'KEY_PATH', 'TOKEN_ENDPOINT', 'SECRET_NAME'])('%s is not', (name) => {
    expect(isCredentialName(name)).toBe(false);
  });
});

describe('secret-flow inspector', () => {
  it('applies to JS/TS code, not declaration files or other files', () => {
    const paths = compilePathGroups(DEFAULT_PATH_GROUPS);
    expect(secretFlowInspector.appliesTo('src/a.tsx', paths)).toBe(true);
    expect(secretFlowInspector.appliesTo('lib/a.cjs', paths)).toBe(true);
    expect(secretFlowInspector.appliesTo('types/a.d.ts', paths)).toBe(false);
    expect(secretFlowInspector.appliesTo('app.py', paths)).toBe(false);
  });

  it('throws UnparseableError on a file with a source that does not parse', () => {
    expect(() => flows('const key = process.env.API_TOKEN;\nconst = ;\n')).toThrow(UnparseableError);
  });

  it('does not parse a file with no source at all (the JS source inspector still reports it unparseable)', () => {
    expect(flows('const = ;\nconsole.log(user.password);\n')).toEqual([]);
  });

  it('reads process.env by bracket, import.meta.env and an alias of process.env', () => {
    const text = `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
const env = process.env;
await anthropic.messages.create({ model: 'm', max_tokens: 10, system: process.env['SIGNING_SECRET'], messages: [{ role: 'user', content: env.GH_TOKEN + import.meta.env.VITE_API_SECRET }] });
`;
    expect(summary(text)).toEqual([
      '4 llm anthropic.messages.create system <- process.env.SIGNING_SECRET',
      '4 llm anthropic.messages.create messages[0].content <- process.env.GH_TOKEN',
      '4 llm anthropic.messages.create messages[0].content <- import.meta.env.VITE_API_SECRET',
    ]);
  });

  it('never reads the apiKey option, headers or other options of a call', () => {
    const text = `import OpenAI from 'openai';
const key = process.env.OPENAI_API_KEY;
const openai = new OpenAI({ apiKey: key, defaultHeaders: { 'x-api-key': key } });
await openai.chat.completions.create({ model: key ? 'gpt-4o' : 'gpt-4o-mini', user: key, messages: [{ role: 'user', content: 'hi' }] });
`;
    expect(summary(text)).toEqual([]);
  });

  it('follows a value through reassignment in a branch, object storage and a method call', () => {
    const text = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function run(verbose: boolean) {
  let context = 'none';
  if (verbose) context = process.env.INTERNAL_API_TOKEN!.trim();
  const payload: Record<string, string> = {};
  payload.extra = context;
  return openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: JSON.stringify(payload) });
}
`;
    expect(summary(text)).toEqual(['8 llm openai.completions.create prompt <- process.env.INTERNAL_API_TOKEN']);
  });

  it('a secret literal the detectors flag is a source, shown only redacted', () => {
    const sample = secretSamples(1, 61).find((s) => s.name === 'Anthropic API key')!.value;
    const text = `import { generateText } from 'ai';\nconst fallback = '${sample}';\nawait generateText({ model, prompt: \`use \${fallback}\` });\n`;
    const [flow, ...rest] = flows(text);
    expect(rest).toEqual([]);
    expect(flow?.sinkCall).toBe('ai.generateText');
    expect(flow?.source).toMatch(/^a Anthropic API key literal `sk-a…[^`]+ \(\d+ chars\)`$/);
    expect(JSON.stringify(flow)).not.toContain(sample);
  });

  it('redacts a literal on the sink line in the excerpt', () => {
    const sample = secretSamples(1, 61).find((s) => s.name === 'GitHub classic PAT')!.value;
    const [flow] = flows(`console.log('token', '${sample}');\n`);
    expect(flow?.sink).toBe('log');
    expect(flow?.text).not.toContain(sample);
    expect(flow?.text).toContain('console.log(');
  });

  it('axios to an LLM host: the body is a sink, the auth header is not', () => {
    const text = `import axios from 'axios';
const headers = { Authorization: \`Bearer \${process.env.GROQ_API_KEY}\` };
await axios.post('https://api.groq.com/openai/v1/chat/completions', { messages: [{ role: 'user', content: process.env.ADMIN_PASSWORD }] }, { headers });
await axios.post('https://hooks.example.com/audit', { token: process.env.ADMIN_PASSWORD });
`;
    expect(summary(text)).toEqual(['3 llm axios.post api.groq.com data.messages[0].content <- process.env.ADMIN_PASSWORD']);
  });

  it('a vault read and a GCP secret version are sources', () => {
    const text = `import ollama from 'ollama';
const secret = await vault.read('secret/data/app');
const [version] = await secretManager.accessSecretVersion({ name: 'projects/p/secrets/s/versions/latest' });
await ollama.generate({ model: 'llama3.1', prompt: \`\${secret.data.password} and \${version.payload.data.toString()}\` });
`;
    expect(summary(text)).toEqual([
      '4 llm ollama.generate prompt <- vault.read()',
      '4 llm ollama.generate prompt <- secretManager.accessSecretVersion()',
    ]);
  });

  it('one value into a prompt and a log is a flow of each kind', () => {
    const text = `import OpenAI from 'openai';
const openai = new OpenAI();
const token = process.env.NPM_TOKEN;
const prompt = \`Publish with \${token}\`;
console.debug(prompt);
await openai.responses.create({ model: 'gpt-4.1', instructions: prompt, input: 'go' });
`;
    expect(summary(text)).toEqual(['5 log console.debug <- process.env.NPM_TOKEN', '6 llm openai.responses.create instructions <- process.env.NPM_TOKEN']);
  });

  it('scopes are per function: a parameter named like a tainted module variable is not tainted', () => {
    const text = `const key = process.env.SERVICE_KEY;
function show(key: string) {
  console.log(key);
}
show('public-label');
`;
    expect(summary(text)).toEqual([]);
  });

  it('SDK call shapes are sinks only in files importing the SDK', () => {
    expect(summary('export const send = (client: any) => client.chat.completions.create({ messages: [{ content: process.env.API_TOKEN }] });\n')).toEqual([]);
  });

  it('a boolean or a length about a secret is not the secret', () => {
    const text = `const key = process.env.OPENAI_API_KEY ?? '';
console.log('key set:', key.length > 0, key.startsWith('sk-'), typeof key, key ? 'yes' : 'no');
`;
    expect(summary(text)).toEqual([]);
  });

  it('a file nested deeper than the analysis can follow is unresolvable, not clean', () => {
    const text = `const key = process.env.API_TOKEN;\nconsole.log(${Array.from({ length: 60_000 }, () => 'key').join(' + ')});\n`;
    expect(() => flows(text)).toThrow(/too deeply nested/);
  });
});

