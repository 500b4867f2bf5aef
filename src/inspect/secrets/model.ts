/**
 * What the secret detectors find. `detectSecrets` (engine.ts) is a pure function of a file's text
 * and path, so every rule that needs credentials (added content, flows into prompts and logs,
 * history) shares one engine and one set of detectors.
 */

/** How sure a match is a credential: a provider format with a checksum or fixed prefix is `high`. */
export type Confidence = 'high' | 'medium' | 'low';

export interface SecretMatch {
  /** Detector id, stable (`github-classic-pat`, `aws-access-key-id`, `env-credential`). */
  kind: string;
  /** What a person reads: "GitHub personal access token (classic)". */
  label: string;
  /** 1-based line and column of the value's first character. */
  line: number;
  column: number;
  /** The value's span in the text: `text.slice(start, end)` is the secret itself. */
  start: number;
  end: number;
  value: string;
  confidence: Confidence;
  /** A key published in a provider's documentation (`AKIAIOSFODNN7EXAMPLE`): not a leak. */
  example: boolean;
}

export interface Detector {
  kind: string;
  label: string;
  /**
   * Regular-expression source. It may contain capturing groups; `valueGroup` (1-based, within
   * this source) is the secret, or the whole match when absent. Built into one combined pass.
   */
  pattern: string;
  valueGroup?: number;
  /** The match must not follow a letter, digit or `_` (checked by the engine, not by a look-behind). */
  leftBoundary?: boolean;
  /** Matched without case (keyword-anchored detectors); these share a second combined pass. */
  caseInsensitive?: boolean;
  confidence: Confidence;
  /**
   * Drops a match that is not a credential (a key name that is not secret, low entropy).
   * `groups` are this detector's capturing groups; `name` is the identifier the match starts in.
   */
  accept?: (value: string, groups: readonly (string | undefined)[], name: string) => boolean;
  /** A format checksum: a value that fails it is kept, with `medium` confidence. */
  checksum?: (value: string) => boolean;
}
