// A grant's encryption-context constraint against what the request says of its encryption context: its pairs
// (`kms:EncryptionContext:<key>`) and, when given, the keys it lists (`kms:EncryptionContextKeys`, read as given:
// deviation 47). AWS, GrantConstraints: EncryptionContextEquals — "The grant allows the operation only when the
// encryption context in the request is the same as the encryption context specified in this constraint";
// EncryptionContextSubset — "only when the encryption context in the request includes the key-value pairs
// specified in this constraint, although it can include additional key-value pairs" (docs/semantics/grants.md §2).
// Before, every engine read the pairs only: Equals {Dept: IT} allowed a request listing a second key. Expected
// decisions are authored from grants.md; graph, Cedar and the reference must agree on each.
import { describe, expect, it } from "vitest";
import { threeEngines, ACCOUNT as A, KEY, doc, type Doc, enableIam } from "./three-engines.js";

const WORKER = `arn:aws:iam::${A}:role/Worker`;
const SESSION = `arn:aws:sts::${A}:assumed-role/Worker/w1`;
const OPERATIONS = ["Decrypt", "Encrypt", "GenerateDataKey", "ReEncryptFrom", "DescribeKey"];

/** The key policy lets IAM decide and the Worker role has no policy: the grant is the only way to an Allow. */
function constrained(constraints: Doc): (context: Record<string, string | string[]>, action?: string) => string {
  const decide = threeEngines({
    keys: { [KEY]: { policy: doc(enableIam), grants: [{ name: "g", granteePrincipal: WORKER, operations: OPERATIONS, constraints }] } },
    principals: {},
  });
  return (context, action = "Decrypt") => decide({ principal: SESSION, action: `kms:${action}`, resource: KEY, context });
}

const DEPT = "kms:EncryptionContext:Dept";
const KEYS = "kms:EncryptionContextKeys";

describe("encryptionContextEquals and the keys the request lists", () => {
  const equals = constrained({ encryptionContextEquals: { Dept: "IT" } });

  it("the audit's repros: a key listed beyond the pairs is not the same encryption context (all three were Allow)", () => {
    expect(equals({ [DEPT]: "IT", [KEYS]: ["Dept", "Other"] })).toBe("ImplicitDeny");
    expect(equals({ [DEPT]: "IT", [KEYS]: ["Other"] })).toBe("ImplicitDeny");
    expect(equals({ [DEPT]: "IT", "kms:EncryptionContext:Other": [], [KEYS]: ["Dept", "Other"] })).toBe("ImplicitDeny");
  });

  it("exactly the constraint's keys: Allow", () => {
    expect(equals({ [DEPT]: "IT" })).toBe("Allow");
    expect(equals({ [DEPT]: "IT", [KEYS]: ["Dept"] })).toBe("Allow");
    expect(equals({ [DEPT]: "IT", [KEYS]: "Dept" })).toBe("Allow");
    expect(equals({ [DEPT]: "IT", [KEYS]: ["Dept", "Dept"] })).toBe("Allow");
    // An empty list lists no key; an empty pair entry is no pair (deviation 23).
    expect(equals({ [DEPT]: "IT", [KEYS]: [] })).toBe("Allow");
    expect(equals({ [DEPT]: "IT", "kms:EncryptionContext:Other": [] })).toBe("Allow");
    // The name of the key in any letter case (spec §6.1).
    expect(equals({ [DEPT]: "IT", "KMS:ENCRYPTIONCONTEXTKEYS": ["Dept"] })).toBe("Allow");
  });

  it("a listed key of the constraint whose value is not given: undecided, no Allow", () => {
    expect(equals({ [KEYS]: ["Dept"] })).toBe("ImplicitDeny");
    const two = constrained({ encryptionContextEquals: { Dept: "IT", Team: "7" } });
    expect(two({ [DEPT]: "IT", "kms:EncryptionContext:Team": "7", [KEYS]: ["Dept", "Team"] })).toBe("Allow");
    expect(two({ [DEPT]: "IT", [KEYS]: ["Dept", "Team"] })).toBe("ImplicitDeny");
  });

  it("letter-case variants: another key, or a twin of one (A18): no Allow", () => {
    expect(equals({ [DEPT]: "IT", [KEYS]: ["dept"] })).toBe("ImplicitDeny");
    expect(equals({ [DEPT]: "IT", [KEYS]: ["Dept", "DEPT"] })).toBe("ImplicitDeny");
    // The list given twice, its name in two letter cases: not one list.
    expect(equals({ [DEPT]: "IT", [KEYS]: ["Dept"], "kms:encryptioncontextkeys": ["Dept"] })).toBe("ImplicitDeny");
  });

  it("a listed empty string is a key beyond the constraint's (deviation 45: read as given)", () => {
    expect(equals({ [DEPT]: "IT", [KEYS]: ["Dept", ""] })).toBe("ImplicitDeny");
    expect(equals({ [DEPT]: "IT", "kms:EncryptionContext:Other": "" })).toBe("ImplicitDeny");
  });

  it("every operation that takes an encryption context; DescribeKey ignores the constraint", () => {
    for (const action of ["Encrypt", "GenerateDataKey", "ReEncryptFrom"]) {
      expect(equals({ [DEPT]: "IT" }, action)).toBe("Allow");
      expect(equals({ [DEPT]: "IT", [KEYS]: ["Dept", "Other"] }, action)).toBe("ImplicitDeny");
    }
    expect(equals({ [KEYS]: ["Other"] }, "DescribeKey")).toBe("Allow");
  });
});

describe("encryptionContextSubset and the keys the request lists", () => {
  const subset = constrained({ encryptionContextSubset: { Dept: "IT" } });

  it("keys listed beyond the pairs, or pairs left out of the list: Allow (the request may have more)", () => {
    expect(subset({ [DEPT]: "IT", [KEYS]: ["Dept", "Other"] })).toBe("Allow");
    expect(subset({ [DEPT]: "IT", [KEYS]: ["Other"] })).toBe("Allow");
    expect(subset({ [DEPT]: "IT", "kms:EncryptionContext:Job": "7", [KEYS]: ["Dept"] })).toBe("Allow");
  });

  it("a listed key of the constraint whose value is not given: no Allow", () => {
    expect(subset({ [KEYS]: ["Dept"] })).toBe("ImplicitDeny");
    expect(subset({ "kms:EncryptionContext:Job": "7", [KEYS]: ["Dept", "Job"] })).toBe("ImplicitDeny");
    const two = constrained({ encryptionContextSubset: { Dept: "IT", Team: "7" } });
    expect(two({ [DEPT]: "IT", [KEYS]: ["Dept", "Team"] })).toBe("ImplicitDeny");
    expect(two({ [DEPT]: "IT", "kms:EncryptionContext:Team": "7", [KEYS]: ["Dept", "Team", "Other"] })).toBe("Allow");
  });

  it("letter-case variants: a twin of a pair's key, or of another listed key (A18): no Allow", () => {
    expect(subset({ [DEPT]: "IT", [KEYS]: ["dept"] })).toBe("ImplicitDeny");
    expect(subset({ [DEPT]: "IT", [KEYS]: ["Other", "OTHER"] })).toBe("ImplicitDeny");
    expect(subset({ [DEPT]: "IT", [KEYS]: ["Dept"], "KMS:EncryptionContextKeys": ["Dept"] })).toBe("ImplicitDeny");
    // The value is compared exactly, whatever the list says.
    expect(subset({ [DEPT]: "it", [KEYS]: ["Dept"] })).toBe("ImplicitDeny");
  });
});
