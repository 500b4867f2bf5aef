import type { ConfigSource } from '../config-source.js';
import { joinPath } from '../config-eval/paths.js';
import type { Word } from '../commands/shell.js';
import { walkCommands, type CommandSite } from '../commands/walk.js';

/**
 * The simple commands of a revision's scripts and workflow steps, walked once per source and
 * shared by the tsc and mypy readers (walking parses every package.json and workflow).
 */
const cache = new WeakMap<ConfigSource, { site: CommandSite; words: Word[] }[]>();

export function gateCommandList(source: ConfigSource): readonly { site: CommandSite; words: Word[] }[] {
  let list = cache.get(source);
  if (!list) {
    const found: { site: CommandSite; words: Word[] }[] = [];
    // `cd ..` above the root, or a `working-directory` outside the repository, leaves the directory as it was.
    walkCommands(source, { stepLine: 'run', resolveDir: (dir, rel) => joinPath(dir, rel) ?? dir }, (site, words) => {
      found.push({ site, words });
    });
    cache.set(source, (list = found));
  }
  return list;
}
