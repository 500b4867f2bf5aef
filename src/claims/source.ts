import type { ClaimSource } from './model.js';

/** Where a claim was read, as a person names it: the report file, `PR description`, or `commit <sha>`. */
export function claimSourceName(source: ClaimSource): string {
  return source.origin === 'commit' ? `commit ${source.name}` : source.name;
}
