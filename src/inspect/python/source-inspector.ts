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
 * Python source facts from comments: checker suppressions and coverage pragmas. Tests,
 * assertions and type escapes in Python come with the test-integrity work; this inspector never
 * fails to parse, as it reads tokens, not a syntax tree.
 */
export const pythonSourceInspector: Inspector<SourceFacts> = {
  id: 'python-source@1',
  appliesTo: (path) => /\.pyw?$/.test(path),
  inspect: (_path, text) => ({
    language: 'python',
    suppressions: suppressionsOf(text),
    typeEscapes: [],
    coveragePragmas: pythonCoveragePragmas(text),
    tests: [],
    imports: [],
  }),
};
