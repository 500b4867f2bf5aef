import { lazyModule } from '../../core/lazy.js';
import type { Inspector } from '../inspector.js';
import type { SourceFacts, Suppression } from '../source-facts.js';
import { pythonComments, pythonCoveragePragmas } from './comments.js';

/**
 * Checker directives in Python comments. `# type: ignore[code]` (mypy), `# pyright: ignore[rule]`,
 * `# noqa: E501` (ruff, flake8), `# pylint: disable=rule`. Only real comments count: the comment
 * scanner skips string literals.
 */
const DIRECTIVES: { tool: Suppression['tool']; directive: string; pattern: RegExp; scope: Suppression['scope'] }[] = [
  { tool: 'mypy', directive: 'type: ignore', pattern: /#\s*type:\s*ignore(?:\[([^\]]*)\])?/, scope: 'line' },
  { tool: 'pyright', directive: 'pyright: ignore', pattern: /#\s*pyright:\s*ignore(?:\[([^\]]*)\])?/, scope: 'line' },
  { tool: 'ruff', directive: 'noqa', pattern: /#\s*noqa(?::\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?/i, scope: 'line' },
  { tool: 'ruff', directive: 'ruff: noqa', pattern: /#\s*(?:ruff|flake8):\s*noqa(?::\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?/i, scope: 'file' },
  { tool: 'pylint', directive: 'pylint: disable', pattern: /#\s*pylint:\s*disable=([\w\-, ]+)/, scope: 'line' },
];

function rulesOf(list: string | undefined): string[] {
  return list ? list.split(/[\s,]+/).filter(Boolean) : [];
}

function suppressionsOf(text: string): Suppression[] {
  const found: Suppression[] = [];
  for (const { line, text: comment } of pythonComments(text)) {
    const fileWide = DIRECTIVES[3]!.pattern.test(comment);
    for (const directive of DIRECTIVES) {
      // `# ruff: noqa` is the file-wide form; do not count it again as a line `# noqa`.
      if (directive.directive === 'noqa' && fileWide) continue;
      const match = directive.pattern.exec(comment);
      if (!match) continue;
      found.push({ tool: directive.tool, directive: directive.directive, scope: directive.scope, rules: rulesOf(match[1]), line, text: comment.replace(/\s+/g, ' ').trim() });
    }
  }
  return found;
}

/**
 * Python source facts: checker suppressions and coverage pragmas from comments, and from the
 * syntax tree (tree-sitter-python, see PARSER.md) the pytest / unittest test inventory and the
 * imports. A file with a syntax error throws `UnparseableError` at the first error. Needs
 * `pythonSourceInspector.prepare()` to have completed (it loads the WebAssembly parser).
 */
export function inspectPythonSource(text: string): SourceFacts {
  const analysis = analysisModule.loaded();
  if (!analysis) throw new Error('pythonSourceInspector.inspect called before prepare()');
  const { parsePython, pythonImports, pythonTests } = analysis;
  const source = parsePython(text);
  return {
    language: 'python',
    suppressions: suppressionsOf(text),
    typeEscapes: [],
    coveragePragmas: pythonCoveragePragmas(text),
    tests: pythonTests(source),
    imports: pythonImports(source),
  };
}

/** Parser and inventory modules; loaded with the WebAssembly grammar, so start-up never pays for them. */
const analysisModule = lazyModule(async () => {
  const loaded = await import('./analysis.js');
  await loaded.preparePython();
  return loaded;
});
const prepare = analysisModule.load;

export const pythonSourceInspector: Inspector<SourceFacts> = {
  id: 'python-source@2',
  appliesTo: (path) => /\.pyw?$/.test(path),
  prepare,
  inspect: (_path, text) => inspectPythonSource(text),
};
