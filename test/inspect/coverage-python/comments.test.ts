import { describe, expect, it } from 'vitest';
import { pythonComments, pythonCoveragePragmas } from '../../../src/inspect/python/comments.js';

const SOURCE = `import os  # stdlib
MSG = "# pragma: no cover"
RAW = r'\\' # not a comment: a raw string cannot end at \\'
DOC = """
Docstring with # pragma: no cover inside
"""
name = f"{os.sep!r:>{10}} # not a comment {'#x'}"
multi = f"""{
    os.getcwd()  # a comment inside a 3.12 f-string field
}"""

def debug_only():  # pragma: no cover
    return 1

if os.name == "nt":  #PRAGMA:NO BRANCH
    pass
x = '{{# still a string}}' ; y = 1  # noqa: E702 # pragma: nocover
`;

describe('pythonComments', () => {
  it('finds real comments and skips string literals', () => {
    expect(pythonComments(SOURCE)).toEqual([
      { line: 1, text: '# stdlib' },
      { line: 9, text: '# a comment inside a 3.12 f-string field' },
      { line: 12, text: '# pragma: no cover' },
      { line: 15, text: '#PRAGMA:NO BRANCH' },
      { line: 17, text: '# noqa: E702 # pragma: nocover' },
    ]);
  });
});

describe('pythonCoveragePragmas', () => {
  it('reports no cover and no branch pragmas in comments only', () => {
    expect(pythonCoveragePragmas(SOURCE)).toEqual([
      { tool: 'coverage.py', directive: 'no cover', line: 12, text: '# pragma: no cover' },
      { tool: 'coverage.py', directive: 'no branch', line: 15, text: '#PRAGMA:NO BRANCH' },
      { tool: 'coverage.py', directive: 'no cover', line: 17, text: '# noqa: E702 # pragma: nocover' },
    ]);
  });

  it('does not take a string containing the pragma for a pragma', () => {
    expect(pythonCoveragePragmas('s = "# pragma: no cover"\nt = """\n# pragma: no cover\n"""\nu = b\'# pragma: no branch\'\n')).toEqual([]);
  });
});
