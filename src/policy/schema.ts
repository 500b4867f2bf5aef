import { z } from 'zod';

const severityOrOff = z.enum(['block', 'warn', 'info', 'off']).describe('A severity for the rule, or `off` to not run it.');
const globs = z.array(z.string().min(1)).describe('Globs relative to the repository root (picomatch syntax; dotfiles match).');

export const policySchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors.'),
    version: z.literal(1).default(1).describe('Version of the policy format.'),
    rules: z
      .record(z.string(), severityOrOff)
      .default({})
      .describe('Severity overrides by rule id, e.g. `types/suppression: block`.'),
    ignore: z
      .array(
        z.strictObject({
          paths: globs.min(1).describe('Files whose findings are ignored.'),
          rules: z.array(z.string()).optional().describe('Rule ids to ignore there; all rules when absent.'),
          reason: z.string().trim().min(1).describe('Why these findings are acceptable. Required: shown in every report.'),
        }),
      )
      .default([])
      .describe('Findings to ignore, each with a reason. Ignored findings stay visible in reports but do not count for the verdict.'),
    paths: z
      .strictObject({
        tests: globs.optional().describe('Test files. Replaces the default list when given.'),
        generated: globs.optional().describe('Generated code: findings there are capped at `info`. Replaces the default list.'),
        vendored: globs.optional().describe('Vendored third-party code: findings there are capped at `info`. Replaces the default list.'),
        protected: globs.optional().describe('Extra files whose change needs a human, beside CODEOWNERS and agent instruction files.'),
      })
      .default({})
      .describe('Path groups.'),
  })
  .describe('Gatehouse policy (gatehouse.yml). Read from the base revision of the change under audit, never from its head.');

export type PolicyFile = z.infer<typeof policySchema>;

/** The JSON Schema published as `schema/gatehouse.schema.json`; a test keeps the file equal to this. */
export function policyJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(policySchema, { io: 'input' }),
    $id: 'https://gatehouse.dev/schema/gatehouse.schema.json',
    title: 'Gatehouse policy',
  };
}
