import type { CoveragePragma } from '../source-facts.js';
import type { CommentView } from './comment-view.js';

/*
 * The union of what the coverage tools honour: istanbul (`istanbul ignore if|else|next|file`),
 * c8/v8-to-istanbul (`c8 ignore next [N]|start|stop|file`), Vitest's ast-v8-to-istanbul (all of
 * `istanbul|c8|v8|node:coverage ignore if|else|next|file|start|stop`, in line or block comments,
 * JSDoc `/**` included, any whitespace between words) and Node's test runner
 * (`node:coverage ignore next [N]|disable|enable`). Trailing text such as `-- @preserve`, which
 * keeps the comment through esbuild, does not matter. Node's coverage is V8's, so it is reported
 * as `v8`; `disable`/`enable` are reported as `ignore start`/`ignore stop`.
 */
const PRAGMA = /^\s*(istanbul|c8|v8|node:coverage)\s+(?:ignore\s+(if|else|next|file|start|stop)|(disable|enable))(?=\W|$)/;

const TOOL: Record<string, CoveragePragma['tool']> = { istanbul: 'istanbul', c8: 'c8', v8: 'v8', 'node:coverage': 'v8' };

export function coveragePragma(view: CommentView): CoveragePragma | null {
  // A JSDoc-style block (`/** … *\/`) has one extra `*` before the words.
  const skipped = view.type === 'Block' && view.value.startsWith('*') ? 1 : 0;
  const body = view.value.slice(skipped);
  const match = PRAGMA.exec(body);
  if (!match) return null;
  const [, name, ignored, toggle] = match;
  if (toggle && name !== 'node:coverage') return null;
  const directive = ignored ? `ignore ${ignored}` : toggle === 'disable' ? 'ignore start' : 'ignore stop';
  const at = skipped + body.length - body.trimStart().length;
  return { tool: TOOL[name!]!, directive, line: view.lineOf(at), text: view.text() };
}
