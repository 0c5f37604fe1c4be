// How one graph node becomes Cedar (decided once per node, printed once per statement effect):
// a native test over a view, or a derived attribute the encoder computes. Phase: emit.
import type { CedarCode } from "./cedar-codes.js";
import type { Expr } from "./cedar-expr.js";
import type { View } from "./context-views.js";

/**
 * Builds the positive match of one policy value against the view's value (printed access). A pair
 * that is plain equality with a string literal carries it as `literal`.
 */
export type PairMatch = ((value: string, views: ViewLookup) => Expr) & { readonly literal?: string };

export interface ViewLookup {
  get(id: string): View;
}

export type Strategy =
  /** A constant answer (ForAllValues:Null is always true, ForAnyValue:Null always false, §2.10). */
  | { readonly kind: "const"; readonly value: boolean }
  /** Null (§2.10): the answer when the key is present, and when it is absent. */
  | { readonly kind: "null"; readonly view: string; readonly whenPresent: boolean; readonly whenAbsent: boolean }
  /**
   * A plain operator on a single-value view (§2.2): NOR of the pairs when negated, `absent` when the
   * key is absent; `variables` are the views of whole-value variables (undecidable → fail closed).
   */
  | {
      readonly kind: "compare";
      readonly view: string;
      readonly negated: boolean;
      readonly absent: boolean;
      readonly pairs: readonly PairMatch[];
      readonly variables: readonly string[];
      /** Set when the view itself is derived (the lower-case view of IgnoreCase). */
      readonly derivedView?: CedarCode;
    }
  /** A set operator with StringEquals / StringNotEquals over a Set<String> view (§3.2). */
  | {
      readonly kind: "set";
      readonly view: string;
      readonly qualifier: "ForAllValues" | "ForAnyValue";
      readonly negated: boolean;
      readonly absent: boolean;
      readonly values: readonly string[];
    }
  /**
   * Resource / NotResource matched natively against `resource.arn` (§1.7); `variables` are the views
   * of variables in `…/${var}` patterns (undecidable → fail closed).
   */
  | {
      readonly kind: "resource";
      readonly negated: boolean;
      readonly pairs: readonly ((views: ViewLookup) => Expr)[];
      readonly variables: readonly string[];
      /** When the element is undecided besides its variables (the request `*`, a key-policy value). */
      readonly undecided?: Expr;
      /** A key policy's Resource: every value matches or is undecided, so in a Deny it always holds. */
      readonly keyPolicy?: true;
    }
  /** A derived Boolean attribute (condition or resource test), absent when undecidable. */
  | { readonly kind: "derived"; readonly attr: string; readonly why: string; readonly code: CedarCode };
