import { describe, expect, it } from 'vitest';
import { joinPath } from '../../../src/inspect/config-eval/paths.js';
import type { ConfigSource } from '../../../src/inspect/config-source.js';
import { scriptCall, unwrapLauncher } from '../../../src/inspect/commands/launchers.js';
import { splitShell } from '../../../src/inspect/commands/shell.js';
import { shellCommands, walkCommands, type CommandSite } from '../../../src/inspect/commands/walk.js';
import { loadShellParser, parseShell } from '../../../src/inspect/shell/parse.js';

const words = (text: string) => splitShell(text)[0]!;
const tools = new Map([['jest', 'jest'], ['py.test', 'pytest'], ['pytest', 'pytest'], ['mocha', 'mocha']]);
const toolOf = (name: string): string | null => tools.get(name) ?? null;

describe('splitShell', () => {
  it('splits commands and words like a POSIX shell', () => {
    const commands = splitShell(`A=1 npx jest --x='{"a": 1}' "b c" d\\ e && echo ok; c8 --100 node --test # comment\nnyc \\\n  --lines 90 ava | tee log`, 3);
    expect(commands.map((c) => c.map((w) => w.text))).toEqual([
      ['A=1', 'npx', 'jest', '--x={"a": 1}', 'b c', 'd e'],
      ['echo', 'ok'],
      ['c8', '--100', 'node', '--test'],
      ['nyc', '--lines', '90', 'ava'],
      ['tee', 'log'],
    ]);
    expect(commands[3]!.map((w) => w.line)).toEqual([4, 5, 5, 5]);
  });
});

describe('unwrapLauncher', () => {
  it('removes launchers and names the tool by its base name', () => {
    const found = unwrapLauncher(words('CI=1 cross-env A=b npx --yes node_modules/.bin/jest --ci'), toolOf);
    expect(found && { tool: found.tool, words: found.words.map((w) => w.text) }).toEqual({ tool: 'jest', words: ['--ci'] });
    expect(unwrapLauncher(words('uv run --frozen python -m py.test -q'), toolOf)?.tool).toBe('pytest');
    expect(unwrapLauncher(words('node server.js'), toolOf)).toBeNull();
  });

  it('skips wrappers only when asked to', () => {
    expect(unwrapLauncher(words('nyc --reporter=lcov mocha test'), toolOf)).toBeNull();
    expect(unwrapLauncher(words('nyc --reporter=lcov mocha test'), toolOf, new Set(['nyc']))?.words.map((w) => w.text)).toEqual(['test']);
    expect(unwrapLauncher(words('coverage run -m pytest -q'), toolOf, new Set(['coverage']))?.tool).toBe('pytest');
  });
});

describe('scriptCall', () => {
  it('reads npm, pnpm and yarn script calls with their extra words', () => {
    expect(scriptCall(words('npm run test -- --watch'))).toEqual({ name: 'test', extra: [{ text: '--watch', line: 1 }] });
    expect(scriptCall(words('npm t --silent'))).toEqual({ name: 'test', extra: [] });
    expect(scriptCall(words('pnpm lint --fix'))?.extra.map((w) => w.text)).toEqual(['--fix']);
    expect(scriptCall(words('npx jest'))).toBeNull();
  });
});

describe('walkCommands', () => {
  const files: Record<string, string> = {
    'app/package.json': '{"scripts": {"test": "jest", "ci": "cd .. && npm run test -- --ci"}}',
    'package.json': '{"scripts": {"test": "vitest run"}}',
    '.github/workflows/ci.yml': 'jobs:\n  test:\n    defaults:\n      run:\n        working-directory: app\n    steps:\n      - name: Unit\n        run: |\n          npm ci\n          npm run test -- --ci\n',
  };
  const source: ConfigSource = { paths: Object.keys(files), read: (path) => files[path] ?? null };
  const walk = (stepLine: 'step' | 'run') => {
    const seen: { site: CommandSite; words: string[] }[] = [];
    walkCommands(source, { stepLine, resolveDir: (dir, rel) => joinPath(dir, rel) ?? dir }, (site, command) => seen.push({ site, words: command.map((w) => w.text) }));
    return seen;
  };

  it('visits scripts and steps in path order with stable ids, directories and script calls resolved', () => {
    expect(walk('step').map(({ site, words: w }) => `${site.id} ${site.dir || '.'}:${site.line} ${w.join(' ')}`)).toEqual([
      'cli:.github/workflows/ci.yml#jobs.test.steps[name=Unit] app:7 npm ci',
      'cli:.github/workflows/ci.yml#jobs.test.steps[name=Unit] app:7 jest --ci',
      'cli:app/package.json#scripts.test app:1 jest',
      'cli:app/package.json#scripts.ci .:1 vitest run --ci',
      'cli:package.json#scripts.test .:1 vitest run',
    ]);
    expect(walk('run')[0]!.site.line).toBe(8);
  });
});

describe('the hand splitter and the tree-sitter model', () => {
  it('read the same commands from the scripts the coverage and runner readers look for', async () => {
    await loadShellParser();
    const scripts = [
      `A=1 npx jest --x='{"a": 1}' "b c" d\\ e && echo ok; c8 --100 node --test # comment\nnyc \\\n  --lines 90 ava | tee log`,
      'cd packages/app && npm run test -- --coverage',
      'uv run --frozen python -m pytest -q tests/ || exit 1',
    ];
    for (const script of scripts) {
      const model = parseShell(script, { firstLine: 3 }).commands.map((command) => [...command.env, ...command.words]);
      expect(model).toEqual(shellCommands(script, 3));
    }
  });
});
