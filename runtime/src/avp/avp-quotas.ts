// AVP's documented quotas that the profile must respect (docs/deployment.md cites each with its
// sentence). The compiler checks the store-side ones (KC31xx), the encoder the request-side ones (KR091x).

export const AVP_QUOTAS = {
  /** "Policy size 10,000 bytes … The maximum size of an individual policy." (UTF-8 bytes of the statement). */
  policyBytes: 10_000,
  /** "Policy size per resource 200,000 bytes … all policies that reference a specific resource." */
  bytesPerResource: 200_000,
  /** Footnote 2: the same 200,000-byte total for the policies whose scope names no resource ("unspecified"). */
  bytesUnspecifiedResource: 200_000,
  /** "Schema size 100,000 bytes … The maximum size of the schema of a policy store." */
  schemaBytes: 100_000,
  /** EntityItem.parents: "at most 99 transitive parents per authorization request" for a principal or resource. */
  transitiveParents: 99,
  /** "Authorization request size 1 MB": read as 1,000,000 bytes of the JSON body (the smaller reading). */
  requestBytes: 1_000_000,
  /** BatchIsAuthorized: "can contain up to 30 requests". */
  batchRequests: 30,
  /** BatchIsAuthorized: entities "can contain up to 100 principals and up to 100 resources". */
  batchPrincipals: 100,
  batchResources: 100,
  /** StaticPolicyDefinition.description: "Maximum length of 150". */
  descriptionLength: 150,
} as const;

/** Request error codes of the AVP encoder and decoder (docs/request-model.md). */
export const AVP_REQUEST_CODES = {
  /** The encoded request is larger than AVP's request size quota. */
  requestTooLarge: "KR0910",
  /** The principal or resource has more transitive parents than AVP accepts. */
  tooManyParents: "KR0911",
  /** AVP reported evaluation errors: never a decision (a skipped forbid could be a wrong Allow). */
  evaluationErrors: "KR0912",
  /** AVP's answer cannot be read (unknown decision, or a determining policy the store map does not name). */
  unreadableAnswer: "KR0913",
} as const;

/** UTF-8 length of a string (a lone surrogate counts as U+FFFD, 3 bytes); no Buffer, so it runs in browsers. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) n += 4, i++;
    else n += 3;
  }
  return n;
}
