import { z } from 'zod';
import { DURATION_PATTERN } from '../gates/duration.js';
import { EVIDENCE_FORMATS, GATE_KINDS } from '../gates/model.js';

const severityOrOff = z.enum(['block', 'warn', 'info', 'off']).describe('A severity for the rule, or `off` to not run it.');

const evidencePaths = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .describe('Path (or list of paths) of the file the command writes, relative to the checkout root.');
const tscEvidence = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1), z.null()])
  .describe('Path (or list of paths) of a file holding tsc\'s output, relative to the checkout root; `null`: the command\'s own output.');

const gateSchema = z
  .strictObject({
    kind: z.enum(GATE_KINDS).describe('What the gate checks: lint, typecheck, test, e2e, coverage, build or custom.'),
    run: z.string().trim().min(1).describe('Shell command, run with `sh -c` in the checkout root (or `cwd`), in its own process group.'),
    evidence: z
      .strictObject({
        junit: evidencePaths.optional(),
        coverage: evidencePaths.optional(),
        eslint: evidencePaths.optional(),
        sarif: evidencePaths.optional(),
        tsc: tscEvidence.optional(),
      } satisfies Record<(typeof EVIDENCE_FORMATS)[number], unknown>)
      .optional()
      .describe('Files the command must write, by format (junit, coverage, eslint, sarif, tsc). A missing, empty, stale or unparseable file fails the gate.'),
    timeout: z
      .union([z.number().positive(), z.string().regex(DURATION_PATTERN)])
      .optional()
      .describe('Longest the command may run: `30s`, `10m`, `1h`, or seconds. Default 30m. The whole process group is killed when it is exceeded.'),
    env: z
      .record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe('Extra environment variables for the command.'),
    needs: z.array(z.string().min(1)).optional().describe('Gates that must pass first; when one fails this gate is not run (and fails).'),
    'max-skipped': z.number().int().min(0).optional().describe('Most skipped tests allowed in the gate\'s JUnit evidence. No limit when absent.'),
    cwd: z.string().min(1).optional().describe('Directory to run in, relative to the checkout root.'),
  })
  .describe('One gate: a command whose success (and evidence) a change must keep.');

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
    gates: z
      .record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/), gateSchema)
      .default({})
      .describe('The project\'s gates by name (letters, digits, `.`, `_`, `-`), run by `gatehouse check` and `gatehouse audit --check`.'),
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
