import type { ArrowFunctionExpression, Function as FunctionLike, Node } from 'oxc-parser';
import { redact, redactText } from '../../core/redact.js';
import type { ParsedSource } from '../js/parse.js';
import { childNodes } from '../js/walk.js';
import { detectSecrets } from '../secrets/engine.js';
import type { SecretFlow, SinkKind } from './model.js';
import {
  AI_SDK_FUNCTIONS,
  AI_SDK_OPTIONS,
  CONSOLE_METHODS,
  LANGCHAIN_MESSAGES,
  LOGGER_FACTORIES,
  LOGGER_METHODS,
  LOGGER_NAMES,
  METHOD_SINKS,
  OLLAMA_METHODS,
  llmHostOf,
  sdkOf,
  type Sdk,
} from './sinks.js';
import { SECRET_MANAGER_COMMANDS, SECRET_MANAGER_METHODS, VAULT_RECEIVER, isCredentialName } from './sources.js';

/**
 * Intraprocedural-plus taint analysis over one file. A taint is the set of source names a value
 * may carry. Scopes are per function (enough for the flows agents write: a key read at module
 * level or in a handler, passed through a helper, interpolated into a prompt). Local functions
 * are summarised once, with placeholder taints on their parameters: which parameters reach their
 * return value and which reach a sink, so a helper that puts its argument into a prompt is a
 * sink for its callers. Branches are merged (an assignment adds taint, never removes it).
 */

type Taint = ReadonlySet<string>;
const NON_LEAKING_METHODS: ReadonlySet<string> = new Set(['startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'test', 'has', 'hasOwnProperty', 'localeCompare', 'compare', 'equals', 'timingSafeEqual']);
const CLEAN: Taint = new Set();
/** Placeholder source for parameter `i` while a function is summarised; never reported. */
const PARAM = '\u0000param:';

interface Binding {
  taint: Set<string>;
  /** Per-property taints of an object literal, so `config.model` is not tainted by `config.apiKey`. */
  props?: Map<string, Taint>;
}

interface Scope {
  vars: Map<string, Binding>;
  parent: Scope | null;
}

interface LocalFunction {
  name: string;
  node: FunctionNode;
  scope: Scope;
  summary: Summary | null;
  analysing: boolean;
}

interface Summary {
  /** Real sources the return value carries, and the parameters that reach it. */
  returns: Set<string>;
  returnParams: Set<number>;
  /** Flows from a parameter into a sink inside the function (or a function it calls). */
  paramSinks: { param: number; flow: Omit<SecretFlow, 'source' | 'line' | 'text'> }[];
}

type FunctionNode = FunctionLike | ArrowFunctionExpression;

interface Frame {
  scope: Scope;
  returns: Set<string>;
  flows: { flow: Omit<SecretFlow, 'source'>; sources: Taint }[];
}

const union = (...taints: Taint[]): Set<string> => {
  const out = new Set<string>();
  for (const taint of taints) for (const source of taint) out.add(source);
  return out;
};

function isFunction(node: Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** A static property name (`a.b`, `a['b']`, `{ b: … }`), or null when computed. */
function propertyName(node: Node, computed: boolean): string | null {
  if (!computed && node.type === 'Identifier') return node.name;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  return null;
}

/** `a.b.c` as ['a', 'b', 'c'] (`this` as 'this'), or null when some part is computed or a call. */
function memberPath(node: Node): string[] | null {
  const parts: string[] = [];
  let current: Node = node;
  for (;;) {
    if (current.type === 'ParenthesizedExpression' || current.type === 'TSNonNullExpression') {
      current = current.expression;
      continue;
    }
    if (current.type === 'MemberExpression') {
      const name = propertyName(current.property, current.computed);
      if (name === null) return null;
      parts.unshift(name);
      current = current.object;
      continue;
    }
    if (current.type === 'Identifier') return [current.name, ...parts];
    if (current.type === 'ThisExpression') return ['this', ...parts];
    if (current.type === 'MetaProperty') return [current.meta.name, current.property.name, ...parts];
    return null;
  }
}

function unwrap(node: Node): Node {
  let current = node;
  while (
    current.type === 'ParenthesizedExpression' ||
    current.type === 'TSAsExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'AwaitExpression' ||
    current.type === 'ChainExpression'
  ) {
    current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  }
  return current;
}

const isProcessEnv = (node: Node): boolean => {
  const path = memberPath(unwrap(node));
  return path !== null && ((path.length === 2 && path[0] === 'process' && path[1] === 'env') || (path.length === 3 && path[0] === 'import' && path[1] === 'meta' && path[2] === 'env'));
};

/** `dotenv.config().parsed` / `config().parsed`: the values a `.env` loader read. */
function isDotenvParsed(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type !== 'MemberExpression' || propertyName(inner.property, inner.computed) !== 'parsed') return false;
  const call = unwrap(inner.object);
  if (call.type !== 'CallExpression') return false;
  const path = memberPath(call.callee);
  return path !== null && path[path.length - 1] === 'config';
}

export function analyseSecretFlows(source: ParsedSource): SecretFlow[] {
  const imports = new Map<string, { module: string; imported: string }>();
  const sdks = new Set<Sdk>();
  const ollamaClients = new Set<string>();
  const loggers = new Set<string>();
  const functions = new Map<string, LocalFunction>();
  /** Variables holding the whole environment (file-wide: such aliases are not reused for other values). */
  const envAliases = new Map<string, string>();
  const flows: SecretFlow[] = [];
  const lineText = (offset: number): string => {
    const from = source.text.lastIndexOf('\n', offset - 1) + 1;
    const end = source.text.indexOf('\n', offset);
    return redactText(source.text.slice(from, end === -1 ? source.text.length : end).trim());
  };

  for (const statement of source.program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    const module = statement.source.value;
    const sdk = sdkOf(module);
    if (sdk) sdks.add(sdk);
    for (const specifier of statement.specifiers) {
      const imported = specifier.type === 'ImportSpecifier' ? (propertyName(specifier.imported, false) ?? '') : 'default';
      imports.set(specifier.local.name, { module, imported });
      if (sdk === 'ollama' && imported === 'default') ollamaClients.add(specifier.local.name);
    }
  }

  const lookup = (scope: Scope | null, name: string): Binding | null => {
    for (let current = scope; current; current = current.parent) {
      const binding = current.vars.get(name);
      if (binding) return binding;
    }
    return null;
  };

  const literalSource = (value: string): Taint => {
    if (value.length < 12) return CLEAN;
    const found = detectSecrets(value).filter((match) => !match.example);
    return new Set(found.map((match) => `a ${match.label} literal \`${redact(match.value)}\``));
  };

  /** The taint a value carries. Calls of local functions trigger their (memoised) summary. */
  function taintOf(raw: Node, frame: Frame): Taint {
    const node = unwrap(raw);
    switch (node.type) {
      case 'Identifier':
        return lookup(frame.scope, node.name)?.taint ?? CLEAN;
      case 'Literal':
        return typeof node.value === 'string' ? literalSource(node.value) : CLEAN;
      case 'TemplateLiteral':
        return union(...node.expressions.map((expression) => taintOf(expression, frame)), ...node.quasis.map((quasi) => literalSource(quasi.value.cooked ?? quasi.value.raw)));
      case 'TaggedTemplateExpression':
        return taintOf(node.quasi, frame);
      case 'BinaryExpression':
        return node.operator === '+' ? union(taintOf(node.left, frame), taintOf(node.right, frame)) : CLEAN;
      case 'LogicalExpression':
        return union(taintOf(node.left, frame), taintOf(node.right, frame));
      case 'ConditionalExpression':
        return union(taintOf(node.consequent, frame), taintOf(node.alternate, frame));
      case 'SequenceExpression':
        return node.expressions.length > 0 ? taintOf(node.expressions[node.expressions.length - 1]!, frame) : CLEAN;
      case 'AssignmentExpression':
        return taintOf(node.right, frame);
      case 'ArrayExpression':
        return union(...node.elements.map((element) => (element ? taintOf(element, frame) : CLEAN)));
      case 'SpreadElement':
        return taintOf(node.argument, frame);
      case 'ObjectExpression':
        return union(...node.properties.map((property) => (property.type === 'SpreadElement' ? taintOf(property.argument, frame) : taintOf(property.value, frame))));
      case 'MemberExpression':
        return memberTaint(node, frame);
      case 'CallExpression':
        return callTaint(node, frame);
      case 'NewExpression':
        // `new URLSearchParams({ key })`, `Buffer.from(key)`: a wrapper of its arguments.
        return union(...node.arguments.map((argument) => taintOf(argument, frame)));
      default:
        return CLEAN;
    }
  }

  /** `process.env` / `dotenv.config().parsed` behind an expression or a variable bound to one (`const env = …parsed ?? {}`). */
  function envObject(raw: Node): string | null {
    let node = unwrap(raw);
    while (node.type === 'LogicalExpression') node = unwrap(node.left);
    if (isProcessEnv(node)) return memberPath(node)!.join('.');
    if (isDotenvParsed(node)) return 'dotenv.config().parsed';
    if (node.type === 'Identifier') return envAliases.get(node.name) ?? null;
    return null;
  }

  function memberTaint(node: Extract<Node, { type: 'MemberExpression' }>, frame: Frame): Taint {
    return propertyTaint(node.object, propertyName(node.property, node.computed), frame);
  }

  /** The taint of `object.name` (`name` null when computed): env reads by name, literal objects per property. */
  function propertyTaint(objectNode: Node, name: string | null, frame: Frame): Taint {
    const env = envObject(objectNode);
    if (env !== null) return name !== null && isCredentialName(name) ? new Set([`${env}.${name}`]) : CLEAN;
    if (name === 'length' || name === 'size') return CLEAN;
    const object = unwrap(objectNode);
    if (object.type === 'Identifier' && name !== null) {
      const binding = lookup(frame.scope, object.name);
      if (binding?.props) return binding.props.get(name) ?? CLEAN;
    }
    return taintOf(objectNode, frame);
  }

  function callTaint(node: Extract<Node, { type: 'CallExpression' }>, frame: Frame): Taint {
    const callee = unwrap(node.callee);
    const path = memberPath(callee);
    const last = path?.[path.length - 1];
    // Secret managers: their result is a secret.
    if (path && path.length >= 2 && last !== undefined) {
      if (SECRET_MANAGER_METHODS.has(last)) return new Set([`${path.slice(-2).join('.')}()`]);
      if ((last === 'read' || last === 'get') && VAULT_RECEIVER.test(path[path.length - 2]!)) return new Set([`${path.slice(-2).join('.')}()`]);
      if (last === 'send') {
        const command = node.arguments[0] ? unwrap(node.arguments[0]) : null;
        if (command?.type === 'NewExpression' && command.callee.type === 'Identifier' && SECRET_MANAGER_COMMANDS.has(command.callee.name)) return new Set([command.callee.name]);
      }
    }
    // A local function: its summary maps argument taints to the return value.
    if (path?.length === 1) {
      const local = functions.get(path[0]!);
      if (local) {
        const summary = summarise(local);
        if (summary) return union(summary.returns, ...[...summary.returnParams].map((index) => (node.arguments[index] ? taintOf(node.arguments[index], frame) : CLEAN)));
      }
      // String(key), encodeURIComponent(key), btoa(key): the same value, re-encoded.
      if (['String', 'encodeURIComponent', 'encodeURI', 'btoa', 'escape'].includes(path[0]!)) return union(...node.arguments.map((argument) => taintOf(argument, frame)));
    }
    // Re-encodings of their first argument: the secret is still in there.
    if (path?.length === 2 && ['JSON.stringify', 'JSON.parse', 'Buffer.from', 'Object.assign', 'Object.entries', 'Object.values'].includes(path.join('.'))) return union(...node.arguments.map((argument) => taintOf(argument, frame)));
    // A method of a tainted value (`key.trim()`, `secret.SecretString.toString()`) still carries
    // it, except predicates and measures that return a boolean or a number about it.
    if (callee.type === 'MemberExpression') return last !== undefined && NON_LEAKING_METHODS.has(last) ? CLEAN : taintOf(callee.object, frame);
    return CLEAN;
  }

  function bindPattern(pattern: Node, init: Node | null, taint: Taint, frame: Frame, declare: boolean): void {
    switch (pattern.type) {
      case 'Identifier': {
        const props = init && unwrap(init).type === 'ObjectExpression' ? objectProps(unwrap(init), frame) : undefined;
        const existing = declare ? null : lookup(frame.scope, pattern.name);
        if (existing) {
          for (const source of taint) existing.taint.add(source);
          if (existing.props) existing.props = undefined;
        } else {
          frame.scope.vars.set(pattern.name, { taint: new Set(taint), ...(props ? { props } : {}) });
        }
        return;
      }
      case 'AssignmentPattern':
        bindPattern(pattern.left, init, union(taint, taintOf(pattern.right, frame)), frame, declare);
        return;
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          if (property.type === 'RestElement') {
            bindPattern(property.argument, null, taint, frame, declare);
            continue;
          }
          const name = propertyName(property.key, property.computed);
          bindPattern(property.value, null, init && name !== null ? propertyTaint(init, name, frame) : taint, frame, declare);
        }
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) bindPattern(element, null, taint, frame, declare);
        return;
      case 'RestElement':
        bindPattern(pattern.argument, null, taint, frame, declare);
        return;
      default:
        return;
    }
  }

  function objectProps(node: Node, frame: Frame): Map<string, Taint> | undefined {
    if (node.type !== 'ObjectExpression') return undefined;
    const props = new Map<string, Taint>();
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') return undefined;
      const name = propertyName(property.key, property.computed);
      if (name === null) return undefined;
      props.set(name, taintOf(property.value, frame));
    }
    return props;
  }

  function summarise(local: LocalFunction): Summary | null {
    if (local.summary) return local.summary;
    if (local.analysing) return null;
    local.analysing = true;
    local.summary = analyseFunction(local.node, local.scope, true);
    local.analysing = false;
    return local.summary;
  }

  /** Analyse a function body; with `placeholders`, parameters carry PARAM sources and their flows become the summary. */
  function analyseFunction(fn: FunctionNode, outer: Scope, placeholders: boolean): Summary {
    const frame: Frame = { scope: { vars: new Map(), parent: outer }, returns: new Set(), flows: [] };
    fn.params.forEach((param, index) => {
      const pattern = param.type === 'TSParameterProperty' ? param.parameter : param;
      bindPattern(pattern, null, placeholders ? new Set([`${PARAM}${index}`]) : CLEAN, frame, true);
    });
    if (fn.body) {
      if (fn.body.type === 'BlockStatement') visitStatements(fn.body.body, frame);
      else {
        visit(fn.body, frame);
        for (const source of taintOf(fn.body, frame)) frame.returns.add(source);
      }
    }
    const summary: Summary = { returns: new Set(), returnParams: new Set(), paramSinks: [] };
    for (const source of frame.returns) {
      if (source.startsWith(PARAM)) summary.returnParams.add(Number(source.slice(PARAM.length)));
      else summary.returns.add(source);
    }
    for (const { flow, sources } of frame.flows) {
      for (const source of sources) {
        if (source.startsWith(PARAM)) summary.paramSinks.push({ param: Number(source.slice(PARAM.length)), flow: { sink: flow.sink, sinkCall: flow.sinkCall, detail: flow.detail } });
        else flows.push({ ...flow, source });
      }
    }
    return summary;
  }

  function emit(frame: Frame, sink: SinkKind, sinkCall: string, detail: string, sources: Taint, at: Node): void {
    if (sources.size === 0) return;
    frame.flows.push({ flow: { sink, sinkCall, detail, line: source.lines.lineAt(at.start), text: lineText(at.start) }, sources });
  }

  /** Emit each source of a value separately, with the path where that source lands. */
  function emitValue(frame: Frame, sinkCall: string, value: Node, prefix: string, at: Node): void {
    for (const item of taintOf(value, frame)) emit(frame, 'llm', sinkCall, taintedPath(value, prefix, frame, item), new Set([item]), at);
  }

  /** The first tainted leaf of a value, as a path (`messages[1].content`), for the message. */
  function taintedPath(raw: Node, prefix: string, frame: Frame, item: string): string {
    const node = unwrap(raw);
    if (node.type === 'CallExpression' && node.arguments[0] && memberPath(node.callee)?.join('.') === 'JSON.stringify') return taintedPath(node.arguments[0], prefix, frame, item);
    if (node.type === 'ArrayExpression') {
      for (const [index, element] of node.elements.entries()) if (element && taintOf(element, frame).has(item)) return taintedPath(element, `${prefix}[${String(index)}]`, frame, item);
    }
    if (node.type === 'ObjectExpression') {
      for (const property of node.properties) {
        if (property.type === 'SpreadElement') continue;
        const name = propertyName(property.key, property.computed);
        if (name !== null && taintOf(property.value, frame).has(item)) return taintedPath(property.value, prefix ? `${prefix}.${name}` : name, frame, item);
      }
    }
    return prefix;
  }

  /** Content options of an options-object argument, each tainted one emitted with its path. */
  function emitOptions(frame: Frame, sinkCall: string, argument: Node | undefined, options: readonly string[], at: Node): void {
    if (!argument) return;
    const node = unwrap(argument);
    if (node.type === 'ObjectExpression') {
      for (const property of node.properties) {
        if (property.type === 'SpreadElement') continue;
        const name = propertyName(property.key, property.computed);
        if (name === null || !options.includes(name)) continue;
        emitValue(frame, sinkCall, property.value, name, at);
      }
      return;
    }
    if (node.type === 'Identifier') {
      const binding = lookup(frame.scope, node.name);
      if (binding?.props) {
        for (const name of options) emit(frame, 'llm', sinkCall, name, binding.props.get(name) ?? CLEAN, at);
        return;
      }
    }
    emitValue(frame, sinkCall, argument, '', at);
  }

  /** A static URL string, from literals, templates' text and constants; null when not static. */
  function urlText(raw: Node, frame: Frame): string {
    const node = unwrap(raw);
    if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
    if (node.type === 'TemplateLiteral') return node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('');
    if (node.type === 'BinaryExpression') return urlText(node.left, frame) + urlText(node.right, frame);
    if (node.type === 'Identifier') return constants.get(node.name) ?? '';
    if (node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'URL') return node.arguments.map((argument) => urlText(argument, frame)).join('');
    return '';
  }
  const constants = new Map<string, string>();

  function checkCall(node: Extract<Node, { type: 'CallExpression' }>, frame: Frame): void {
    const callee = unwrap(node.callee);
    const path = memberPath(callee);
    const args = node.arguments;
    const first = args[0];
    // Local helper functions whose parameters reach a sink.
    if (path?.length === 1) {
      const name = path[0]!;
      const local = functions.get(name);
      if (local) {
        const summary = summarise(local);
        for (const { param, flow } of summary?.paramSinks ?? []) {
          const argument = args[param];
          if (argument) emit(frame, flow.sink, `${name}() → ${flow.sinkCall}`, flow.detail, taintOf(argument, frame), node);
        }
        return;
      }
      const imported = imports.get(name);
      if (imported && sdkOf(imported.module) === 'ai' && AI_SDK_FUNCTIONS.has(imported.imported)) {
        emitOptions(frame, `ai.${imported.imported}`, first, AI_SDK_OPTIONS, node);
        return;
      }
      if (name === 'fetch' && first) {
        const host = llmHostOf(urlText(first, frame));
        const init = args[1] ? unwrap(args[1]) : null;
        if (host && init?.type === 'ObjectExpression') {
          for (const property of init.properties) {
            if (property.type !== 'SpreadElement' && propertyName(property.key, property.computed) === 'body') emitValue(frame, `fetch ${host}`, property.value, 'body', node);
          }
        }
        return;
      }
      if (loggers.has(name)) {
        for (const argument of args) emit(frame, 'log', name, '', taintOf(argument, frame), node);
        return;
      }
    }
    if (!path || path.length < 2) {
      // `debug('app')(…)`: a debug logger called in place.
      if (callee.type === 'CallExpression' && callee.callee.type === 'Identifier' && imports.get(callee.callee.name)?.module === 'debug') for (const argument of args) emit(frame, 'log', 'debug', '', taintOf(argument, frame), node);
      return;
    }
    const last = path[path.length - 1]!;
    const receiver = path[path.length - 2]!;
    if (path.length === 2 && receiver === 'console' && CONSOLE_METHODS.has(last)) {
      for (const argument of args) emit(frame, 'log', `console.${last}`, '', taintOf(argument, frame), node);
      return;
    }
    if (LOGGER_METHODS.has(last) && (loggers.has(receiver) || LOGGER_NAMES.test(receiver))) {
      for (const argument of args) emit(frame, 'log', `${receiver}.${last}`, '', taintOf(argument, frame), node);
      return;
    }
    if (path[0] === 'axios' && path.length === 2 && ['post', 'put', 'patch'].includes(last) && first) {
      const host = llmHostOf(urlText(first, frame));
      if (host && args[1]) emitValue(frame, `axios.${last} ${host}`, args[1], 'data', node);
      return;
    }
    if (path.length === 2 && ollamaClients.has(receiver)) {
      const options = OLLAMA_METHODS.get(last);
      if (options) emitOptions(frame, `ollama.${last}`, first, options, node);
      return;
    }
    for (const sink of METHOD_SINKS) {
      if (!sdks.has(sink.sdk) || path.length <= sink.path.length - (sink.path.length === 1 ? 1 : 0)) continue;
      const tail = path.slice(-sink.path.length);
      if (tail.join('.') !== sink.path.join('.')) continue;
      if (sink.options) emitOptions(frame, sink.name, first, sink.options, node);
      else if (first) emitValue(frame, sink.name, first, '', node);
      return;
    }
  }

  function checkNew(node: Extract<Node, { type: 'NewExpression' }>, frame: Frame): void {
    if (node.callee.type !== 'Identifier') return;
    const name = node.callee.name;
    const imported = imports.get(name);
    if (imported && sdkOf(imported.module) === 'langchain' && LANGCHAIN_MESSAGES.has(imported.imported) && node.arguments[0]) {
      emit(frame, 'llm', `new ${name}`, '', taintOf(node.arguments[0], frame), node);
      return;
    }
    if (/Error$/.test(name)) for (const argument of node.arguments) emit(frame, 'error', `new ${name}`, '', taintOf(argument, frame), node);
  }

  /** Remember what a declaration makes a variable: a logger, an ollama client, a URL constant. */
  function noteDeclaration(name: string, init: Node): void {
    const value = unwrap(init);
    if (value.type === 'Literal' && typeof value.value === 'string') constants.set(name, value.value);
    if (value.type === 'TemplateLiteral' && value.expressions.length === 0) constants.set(name, value.quasis.map((quasi) => quasi.value.cooked ?? '').join(''));
    if (value.type === 'NewExpression' && value.callee.type === 'Identifier' && imports.get(value.callee.name)?.module === 'ollama') ollamaClients.add(name);
    if (value.type === 'CallExpression') {
      const path = memberPath(value.callee);
      const last = path?.[path.length - 1];
      if (last !== undefined && LOGGER_FACTORIES.has(last)) loggers.add(name);
      if (path?.length === 1 && imports.get(path[0]!)?.module === 'debug') loggers.add(name);
      if (path?.length === 2 && path[1] === 'child' && loggers.has(path[0]!)) loggers.add(name);
    }
  }

  function register(name: string, fn: FunctionNode, frame: Frame): void {
    functions.set(name, { name, node: fn, scope: frame.scope, summary: null, analysing: false });
  }

  function visitStatements(statements: readonly Node[], frame: Frame): void {
    // Function declarations are hoisted: known before any statement runs, analysed on first call.
    for (const statement of statements) {
      const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id) register(declaration.id.name, declaration, frame);
    }
    for (const statement of statements) visit(statement, frame);
  }

  function visit(node: Node, frame: Frame): void {
    switch (node.type) {
      case 'FunctionDeclaration':
        if (node.id && functions.get(node.id.name)?.node === node) return; // analysed through its registration
        analyseFunction(node, frame.scope, false);
        return;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        analyseFunction(node, frame.scope, false);
        return;
      case 'BlockStatement':
      case 'StaticBlock':
        visitStatements(node.body, frame);
        return;
      case 'VariableDeclarator': {
        const init = node.init ? unwrap(node.init) : null;
        if (init && isFunction(init) && node.id.type === 'Identifier') {
          register(node.id.name, init, frame);
          frame.scope.vars.set(node.id.name, { taint: new Set() });
          return;
        }
        if (node.init) visit(node.init, frame);
        if (node.id.type === 'Identifier' && node.init) {
          noteDeclaration(node.id.name, node.init);
          const env = envObject(node.init);
          if (env !== null) envAliases.set(node.id.name, env);
        }
        bindPattern(node.id, node.init, node.init ? taintOf(node.init, frame) : CLEAN, frame, true);
        return;
      }
      case 'AssignmentExpression': {
        visit(node.right, frame);
        const taint = taintOf(node.right, frame);
        const target = unwrap(node.left);
        if (target.type === 'Identifier') bindPattern(target, null, taint, frame, false);
        else if (target.type === 'MemberExpression') {
          // `payload.key = secret` taints the object it is stored in.
          const path = memberPath(target);
          const binding = path ? lookup(frame.scope, path[0]!) : null;
          if (binding && taint.size > 0) {
            for (const source of taint) binding.taint.add(source);
            if (binding.props && path?.length === 2) binding.props.set(path[1]!, union(binding.props.get(path[1]!) ?? CLEAN, taint));
            else binding.props = undefined;
          }
        } else bindPattern(target, null, taint, frame, false);
        return;
      }
      case 'ReturnStatement':
        if (node.argument) {
          visit(node.argument, frame);
          for (const source of taintOf(node.argument, frame)) frame.returns.add(source);
        }
        return;
      case 'ThrowStatement': {
        visit(node.argument, frame);
        const thrown = unwrap(node.argument);
        if (thrown.type !== 'NewExpression') emit(frame, 'error', 'throw', '', taintOf(node.argument, frame), node);
        return;
      }
      case 'CallExpression':
        for (const child of childNodes(node)) visit(child, frame);
        checkCall(node, frame);
        return;
      case 'NewExpression':
        for (const child of childNodes(node)) visit(child, frame);
        checkNew(node, frame);
        return;
      default:
        for (const child of childNodes(node)) visit(child, frame);
    }
  }

  const moduleFrame: Frame = { scope: { vars: new Map(), parent: null }, returns: new Set(), flows: [] };
  visitStatements(source.program.body, moduleFrame);
  // Functions never called in the file still hold flows of their own.
  for (const local of functions.values()) summarise(local);
  for (const { flow, sources } of moduleFrame.flows) for (const item of sources) if (!item.startsWith(PARAM)) flows.push({ ...flow, source: item });
  return dedupe(flows);
}

function dedupe(flows: SecretFlow[]): SecretFlow[] {
  const seen = new Set<string>();
  const out: SecretFlow[] = [];
  for (const flow of flows.sort((a, b) => a.line - b.line)) {
    // A prompt built inside another LLM call (`model.invoke([new HumanMessage(x)])`) is one flow:
    // the innermost call, which is emitted first, names it.
    const key = `${String(flow.line)}|${flow.sink}|${flow.source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(flow);
  }
  return out;
}
