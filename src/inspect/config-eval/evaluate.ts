import { pathSet } from '../config-source.js';
import type {
  ArrowFunctionExpression,
  BindingPattern,
  CallExpression,
  Expression,
  Function as FunctionNode,
  Node,
  ObjectExpression,
  ParamPattern,
  Program,
  Statement,
  TemplateLiteral,
} from 'oxc-parser';
import type { ConfigSource } from '../coverage/model.js';
import { parseModeOf, parseSource, type ParsedSource } from '../js/parse.js';
import { walk } from '../js/walk.js';
import { mergeConfigValues } from './merge.js';
import { dirname, importCandidates, joinPath, relativePath, resolvePath } from './paths.js';
import type { ConfigValue, Location, ObjectValue, StringValue } from './value.js';
import { isNullish, property, truthy, unresolved } from './value.js';

/** A package import the evaluator cannot read: the caller may supply its value from a table. */
export interface PackageImport {
  /** As written: `vitest/config`. */
  specifier: string;
  /** `default`, `*` (namespace) or the imported name. */
  name: string;
  /** Where the import is written. */
  at: Location;
}

export interface EvaluateOptions {
  /** Values for package imports (`configDefaults` from `vitest/config`); null → unresolved `import from a package`. */
  resolvePackage?: (request: PackageImport) => ConfigValue | null;
  /** Maximum import depth (default 16). */
  maxImportDepth?: number;
  /**
   * Keep a package import that `resolvePackage` does not supply as a *reference* that remembers
   * the member path read from it (`tseslint.configs.strict` → `packageReference` with path
   * `['default', 'configs', 'strict']`) instead of one unresolved value. Lint configs compare
   * shareable configs by such names; nothing of the package is ever read or run.
   */
  packageReferences?: boolean;
  /** With `packageReferences`: the value of a call of a reference (`tseslint.config(…)`, `globalIgnores([…])`), or null for an unresolved call. */
  callPackage?: (call: PackageCall) => ConfigValue | null;
}

/** A call of a package reference, e.g. `globalIgnores(['dist/'])` from `eslint/config`. */
export interface PackageCall {
  reference: PackageReference;
  args: ConfigValue[];
  at: Location;
  /** Source text of the call. */
  text: string;
}

/** A package import and the member path read from it: `new FlatCompat()` adds `()` as a step. */
export interface PackageReference {
  specifier: string;
  path: string[];
}

const REFERENCE_PREFIX = 'package:';

/** The package reference a value stands for (see `EvaluateOptions.packageReferences`), or null. */
export function packageReference(value: ConfigValue): PackageReference | null {
  if (value.kind !== 'builtin' || !value.name.startsWith(REFERENCE_PREFIX)) return null;
  const rest = value.name.slice(REFERENCE_PREFIX.length);
  const hash = rest.indexOf('#');
  return { specifier: rest.slice(0, hash), path: rest.slice(hash + 1).split('.') };
}

/** What a module exports. `defaultExport` is `export default` or `module.exports` (CommonJS wins when both exist). */
export interface ModuleValue {
  file: string;
  defaultExport: ConfigValue;
  named: Map<string, ConfigValue>;
  /** The module could not be read at all (missing, unparseable, cycle…): every export is unresolved with this reason. */
  failure: string | null;
}

export interface ConfigEvaluator {
  /** The module's exports, memoized per file for the life of the evaluator. */
  module(file: string): ModuleValue;
  /** Its default export (or `module.exports`). */
  config(file: string): ConfigValue;
}

/** Identity wrappers of vite, vitest and friends: `defineConfig(x)` is `x`. */
const IDENTITY = new Set(['defineConfig', 'defineProject', 'defineWorkspace', 'defineVitestConfig', 'defineVitestProject', 'defineFlatConfig']);
const MAX_EXPRESSION_DEPTH = 200;

/**
 * An evaluator over one revision: evaluates JS/TS config modules statically (never executes
 * them), following relative imports inside the repository.
 */
export function createConfigEvaluator(source: ConfigSource, options: EvaluateOptions = {}): ConfigEvaluator {
  const paths = pathSet(source.paths);
  const modules = new Map<string, ModuleValue>();
  const inProgress = new Set<string>();
  const maxImportDepth = options.maxImportDepth ?? 16;

  const host: Host = {
    importModule(importer, specifier, at, depth) {
      if (!specifier.startsWith('.') && !specifier.startsWith('/')) return null;
      const candidates = importCandidates(importer, specifier) ?? [];
      const target = candidates.find((candidate) => paths.has(candidate));
      if (target === undefined) return failedModule(at.file, `file not found: ${specifier}`);
      return load(target, depth + 1, at);
    },
    resolvePackage: options.resolvePackage ?? (() => null),
    packageReferences: options.packageReferences === true,
    callPackage: options.callPackage ?? (() => null),
  };

  function load(file: string, depth: number, at: Location | null): ModuleValue {
    const cached = modules.get(file);
    if (cached) return cached;
    if (inProgress.has(file)) return failedModule(at?.file ?? file, `import cycle through ${file}`, at?.line);
    if (depth > maxImportDepth) return failedModule(at?.file ?? file, 'imports nested too deeply', at?.line);
    const text = source.read(file);
    if (text === null) return failedModule(at?.file ?? file, 'file not available', at?.line);
    inProgress.add(file);
    try {
      const result = evaluateText(file, text, file.endsWith('.json') ? 'json' : 'script', host, depth);
      modules.set(file, result);
      return result;
    } finally {
      inProgress.delete(file);
    }
  }

  return {
    module: (file) => load(file, 0, null),
    config: (file) => load(file, 0, null).defaultExport,
  };
}

/** Evaluates one module's text on its own: imports of other files are unresolved. */
export function evaluateModuleText(file: string, text: string, flavour: 'json' | 'script' = 'script', options: EvaluateOptions = {}): ModuleValue {
  const host: Host = {
    importModule: (_importer, specifier, at) => (specifier.startsWith('.') ? failedModule(at.file, 'file not available', at.line) : null),
    resolvePackage: options.resolvePackage ?? (() => null),
    packageReferences: options.packageReferences === true,
    callPackage: options.callPackage ?? (() => null),
  };
  return evaluateText(file, text, flavour, host, 0);
}

interface Host {
  /** A repository module, or null when the specifier is a package. */
  importModule(importer: string, specifier: string, at: Location, depth: number): ModuleValue | null;
  resolvePackage(request: PackageImport): ConfigValue | null;
  packageReferences: boolean;
  callPackage(call: PackageCall): ConfigValue | null;
}

function failedModule(file: string, reason: string, line = 1): ModuleValue {
  return { file, defaultExport: unresolved({ file, line }, file, reason), named: new Map(), failure: reason };
}

// ---------------------------------------------------------------------------------------------
// Parsing, memoized by path and text (the same blob is parsed once however many readers ask).

const PARSE_CACHE_LIMIT = 256;
const parseCache = new Map<string, ParsedSource | string>();

function parseCached(file: string, text: string, flavour: 'json' | 'script'): ParsedSource | string {
  const key = `${flavour}\0${file}\0${text}`;
  const hit = parseCache.get(key);
  if (hit !== undefined) return hit;
  const mode = flavour === 'json' ? { lang: 'js' as const, sourceType: 'script' as const, extension: '.json' } : (parseModeOf(file) ?? { lang: 'ts' as const, sourceType: 'module' as const, extension: '' });
  let parsed: ParsedSource | string;
  try {
    parsed = parseSource(file, text, mode);
  } catch (error) {
    parsed = error instanceof Error ? error.message : 'unparseable';
  }
  if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.delete(parseCache.keys().next().value!);
  parseCache.set(key, parsed);
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Bindings and scopes.

type Binding =
  | { kind: 'expression'; node: Expression; scope: Scope; path: PathStep[]; fallback: Expression | null }
  | { kind: 'function'; node: FunctionNode; scope: Scope }
  | { kind: 'import'; specifier: string; name: string; at: Location }
  | { kind: 'value'; value: ConfigValue }
  | { kind: 'opaque'; reason: string; at: Location };

/** One step of a destructuring: a key, an index, or the rest of an object without some keys. */
type PathStep = { key: string } | { index: number } | { restWithout: string[] } | { restFrom: number };

interface Scope {
  parent: Scope | null;
  bindings: Map<string, Binding>;
  cache: Map<string, ConfigValue>;
  resolving: Set<string>;
}

function newScope(parent: Scope | null): Scope {
  return { parent, bindings: new Map(), cache: new Map(), resolving: new Set() };
}

// ---------------------------------------------------------------------------------------------
// The module evaluator.

function evaluateText(file: string, text: string, flavour: 'json' | 'script', host: Host, depth: number): ModuleValue {
  const parsed = parseCached(file, text, flavour);
  if (typeof parsed === 'string') return failedModule(file, `unparseable: ${parsed}`);
  return new ModuleEvaluator(file, parsed, host, depth).run();
}

class ModuleEvaluator {
  private readonly scope = newScope(null);
  private readonly reassigned = new Set<string>();
  private readonly mutated = new Set<string>();
  private expressionDepth = 0;

  constructor(
    private readonly file: string,
    private readonly parsed: ParsedSource,
    private readonly host: Host,
    private readonly importDepth: number,
  ) {}

  run(): ModuleValue {
    const program: Program = this.parsed.program;
    this.findAssignments(program);
    const named = new Map<string, ConfigValue>();
    const namedExports: [exported: string, local: string][] = [];
    const reExports: { specifier: string; imported: string; exported: string; at: Location }[] = [];
    const starExports: { specifier: string; at: Location }[] = [];
    let defaultNode: Expression | FunctionNode | null = null;
    let cjsExports: Expression | null = null;
    const cjsNamed: [string, Expression][] = [];

    for (const statement of program.body) {
      switch (statement.type) {
        case 'ImportDeclaration': {
          if (statement.importKind === 'type') break;
          const at = this.at(statement);
          for (const specifier of statement.specifiers) {
            if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') continue;
            const name = specifier.type === 'ImportDefaultSpecifier' ? 'default' : specifier.type === 'ImportNamespaceSpecifier' ? '*' : exportName(specifier.imported);
            this.scope.bindings.set(specifier.local.name, { kind: 'import', specifier: statement.source.value, name, at });
          }
          break;
        }
        case 'ExportNamedDeclaration': {
          if (statement.exportKind === 'type') break;
          if (statement.declaration) {
            for (const name of this.declare(statement.declaration, this.scope)) namedExports.push([name, name]);
          }
          for (const specifier of statement.specifiers) {
            if (specifier.exportKind === 'type') continue;
            const local = exportName(specifier.local);
            const exported = exportName(specifier.exported);
            if (statement.source) reExports.push({ specifier: statement.source.value, imported: local, exported, at: this.at(statement) });
            else namedExports.push([exported, local]);
          }
          break;
        }
        case 'ExportDefaultDeclaration': {
          const declaration = statement.declaration;
          if (declaration.type === 'FunctionDeclaration' || declaration.type === 'FunctionExpression') {
            defaultNode = declaration;
            if (declaration.id) this.scope.bindings.set(declaration.id.name, { kind: 'function', node: declaration, scope: this.scope });
          } else if (declaration.type === 'ClassDeclaration' || declaration.type === 'TSInterfaceDeclaration' || declaration.type === 'ClassExpression') {
            defaultNode = null;
          } else {
            defaultNode = declaration;
          }
          break;
        }
        case 'ExportAllDeclaration': {
          if (statement.exportKind === 'type') break;
          if (statement.exported) reExports.push({ specifier: statement.source.value, imported: '*', exported: exportName(statement.exported), at: this.at(statement) });
          else starExports.push({ specifier: statement.source.value, at: this.at(statement) });
          break;
        }
        case 'ExpressionStatement': {
          const target = cjsTarget(statement.expression);
          if (target?.kind === 'module') cjsExports = target.value;
          else if (target?.kind === 'named') cjsNamed.push([target.name, target.value]);
          break;
        }
        default:
          this.declare(statement, this.scope);
      }
    }

    for (const [exported, local] of namedExports) named.set(exported, this.lookup(local, this.scope, this.at(program)));
    for (const item of reExports) {
      const module = this.importModule(item.specifier, item.at);
      if (module === null) named.set(item.exported, this.packageValue(item.specifier, item.imported, item.at));
      else named.set(item.exported, item.imported === '*' ? namespaceOf(module, item.at) : exportOf(module, item.imported, item.at));
    }
    for (const star of starExports) {
      const module = this.importModule(star.specifier, star.at);
      if (module === null) continue;
      for (const [name, value] of module.named) if (!named.has(name)) named.set(name, value);
    }
    for (const [name, node] of cjsNamed) named.set(name, this.evaluate(node, this.scope));

    let defaultExport: ConfigValue;
    if (cjsExports !== null) {
      defaultExport = this.evaluate(cjsExports, this.scope);
      if (defaultExport.kind === 'object') for (const [key, value] of defaultExport.properties) if (!named.has(key)) named.set(key, value);
    } else if (defaultNode !== null) {
      defaultExport = defaultNode.type === 'FunctionDeclaration' || defaultNode.type === 'FunctionExpression' ? this.functionValue(defaultNode, this.scope) : this.evaluate(defaultNode, this.scope);
    } else if (cjsNamed.length > 0) {
      defaultExport = { kind: 'object', ...this.at(program), properties: new Map(named), opaque: [] };
    } else {
      defaultExport = unresolved(this.at(program), this.file, 'no default export');
    }
    return { file: this.file, defaultExport, named, failure: null };
  }

  // ----- declarations

  /** Records the bindings a statement declares; returns their names. */
  private declare(statement: Statement | FunctionNode, scope: Scope): string[] {
    if (statement.type === 'VariableDeclaration') {
      const names: string[] = [];
      for (const declarator of statement.declarations) {
        const bound = bindingNames(declarator.id, []);
        for (const { name, path, fallback } of bound) {
          names.push(name);
          if (statement.kind !== 'const' && this.reassigned.has(name)) {
            scope.bindings.set(name, { kind: 'opaque', reason: 'reassigned variable', at: this.at(declarator) });
          } else if (this.mutated.has(name)) {
            scope.bindings.set(name, { kind: 'opaque', reason: 'modified after declaration', at: this.at(declarator) });
          } else if (declarator.init === null) {
            scope.bindings.set(name, { kind: 'value', value: { kind: 'undefined', ...this.at(declarator) } });
          } else {
            scope.bindings.set(name, { kind: 'expression', node: declarator.init, scope, path, fallback });
          }
        }
      }
      return names;
    }
    if (statement.type === 'FunctionDeclaration' && statement.id) {
      scope.bindings.set(statement.id.name, { kind: 'function', node: statement, scope });
      return [statement.id.name];
    }
    if ((statement.type === 'ClassDeclaration' || statement.type === 'TSEnumDeclaration') && statement.id) {
      scope.bindings.set(statement.id.name, { kind: 'opaque', reason: statement.type === 'ClassDeclaration' ? 'class' : 'enum', at: this.at(statement) });
      return [statement.id.name];
    }
    return [];
  }

  /** Names assigned anywhere (`x = …`, `x++`) and objects changed in place (`x.a = …`, `x.push(…)`, `Object.assign(x, …)`). */
  private findAssignments(program: Program): void {
    walk(program, {
      enter: (node) => {
        if (node.type === 'AssignmentExpression') {
          if (node.left.type === 'Identifier') this.reassigned.add(node.left.name);
          else if (node.left.type === 'MemberExpression') {
            const root = rootIdentifier(node.left);
            if (root !== null && root !== 'module' && root !== 'exports') this.mutated.add(root);
          }
        } else if (node.type === 'UpdateExpression' && node.argument.type === 'Identifier') {
          this.reassigned.add(node.argument.name);
        } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed) {
          const method = node.callee.property.name;
          if (MUTATING_METHODS.has(method)) {
            const root = rootIdentifier(node.callee.object);
            if (root !== null) this.mutated.add(root);
          }
          if (method === 'assign' && node.callee.object.type === 'Identifier' && node.callee.object.name === 'Object') {
            const first = node.arguments[0];
            const root = first && first.type !== 'SpreadElement' ? rootIdentifier(first) : null;
            if (root !== null && root !== 'module' && root !== 'exports') this.mutated.add(root);
          }
        }
      },
    });
  }

  // ----- lookups

  private lookup(name: string, scope: Scope, at: Location): ConfigValue {
    for (let current: Scope | null = scope; current !== null; current = current.parent) {
      const binding = current.bindings.get(name);
      if (binding === undefined) continue;
      const cached = current.cache.get(name);
      if (cached !== undefined) return cached;
      if (current.resolving.has(name)) return unresolved(at, name, 'self-referencing value');
      current.resolving.add(name);
      try {
        const value = this.bindingValue(binding, name, at);
        current.cache.set(name, value);
        return value;
      } finally {
        current.resolving.delete(name);
      }
    }
    return this.global(name, at);
  }

  private bindingValue(binding: Binding, name: string, at: Location): ConfigValue {
    switch (binding.kind) {
      case 'value':
        return binding.value;
      case 'opaque':
        return unresolved(binding.at, name, binding.reason);
      case 'function':
        return this.functionValue(binding.node, binding.scope);
      case 'import': {
        const module = this.importModule(binding.specifier, binding.at);
        if (module === null) return this.packageValue(binding.specifier, binding.name, binding.at);
        return binding.name === '*' ? namespaceOf(module, binding.at) : exportOf(module, binding.name, binding.at);
      }
      case 'expression': {
        let value = this.evaluate(binding.node, binding.scope);
        for (const step of binding.path) value = this.step(value, step, at);
        if (value.kind === 'undefined' && binding.fallback !== null) value = this.evaluate(binding.fallback, binding.scope);
        return value;
      }
    }
  }

  private step(value: ConfigValue, step: PathStep, at: Location): ConfigValue {
    if (value.kind === 'unresolved') return value;
    if ('key' in step) return this.member(value, step.key, at, step.key);
    if ('index' in step) return value.kind === 'array' ? (value.items[step.index] ?? { kind: 'undefined', ...at }) : unresolved(at, `[${step.index}]`, 'destructuring of a non-array');
    if ('restFrom' in step) return value.kind === 'array' ? { ...value, items: value.items.slice(step.restFrom) } : unresolved(at, '...rest', 'destructuring of a non-array');
    if (value.kind !== 'object') return unresolved(at, '...rest', 'destructuring of a non-object');
    const properties = new Map(value.properties);
    for (const key of step.restWithout) properties.delete(key);
    return { ...value, properties };
  }

  private global(name: string, at: Location): ConfigValue {
    switch (name) {
      case 'undefined':
        return { kind: 'undefined', ...at };
      case 'NaN':
        return { kind: 'number', ...at, value: Number.NaN };
      case 'Infinity':
        return { kind: 'number', ...at, value: Number.POSITIVE_INFINITY };
      case '__dirname':
        return { kind: 'string', ...at, value: dirname(this.file), repoPath: true };
      case '__filename':
        return { kind: 'string', ...at, value: this.file, repoPath: true };
      case 'require':
        return { kind: 'builtin', ...at, name: 'require' };
      case 'Object':
        return { kind: 'builtin', ...at, name: 'Object' };
      case 'process':
        return { kind: 'builtin', ...at, name: 'process' };
      default:
        return unresolved(at, name, 'unknown identifier');
    }
  }

  private importModule(specifier: string, at: Location): ModuleValue | null {
    return this.host.importModule(this.file, specifier, at, this.importDepth);
  }

  private packageValue(specifier: string, name: string, at: Location): ConfigValue {
    const bare = specifier.replace(/^node:/, '');
    if (bare === 'path' || bare === 'path/posix' || bare === 'url') {
      return { kind: 'builtin', ...at, name: name === 'default' || name === '*' ? bare : `${bare}.${name}` };
    }
    const supplied = this.host.resolvePackage({ specifier, name, at });
    if (supplied !== null) return supplied;
    // Member paths are kept with `.`; a name of a package path that contains `#` or `.` is still unambiguous after the first `#`.
    if (this.host.packageReferences) return { kind: 'builtin', ...at, name: `${REFERENCE_PREFIX}${specifier}#${name === '*' ? 'default' : name}` };
    return unresolved(at, name === 'default' || name === '*' ? specifier : `${name} from ${specifier}`, 'import from a package');
  }

  // ----- expressions

  private at(node: { start: number }): Location {
    return { file: this.file, line: this.parsed.lines.lineAt(node.start) };
  }

  private text(node: { start: number; end: number }): string {
    return this.parsed.text.slice(node.start, node.end);
  }

  private evaluate(node: Expression, scope: Scope): ConfigValue {
    if (this.expressionDepth > MAX_EXPRESSION_DEPTH) return unresolved(this.at(node), this.text(node), 'expression nested too deeply');
    this.expressionDepth++;
    try {
      return this.evaluateInner(node, scope);
    } finally {
      this.expressionDepth--;
    }
  }

  private evaluateInner(node: Expression, scope: Scope): ConfigValue {
    const at = this.at(node);
    switch (node.type) {
      case 'Literal': {
        if ('regex' in node) return { kind: 'regex', ...at, source: node.regex.pattern, flags: node.regex.flags };
        const value: unknown = node.value;
        if (typeof value === 'string') return { kind: 'string', ...at, value };
        if (typeof value === 'number') return { kind: 'number', ...at, value };
        if (typeof value === 'boolean') return { kind: 'boolean', ...at, value };
        if (value === null) return { kind: 'null', ...at };
        return unresolved(at, this.text(node), 'bigint');
      }
      case 'TemplateLiteral':
        return this.template(node, scope);
      case 'Identifier':
        return this.lookup(node.name, scope, at);
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        return this.evaluate(node.expression, scope);
      case 'ChainExpression':
        return this.evaluate(node.expression, scope);
      case 'ArrayExpression': {
        const items: ConfigValue[] = [];
        for (const element of node.elements) {
          if (element === null) items.push({ kind: 'undefined', ...at });
          else if (element.type === 'SpreadElement') items.push(...this.spreadItems(element.argument, scope));
          else items.push(this.evaluate(element, scope));
        }
        return { kind: 'array', ...at, items };
      }
      case 'ObjectExpression':
        return this.object(node, scope);
      case 'MemberExpression': {
        const text = this.text(node);
        if (isProcessEnv(node.object)) return unresolved(at, text, 'environment variable');
        if (node.object.type === 'MetaProperty' && !node.computed) {
          const key = node.property.name;
          if (key === 'dirname') return { kind: 'string', ...at, value: dirname(this.file), repoPath: true };
          if (key === 'filename' || key === 'url') return { kind: 'string', ...at, value: this.file, repoPath: true };
          if (key === 'env') return unresolved(at, text, 'environment variable');
          return unresolved(at, text, 'import.meta');
        }
        const object = this.evaluate(node.object, scope);
        if (object.kind === 'unresolved') return object;
        let key: string;
        if (node.computed) {
          const keyValue = this.evaluate(node.property, scope);
          if (keyValue.kind !== 'string' && keyValue.kind !== 'number') return unresolved(at, text, 'computed key');
          key = String(keyValue.value);
        } else if (node.property.type === 'PrivateIdentifier') {
          return unresolved(at, text, 'private field');
        } else {
          key = node.property.name;
        }
        if (node.optional && isNullish(object)) return { kind: 'undefined', ...at };
        return this.member(object, key, at, text);
      }
      case 'ConditionalExpression': {
        const test = this.evaluate(node.test, scope);
        const truth = truthy(test);
        if (truth === null) return unresolved(at, this.text(node), test.kind === 'unresolved' ? `condition on ${test.reason}` : 'condition');
        return this.evaluate(truth ? node.consequent : node.alternate, scope);
      }
      case 'LogicalExpression': {
        const left = this.evaluate(node.left, scope);
        if (left.kind === 'unresolved') {
          if (node.operator === '&&') return unresolved(at, this.text(node), left.reason);
          const right = this.evaluate(node.right, scope);
          return unresolved(at, this.text(node), left.reason, right);
        }
        const truth = truthy(left);
        if (node.operator === '??') return isNullish(left) ? this.evaluate(node.right, scope) : left;
        if (node.operator === '||') return truth === true ? left : this.evaluate(node.right, scope);
        return truth === false ? left : this.evaluate(node.right, scope);
      }
      case 'UnaryExpression': {
        if (node.operator === 'void') return { kind: 'undefined', ...at };
        const argument = this.evaluate(node.argument, scope);
        if (argument.kind === 'unresolved') return argument;
        if (node.operator === '!') return { kind: 'boolean', ...at, value: !truthy(argument) };
        if (argument.kind === 'number' && node.operator === '-') return { kind: 'number', ...at, value: -argument.value };
        if (argument.kind === 'number' && node.operator === '+') return argument;
        return unresolved(at, this.text(node), 'unary operator');
      }
      case 'BinaryExpression':
        return this.binary(node.operator, node.left, node.right, scope, at, this.text(node));
      case 'CallExpression':
        return this.call(node, scope);
      case 'NewExpression':
        return this.newExpression(node.callee, node.arguments, scope, at, this.text(node));
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return this.functionValue(node, scope);
      case 'AwaitExpression':
        return unresolved(at, this.text(node), 'await');
      case 'MetaProperty':
        return unresolved(at, this.text(node), 'import.meta');
      case 'ImportExpression':
        return unresolved(at, this.text(node), 'dynamic import');
      default:
        return unresolved(at, this.text(node), `unsupported expression (${node.type})`);
    }
  }

  private member(object: ConfigValue, key: string, at: Location, text: string): ConfigValue {
    switch (object.kind) {
      case 'object':
        return property(object, key);
      case 'array':
        if (key === 'length') return object.items.some((item) => item.kind === 'unresolved') ? unresolved(at, text, 'length of a partly unresolved array') : { kind: 'number', ...at, value: object.items.length };
        if (/^\d+$/.test(key)) return object.items[Number(key)] ?? { kind: 'undefined', ...at };
        return unresolved(at, text, 'array method');
      case 'string':
        if (key === 'length') return { kind: 'number', ...at, value: object.value.length };
        return unresolved(at, text, 'string method');
      case 'builtin':
        if (object.name === 'process' && key === 'env') return unresolved(at, text, 'environment variable');
        if (object.name === 'process') return unresolved(at, text, 'process state');
        return { kind: 'builtin', ...at, name: `${object.name}.${key}` };
      case 'null':
      case 'undefined':
        return unresolved(at, text, 'property of null or undefined');
      case 'unresolved':
        return object;
      default:
        return { kind: 'undefined', ...at };
    }
  }

  private template(node: TemplateLiteral, scope: Scope): ConfigValue {
    const at = this.at(node);
    let out = '';
    let repoPath = false;
    for (const [index, quasi] of node.quasis.entries()) {
      out += quasi.value.cooked ?? quasi.value.raw;
      const expression = node.expressions[index];
      if (expression === undefined) continue;
      const value = this.evaluate(expression, scope);
      if (value.kind === 'string') {
        if (index === 0 && out === '' && value.repoPath) repoPath = true;
        out += value.value;
      } else if (value.kind === 'number' || value.kind === 'boolean') {
        out += String(value.value);
      } else {
        return unresolved(at, this.text(node), value.kind === 'unresolved' ? value.reason : 'template with a non-string value');
      }
    }
    if (repoPath) {
      const normalized = joinPath(out);
      if (normalized === null) return unresolved(at, this.text(node), 'path outside the repository');
      return { kind: 'string', ...at, value: normalized, repoPath: true };
    }
    return { kind: 'string', ...at, value: out };
  }

  private object(node: ObjectExpression, scope: Scope): ObjectValue {
    const result: ObjectValue = { kind: 'object', ...this.at(node), properties: new Map(), opaque: [] };
    for (const prop of node.properties) {
      if (prop.type === 'SpreadElement') {
        const value = this.evaluate(prop.argument, scope);
        if (value.kind === 'object') {
          for (const [key, item] of value.properties) {
            result.properties.delete(key);
            result.properties.set(key, item);
          }
          result.opaque.push(...value.opaque);
        } else if (value.kind === 'unresolved') {
          result.opaque.push(value);
        } else if (packageReference(value) !== null && value.kind === 'builtin') {
          result.opaque.push(unresolved(this.at(prop), value.name, PACKAGE_VALUE));
        } else if (!isNullish(value) && value.kind !== 'boolean' && value.kind !== 'number') {
          result.opaque.push(unresolved(this.at(prop), this.text(prop), 'spread of a non-object'));
        }
        continue;
      }
      let key: string | null = null;
      if (!prop.computed && prop.key.type === 'Identifier') key = prop.key.name;
      else if (prop.key.type === 'Literal' && (typeof prop.key.value === 'string' || typeof prop.key.value === 'number')) key = String(prop.key.value);
      else if (prop.computed && prop.key.type !== 'PrivateIdentifier') {
        const keyValue = this.evaluate(prop.key, scope);
        if (keyValue.kind === 'string' || keyValue.kind === 'number') key = String(keyValue.value);
      }
      if (key === null) {
        result.opaque.push(unresolved(this.at(prop), this.text(prop), 'computed key'));
        continue;
      }
      const value = prop.kind === 'init' ? this.evaluate(prop.value, scope) : unresolved(this.at(prop), this.text(prop), 'getter or setter');
      // JS keeps the first position of a key that is written again.
      result.properties.set(key, value);
    }
    return result;
  }

  private spreadItems(argument: Expression, scope: Scope): ConfigValue[] {
    const value = this.evaluate(argument, scope);
    if (value.kind === 'array') return value.items;
    if (value.kind === 'unresolved') return [value];
    // A package's array (`...tseslint.configs.strict`) is kept as one reference item: its items are unknown, its name is not.
    if (packageReference(value) !== null) return [value];
    return [unresolved(this.at(argument), this.text(argument), 'spread of a non-array')];
  }

  private binary(operator: string, leftNode: Expression | { type: 'PrivateIdentifier' }, rightNode: Expression, scope: Scope, at: Location, text: string): ConfigValue {
    if (leftNode.type === 'PrivateIdentifier') return unresolved(at, text, 'private field');
    const left = this.evaluate(leftNode, scope);
    const right = this.evaluate(rightNode, scope);
    if (left.kind === 'unresolved') return unresolved(at, text, left.reason);
    if (right.kind === 'unresolved') return unresolved(at, text, right.reason);
    const primitive = (value: ConfigValue): string | number | boolean | null | undefined | typeof NOT_PRIMITIVE =>
      value.kind === 'string' || value.kind === 'number' || value.kind === 'boolean' ? value.value : value.kind === 'null' ? null : value.kind === 'undefined' ? undefined : NOT_PRIMITIVE;
    const a = primitive(left);
    const b = primitive(right);
    if (a === NOT_PRIMITIVE || b === NOT_PRIMITIVE) return unresolved(at, text, 'operator on objects');
    switch (operator) {
      case '+':
        if (typeof a === 'string' || typeof b === 'string') {
          const value = String(a) + String(b);
          if (left.kind === 'string' && left.repoPath) {
            const normalized = joinPath(value);
            return normalized === null ? unresolved(at, text, 'path outside the repository') : { kind: 'string', ...at, value: normalized, repoPath: true };
          }
          return { kind: 'string', ...at, value };
        }
        if (typeof a === 'number' && typeof b === 'number') return { kind: 'number', ...at, value: a + b };
        return unresolved(at, text, 'operator');
      case '-':
      case '*':
      case '/':
        if (typeof a !== 'number' || typeof b !== 'number') return unresolved(at, text, 'operator');
        return { kind: 'number', ...at, value: operator === '-' ? a - b : operator === '*' ? a * b : a / b };
      case '===':
      case '!==':
        return { kind: 'boolean', ...at, value: (a === b) === (operator === '===') };
      case '==':
      case '!=': {
        // Loose equality only between same-typed or nullish operands; anything else is unresolved.
        const bothNullish = (a === null || a === undefined) && (b === null || b === undefined);
        if (!bothNullish && typeof a !== typeof b) return unresolved(at, text, 'loose equality');
        return { kind: 'boolean', ...at, value: (bothNullish || a === b) === (operator === '==') };
      }
      default:
        return unresolved(at, text, 'operator');
    }
  }

  private call(node: CallExpression, scope: Scope): ConfigValue {
    const at = this.at(node);
    const text = this.text(node);
    const calleeName = node.callee.type === 'Identifier' ? node.callee.name : node.callee.type === 'MemberExpression' && !node.callee.computed ? node.callee.property.name : null;
    const localBinding = node.callee.type === 'Identifier' ? this.bindingOf(node.callee.name, scope) : null;
    const args = (): ConfigValue[] | UnresolvedArgs => this.arguments(node, scope);

    if (this.host.packageReferences && (node.callee.type === 'Identifier' || node.callee.type === 'MemberExpression')) {
      const reference = packageReference(this.evaluate(node.callee, scope));
      if (reference !== null) {
        const values = this.arguments(node, scope, true);
        if (!Array.isArray(values)) return unresolved(at, text, values.reason);
        return this.host.callPackage({ reference, args: values, at, text }) ?? unresolved(at, text, 'function call');
      }
    }
    if (calleeName !== null && (localBinding === null || localBinding.kind === 'import')) {
      if (IDENTITY.has(calleeName)) {
        const values = args();
        if (!Array.isArray(values)) return unresolved(at, text, values.reason);
        const first = values[0] ?? unresolved(at, text, 'no argument');
        return first.kind === 'function' ? first.returns : first;
      }
      if (calleeName === 'mergeConfig') {
        const values = args();
        if (!Array.isArray(values)) return unresolved(at, text, values.reason);
        const [a, b] = values;
        if (a === undefined || b === undefined) return unresolved(at, text, 'mergeConfig needs two arguments');
        return mergeConfigValues(a, b, text);
      }
    }
    const callee = this.evaluate(node.callee, scope);
    if (callee.kind === 'function') {
      return this.callFunction(node, scope);
    }
    if (callee.kind === 'builtin') {
      const values = args();
      if (!Array.isArray(values)) return unresolved(at, text, values.reason);
      return this.builtin(callee.name, values, at, text);
    }
    if (callee.kind === 'unresolved') return unresolved(at, text, callee.reason === 'unknown identifier' ? 'function call' : `call of ${callee.reason}`);
    return unresolved(at, text, 'function call');
  }

  private bindingOf(name: string, scope: Scope): Binding | null {
    for (let current: Scope | null = scope; current !== null; current = current.parent) {
      const binding = current.bindings.get(name);
      if (binding !== undefined) return binding;
    }
    return null;
  }

  /** Evaluated arguments; an unresolved spread makes the whole list unresolved unless `keepUnresolved` (a package call's caller sees each item). */
  private arguments(node: { arguments: readonly (Expression | { type: 'SpreadElement'; argument: Expression })[] }, scope: Scope, keepUnresolved = false): ConfigValue[] | UnresolvedArgs {
    const values: ConfigValue[] = [];
    for (const argument of node.arguments) {
      if (argument.type === 'SpreadElement') {
        const items = this.spreadItems(argument.argument, scope);
        const bad = items.find((item) => item.kind === 'unresolved');
        if (bad && !keepUnresolved) return { reason: bad.reason };
        values.push(...items);
      } else {
        values.push(this.evaluate(argument, scope));
      }
    }
    return values;
  }

  /** Calls a local function: parameters bound to the evaluated arguments, the single top-level `return` evaluated. */
  private callFunction(node: CallExpression, scope: Scope): ConfigValue {
    const at = this.at(node);
    const text = this.text(node);
    const target = node.callee.type === 'Identifier' ? this.bindingOf(node.callee.name, scope) : null;
    let fn: FunctionNode | ArrowFunctionExpression | null = null;
    let fnScope = scope;
    if (target?.kind === 'function') {
      fn = target.node;
      fnScope = target.scope;
    } else if (target?.kind === 'expression' && target.path.length === 0) {
      const init = unwrap(target.node);
      if (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') {
        fn = init;
        fnScope = target.scope;
      }
    } else {
      const direct = unwrap(node.callee);
      if (direct.type === 'ArrowFunctionExpression' || direct.type === 'FunctionExpression') fn = direct;
    }
    if (fn === null) return unresolved(at, text, 'function call');
    const values = this.arguments(node, scope);
    if (!Array.isArray(values)) return unresolved(at, text, values.reason);
    return this.functionResult(fn, fnScope, values);
  }

  private functionValue(node: FunctionNode | ArrowFunctionExpression, scope: Scope): ConfigValue {
    return { kind: 'function', ...this.at(node), returns: this.functionResult(node, scope, null) };
  }

  /** The returned value with parameters bound to `args` (null: every parameter unresolved). */
  private functionResult(node: FunctionNode | ArrowFunctionExpression, outer: Scope, args: ConfigValue[] | null): ConfigValue {
    const at = this.at(node);
    if (node.async || node.generator) return unresolved(at, this.text(node), node.async ? 'async function' : 'generator');
    const scope = newScope(outer);
    node.params.forEach((param, index) => {
      this.bindParam(param, args?.[index] ?? null, scope);
    });
    const body = node.body;
    if (body === null) return unresolved(at, this.text(node), 'function without body');
    if (body.type !== 'BlockStatement') return this.evaluate(body, scope);
    let returned: Expression | null = null;
    let returns = 0;
    for (const statement of body.body) {
      if (statement.type === 'ReturnStatement') {
        returns++;
        returned = statement.argument;
        break;
      }
      if (statement.type === 'VariableDeclaration' || statement.type === 'FunctionDeclaration') this.declare(statement, scope);
      else if (statement.type !== 'ExpressionStatement' || !isDirective(statement)) return unresolved(at, this.text(node), 'function with control flow');
    }
    if (returns === 0 || returned === null) return returns === 0 ? unresolved(at, this.text(node), 'function without return') : { kind: 'undefined', ...at };
    return this.evaluate(returned, scope);
  }

  private bindParam(param: ParamPattern, arg: ConfigValue | null, scope: Scope): void {
    if (param.type === 'TSParameterProperty') return;
    const pattern = param.type === 'RestElement' ? param.argument : param;
    const at = this.at(param);
    const base: ConfigValue = arg ?? unresolved(at, this.text(param), 'function parameter');
    for (const { name, path, fallback } of bindingNames(pattern, [])) {
      let value: ConfigValue = base;
      for (const step of path) value = this.step(value, step, at);
      if (value.kind === 'undefined' && fallback !== null) {
        scope.bindings.set(name, { kind: 'expression', node: fallback, scope, path: [], fallback: null });
      } else {
        scope.bindings.set(name, { kind: 'value', value });
      }
    }
  }

  private builtin(name: string, args: ConfigValue[], at: Location, text: string): ConfigValue {
    const strings = args.every((arg): arg is StringValue => arg.kind === 'string') ? args : null;
    switch (name) {
      case 'require': {
        const specifier = args[0];
        if (specifier?.kind !== 'string') return unresolved(at, text, 'require of a computed path');
        const module = this.importModule(specifier.value, at);
        if (module === null) return this.packageValue(specifier.value, 'default', at);
        return module.defaultExport.kind === 'unresolved' && module.failure === null ? namespaceOf(module, at) : module.defaultExport;
      }
      case 'path.resolve':
      case 'path.join':
      case 'path/posix.resolve':
      case 'path/posix.join': {
        if (strings === null) return unresolved(at, text, args.find((arg) => arg.kind === 'unresolved')?.reason ?? 'path of a non-string');
        const lastRooted = strings.findLastIndex((arg) => arg.repoPath === true);
        const isResolve = name.endsWith('resolve');
        if (lastRooted === -1) {
          if (isResolve) return unresolved(at, text, 'depends on the working directory');
          const joined = joinPath(...strings.map((arg) => arg.value));
          return joined === null ? unresolved(at, text, 'path outside the repository') : { kind: 'string', ...at, value: joined };
        }
        const parts = strings.slice(lastRooted).map((arg) => arg.value);
        if (parts.slice(1).some((part) => part.startsWith('/'))) return unresolved(at, text, 'absolute path');
        const joined = joinPath(...parts);
        return joined === null ? unresolved(at, text, 'path outside the repository') : { kind: 'string', ...at, value: joined, repoPath: true };
      }
      case 'path.dirname':
      case 'path/posix.dirname': {
        const first = strings?.[0];
        if (first === undefined) return unresolved(at, text, 'path of a non-string');
        return { ...first, ...at, value: dirname(first.value) };
      }
      case 'path.relative': {
        const [from, to] = strings ?? [];
        if (from?.repoPath !== true || to?.repoPath !== true) return unresolved(at, text, 'depends on the working directory');
        return { kind: 'string', ...at, value: relativePath(from.value, to.value) };
      }
      case 'url.fileURLToPath': {
        const first = args[0];
        return first?.kind === 'string' && first.repoPath ? first : unresolved(at, text, first?.kind === 'unresolved' ? first.reason : 'URL not known');
      }
      case 'Object.assign':
      case 'Object.freeze': {
        if (name === 'Object.freeze') return args[0] ?? unresolved(at, text, 'no argument');
        const result: ObjectValue = { kind: 'object', ...at, properties: new Map(), opaque: [] };
        for (const arg of args) {
          if (arg.kind === 'object') {
            for (const [key, value] of arg.properties) result.properties.set(key, value);
            result.opaque.push(...arg.opaque);
          } else if (arg.kind === 'unresolved') {
            result.opaque.push(arg);
          }
        }
        return result;
      }
      default:
        return unresolved(at, text, 'function call');
    }
  }

  private newExpression(calleeNode: Expression, argNodes: CallExpression['arguments'], scope: Scope, at: Location, text: string): ConfigValue {
    if (this.host.packageReferences && calleeNode.type === 'Identifier') {
      const callee = this.evaluate(calleeNode, scope);
      if (callee.kind === 'builtin' && packageReference(callee) !== null) return { kind: 'builtin', ...at, name: `${callee.name}.()` };
    }
    if (calleeNode.type !== 'Identifier' || calleeNode.name !== 'URL' || this.bindingOf('URL', scope) !== null) return unresolved(at, text, 'constructor call');
    const values = this.arguments({ arguments: argNodes }, scope);
    if (!Array.isArray(values)) return unresolved(at, text, values.reason);
    const [relative, base] = values;
    if (relative?.kind !== 'string' || base?.kind !== 'string' || base.repoPath !== true) return unresolved(at, text, 'URL not known');
    const resolved = resolvePath(dirname(base.value), relative.value);
    return resolved === null ? unresolved(at, text, 'path outside the repository') : { kind: 'string', ...at, value: resolved, repoPath: true };
  }
}

const NOT_PRIMITIVE = Symbol('not primitive');
/** The reason of an object's opaque entry that is a spread package reference; its `expression` is the reference's name. */
export const PACKAGE_VALUE = 'package value';
const MUTATING_METHODS = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'reverse', 'sort', 'fill', 'copyWithin', 'set', 'delete', 'add', 'clear']);

interface UnresolvedArgs {
  reason: string;
}

function isDirective(statement: Statement): boolean {
  return statement.type === 'ExpressionStatement' && 'directive' in statement;
}

function unwrap(node: Expression): Expression {
  let current = node;
  while (current.type === 'ParenthesizedExpression' || current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression') current = current.expression;
  return current;
}

function exportName(node: { type: string; name?: string; value?: unknown }): string {
  return node.type === 'Identifier' ? (node.name ?? '') : String(node.value);
}

function namespaceOf(module: ModuleValue, at: Location): ConfigValue {
  if (module.failure !== null) return unresolved(at, module.file, module.failure);
  const properties = new Map(module.named);
  if (module.defaultExport.kind !== 'unresolved' || module.defaultExport.reason !== 'no default export') properties.set('default', module.defaultExport);
  return { kind: 'object', ...at, properties, opaque: [] };
}

function exportOf(module: ModuleValue, name: string, at: Location): ConfigValue {
  if (module.failure !== null) return unresolved(at, module.file, module.failure);
  if (name === 'default') return module.defaultExport;
  return module.named.get(name) ?? unresolved(at, `${name} from ${module.file}`, 'export not found');
}

function isProcessEnv(node: Expression): boolean {
  return node.type === 'MemberExpression' && !node.computed && node.property.name === 'env' && node.object.type === 'Identifier' && node.object.name === 'process';
}

function rootIdentifier(node: Node): string | null {
  let current: Node = node;
  for (;;) {
    if (current.type === 'Identifier') return current.name;
    if (current.type === 'MemberExpression') current = current.object;
    else if (current.type === 'ParenthesizedExpression' || current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'ChainExpression') current = current.expression;
    else return null;
  }
}

/** `module.exports = x`, `exports.name = x`, `module.exports.name = x`. */
function cjsTarget(expression: Expression): { kind: 'module'; value: Expression } | { kind: 'named'; name: string; value: Expression } | null {
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=' || expression.left.type !== 'MemberExpression' || expression.left.computed) return null;
  const { object, property: key } = expression.left;
  if (key.type !== 'Identifier') return null;
  const isModuleExports = (node: Expression): boolean => node.type === 'MemberExpression' && !node.computed && node.property.name === 'exports' && node.object.type === 'Identifier' && node.object.name === 'module';
  if (key.name === 'exports' && object.type === 'Identifier' && object.name === 'module') return { kind: 'module', value: expression.right };
  if ((object.type === 'Identifier' && object.name === 'exports') || isModuleExports(object)) return { kind: 'named', name: key.name, value: expression.right };
  return null;
}

/** Every name a binding pattern declares, with the path from the initialiser to its value. */
function bindingNames(pattern: BindingPattern, path: PathStep[]): { name: string; path: PathStep[]; fallback: Expression | null }[] {
  switch (pattern.type) {
    case 'Identifier':
      return [{ name: pattern.name, path, fallback: null }];
    case 'AssignmentPattern':
      return bindingNames(pattern.left, path).map((item) => (item.path.length === path.length ? { ...item, fallback: pattern.right } : item));
    case 'ObjectPattern': {
      const out: { name: string; path: PathStep[]; fallback: Expression | null }[] = [];
      const seen: string[] = [];
      for (const prop of pattern.properties) {
        if (prop.type === 'RestElement') {
          out.push(...bindingNames(prop.argument, [...path, { restWithout: [...seen] }]));
          continue;
        }
        const key = !prop.computed && prop.key.type === 'Identifier' ? prop.key.name : prop.key.type === 'Literal' ? String(prop.key.value) : null;
        if (key === null) continue;
        seen.push(key);
        out.push(...bindingNames(prop.value, [...path, { key }]));
      }
      return out;
    }
    case 'ArrayPattern': {
      const out: { name: string; path: PathStep[]; fallback: Expression | null }[] = [];
      pattern.elements.forEach((element, index) => {
        if (element === null) return;
        if (element.type === 'RestElement') out.push(...bindingNames(element.argument, [...path, { restFrom: index }]));
        else out.push(...bindingNames(element, [...path, { index }]));
      });
      return out;
    }
  }
}
