import { describe, expect, it } from 'vitest';
import { lookupIn, unknownLookup } from '../../../src/inspect/workflows/expressions.js';
import { compatibleCells, describeCell, expandMatrix } from '../../../src/inspect/workflows/matrix.js';
import { filterNarrowing, readTriggers, type EventFilter } from '../../../src/inspect/workflows/triggers.js';

const cells = (definition: unknown): string[] => {
  const matrix = expandMatrix(definition as never, unknownLookup);
  if (matrix.kind !== 'static') throw new Error(`dynamic: ${matrix.expression}`);
  return matrix.cells.map(describeCell);
};

describe('expandMatrix', () => {
  it('no matrix is one cell', () => {
    expect(cells(undefined)).toEqual(['(no matrix)']);
  });

  it('takes the cartesian product of the axes', () => {
    expect(cells({ os: ['ubuntu-latest', 'windows-latest'], node: [20, 22] })).toEqual([
      '{node: 20, os: ubuntu-latest}',
      '{node: 22, os: ubuntu-latest}',
      '{node: 20, os: windows-latest}',
      '{node: 22, os: windows-latest}',
    ]);
  });

  it('exclude removes partial matches, include extends matching cells and adds the rest (GitHub docs example)', () => {
    // https://docs.github.com/actions/using-jobs/using-a-matrix-for-your-jobs#example-expanding-configurations
    const result = cells({
      fruit: ['apple', 'pear'],
      animal: ['cat', 'dog'],
      include: [{ color: 'green' }, { color: 'pink', animal: 'cat' }, { fruit: 'apple', shape: 'circle' }, { fruit: 'banana' }, { fruit: 'banana', animal: 'cat' }],
    });
    expect(result).toEqual([
      '{animal: cat, color: pink, fruit: apple, shape: circle}',
      '{animal: dog, color: green, fruit: apple, shape: circle}',
      '{animal: cat, color: pink, fruit: pear}',
      '{animal: dog, color: green, fruit: pear}',
      '{fruit: banana}',
      '{animal: cat, fruit: banana}',
    ]);
  });

  it('exclude is applied before include, so include can add a cell back', () => {
    expect(cells({ os: ['macos', 'windows'], node: [20, 22], exclude: [{ os: 'windows' }], include: [{ os: 'windows', node: 22 }] })).toEqual([
      '{node: 20, os: macos}',
      '{node: 22, os: macos}',
      '{node: 22, os: windows}',
    ]);
  });

  it('an only-include matrix', () => {
    expect(cells({ include: [{ project: 'web' }, { project: 'api' }] })).toEqual(['{project: web}', '{project: api}']);
  });

  it('fromJSON of an unknown value is dynamic; of a known input it is expanded', () => {
    expect(expandMatrix('${{ fromJSON(needs.setup.outputs.matrix) }}', unknownLookup).kind).toBe('dynamic');
    expect(expandMatrix({ node: '${{ fromJSON(inputs.versions) }}' }, unknownLookup).kind).toBe('dynamic');
    const known = expandMatrix({ node: '${{ fromJSON(inputs.versions) }}' }, lookupIn('inputs', { versions: '[20, 22]' }));
    expect(known).toEqual({ kind: 'static', cells: [{ node: 20 }, { node: 22 }] });
  });

  it('compatible cells: no key with another value', () => {
    expect(compatibleCells({ node: 20 }, { node: 20, os: 'ubuntu' })).toBe(true);
    expect(compatibleCells({ node: 22 }, { node: 20 })).toBe(false);
    expect(compatibleCells({ node: 20, experimental: true }, { node: 20 })).toBe(true);
  });
});

describe('triggers', () => {
  it('reads on as a string, a list or a map', () => {
    expect([...(readTriggers('push') ?? new Map()).keys()]).toEqual(['push']);
    expect([...(readTriggers(['push', 'pull_request']) ?? new Map()).keys()]).toEqual(['push', 'pull_request']);
    expect(readTriggers({ push: { branches: ['main'], 'paths-ignore': ['docs/**'] }, pull_request: null })?.get('push')).toEqual({ branches: ['main'], pathsIgnore: ['docs/**'] });
  });

  const narrowed = (event: string, head: EventFilter, base: EventFilter): boolean => filterNarrowing(event, head, base) !== null;

  it.each<[string, EventFilter, EventFilter, boolean, string]>([
    ['push', {}, { branches: ['main'] }, false, 'branch filter removed (wider)'],
    ['push', { branches: ['main', 'release/**'] }, { branches: ['main'] }, false, 'branch added'],
    ['push', { branches: ['main'] }, { branches: ['main', 'release/**'] }, true, 'branch removed'],
    ['push', { branches: ['**'] }, { branches: ['main'] }, false, '** covers all'],
    ['push', { branches: ['release/*'] }, { branches: ['release/1.0'] }, false, 'a glob that matches the literal'],
    ['push', { branches: ['releases/*'] }, { branches: ['release/*'] }, true, 'different globs: not provable'],
    ['pull_request', { pathsIgnore: ['docs/**'] }, {}, true, 'paths-ignore added'],
    ['pull_request', {}, { pathsIgnore: ['docs/**'] }, false, 'paths-ignore removed'],
    ['pull_request', { pathsIgnore: ['docs/**'] }, { pathsIgnore: ['docs/**', '**/*.md'] }, false, 'fewer ignored paths'],
    ['pull_request', { paths: ['src/**'] }, { paths: ['src/**', 'test/**'] }, true, 'paths narrowed'],
    ['pull_request', { branchesIgnore: ['dependabot/**'] }, {}, true, 'branches-ignore added'],
    ['pull_request', { branchesIgnore: ['legacy'] }, { branches: ['main'] }, false, 'ignoring a branch the base never ran on'],
    ['push', { tags: ['v*'] }, {}, true, 'only tags: branch pushes no longer run'],
    ['push', { branches: ['main'] }, { branches: ['main'], tags: ['v*'] }, true, 'tags dropped'],
    ['pull_request', { types: ['opened'] }, {}, true, 'synchronize no longer runs'],
    ['pull_request', { types: ['opened', 'synchronize', 'reopened', 'ready_for_review'] }, {}, false, 'types widened'],
  ])('%s %j over %j → narrowed %s (%s)', (event, head, base, expected) => {
    expect(narrowed(event, head, base)).toBe(expected);
  });
});
