import { beforeAll, describe, expect, it } from 'vitest';
import { loadShellParser, parseShell } from '../../../src/inspect/shell/parse.js';

beforeAll(async () => {
  await loadShellParser();
});

/** Scripts as real projects write them: each must parse, and its commands read as a shell would. */
const scripts: [string, string[]][] = [
  ['cross-env NODE_ENV=test jest --testPathIgnorePatterns="<rootDir>/e2e" --coverage', ['cross-env NODE_ENV=test jest --testPathIgnorePatterns=<rootDir>/e2e --coverage']],
  ['set NODE_ENV=test&& jest', ['set NODE_ENV=test', 'jest']],
  ['eslint {staged_files} --max-warnings=0', ['eslint {staged_files} --max-warnings=0']],
  ['[ -z "$CI" ] || exit 0; vitest run "$@"', ['exit 0', 'vitest run $@']],
  ['cat <<EOF > .env\nA=1\nEOF\nvitest run', ['cat', 'vitest run']],
  ['if [[ "$BRANCH" =~ ^release/ ]]; then pnpm -r build; fi', ['pnpm -r build']],
  ['npx tsc --noEmit\r\nnpx vitest run\r\n', ['npx tsc --noEmit', 'npx vitest run']],
  ['node --test $(find test -name "*.test.js")', ['node --test $(find test -name "*.test.js")', 'find test -name *.test.js']],
];

describe('parseShell on real scripts', () => {
  for (const [script, expected] of scripts) {
    it(JSON.stringify(script), () => {
      const parsed = parseShell(script);
      expect(parsed.error).toBeNull();
      expect(parsed.commands.map((command) => [...command.env, ...command.words].map((word) => word.text).join(' '))).toEqual(expected);
    });
  }
});
