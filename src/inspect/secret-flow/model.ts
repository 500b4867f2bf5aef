/** Where a secret ends up: an LLM prompt, a log line, or an error message (which is logged or shown). */
export type SinkKind = 'llm' | 'log' | 'error';

/**
 * One flow from a secret source into a sink, as found in one file. Never the secret value: the
 * source is a name (`process.env.OPENAI_API_KEY`, `secretsManager.getSecretValue()`) or, for a
 * literal, its redacted preview.
 */
export interface SecretFlow {
  sink: SinkKind;
  /** The call receiving the secret, without the argument (`openai.chat.completions.create`). */
  sinkCall: string;
  /** Where in the call's arguments it lands (`messages[1].content`), or '' when it is the whole argument. */
  detail: string;
  source: string;
  line: number;
  /** The sink's line, with every credential in it redacted. */
  text: string;
}

export interface SecretFlowFacts {
  flows: SecretFlow[];
}
