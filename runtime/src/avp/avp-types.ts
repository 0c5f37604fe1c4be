// The shapes of AVP's IsAuthorized / BatchIsAuthorized input and output as the AWS SDK models them
// (@aws-sdk/client-verifiedpermissions: EntityIdentifier, AttributeValue, EntityItem, ContextDefinition,
// DeterminingPolicyItem, EvaluationErrorItem). Declared here so the runtime needs no SDK; a test checks
// they are assignable to the SDK's own types.

/** `{ entityType, entityId }`. */
export interface AvpEntityIdentifier {
  readonly entityType: string;
  readonly entityId: string;
}

/** `{ actionType, actionId }`. */
export interface AvpActionIdentifier {
  readonly actionType: string;
  readonly actionId: string;
}

/** A typed value: exactly one member. */
export type AvpAttributeValue =
  | { readonly string: string }
  | { readonly long: number }
  | { readonly boolean: boolean }
  | { readonly set: AvpAttributeValue[] }
  | { readonly record: Readonly<Record<string, AvpAttributeValue>> }
  | { readonly entityIdentifier: AvpEntityIdentifier }
  | { readonly ipaddr: string }
  | { readonly decimal: string }
  | { readonly datetime: string }
  | { readonly duration: string };

export interface AvpEntityItem {
  readonly identifier: AvpEntityIdentifier;
  readonly attributes?: Readonly<Record<string, AvpAttributeValue>>;
  readonly parents?: AvpEntityIdentifier[];
  /** Cedar entity tags (`CedarTagValue`, the same members as AttributeValue). */
  readonly tags?: Readonly<Record<string, AvpAttributeValue>>;
}

export interface AvpEntities {
  readonly entityList: AvpEntityItem[];
}

export interface AvpContext {
  readonly contextMap: Readonly<Record<string, AvpAttributeValue>>;
}

/** IsAuthorized input. `context` is omitted when empty, as AVP asks. */
export interface AvpIsAuthorizedInput {
  readonly policyStoreId: string;
  readonly principal: AvpEntityIdentifier;
  readonly action: AvpActionIdentifier;
  readonly resource: AvpEntityIdentifier;
  readonly context?: AvpContext;
  readonly entities: AvpEntities;
}

/** One request of a BatchIsAuthorized input. */
export interface AvpBatchItem {
  readonly principal: AvpEntityIdentifier;
  readonly action: AvpActionIdentifier;
  readonly resource: AvpEntityIdentifier;
  readonly context?: AvpContext;
}

export interface AvpBatchIsAuthorizedInput {
  readonly policyStoreId: string;
  readonly entities: AvpEntities;
  readonly requests: AvpBatchItem[];
}

/** What IsAuthorized answers (and each BatchIsAuthorized result item). */
export interface AvpAnswer {
  readonly decision?: string;
  readonly determiningPolicies?: readonly { readonly policyId?: string }[];
  readonly errors?: readonly { readonly errorDescription?: string }[];
}
