import { InputError } from '../../core/errors.js';
import { allRules, findRule } from '../../rules/index.js';
import type { Rule } from '../../rules/rule.js';
import { oneOf, parseCommandLine } from '../args.js';

export const RULES_HELP = `Usage: gatehouse rules [RULE-ID] [options]

List the rules with their category, default severity and documentation.
With a RULE-ID, show that rule in full.

Options
  --format FORMAT   text or json (default: text)
  -h, --help        show this help
`;

const OPTIONS = { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

export function rulesCommand(args: string[]): number {
  const { values, positionals } = parseCommandLine(args, OPTIONS, 'rules');
  if (values.help) {
    process.stdout.write(RULES_HELP);
    return 0;
  }
  const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
  const id = positionals[0];
  const rules = id === undefined ? allRules : [findRule(id) ?? unknownRule(id)];
  if (format === 'json') {
    const data = rules.map((rule) => ({ id: rule.id, category: rule.category, severity: rule.severity, ...rule.docs }));
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(id === undefined ? listRules(rules) : describeRule(rules[0]!));
  return 0;
}

function unknownRule(id: string): never {
  throw new InputError(`rules: unknown rule '${id}' (run \`gatehouse rules\` for the list)`);
}

function listRules(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((rule) => rule.id.length));
  const lines = rules.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(5)}  ${rule.category}\n${' '.repeat(width + 2)}${rule.docs.summary}`);
  return `${lines.join('\n')}\n\nRun \`gatehouse rules RULE-ID\` for details; docs/rules/ has an example of each.\n`;
}

function describeRule(rule: Rule): string {
  return [
    `${rule.id}  (${rule.category}, default severity ${rule.severity})`,
    '',
    rule.docs.summary,
    '',
    `Why it matters: ${rule.docs.why}`,
    '',
    `How to fix: ${rule.docs.fix}`,
    '',
  ].join('\n');
}
