import picomatch from 'picomatch';
import { LineCounter, parseDocument, isMap, isNode, isScalar } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../core/errors.js';
import { EVIDENCE_FORMATS } from '../gates/model.js';
import { buildGates } from './gates.js';
import { compilePathGroups, DEFAULT_PATH_GROUPS } from './path-groups.js';
import type { Policy } from './policy.js';
import { policySchema } from './schema.js';

/**
 * Parse and validate a policy file. Any problem is an InputError naming the file, the line and
 * the setting, so a bad policy stops the audit (exit 2) instead of being half applied.
 */
export function parsePolicy(text: string, source: string, knownRuleIds: ReadonlySet<string>): Policy {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const line = lineCounter.linePos(syntaxError.pos[0]).line;
    // Two gates (or rules) of the same name: say which, not only that keys must be unique.
    const duplicate = syntaxError.code === 'DUPLICATE_KEY' ? duplicateKey(text, syntaxError.pos[0]) : null;
    if (duplicate !== null) throw new InputError(`${source}:${line}: invalid YAML: duplicate key '${duplicate}'`);
    throw new InputError(`${source}:${line}: invalid YAML: ${firstLine(syntaxError.message)}`);
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const raw: unknown = doc.toJS() ?? {};
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${source}:${lineOf(issue.path)}: ${describePath(issue.path)}${describeIssue(issue)}`);
  }
  const file = parsed.data;
  const gatesNode = doc.get('gates', true);
  const gateLine = (name: string): number => {
    const pair = isMap(gatesNode) ? gatesNode.items.find((item) => isScalar(item.key) && item.key.value === name) : undefined;
    const range = pair && isNode(pair.key) ? pair.key.range : undefined;
    return range ? lineCounter.linePos(range[0]).line : lineOf(['gates', name]);
  };
  const gates = buildGates(file.gates, { source, lineOf, gateLine });
  for (const id of Object.keys(file.rules)) {
    if (!knownRuleIds.has(id)) throw new InputError(`${source}:${lineOf(['rules', id])}: rules: unknown rule '${id}' (see \`gatehouse rules\`)`);
  }
  for (const [index, entry] of file.ignore.entries()) {
    for (const id of entry.rules ?? []) {
      if (!knownRuleIds.has(id)) throw new InputError(`${source}:${lineOf(['ignore', index, 'rules'])}: ignore[${index}].rules: unknown rule '${id}'`);
    }
  }
  return {
    source,
    severities: file.rules,
    ignore: file.ignore.map((entry) => ({
      matches: picomatch(entry.paths, { dot: true }),
      rules: entry.rules ? new Set(entry.rules) : null,
      reason: entry.reason,
    })),
    paths: compilePathGroups({
      tests: file.paths.tests ?? DEFAULT_PATH_GROUPS.tests,
      generated: file.paths.generated ?? DEFAULT_PATH_GROUPS.generated,
      vendored: file.paths.vendored ?? DEFAULT_PATH_GROUPS.vendored,
      protected: file.paths.protected ?? DEFAULT_PATH_GROUPS.protected,
    }),
    gates,
  };
}

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  const text = path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`)).join('');
  return `${text}: `;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys' && issue.path[0] === 'gates' && issue.path.at(-1) === 'evidence') {
    return `unknown evidence format${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} (known: ${EVIDENCE_FORMATS.join(', ')})`;
  }
  if (issue.path[0] === 'gates' && issue.path.length === 4 && issue.path[2] === 'evidence' && issue.code === 'invalid_union') {
    return issue.path[3] === 'tsc' ? 'expected a path, a list of paths, or null (its own output)' : 'expected a path or a list of paths (only tsc evidence can be null: the command\'s own output)';
  }
  if (issue.path[0] === 'gates' && issue.path.length === 3 && issue.path[2] === 'timeout') return 'not a duration: use 30s, 10m, 1h or a number of seconds';
  if (issue.code === 'invalid_key' && issue.path.length === 2 && issue.path[0] === 'gates') return 'gate names use letters, digits, `.`, `_` and `-`';
  if (issue.code === 'unrecognized_keys') return `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty';
  if (issue.code === 'too_small' && issue.origin === 'array') return 'must list at least one entry';
  return firstLine(issue.message);
}

/** The key at a duplicate-key error's offset, as written (plain or quoted scalar). */
function duplicateKey(text: string, offset: number): string | null {
  const match = /^\s*(?:"([^"]*)"|'([^']*)'|([^:#\s][^:#]*?))\s*:/.exec(text.slice(offset));
  return match ? (match[1] ?? match[2] ?? match[3] ?? null) : null;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
