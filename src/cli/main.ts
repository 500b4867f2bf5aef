#!/usr/bin/env node
import { InputError, InterruptedError } from '../core/errors.js';
import { redactText } from '../core/redact.js';
import { VERSION } from '../core/version.js';
import { auditCommand } from './commands/audit.js';
import { checkCommand } from './commands/check.js';
import { rulesCommand } from './commands/rules.js';

const HELP = `Usage: gatehouse <command> [options]

Gatehouse audits a change written by an AI agent and reports every way it weakens an
engineering gate (tests skipped, coverage narrowed, suppressions, CI made non-blocking, secrets
committed), and checks what the agent claims against the evidence of the project's gates.

Commands
  audit [RANGE]    audit a change (default: the current branch against the default branch)
  check            run the project's gates (gatehouse.yml \`gates:\`), fail closed, cached by tree
  rules [RULE-ID]  list the rules, or show one

Options
  -h, --help       show help (also after a command)
  --version        print the version
  --debug          show stack traces for errors

Exit codes: 0 pass, 1 blocked or needs a human, 2 bad input or configuration.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(HELP);
      return command === undefined ? 2 : 0;
    case '--version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'audit':
      return auditCommand(rest);
    case 'check':
      return checkCommand(rest);
    case 'rules':
      return rulesCommand(rest);
    default:
      throw new InputError(`unknown command '${command}' (see \`gatehouse --help\`)`);
  }
}

/** Errors become one line on stderr and exit 2 (130 when interrupted); the stack only with --debug. */
function report(error: unknown, debug: boolean): number {
  // Through the one redaction function: a message may quote a line of the audited change.
  const write = (text: string): boolean => process.stderr.write(redactText(text));
  if (debug && error instanceof Error) write(`${error.stack ?? error.message}\n`);
  else if (error instanceof InterruptedError) write(`gatehouse: ${error.message}\n`);
  else if (error instanceof InputError) write(`gatehouse: error: ${error.message}\n`);
  else {
    const message = error instanceof Error ? error.message : String(error);
    write(`gatehouse: internal error: ${message.split('\n')[0]} (run with --debug for details)\n`);
  }
  return error instanceof InterruptedError ? error.exitCode : 2;
}

const argv = process.argv.slice(2);
const debug = argv.includes('--debug');
main(argv.filter((arg) => arg !== '--debug')).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = report(error, debug);
  },
);
