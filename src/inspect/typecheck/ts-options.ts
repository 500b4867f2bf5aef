import type { Setting, TsProject } from './model.js';

/**
 * TypeScript compiler options that decide how strictly code is checked, and which direction is
 * looser. `strict` itself is not compared: it is shorthand for the flags it implies, and each of
 * them is compared on its own (`strict: false` with every implied flag set to true is as strict).
 * Defaults are TypeScript 5.x's (`forceConsistentCasingInFileNames` true since 5.0), and from
 * TypeScript 6.0 `strict` (so its family) and `noUncheckedSideEffectImports` are on by default.
 */

/** Flags `strict: true` turns on unless set explicitly (TypeScript `getStrictOptionValue`); strictBuiltinIteratorReturn since 5.6. */
export const STRICT_FAMILY = [
  'alwaysStrict',
  'noImplicitAny',
  'noImplicitThis',
  'strictBindCallApply',
  'strictBuiltinIteratorReturn',
  'strictFunctionTypes',
  'strictNullChecks',
  'strictPropertyInitialization',
  'useUnknownInCatchVariables',
] as const;

export type Order =
  /** true is stricter */
  | { kind: 'true-stricter'; default: boolean }
  /** true is looser */
  | { kind: 'true-looser'; default: boolean }
  /** allowUnreachableCode / allowUnusedLabels: false (error) > unset (editor suggestion) > true (allowed). */
  | { kind: 'allow-tristate' };

export const TS_ORDER: Readonly<Record<string, Order>> = {
  ...Object.fromEntries(STRICT_FAMILY.map((name) => [name, { kind: 'true-stricter', default: false }])),
  noUncheckedIndexedAccess: { kind: 'true-stricter', default: false },
  exactOptionalPropertyTypes: { kind: 'true-stricter', default: false },
  noImplicitReturns: { kind: 'true-stricter', default: false },
  noFallthroughCasesInSwitch: { kind: 'true-stricter', default: false },
  noImplicitOverride: { kind: 'true-stricter', default: false },
  noPropertyAccessFromIndexSignature: { kind: 'true-stricter', default: false },
  noUnusedLocals: { kind: 'true-stricter', default: false },
  noUnusedParameters: { kind: 'true-stricter', default: false },
  noUncheckedSideEffectImports: { kind: 'true-stricter', default: false },
  checkJs: { kind: 'true-stricter', default: false },
  forceConsistentCasingInFileNames: { kind: 'true-stricter', default: true },
  noEmitOnError: { kind: 'true-stricter', default: false },
  allowUnreachableCode: { kind: 'allow-tristate' },
  allowUnusedLabels: { kind: 'allow-tristate' },
  skipLibCheck: { kind: 'true-looser', default: false },
  skipDefaultLibCheck: { kind: 'true-looser', default: false },
  noCheck: { kind: 'true-looser', default: false },
  suppressImplicitAnyIndexErrors: { kind: 'true-looser', default: false },
  suppressExcessPropertyErrors: { kind: 'true-looser', default: false },
  noStrictGenericChecks: { kind: 'true-looser', default: false },
  keyofStringsOnly: { kind: 'true-looser', default: false },
};

const isStrictFamily = (name: string): boolean => (STRICT_FAMILY as readonly string[]).includes(name);

/** An option's effective value in a project: set, implied by `strict`, a default, or unknown. */
export type Effective =
  | { kind: 'set'; value: unknown; setting: Setting }
  | { kind: 'strict'; value: boolean; strict: Setting }
  | { kind: 'default'; value: unknown }
  | { kind: 'unknown' };

/** Options as TypeScript sees them: the chain's, then the gate's command line over them. */
export function mergedOptions(project: TsProject): Record<string, Setting> {
  return { ...project.options, ...project.cliOptions };
}

/** Options whose default became true in TypeScript 6.0. */
const ON_FROM_6 = new Set<string>([...STRICT_FAMILY, 'strict', 'noUncheckedSideEffectImports']);

export function effectiveOption(project: TsProject, name: string, merged = mergedOptions(project)): Effective {
  const set = merged[name];
  if (set !== undefined) return { kind: 'set', value: set.value, setting: set };
  if (isStrictFamily(name)) {
    const strict = merged.strict;
    if (strict !== undefined) return { kind: 'strict', value: strict.value === true, strict };
  }
  if (project.unknownBase) return { kind: 'unknown' };
  const order = TS_ORDER[name];
  if (name === 'allowJs') return { kind: 'default', value: knownValue(effectiveOption(project, 'checkJs', merged)) === true };
  if (ON_FROM_6.has(name) && (project.typescript.major ?? 5) >= 6) return { kind: 'default', value: true };
  return { kind: 'default', value: order && order.kind !== 'allow-tristate' ? order.default : undefined };
}

/** The value of a known effective option, undefined when unknown. */
export const knownValue = (effective: Effective): unknown => (effective.kind === 'unknown' ? undefined : effective.value);

/** Rank of a value in an order: higher is stricter; null when the value is not one the order knows. */
export function strictnessRank(order: Order, value: unknown): number | null {
  switch (order.kind) {
    case 'true-stricter':
      return value === true ? 1 : value === false ? 0 : null;
    case 'true-looser':
      return value === true ? 0 : value === false ? 1 : null;
    case 'allow-tristate':
      return value === false ? 2 : value === undefined || value === null ? 1 : value === true ? 0 : null;
  }
}

/** Whether JavaScript files are part of a project (`allowJs`, which `checkJs` turns on when unset) and checked. */
export function jsChecked(project: TsProject): { allowJs: boolean; checkJs: boolean } {
  const merged = mergedOptions(project);
  const checkJs = knownValue(effectiveOption(project, 'checkJs', merged)) === true;
  const allow = merged.allowJs;
  return { allowJs: allow !== undefined ? allow.value === true : checkJs, checkJs };
}
