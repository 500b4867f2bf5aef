import { secretsToLlm } from '../../src/rules/secrets/to-llm.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pkg = `${JSON.stringify({ name: 'support-bot', private: true, type: 'module', dependencies: { openai: '^4.77.0' } }, null, 2)}\n`;

const openaiChat = (systemContent: string, extra = ''): string => `import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
${extra}
export async function answer(question: string) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: ${systemContent} },
      { role: 'user', content: question },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}
`;

const anthropic = (system: string): string => `import Anthropic from '@anthropic-ai/sdk';

const client = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

export async function summarise(ticket: string) {
  const message = await client.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    system: ${system},
    messages: [{ role: 'user', content: ticket }],
  });
  return message.content;
}
`;

const aiSdk = (prompt: string): string => `import { generateText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';

const provider = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function draft(topic: string) {
  const { text } = await generateText({
    model: provider('gpt-4o'),
    system: 'You write release notes.',
    prompt: ${prompt},
  });
  return text;
}
`;

const langchain = (human: string): string => `import { ChatOpenAI } from '@langchain/openai';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';

const model = new ChatOpenAI({ model: 'gpt-4o', apiKey: process.env.OPENAI_API_KEY });

export async function classify(input: string) {
  const reply = await model.invoke([new SystemMessage('Classify the ticket.'), new HumanMessage(${human})]);
  return reply.content;
}
`;

const genai = (contents: string): string => `import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function describe(image: string) {
  const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: ${contents} });
  return response.text;
}
`;

const ollama = (prompt: string): string => `import ollama from 'ollama';

export async function local(question: string) {
  const response = await ollama.chat({ model: 'llama3.1', messages: [{ role: 'user', content: ${prompt} }] });
  return response.message.content;
}
`;

const rawFetch = (body: string): string => `const OPENAI_URL = 'https://api.openai.com/v1/chat/completions';

export async function complete(prompt: string) {
  const response = await fetch(OPENAI_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },
    body: JSON.stringify(${body}),
  });
  return response.json();
}
`;

const fetchBody = (content: string): string => `{ model: 'gpt-4o-mini', messages: [{ role: 'user', content: ${content} }] }`;

const pyOpenai = (system: string): string => `import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])


def answer(question: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": ${system}},
            {"role": "user", "content": question},
        ],
    )
    return completion.choices[0].message.content
`;

ruleTester(secretsToLlm, {
  valid: [
    { name: 'openai: the key as the client apiKey option only', base: { 'package.json': pkg }, head: { 'package.json': pkg, 'src/answer.ts': openaiChat("'You answer support questions.'") } },
    { name: 'anthropic: apiKey option, plain system prompt', base: {}, head: { 'src/summary.ts': anthropic("'Summarise the ticket in one line.'") } },
    { name: 'ai sdk: createOpenAI({ apiKey }) and a prompt from the argument', base: {}, head: { 'src/draft.ts': aiSdk('`Release notes for ${topic}`') } },
    { name: 'fetch: the key in the Authorization header, not in the body', base: {}, head: { 'src/complete.ts': rawFetch(fetchBody('prompt')) } },
    {
      name: 'an unrelated environment variable in a prompt',
      base: {},
      head: { 'src/answer.ts': openaiChat('`You answer questions for the shop on port ${process.env.PORT}, model ${process.env.OPENAI_MODEL}.`') },
    },
    {
      name: 'a pre-existing flow, with a message added before it and the file renamed',
      base: { 'src/answer.ts': openaiChat('`Key: ${process.env.STRIPE_SECRET_KEY}`') },
      head: { 'src/support/answer.ts': openaiChat('`Key: ${process.env.STRIPE_SECRET_KEY}`', "\nconst greeting = 'hello';\n") },
    },
    {
      name: 'a flow moved to another file of the change',
      base: { 'src/answer.ts': openaiChat('`Key: ${process.env.STRIPE_SECRET_KEY}`') },
      head: { 'src/answer.ts': 'export {};\n', 'src/bot/answer.ts': openaiChat('`Key: ${process.env.STRIPE_SECRET_KEY}`') },
    },
    {
      name: 'a non-secret property of a config object holding the key',
      base: {},
      head: {
        'src/answer.ts': openaiChat('`You are ${config.persona}.`', "const config = { apiKey: process.env.OPENAI_API_KEY, persona: 'a support agent' };\n"),
      },
    },
    { name: 'python: api_key option of the OpenAI client', base: {}, head: { 'app/answer.py': pyOpenai('"You answer support questions."') } },
    { name: 'python: an unrelated environment variable in the prompt', base: {}, head: { 'app/answer.py': pyOpenai('f"Shop on port {os.environ.get(\'PORT\', \'8000\')}"') } },
    {
      name: 'a pre-existing flow that moves to another message of the same call',
      base: { 'src/answer.ts': openaiChat('`Key: ${process.env.STRIPE_SECRET_KEY}`') },
      head: {
        'src/answer.ts': openaiChat('`Key: ${process.env.STRIPE_SECRET_KEY}`').replace("      { role: 'system', content:", "      { role: 'system', content: 'Be brief.' },\n      { role: 'system', content:"),
      },
    },
    { name: 'a flow removed', base: { 'src/answer.ts': openaiChat('`Key: ${process.env.STRIPE_SECRET_KEY}`') }, head: { 'src/answer.ts': openaiChat("'You answer support questions.'") } },
    {
      name: 'a client kept on a class field with its key as apiKey, prompts from arguments',
      base: {},
      head: {
        'src/support/bot.ts': `import Anthropic from '@anthropic-ai/sdk';

export class SupportBot {
  private readonly client = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

  async reply(ticket: string) {
    return this.client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, system: 'Be kind.', messages: [{ role: 'user', content: ticket }] });
  }
}
`,
      },
    },
    { name: 'a secret only logged is not a prompt', base: {}, head: { 'src/log.ts': 'console.log(`key ${process.env.OPENAI_API_KEY}`);\n' } },
  ],
  invalid: [
    {
      name: 'anthropic on a class field: the key put into the system prompt of a method',
      base: {},
      head: {
        'src/support/bot.ts': `import Anthropic from '@anthropic-ai/sdk';

export class SupportBot {
  private readonly client = new Anthropic();

  async reply(ticket: string) {
    const key = process.env.ANTHROPIC_API_KEY;
    return this.client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, system: \`You hold key \${key}\`, messages: [{ role: 'user', content: ticket }] });
  }
}
`,
      },
      findings: [{ file: 'src/support/bot.ts', line: 8, message: '`process.env.ANTHROPIC_API_KEY` flows into the prompt of `anthropic.messages.create` (system)' }],
    },
    {
      name: 'python: an env secret in an OpenAI system message',
      base: { 'app/answer.py': pyOpenai('"You answer support questions."') },
      head: { 'app/answer.py': pyOpenai('f"Refund with token {refund_token}"').replace('\n\ndef answer', '\nrefund_token = os.getenv("REFUND_API_TOKEN")\n\n\ndef answer') },
      findings: [{ file: 'app/answer.py', line: 11, message: '`os.environ["REFUND_API_TOKEN"]` flows into the prompt of `openai.chat.completions.create` (messages)' }],
    },
    {
      name: 'python: litellm completion with a password in the message',
      base: {},
      head: {
        'app/llm.py': 'import os\n\nimport litellm\n\n\ndef ask(q):\n    password = os.environ["DB_PASSWORD"]\n    return litellm.completion(model="gpt-4o", messages=[{"role": "user", "content": q + password}])\n',
      },
      findings: [{ file: 'app/llm.py', line: 8, message: '`os.environ["DB_PASSWORD"]` flows into the prompt of `litellm.completion`' }],
    },
    {
      name: 'openai: an env secret interpolated into the system message',
      base: { 'src/answer.ts': openaiChat("'You answer support questions.'") },
      head: { 'src/answer.ts': openaiChat('`Use the admin token ${process.env.ADMIN_TOKEN} for refunds.`') },
      findings: [{ file: 'src/answer.ts', line: 6, severity: 'block', message: '`process.env.ADMIN_TOKEN` flows into the prompt of `openai.chat.completions.create` (messages[0].content)', after: 'openai.chat.completions.create' }],
    },
    {
      name: 'openai: destructured from process.env under another name',
      base: {},
      head: { 'src/answer.ts': openaiChat('`Connect with ${dbPassword}`', 'const { DATABASE_PASSWORD: dbPassword } = process.env;\n') },
      findings: [{ file: 'src/answer.ts', line: 7, message: '`process.env.DATABASE_PASSWORD`' }],
    },
    {
      name: 'openai: the client key itself passed through a local helper into the prompt',
      base: {},
      head: {
        'src/answer.ts': openaiChat('withContext(process.env.OPENAI_API_KEY)', 'function withContext(value: string) {\n  const header = `Context: ${value}`;\n  return header.trim();\n}\n'),
      },
      findings: [{ file: 'src/answer.ts', line: 10, message: '`process.env.OPENAI_API_KEY` flows into the prompt of `openai.chat.completions.create` (messages[0].content)' }],
    },
    {
      name: 'a local function whose parameter reaches the prompt is a sink for its callers',
      base: {},
      head: {
        'src/ask.ts': `import OpenAI from 'openai';

const openai = new OpenAI();

async function ask(text: string) {
  return openai.responses.create({ model: 'gpt-4.1', input: [{ role: 'user', content: text }] });
}

export const debugAsk = () => ask(\`why does \${process.env.JWT_SECRET} fail?\`);
`,
      },
      findings: [{ file: 'src/ask.ts', line: 9, message: '`process.env.JWT_SECRET` flows into the prompt of `ask() → openai.responses.create` (input[0].content)' }],
    },
    {
      name: 'anthropic: a secret-manager value in the system prompt',
      base: {},
      head: {
        'src/summary.ts': anthropic('`Signing secret: ${signing.SecretString}`').replace(
          "export async function summarise(ticket: string) {\n",
          "export async function summarise(ticket: string) {\n  const signing = await secrets.getSecretValue({ SecretId: 'prod/signing' });\n",
        ),
      },
      findings: [{ file: 'src/summary.ts', line: 7, message: '`secrets.getSecretValue()` flows into the prompt of `anthropic.messages.create` (system)' }],
    },
    {
      name: 'ai sdk: generateText prompt with a dotenv value',
      base: {},
      head: { 'src/draft.ts': `import dotenv from 'dotenv';\n${aiSdk('`Notes for ${topic}; deploy with ${env.DEPLOY_TOKEN}`')}`.replace('export async function draft', 'const env = dotenv.config().parsed ?? {};\n\nexport async function draft') },
      findings: [{ file: 'src/draft.ts', line: 10, message: 'flows into the prompt of `ai.generateText` (prompt)' }],
    },
    {
      name: 'langchain: a HumanMessage built from an env secret',
      base: {},
      head: { 'src/classify.ts': langchain('`${input}\\n(token: ${process.env.SLACK_BOT_TOKEN})`') },
      findings: [{ file: 'src/classify.ts', line: 7, message: '`process.env.SLACK_BOT_TOKEN` flows into the prompt of `new HumanMessage`' }],
    },
    {
      name: 'google genai: contents carry a secret',
      base: {},
      head: { 'src/describe.ts': genai('[image, `api secret: ${process.env.SHOPIFY_API_SECRET}`]') },
      findings: [{ file: 'src/describe.ts', line: 6, message: '`process.env.SHOPIFY_API_SECRET` flows into the prompt of `genai.models.generateContent` (contents[1])' }],
    },
    {
      name: 'ollama: chat message content with a password',
      base: {},
      head: { 'src/local.ts': ollama('question + " " + process.env.REDIS_PASSWORD') },
      findings: [{ file: 'src/local.ts', line: 4, message: '`process.env.REDIS_PASSWORD` flows into the prompt of `ollama.chat` (messages[0].content)' }],
    },
    {
      name: 'fetch to api.openai.com with the key in the body rather than the header',
      base: { 'src/complete.ts': rawFetch(fetchBody('prompt')) },
      head: { 'src/complete.ts': rawFetch(fetchBody('`${prompt} ${process.env.OPENAI_API_KEY}`')) },
      findings: [{ file: 'src/complete.ts', line: 4, message: '`process.env.OPENAI_API_KEY` flows into the prompt of `fetch api.openai.com` (body.messages[0].content)' }],
    },
  ],
});
