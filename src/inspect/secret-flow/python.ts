import { redact, redactText } from '../../core/redact.js';
import { fieldOf, parsePython, partsOf, preparePython, type PyNode, type PythonSource } from '../python/parse.js';
import { detectSecrets } from '../secrets/engine.js';
import type { SecretFlow, SinkKind } from './model.js';
import { isCredentialName } from './sources.js';

export { preparePython };

/**
 * The Python half of the secret-flow analysis, smaller than the JS one: per function scope,
 * assignments in order (merged over branches), f-strings, `+`, `%`, `.format()`, containers and
 * methods of a tainted value. Sources: `os.environ[...]`, `os.environ.get(...)`, `os.getenv(...)`
 * with a credential-like name, and literals the detectors flag. Sinks: OpenAI / Anthropic message
 * content, `litellm.completion`, `print`, `logging` and logger methods, raised exceptions.
 * Local helper functions are not followed yet.
 */

type Taint = ReadonlySet<string>;
const CLEAN: Taint = new Set();

const LLM_SINKS: readonly { path: string; name: string; options: readonly string[] }[] = [
  { path: 'chat.completions.create', name: 'openai.chat.completions.create', options: ['messages'] },
  { path: 'responses.create', name: 'openai.responses.create', options: ['input', 'instructions'] },
  { path: 'messages.create', name: 'anthropic.messages.create', options: ['system', 'messages'] },
  { path: 'messages.stream', name: 'anthropic.messages.stream', options: ['system', 'messages'] },
  { path: 'litellm.completion', name: 'litellm.completion', options: ['messages'] },
  { path: 'litellm.acompletion', name: 'litellm.acompletion', options: ['messages'] },
];
const STRING = /^([rRbBuUfF]*)("""|'''|"|')([\s\S]*)\2$/;
const ENV_READ = /^(?:os\.)?(?:environ\[\s*['"](\w+)['"]\s*\]|environ\.get\(\s*['"](\w+)['"]|getenv\(\s*['"](\w+)['"])/;
const LOG_METHODS = new Set(['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'log']);
const LOGGER_NAME = /^(?:logging|logger|log|_logger|LOGGER)$|_logger$/;

export function analysePythonFlows(text: string): SecretFlow[] {
  const source: PythonSource = parsePython(text);
  const flows: SecretFlow[] = [];
  const textOf = (node: PyNode): string => text.slice(node.from, node.to);
  const imports = new Set<string>();
  for (const match of text.matchAll(/^\s*(?:import|from)\s+([\w.]+)/gm)) imports.add(match[1]!.split('.')[0]!);

  const union = (...taints: Taint[]): Set<string> => {
    const out = new Set<string>();
    for (const taint of taints) for (const item of taint) out.add(item);
    return out;
  };
  // The parser's copy keeps strings as leaves, so their parts are read from the text.
  const stringParts = (node: PyNode): { formatted: boolean; body: string } | null => {
    if (node.type !== 'string') return null;
    const match = STRING.exec(textOf(node));
    if (!match) return null;
    return { formatted: /f/i.test(match[1] ?? ''), body: match[3] ?? '' };
  };
  const stringValue = (node: PyNode): string | null => {
    const parts = stringParts(node);
    return parts && !parts.formatted ? parts.body : null;
  };
  /** Sources of an f-string's `{…}` fields: an environment read, or a variable (and what hangs off it). */
  const formattedTaint = (body: string, scope: Map<string, Set<string>>[]): Taint => {
    const out = new Set<string>();
    for (const field of body.matchAll(/(?<!\{)\{([^{}]+)\}/g)) {
      const expression = (field[1] ?? '').trim();
      const env = ENV_READ.exec(expression);
      const name = env ? (env[1] ?? env[2] ?? env[3] ?? '') : null;
      if (name !== null) {
        if (isCredentialName(name)) out.add(`os.environ["${name}"]`);
        continue;
      }
      const root = /^[A-Za-z_]\w*/.exec(expression)?.[0];
      if (root !== undefined) for (const item of lookup(root, scope)) out.add(item);
    }
    return out;
  };
  const lookup = (name: string, scope: Map<string, Set<string>>[]): Taint => {
    for (let index = scope.length - 1; index >= 0; index--) {
      const found = scope[index]!.get(name);
      if (found) return found;
    }
    return CLEAN;
  };
  const literal = (value: string): Taint => {
    if (value.length < 12) return CLEAN;
    return new Set(detectSecrets(value).filter((match) => !match.example).map((match) => `a ${match.label} literal \`${redact(match.value)}\``));
  };
  const envName = (node: PyNode): string | null => {
    // os.environ["X"], os.environ.get("X"), os.getenv("X"), environ["X"]
    if (node.type === 'subscript') {
      const value = fieldOf(node, 'value');
      const key = fieldOf(node, 'subscript');
      if (value && key && /^(?:os\.)?environ$/.test(textOf(value))) return stringValue(key);
    }
    if (node.type === 'call') {
      const fn = fieldOf(node, 'function');
      const args = fieldOf(node, 'arguments');
      const first = args ? partsOf(args)[0] : undefined;
      if (fn && first && /^(?:os\.)?(?:environ\.get|getenv)$/.test(textOf(fn))) return stringValue(first);
    }
    return null;
  };

  function taintOf(node: PyNode, scope: Map<string, Set<string>>[]): Taint {
    const env = envName(node);
    if (env !== null) return isCredentialName(env) ? new Set([`os.environ["${env}"]`]) : CLEAN;
    switch (node.type) {
      case 'identifier':
        return lookup(textOf(node), scope);
      case 'string': {
        const parts = stringParts(node);
        if (!parts) return CLEAN;
        return parts.formatted ? formattedTaint(parts.body, scope) : literal(parts.body);
      }
      case 'call': {
        const fn = fieldOf(node, 'function');
        const args = fieldOf(node, 'arguments');
        const argTaint = args ? union(...partsOf(args).map((arg) => taintOf(arg.type === 'keyword_argument' ? (fieldOf(arg, 'value') ?? arg) : arg, scope))) : CLEAN;
        if (fn?.type === 'attribute') {
          const method = fieldOf(fn, 'attribute');
          const object = fieldOf(fn, 'object');
          // "…{}".format(key), key.strip(), json.dumps(payload), str(key)
          if (method && textOf(method) === 'format') return union(object ? taintOf(object, scope) : CLEAN, argTaint);
          if (object && /^(?:json\.dumps|json\.loads)$/.test(textOf(fn))) return argTaint;
          return object ? taintOf(object, scope) : CLEAN;
        }
        if (fn && ['str', 'repr', 'dict', 'list', 'tuple'].includes(textOf(fn))) return argTaint;
        return CLEAN;
      }
      case 'attribute': {
        const object = fieldOf(node, 'object');
        return object ? taintOf(object, scope) : CLEAN;
      }
      case 'subscript': {
        const value = fieldOf(node, 'value');
        return value ? taintOf(value, scope) : CLEAN;
      }
      case 'binary_operator':
      case 'boolean_operator':
      case 'concatenated_string':
      case 'list':
      case 'tuple':
      case 'set':
      case 'dictionary':
      case 'pair':
      case 'parenthesized_expression':
      case 'await':
      case 'list_splat':
      case 'dictionary_splat':
        return union(...partsOf(node).map((part) => (part.field === 'key' ? CLEAN : taintOf(part, scope))));
      case 'conditional_expression': {
        const [consequent, , alternate] = partsOf(node);
        return union(consequent ? taintOf(consequent, scope) : CLEAN, alternate ? taintOf(alternate, scope) : CLEAN);
      }
      default:
        return CLEAN;
    }
  }

  const emit = (sink: SinkKind, sinkCall: string, detail: string, taint: Taint, at: PyNode): void => {
    const line = source.lineAt(at.from);
    const lineText = text.split('\n')[line - 1] ?? '';
    for (const item of taint) flows.push({ sink, sinkCall, detail, source: item, line, text: redactText(lineText.trim()) });
  };

  function checkCall(node: PyNode, scope: Map<string, Set<string>>[]): void {
    const fn = fieldOf(node, 'function');
    const args = fieldOf(node, 'arguments');
    if (!fn || !args) return;
    const callee = textOf(fn);
    const parts = partsOf(args);
    const sink = LLM_SINKS.find((candidate) => callee === candidate.path || callee.endsWith(`.${candidate.path}`));
    if (sink && (imports.has('openai') || imports.has('anthropic') || imports.has('litellm'))) {
      for (const part of parts) {
        if (part.type !== 'keyword_argument') continue;
        const name = fieldOf(part, 'name');
        const value = fieldOf(part, 'value');
        if (name && value && sink.options.includes(textOf(name))) emit('llm', sink.name, textOf(name), taintOf(value, scope), node);
      }
      return;
    }
    const logged = callee === 'print' || (fn.type === 'attribute' && LOG_METHODS.has(textOf(fieldOf(fn, 'attribute') ?? fn)) && LOGGER_NAME.test(textOf(fieldOf(fn, 'object') ?? fn)));
    if (logged) for (const part of parts) emit('log', callee, '', taintOf(part.type === 'keyword_argument' ? (fieldOf(part, 'value') ?? part) : part, scope), node);
  }

  function bind(target: PyNode, taint: Taint, scope: Map<string, Set<string>>[]): void {
    const current = scope[scope.length - 1]!;
    if (target.type === 'identifier') {
      const name = textOf(target);
      current.set(name, union(current.get(name) ?? CLEAN, taint));
    } else if (target.type === 'pattern_list' || target.type === 'tuple_pattern' || target.type === 'list_pattern') {
      for (const part of partsOf(target)) bind(part, taint, scope);
    }
  }

  function visit(node: PyNode, scope: Map<string, Set<string>>[]): void {
    if (node.type === 'function_definition' || node.type === 'lambda') {
      const inner = [...scope, new Map<string, Set<string>>()];
      for (const child of node.children) if (child.field !== 'parameters') visit(child, inner);
      return;
    }
    for (const child of node.children) visit(child, scope);
    if (node.type === 'assignment' || node.type === 'augmented_assignment') {
      const left = fieldOf(node, 'left');
      const right = fieldOf(node, 'right');
      if (left && right) bind(left, taintOf(right, scope), scope);
    } else if (node.type === 'call') {
      checkCall(node, scope);
    } else if (node.type === 'raise_statement') {
      const [raised] = partsOf(node);
      if (raised) emit('error', 'raise', '', raised.type === 'call' ? union(...partsOf(fieldOf(raised, 'arguments') ?? raised).map((part) => taintOf(part, scope))) : taintOf(raised, scope), node);
    }
  }

  visit(source.root, [new Map<string, Set<string>>()]);
  return flows;
}
