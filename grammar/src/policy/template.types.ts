// Types of the policy-variable sub-grammar (spec §4): a string value of a 2012-10-17 policy is a
// template of text (where `*` and `?` keep their wildcard meaning under Like/ARN/Resource matching),
// literal characters from `${*}`, `${?}`, `${$}`, and variables resolved from the request context.

export type TemplatePart =
  /** Pattern text as written: wildcards keep their meaning. */
  | { readonly kind: "text"; readonly text: string }
  /** A character from `${*}`, `${?}` or `${$}`: never a wildcard. */
  | { readonly kind: "literal"; readonly text: string }
  /** `${key}` or `${key, 'default'}`; `key` is lower-cased (key names are case-insensitive). */
  | { readonly kind: "variable"; readonly key: string; readonly default: string | undefined };

export type Template = readonly TemplatePart[];
