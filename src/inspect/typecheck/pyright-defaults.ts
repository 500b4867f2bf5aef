/**
 * pyright's default for each diagnostic setting per `typeCheckingMode` (off, basic, standard,
 * strict), from the table "Diagnostic Settings Defaults" in pyright's docs/configuration.md
 * (microsoft/pyright at 93a6550, pyright 1.1.413). One letter per mode: n none, i information,
 * w warning, e error; t true, f false (boolean settings).
 */
const TABLE: Readonly<Record<string, string>> = {
  analyzeUnannotatedFunctions: 'tttt',
  disableBytesTypePromotions: 'tttt',
  strictParameterNoneValue: 'tttt',
  enableTypeIgnoreComments: 'tttt',
  enableReachabilityAnalysis: 'fttt',
  strictListInference: 'ffft',
  strictDictionaryInference: 'ffft',
  strictSetInference: 'ffft',
  deprecateTypingAliases: 'ffff',
  enableExperimentalFeatures: 'ffff',
  reportMissingTypeStubs: 'nnne',
  reportMissingModuleSource: 'wwww',
  reportInvalidTypeForm: 'weee',
  reportMissingImports: 'weee',
  reportUndefinedVariable: 'weee',
  reportAssertAlwaysTrue: 'nwwe',
  reportInvalidStringEscapeSequence: 'nwwe',
  reportInvalidTypeVarUse: 'nwwe',
  reportSelfClsParameterName: 'nwwe',
  reportUnsupportedDunderAll: 'nwwe',
  reportUnusedExpression: 'nwwe',
  reportWildcardImportFromLibrary: 'nwwe',
  reportAbstractUsage: 'neee',
  reportArgumentType: 'neee',
  reportAssertTypeFailure: 'neee',
  reportAssignmentType: 'neee',
  reportAttributeAccessIssue: 'neee',
  reportCallIssue: 'neee',
  reportGeneralTypeIssues: 'neee',
  reportInconsistentOverload: 'neee',
  reportIndexIssue: 'neee',
  reportInvalidTypeArguments: 'neee',
  reportNoOverloadImplementation: 'neee',
  reportOperatorIssue: 'neee',
  reportOptionalSubscript: 'neee',
  reportOptionalMemberAccess: 'neee',
  reportOptionalCall: 'neee',
  reportOptionalIterable: 'neee',
  reportOptionalContextManager: 'neee',
  reportOptionalOperand: 'neee',
  reportRedeclaration: 'neee',
  reportReturnType: 'neee',
  reportTypedDictNotRequiredAccess: 'neee',
  reportPrivateImportUsage: 'neee',
  reportUnboundVariable: 'neee',
  reportUnhashable: 'neee',
  reportUnusedCoroutine: 'neee',
  reportUnusedExcept: 'neee',
  reportFunctionMemberAccess: 'nnee',
  reportIncompatibleMethodOverride: 'nnee',
  reportIncompatibleVariableOverride: 'nnee',
  reportOverlappingOverload: 'nnee',
  reportPossiblyUnboundVariable: 'nnee',
  reportConstantRedefinition: 'nnne',
  reportDeprecated: 'nnne',
  reportDuplicateImport: 'nnne',
  reportIncompleteStub: 'nnne',
  reportInconsistentConstructor: 'nnne',
  reportInvalidStubStatement: 'nnne',
  reportMatchNotExhaustive: 'nnne',
  reportMissingParameterType: 'nnne',
  reportMissingTypeArgument: 'nnne',
  reportPrivateUsage: 'nnne',
  reportTypeCommentUsage: 'nnne',
  reportUnknownArgumentType: 'nnne',
  reportUnknownLambdaType: 'nnne',
  reportUnknownMemberType: 'nnne',
  reportUnknownParameterType: 'nnne',
  reportUnknownVariableType: 'nnne',
  reportUnnecessaryCast: 'nnne',
  reportUnnecessaryComparison: 'nnne',
  reportUnnecessaryContains: 'nnne',
  reportUnnecessaryIsInstance: 'nnne',
  reportUnusedClass: 'nnne',
  reportUnusedImport: 'nnne',
  reportUnusedFunction: 'nnne',
  reportUnusedVariable: 'nnne',
  reportUntypedBaseClass: 'nnne',
  reportUntypedClassDecorator: 'nnne',
  reportUntypedFunctionDecorator: 'nnne',
  reportUntypedNamedTuple: 'nnne',
  reportCallInDefaultInitializer: 'nnnn',
  reportImplicitOverride: 'nnnn',
  reportImplicitStringConcatenation: 'nnnn',
  reportImportCycles: 'nnnn',
  reportMissingSuperCall: 'nnnn',
  reportPropertyTypeMismatch: 'nnnn',
  reportUninitializedInstanceVariable: 'nnnn',
  reportUnnecessaryTypeIgnoreComment: 'nnnn',
  reportUnreachable: 'nnnn',
  reportUnusedCallResult: 'nnnn',
};

export const PYRIGHT_MODES = ['off', 'basic', 'standard', 'strict'] as const;

const LETTERS: Readonly<Record<string, string | boolean>> = { n: 'none', i: 'information', w: 'warning', e: 'error', t: true, f: false };

/** The default of a setting in a pyright mode; undefined for a setting or mode the table does not have. */
export function pyrightDefault(setting: string, mode: string): string | boolean | undefined {
  const index = (PYRIGHT_MODES as readonly string[]).indexOf(mode);
  const letters = TABLE[setting];
  if (index < 0 || letters === undefined) return undefined;
  return LETTERS[letters[index]!];
}

export const PYRIGHT_SETTINGS: readonly string[] = Object.keys(TABLE);

/** typeCheckingMode ranks, higher is stricter. */
export const PYRIGHT_MODE_RANK: Readonly<Record<string, number>> = { off: 0, basic: 1, standard: 2, strict: 3, recommended: 3.5, all: 4 };
/** Diagnostic levels, higher is stricter. */
export const PYRIGHT_LEVEL_RANK: Readonly<Record<string, number>> = { none: 0, hint: 0.5, information: 1, warning: 2, error: 3 };
/** Boolean settings and their direction: true is stricter unless listed as looser. */
export const PYRIGHT_TRUE_LOOSER = new Set(['enableTypeIgnoreComments']);
export const PYRIGHT_BOOLEANS = new Set([
  'analyzeUnannotatedFunctions',
  'strictParameterNoneValue',
  'enableTypeIgnoreComments',
  'enableReachabilityAnalysis',
  'strictListInference',
  'strictDictionaryInference',
  'strictSetInference',
  'disableBytesTypePromotions',
  'deprecateTypingAliases',
  'failOnWarnings',
]);

export const defaultMode = (tool: 'pyright' | 'basedpyright'): string => (tool === 'basedpyright' ? 'recommended' : 'standard');
