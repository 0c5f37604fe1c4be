// @kms-cedar/compiler: checks, normalize, lower, graph passes and emitters, and the kms-cedar CLI.
export type {
  ConditionBlock, ConditionKeyEntry, ConditionOperatorEntry, ConditionValue, PolicyDocument, PolicyKind,
  PrincipalElement, PrincipalEntry, Statement, StringList,
} from "./syntax/policy-syntax.js";
