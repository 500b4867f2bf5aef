import { isPackageJson, isWorkflow } from '../commands/walk.js';
import { runnerInvocations } from './commands.js';
import { jestRunnerReader } from './jest.js';
import { mochaRunnerReader } from './mocha.js';
import { emptyRunnerFacts, type ConfigSource, type RunnerFacts, type RunnerReader } from './model.js';
import { pytestRunnerReader } from './pytest.js';
import { vitestRunnerReader } from './vitest.js';

/** Every test-runner reader, one per tool. */
export const RUNNER_READERS: readonly RunnerReader[] = [vitestRunnerReader, jestRunnerReader, pytestRunnerReader, mochaRunnerReader];

export function readsRunnerFile(path: string): boolean {
  return isWorkflow(path) || isPackageJson(path) || RUNNER_READERS.some((reader) => reader.readsFile(path));
}

/** The runner facts of a revision: every config's scopes, then every command line's. */
export function readRunnerFacts(source: ConfigSource): RunnerFacts {
  const facts = emptyRunnerFacts();
  const add = (more: RunnerFacts): void => {
    facts.scopes.push(...more.scopes);
    facts.settings.push(...more.settings);
    facts.unresolved.push(...more.unresolved);
  };
  for (const reader of RUNNER_READERS) add(reader.read(source));
  for (const invocation of runnerInvocations(source)) {
    const reader = RUNNER_READERS.find((candidate) => candidate.tool === invocation.tool);
    if (reader) add(reader.command(source, invocation));
  }
  return facts;
}
