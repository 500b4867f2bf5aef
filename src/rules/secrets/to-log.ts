import { defineRule } from '../rule.js';
import { SECRET_FLOW_INSPECTORS, addedFlows, flowFinding } from './to-llm.js';

const handler = (line: string): string =>
  `import pino from 'pino';\n\nconst logger = pino();\nconst token = process.env.GITHUB_TOKEN;\n\nexport async function sync(repo: string) {\n  ${line}\n  const response = await fetch(\`https://api.github.com/repos/\${repo}\`, { headers: { Authorization: \`Bearer \${token}\` } });\n  if (!response.ok) throw new Error(\`GitHub answered \${String(response.status)} for \${repo}\`);\n  return response.json();\n}\n`;

export const secretsToLog = defineRule({
  id: 'secrets/to-log',
  category: 'secret-flow',
  severity: 'warn',
  docs: {
    summary:
      'The change makes a secret (a credential-named `process.env` variable, a `.env` loader value, a secret-manager result, a credential literal) flow into a log line (`console.*`, pino/winston/bunyan loggers, `debug`), an error message (`new Error(…)`) or a thrown value.',
    why: 'Logs and error messages are shipped to log services, CI output, crash reporters and screenshots, and are read by far more people than the secret\'s owners. A credential written there is leaked.',
    fix: 'Log that the secret is set (or its redacted form), never its value; keep it out of error messages. If the value is not a secret, rename the variable so it does not look like one.',
    details:
      'Uses the same static, single-file data flow as [`secrets/to-llm`](secrets-to-llm.md): sources, propagation and the comparison of base and head are the same. Loggers are bindings created by `pino()`, `createLogger()` (winston, bunyan), `debug(ns)` and `.child()`, and variables named `logger`/`log`/`*Logger`.',
    bad: {
      base: { 'src/sync.ts': handler("logger.info({ repo }, 'syncing');") },
      head: { 'src/sync.ts': handler("logger.info({ repo, token }, 'syncing');") },
    },
    good: {
      base: { 'src/sync.ts': handler("logger.info({ repo }, 'syncing');") },
      head: { 'src/sync.ts': handler("logger.info({ repo, authenticated: token !== undefined }, 'syncing');") },
    },
  },
  inspectors: SECRET_FLOW_INSPECTORS,
  check: ({ files }) => addedFlows(files, ['log', 'error']).map(({ path, flow }) => flowFinding(path, flow)),
});
