import type { MypyConfig, MypySection, Setting } from './model.js';

/** `mypy --strict` (mypy 1.x): `strict_concatenate` became `extra_checks` in 1.5; `no_implicit_optional` is the default since 0.990. */
export const MYPY_STRICT_FLAGS: Readonly<Record<string, boolean>> = {
  warn_unused_configs: true,
  disallow_any_generics: true,
  disallow_subclassing_any: true,
  disallow_untyped_calls: true,
  disallow_untyped_defs: true,
  disallow_incomplete_defs: true,
  check_untyped_defs: true,
  disallow_untyped_decorators: true,
  warn_redundant_casts: true,
  warn_unused_ignores: true,
  warn_return_any: true,
  implicit_reexport: false,
  strict_equality: true,
  extra_checks: true,
};

/**
 * mypy options that decide how strictly code is checked, and their direction (mypy
 * docs/source/config_file.rst). `strict` itself is not compared: each flag it implies is.
 * `ignore_errors` is a matter of scope (`types/scope-narrowed`), not of strictness.
 */
export type MypyOrder = { kind: 'true-stricter'; default: boolean } | { kind: 'true-looser'; default: boolean } | { kind: 'follow-imports' } | { kind: 'codes-disabled' } | { kind: 'codes-enabled' };

const stricter = (value = false): MypyOrder => ({ kind: 'true-stricter', default: value });
const looser = (value = false): MypyOrder => ({ kind: 'true-looser', default: value });

export const MYPY_ORDER: Readonly<Record<string, MypyOrder>> = {
  disallow_any_unimported: stricter(),
  disallow_any_expr: stricter(),
  disallow_any_decorated: stricter(),
  disallow_any_explicit: stricter(),
  disallow_any_generics: stricter(),
  disallow_subclassing_any: stricter(),
  disallow_untyped_calls: stricter(),
  disallow_untyped_defs: stricter(),
  disallow_incomplete_defs: stricter(),
  check_untyped_defs: stricter(),
  disallow_untyped_decorators: stricter(),
  warn_redundant_casts: stricter(),
  warn_unused_ignores: stricter(),
  warn_return_any: stricter(),
  warn_unreachable: stricter(),
  warn_unused_configs: stricter(),
  strict_equality: stricter(),
  strict_bytes: stricter(),
  extra_checks: stricter(),
  local_partial_types: stricter(),
  strict_optional: stricter(true),
  warn_no_return: stricter(true),
  implicit_reexport: looser(true),
  implicit_optional: looser(),
  ignore_missing_imports: looser(),
  allow_untyped_globals: looser(),
  follow_imports: { kind: 'follow-imports' },
  disable_error_code: { kind: 'codes-disabled' },
  enable_error_code: { kind: 'codes-enabled' },
};

const FOLLOW_RANK: Readonly<Record<string, number>> = { error: 3, normal: 2, silent: 1, skip: 0 };

export type MypyEffective = { kind: 'set'; value: unknown; setting: Setting } | { kind: 'strict'; value: unknown; strict: Setting } | { kind: 'default'; value: unknown };

/** A flag's effective value for a section (its own setting, else the global one, `strict`, the default). */
export function mypyEffective(config: MypyConfig | null, name: string, section?: MypySection): MypyEffective {
  const own = section?.options[name];
  if (own) return { kind: 'set', value: own.value, setting: own };
  const global = config?.global.options[name];
  if (global) return { kind: 'set', value: global.value, setting: global };
  const strict = config?.global.options.strict;
  if (strict?.value === true && name in MYPY_STRICT_FLAGS) return { kind: 'strict', value: MYPY_STRICT_FLAGS[name], strict };
  const order = MYPY_ORDER[name];
  if (order?.kind === 'follow-imports') return { kind: 'default', value: 'normal' };
  if (order?.kind === 'codes-disabled' || order?.kind === 'codes-enabled') return { kind: 'default', value: [] };
  return { kind: 'default', value: order ? order.default : undefined };
}

/**
 * How a value moved: 'looser', or null when equal or stricter. For error-code lists, the codes
 * that loosen (newly disabled, or no longer enabled).
 */
export function mypyLoosened(order: MypyOrder, before: unknown, after: unknown): string[] | null {
  switch (order.kind) {
    case 'true-stricter':
      return before === true && after !== true ? [] : null;
    case 'true-looser':
      return before !== true && after === true ? [] : null;
    case 'follow-imports': {
      const a = FOLLOW_RANK[String(before)];
      const b = FOLLOW_RANK[String(after)];
      return a !== undefined && b !== undefined && b < a ? [] : null;
    }
    case 'codes-disabled': {
      const had = new Set(Array.isArray(before) ? before.map(String) : []);
      const added = (Array.isArray(after) ? after.map(String) : []).filter((code) => !had.has(code));
      return added.length > 0 ? added : null;
    }
    case 'codes-enabled': {
      const now = new Set(Array.isArray(after) ? after.map(String) : []);
      const removed = (Array.isArray(before) ? before.map(String) : []).filter((code) => !now.has(code));
      return removed.length > 0 ? removed : null;
    }
  }
}
