import type { ConditionValue, TestCase, TestModifier } from '../source-facts.js';
import { analyseBody, type BodyFacts, type HelperResolver } from './body.js';
import { fieldOf, partsOf, type PyNode, type PythonSource } from './parse.js';
import { argListOf, argumentsOf, calleeOf, collapse, combine, invert, keyword, normalised, positional, sha1, statementsOf, textOf, truthiness, type Argument } from './syntax.js';

/** A modifier found on a decorator, a `pytestmark` or a module-level skip. */
interface Mark {
  modifiers: TestModifier[];
  condition: ConditionValue | null;
  callee: string;
  /** The pytest marker name (`slow` for `@pytest.mark.slow`), which `-m` selects by; null for other decorators. */
  marker?: string | null;
}

interface Definition {
  node: PyNode;
  decorators: PyNode[];
  name: string;
}

interface PyClass extends Definition {
  bases: string[];
  methods: Map<string, Definition>;
  /** Marks of the class itself: decorators and `pytestmark` in its body. */
  marks: Mark[];
  nested: PyClass[];
  body: PyNode;
  /** Local base classes, nearest first, computed once (see `ancestorsOf`). */
  ancestors?: PyClass[];
}

/** Last names of base classes that make a class a unittest `TestCase` (any `…TestCase` counts too). */
const UNITTEST_BASES = /^(?:TestCase|IsolatedAsyncioTestCase|SimpleTestCase|TransactionTestCase|LiveServerTestCase|StaticLiveServerTestCase|AsyncTestCase|AioHTTPTestCase|\w*TestCase)$/;

/**
 * The pytest / unittest inventory of a module: `test*` functions, `Test*` classes without
 * `__init__` and `unittest.TestCase` subclasses (directly or through local classes) as suites,
 * their `test*` methods (inherited ones from local base classes included, under the subclass's
 * name) as tests, with modifiers from decorators, `pytestmark` and module-level skips.
 */
export function pythonTests(source: PythonSource): TestCase[] {
  const module = source.root;
  const topLevel = statementsOf(module);
  const functions = new Map<string, Definition>();
  const classes = new Map<string, PyClass>();
  const order: PyClass[] = [];
  const moduleFunctions: Definition[] = [];
  for (const statement of topLevel) {
    const definition = definitionOf(source, statement);
    if (!definition) continue;
    if (definition.node.type === 'function_definition') {
      functions.set(definition.name, definition);
      moduleFunctions.push(definition);
    } else {
      const pyClass = classOf(source, definition);
      classes.set(pyClass.name, pyClass);
      order.push(pyClass);
    }
  }
  const moduleMarks = moduleLevelMarks(source, topLevel);

  // Helpers: facts of local functions and methods, computed once, with a guard against recursion.
  const helperFacts = new Map<PyNode, BodyFacts>();
  const inProgress = new Set<PyNode>();
  const factsOf = (definition: Definition, owner: PyClass | null, isTest: boolean): BodyFacts => {
    const cached = isTest ? undefined : helperFacts.get(definition.node);
    if (cached) return cached;
    inProgress.add(definition.node);
    const facts = analyseBody(source, bodyOf(definition.node), isTest, resolverFor(owner));
    inProgress.delete(definition.node);
    if (!isTest) helperFacts.set(definition.node, facts);
    return facts;
  };
  const resolverFor =
    (owner: PyClass | null): HelperResolver =>
    (callee) => {
      const method = /^(?:self|cls)\.(\w+)$/.exec(callee);
      const definition = method ? (owner ? methodOf(owner, method[1]!) : null) : /^\w+$/.test(callee) ? (functions.get(callee) ?? null) : null;
      if (!definition || inProgress.has(definition.node)) return null;
      const holder = method ? ownerOf(owner!, method[1]!) : null;
      return { name: definition.name, facts: factsOf(definition, holder, false) };
    };

  // Local base classes, transitively, nearest first; computed once per class.
  const ancestors = (pyClass: PyClass): PyClass[] => {
    if (pyClass.ancestors) return pyClass.ancestors;
    const list: PyClass[] = [];
    const seen = new Set<PyClass>([pyClass]);
    const walk = (current: PyClass): void => {
      for (const base of current.bases) {
        const local = classes.get(base);
        if (!local || seen.has(local)) continue;
        seen.add(local);
        list.push(local);
        walk(local);
      }
    };
    walk(pyClass);
    pyClass.ancestors = list;
    return list;
  };
  const ownerOf = (pyClass: PyClass, name: string): PyClass | null => [pyClass, ...ancestors(pyClass)].find((candidate) => candidate.methods.has(name)) ?? null;
  const methodOf = (pyClass: PyClass, name: string): Definition | null => ownerOf(pyClass, name)?.methods.get(name) ?? null;
  const unittestBase = (base: string): boolean => UNITTEST_BASES.test(base.slice(base.lastIndexOf('.') + 1)) && !classes.has(base);
  const isUnittest = (pyClass: PyClass): boolean => pyClass.bases.some(unittestBase) || ancestors(pyClass).some((ancestor) => ancestor.bases.some(unittestBase));

  const inventory: TestCase[] = [];

  const testOf = (definition: Definition, fullName: string, inherited: Mark[], owner: PyClass | null, collecting: PyClass | null): TestCase => {
    const marks = definition.decorators.map((decorator) => decoratorMark(source, decorator)).filter((mark): mark is Mark => mark !== null);
    const facts = factsOf(definition, owner, true);
    const tags = markersOf([...inherited, ...marks]);
    const runtimeSkips = [...facts.runtimeSkips];
    // A subclass overriding an inherited test with a body that does nothing or only skips.
    if (collecting && owner === collecting && ancestors(collecting).some((ancestor) => ancestor.methods.has(definition.name)) && onlySkips(source, bodyOf(definition.node))) {
      if (!runtimeSkips.some((skip) => !skip.conditional)) runtimeSkips.push({ kind: 'override', line: source.lineAt(definition.node.from), conditional: false });
    }
    return {
      kind: 'test',
      fullName,
      modifiers: unique(marks.flatMap((mark) => mark.modifiers)),
      inheritedModifiers: unique(inherited.flatMap((mark) => mark.modifiers)),
      skipCondition: combine([...marks, ...inherited].filter((mark) => mark.modifiers.includes('skipIf')).map((mark) => mark.condition)),
      line: source.lineAt(definition.node.from),
      callee: switching(marks)[0]?.callee ?? (definition.node.children[0]?.type === 'async' ? 'async def' : 'def'),
      ...hashes(source, bodyOf(definition.node)),
      assertions: facts.assertions,
      runtimeSkips,
      endLine: endLine(source, definition.node),
      ...(tags.length > 0 ? { tags } : {}),
    };
  };

  const collectClass = (pyClass: PyClass, prefix: string, inherited: Mark[]): void => {
    const unittest = isUnittest(pyClass);
    if (!unittest && (!pyClass.name.startsWith('Test') || methodOf(pyClass, '__init__'))) return;
    const fullName = prefix ? `${prefix} > ${pyClass.name}` : pyClass.name;
    const ancestorMarks = ancestors(pyClass).flatMap((ancestor) => ancestor.marks);
    const suiteInherited = [...inherited, ...ancestorMarks];
    inventory.push({
      kind: 'suite',
      fullName,
      modifiers: unique(pyClass.marks.flatMap((mark) => mark.modifiers)),
      inheritedModifiers: unique(suiteInherited.flatMap((mark) => mark.modifiers)),
      skipCondition: combine([...pyClass.marks, ...suiteInherited].filter((mark) => mark.modifiers.includes('skipIf')).map((mark) => mark.condition)),
      line: source.lineAt(pyClass.node.from),
      callee: switching(pyClass.marks)[0]?.callee ?? 'class',
      ...hashes(source, pyClass.body),
      assertions: [],
      runtimeSkips: [],
      endLine: endLine(source, pyClass.node),
    });
    const testInherited = [...suiteInherited, ...pyClass.marks];
    const seen = new Set<string>();
    for (const holder of [pyClass, ...ancestors(pyClass)]) {
      for (const [name, method] of holder.methods) {
        if (seen.has(name)) continue;
        seen.add(name);
        if (!name.startsWith('test')) continue;
        inventory.push(testOf(method, `${fullName} > ${name}`, testInherited, holder, pyClass));
      }
    }
    for (const nested of pyClass.nested) if (!unittest) collectClass(nested, fullName, testInherited);
  };

  // Source order: functions and classes as they appear.
  for (const statement of topLevel) {
    const definition = definitionOf(source, statement);
    if (!definition) continue;
    if (definition.node.type === 'function_definition') {
      if (definition.name.startsWith('test')) inventory.push(testOf(definition, definition.name, moduleMarks, null, null));
    } else {
      const pyClass = classes.get(definition.name);
      if (pyClass?.node === definition.node) collectClass(pyClass, '', moduleMarks);
    }
  }
  return inventory;
}

/** Marks that switch a test (skip, skipif, xfail…), as opposed to plain markers. */
function switching(marks: readonly Mark[]): Mark[] {
  return marks.filter((mark) => mark.modifiers.length > 0);
}

function markersOf(marks: readonly Mark[]): string[] {
  return unique(marks.flatMap((mark) => (mark.marker ? [mark.marker] : [])));
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** A function or class statement, decorated or not. */
function definitionOf(source: PythonSource, statement: PyNode): Definition | null {
  let node = statement;
  const decorators: PyNode[] = [];
  if (statement.type === 'decorated_definition') {
    for (const child of statement.children) if (child.type === 'decorator') decorators.push(child);
    node = fieldOf(statement, 'definition') ?? statement;
  }
  if (node.type !== 'function_definition' && node.type !== 'class_definition') return null;
  const name = fieldOf(node, 'name');
  return name ? { node, decorators, name: textOf(source, name) } : null;
}

function bodyOf(node: PyNode): PyNode {
  return fieldOf(node, 'body') ?? node;
}

function classOf(source: PythonSource, definition: Definition): PyClass {
  const bases = argumentsOf(source, fieldOf(definition.node, 'superclasses'))
    .filter((arg) => arg.name === null && arg.star === '')
    .map((arg) => arg.text.replace(/\s+/g, ''));
  const body = bodyOf(definition.node);
  const methods = new Map<string, Definition>();
  const nested: PyClass[] = [];
  const marks = definition.decorators.map((decorator) => decoratorMark(source, decorator)).filter((mark): mark is Mark => mark !== null);
  for (const statement of statementsOf(body)) {
    const member = definitionOf(source, statement);
    if (member?.node.type === 'function_definition') methods.set(member.name, member);
    else if (member?.node.type === 'class_definition') nested.push(classOf(source, member));
    else marks.push(...pytestmarkOf(source, statement));
  }
  return { ...definition, bases, methods, marks, nested, body };
}

/** `pytestmark = pytest.mark.skip` or `pytestmark = [pytest.mark.a, pytest.mark.skipif(…)]` (annotated too). */
function pytestmarkOf(source: PythonSource, statement: PyNode): Mark[] {
  if (statement.type !== 'expression_statement') return [];
  const assignment = partsOf(statement)[0];
  if (assignment?.type !== 'assignment') return [];
  const target = fieldOf(assignment, 'left');
  const value = fieldOf(assignment, 'right');
  if (target?.type !== 'identifier' || textOf(source, target) !== 'pytestmark' || !value) return [];
  const items = value.type === 'list' || value.type === 'tuple' || value.type === 'expression_list' ? partsOf(value) : [value];
  return items.map((item) => markExpression(source, item)).filter((mark): mark is Mark => mark !== null);
}

/** Module-level marks: `pytestmark`, `pytest.importorskip(…)`, `pytest.skip(…, allow_module_level=True)`. */
function moduleLevelMarks(source: PythonSource, topLevel: readonly PyNode[]): Mark[] {
  const marks: Mark[] = [];
  for (const statement of topLevel) {
    if (statement.type === 'decorated_definition' || statement.type === 'function_definition' || statement.type === 'class_definition') continue;
    marks.push(...pytestmarkOf(source, statement));
    // The statement's own call: `pytest.skip(…)` or `x = pytest.skip(…)`, not one nested in a condition.
    const expression = statement.type === 'expression_statement' ? partsOf(statement)[0] : undefined;
    const topCall = expression?.type === 'assignment' ? fieldOf(expression, 'right') : expression;
    const visit = (node: PyNode): void => {
      if (NESTED.has(node.type)) return;
      if (node.type === 'call') {
        const callee = calleeOf(source, node);
        if (callee === 'pytest.importorskip') marks.push({ modifiers: ['skipIf'], condition: 'dynamic', callee });
        else if (callee === 'pytest.skip') marks.push(node === topCall ? { modifiers: ['skip'], condition: null, callee } : { modifiers: ['skipIf'], condition: 'dynamic', callee });
      }
      for (const child of node.children) if (child.named) visit(child);
    };
    visit(statement);
  }
  return marks;
}

const NESTED = new Set(['function_definition', 'class_definition', 'decorated_definition', 'lambda']);

function decoratorMark(source: PythonSource, decorator: PyNode): Mark | null {
  const expression = partsOf(decorator)[0];
  if (!expression) return null;
  if (expression.type === 'call') return markOf(source, calleeOf(source, expression), argListOf(expression));
  return markOf(source, textOf(source, expression).replace(/\s+/g, ''), null);
}

function markExpression(source: PythonSource, node: PyNode): Mark | null {
  if (node.type === 'call') return markOf(source, calleeOf(source, node), argListOf(node));
  return markOf(source, textOf(source, node).replace(/\s+/g, ''), null);
}

/** A decorator or mark: what it switches, and the pytest marker it sets (`-m` selects by those). */
function markOf(source: PythonSource, callee: string, argList: PyNode | null): Mark | null {
  const segments = callee.split('.');
  const marker = segments.length >= 2 && segments[segments.length - 2] === 'mark' ? segments[segments.length - 1]! : null;
  const switched = switchOf(source, callee, argList);
  if (switched) return { ...switched, marker };
  return marker === null ? null : { modifiers: [], condition: null, callee, marker };
}

/** The modifier a decorator or mark means, by its dotted name. */
function switchOf(source: PythonSource, callee: string, argList: PyNode | null): Mark | null {
  const segments = callee.split('.');
  const name = segments[segments.length - 1]!;
  const pytestMark = segments.includes('mark');
  const args = argumentsOf(source, argList);
  const condition = (arg: Argument | undefined, pytestString: boolean): ConditionValue => {
    if (!arg) return 'dynamic';
    const node = arg.node;
    // pytest evaluates a string condition as Python: only a trivially constant one is static.
    if (pytestString && node.type === 'string') {
      const code = arg.text.replace(/^[A-Za-z]*(['"]{1,3})([\s\S]*)\1$/, '$2').trim();
      return /^(?:True|1)$/.test(code) ? 'always' : /^(?:False|0|None)$/.test(code) ? 'never' : 'dynamic';
    }
    return truthiness(source, node);
  };
  if (name === 'skip' && (pytestMark || segments.length <= 2)) return { modifiers: ['skip'], condition: null, callee };
  if (name === 'skipif' && pytestMark) {
    const values = positional(args);
    if (values.length === 0 && !keyword(args, 'condition')) return { modifiers: ['skip'], condition: null, callee };
    const conditions = values.length ? values.map((value) => condition(value, true)) : [condition(keyword(args, 'condition'), true)];
    return { modifiers: ['skipIf'], condition: combine(conditions), callee };
  }
  if (name === 'skipIf') return { modifiers: ['skipIf'], condition: condition(positional(args)[0], false), callee };
  if (name === 'skipUnless') return { modifiers: ['skipIf'], condition: invert(condition(positional(args)[0], false)), callee };
  if (/^skip(?:If|Unless)[A-Z]/.test(name)) return { modifiers: ['skipIf'], condition: 'dynamic', callee };
  if (name === 'xfail' && pytestMark) {
    const when = positional(args)[0] ?? keyword(args, 'condition');
    const value = when ? condition(when, true) : 'always';
    if (value === 'never') return null;
    const run = keyword(args, 'run');
    const skipped = run !== undefined && truthiness(source, run.node) === 'never';
    return { modifiers: skipped ? ['fails', 'skip'] : ['fails'], condition: null, callee };
  }
  if (name === 'expectedFailure') return { modifiers: ['fails'], condition: null, callee };
  return null;
}

/** A body with nothing but a docstring, `pass`, `...`, `return` and skip calls. */
function onlySkips(source: PythonSource, body: PyNode): boolean {
  return statementsOf(body).every((statement) => {
    const text = collapse(textOf(source, statement));
    if (statement.type === 'pass_statement' || statement.type === 'return_statement' || text === '...') return true;
    const expression = statement.type === 'expression_statement' ? partsOf(statement)[0] : undefined;
    if (expression?.type === 'string' || expression?.type === 'concatenated_string') return true;
    if (statement.type === 'raise_statement' && /SkipTest/.test(text)) return true;
    return statement.type === 'expression_statement' && /^(?:pytest\.skip|self\.skipTest|pytest\.xfail)\s*\(/.test(text);
  });
}

function hashes(source: PythonSource, body: PyNode): { bodyHash: string; statements: string[] } {
  const statements = statementsOf(body);
  if (statements.length === 0) return { bodyHash: sha1(''), statements: [] };
  // The body's normalised text is its statements' joined by their normalised gaps (only
  // whitespace, comments and `;` lie between statements), so each statement is walked once.
  const parts = statements.map((statement) => normalised(source, statement, statement.from, statement.to));
  let whole = parts[0]!;
  for (let index = 1; index < statements.length; index++) {
    whole += source.text.slice(statements[index - 1]!.to, statements[index]!.from).replace(/#[^\n]*/g, '').replace(/\s+/g, '') + parts[index]!;
  }
  return { bodyHash: sha1(whole), statements: parts.map((part) => sha1(part).slice(0, 8)) };
}

function endLine(source: PythonSource, node: PyNode): number {
  let end = node.to;
  while (end > node.from && /\s/.test(source.text[end - 1]!)) end--;
  return source.lineAt(Math.max(node.from, end - 1));
}
