// The AVP manifest (avp/avp-manifest.json): what the request encoder and the answer decoder need
// besides the policy store — the Cedar manifest the encoder is driven by, the type renames, and what
// each uploaded policy stands for (its role decides ExplicitDeny versus ImplicitDeny).
import type { Reason } from "../contracts.js";
import type { CedarManifest, PolicyRole } from "../cedar/cedar-manifest.js";

export const AVP_MANIFEST_FORMAT = "kms-cedar-avp-manifest";
export const AVP_MANIFEST_VERSION = 1;

export interface AvpManifest {
  readonly format: typeof AVP_MANIFEST_FORMAT;
  readonly version: typeof AVP_MANIFEST_VERSION;
  /** The schema's one namespace. */
  readonly namespace: string;
  /** Cedar entity type → AVP entity type, as the policies and the encoder use them. */
  readonly entityTypes: Readonly<Record<string, string>>;
  /** The Cedar manifest: how to compute every attribute, tag and entity of a request. */
  readonly cedar: CedarManifest;
  /** Every policy to create, in upload order. */
  readonly policies: readonly AvpManifestPolicy[];
  /** The store's measured sizes against AVP's quotas. */
  readonly sizes: AvpStoreSizes;
}

export interface AvpManifestPolicy {
  /** Our name of the policy (the Cedar policy id, `#k` for the k-th part of a split one). */
  readonly name: string;
  /** The file under `avp/policies/` holding its CreatePolicy input. */
  readonly file: string;
  /** The Cedar policy id it comes from. */
  readonly source: string;
  readonly role: PolicyRole;
  readonly reason?: Reason;
  /** UTF-8 bytes of the statement. */
  readonly bytes: number;
  /** The resource entity its scope names (AVP type::"id"), or absent for the "unspecified" resource. */
  readonly resource?: string;
}

export interface AvpStoreSizes {
  readonly schemaBytes: number;
  readonly largestPolicyBytes: number;
  /** Total policy bytes per resource named in a scope, and for the unspecified resource. */
  readonly bytesPerResource: Readonly<Record<string, number>>;
  readonly bytesUnspecifiedResource: number;
  /** The most transitive parents any caller of the bundle can have. */
  readonly mostTransitiveParents: number;
}
