import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderGithub, workflowCommand } from '../../src/report/github.js';
import { NASTY_PATH, blockResult, finding, nastyResult, passResult } from './fixtures.js';

interface ParsedCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** The runner's unescaping (actions/runner ActionCommand): `%25` last so `%253A` stays `%3A`. */
function unescapeData(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

/** Parses one `::command k=v,k=v::message` line the way the runner does. */
function parseCommand(line: string): ParsedCommand {
  expect(line.startsWith('::')).toBe(true);
  const end = line.indexOf('::', 2);
  expect(end).toBeGreaterThan(2);
  const info = line.slice(2, end);
  const space = info.indexOf(' ');
  const command = space === -1 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space !== -1) {
    for (const pair of info.slice(space + 1).split(',')) {
      const equals = pair.indexOf('=');
      properties[pair.slice(0, equals)] = unescapeProperty(pair.slice(equals + 1));
    }
  }
  return { command, properties, message: unescapeData(line.slice(end + 2)) };
}

function commands(output: string): ParsedCommand[] {
  expect(output.endsWith('\n')).toBe(true);
  return output.trimEnd().split('\n').map(parseCommand);
}

describe('escaping', () => {
  it('escapes data and properties per the runner', () => {
    expect(escapeData('50% a:b, c\r\nd')).toBe('50%25 a:b, c%0D%0Ad');
    expect(escapeProperty('50% a:b, c\r\nd')).toBe('50%25 a%3Ab%2C c%0D%0Ad');
  });

  it.each([NASTY_PATH, 'a,b:c%2C%3A.ts', '%25%0A literal', 'x::y\r\n::error::z'])('round-trips %j through a command', (text) => {
    const parsed = parseCommand(workflowCommand('warning', [['file', text], ['title', text]], text));
    expect(parsed).toEqual({ command: 'warning', properties: { file: text, title: text }, message: text });
  });
});

describe('renderGithub', () => {
  it('emits one annotation per active finding, levels by severity, then a summary notice', () => {
    const parsed = commands(renderGithub(blockResult));
    expect(parsed.map((command) => command.command)).toEqual(['error', 'error', 'warning', 'warning', 'error', 'notice', 'notice']);
    expect(parsed[0]).toEqual({
      command: 'error',
      properties: { file: 'vitest.config.ts', line: '14', title: 'BLOCK coverage/scope-narrowed' },
      message: [
        'Coverage now measures 3 files instead of 41: src/web/** was replaced by two files already at 100%',
        '',
        'Why: A narrower scope makes the coverage number describe fewer files; untested code leaves the measurement instead of getting tests.',
        'Fix: Restore the include list, or acknowledge the narrowing with the reason it is correct.',
      ].join('\n'),
    });
    expect(parsed.at(-1)).toEqual({
      command: 'notice',
      properties: {},
      message:
        'Gatehouse BLOCK for main..agent/coverage-100: 3 block, 2 warn, 1 info, 1 ignored by policy; 12 files changed; 3 files skipped; 3 claims: 1 contradicted, 1 unverifiable, 1 supported',
    });
  });

  it('does not emit ignored findings', () => {
    const out = renderGithub(blockResult);
    expect(out).not.toContain('lint/disable-added');
    expect(out).not.toContain('src/generated/api.ts');
  });

  it('puts base-side findings in the message, with no file or line on the annotation', () => {
    const deleted = commands(renderGithub(blockResult)).find((command) => command.properties.title === 'WARN tests/deleted');
    expect(deleted?.properties).toEqual({ title: 'WARN tests/deleted' });
    expect(deleted?.message.split('\n')[0]).toBe("test/web/cart.test.ts:42 (base): Test 'cart › totals the cart' was deleted");
  });

  it('omits the line of a whole-file finding', () => {
    const unresolvable = commands(renderGithub(blockResult)).find((command) => command.properties.title === 'INFO config/unresolvable');
    expect(unresolvable?.properties).toEqual({ file: 'eslint.config.js', title: 'INFO config/unresolvable' });
  });

  it('survives hostile paths and messages: every command stays on one line and parses back', () => {
    const out = renderGithub(nastyResult);
    expect(out.trimEnd().split('\n')).toHaveLength(3);
    const parsed = commands(out);
    const assertion = parsed.find((command) => command.command === 'warning');
    expect(assertion?.properties.file).toBe(NASTY_PATH);
    expect(assertion?.properties.line).toBe('3');
    expect(assertion?.message.split('\n').slice(0, 2)).toEqual([
      'Assertions removed from *bold* [link](http://x) <img src=x onerror=alert(1)> | $x$ ~~s~~',
      'second line',
    ]);
    const base = parsed.find((command) => command.properties.title === 'INFO tests/deleted');
    expect(base?.message.split('\n')[0]).toBe('old dir/a,b:c%.test.ts:9 (base): Test removed: 50% done, see a:b');
  });

  it('only has the summary on a clean pass', () => {
    expect(renderGithub(passResult)).toBe(
      '::notice::Gatehouse PASS for HEAD: 0 block, 0 warn, 0 info, 0 ignored by policy; 1 file changed; 0 files skipped\n',
    );
  });
});

describe('renderGithub within GitHub annotation limits', () => {
  const many = (severity: 'block' | 'info', count: number) =>
    Array.from({ length: count }, (_, index) =>
      finding({ ruleId: `r/${severity}`, category: 'test-disabled', severity, file: `t${String(index).padStart(2, '0')}.test.ts`, line: 1 }),
    );

  it('keeps a place for the summary notice and says what it did not annotate', () => {
    const parsed = commands(renderGithub({ ...passResult, verdict: 'block', findings: [...many('info', 12), ...many('block', 11)] }));
    expect(parsed.filter((command) => command.command === 'error')).toHaveLength(11);
    expect(parsed.filter((command) => command.command === 'notice')).toHaveLength(10);
    expect(parsed.at(-1)?.message).toBe(
      'Gatehouse BLOCK for HEAD: 11 block, 0 warn, 12 info, 0 ignored by policy; 1 file changed; 0 files skipped; ' +
        '3 info not annotated; GitHub shows only the first 10 error annotations: see the full report',
    );
  });
});
