// Exact memoization of the cedar-wasm answers the emitter's self-check asks for (see check-output.ts):
// each answer is a pure function of its input text. Bounded: when a table is full it is cleared, so a
// long-running process compiling many different bundles does not grow without limit.

/** What strictly validating some policies against one schema gave. */
export type ValidationOutcome =
  | { readonly errors: readonly { readonly policyId: string; readonly message: string }[] }
  | { readonly failure: readonly string[] };

/** The messages of the policies that do not validate, in policy order; or why validation failed. */
export type MemoValidation = { readonly messages: readonly string[] } | { readonly failure: readonly string[] };

const SCHEMA_LIMIT = 256;
const POLICY_LIMIT = 65_536;

export class CheckMemo {
  private readonly schemas = new Map<string, unknown>();
  private readonly formats = new Map<string, unknown>();
  /** Per schema text: per policy text, its validation messages (empty when it validates). */
  private readonly validated = new Map<string, Map<string, readonly string[]>>();
  private policyCount = 0;

  /** `compute()` once per schema text; a failed answer is not kept (it is a bug report anyway). */
  schemaJson<T extends { readonly type: string }>(schema: string, compute: () => T): T {
    const hit = this.schemas.get(schema);
    if (hit !== undefined) return hit as T;
    const answer = compute();
    if (answer.type === "success") {
      if (this.schemas.size >= SCHEMA_LIMIT) this.schemas.clear();
      this.schemas.set(schema, answer);
    }
    return answer;
  }

  /** `compute()` once per policy text (the formatter's answer); a failed answer is not kept. */
  formatted<T extends { readonly type: string }>(text: string, compute: () => T): T {
    const hit = this.formats.get(text);
    if (hit !== undefined) return hit as T;
    const answer = compute();
    if (answer.type === "success") {
      if (this.formats.size >= POLICY_LIMIT) this.formats.clear();
      this.formats.set(text, answer);
    }
    return answer;
  }

  /**
   * Validates `policies` (id → text) against `schema`, asking `validate` only about the policies not
   * validated against this schema before. A call that fails as a whole is not memoized.
   */
  validate(schema: string, policies: Readonly<Record<string, string>>, validate: (policies: Record<string, string>) => ValidationOutcome): MemoValidation {
    if (this.validated.size >= SCHEMA_LIMIT || this.policyCount >= POLICY_LIMIT) this.clear();
    let known = this.validated.get(schema);
    const ids = Object.keys(policies);
    const fresh: Record<string, string> = Object.create(null) as Record<string, string>;
    let freshCount = 0;
    for (const id of ids) {
      if (known?.has(policies[id]!) !== true) {
        fresh[id] = policies[id]!;
        freshCount++;
      }
    }
    if (freshCount > 0) {
      const outcome = validate({ ...fresh });
      if ("failure" in outcome) return outcome;
      // An error about an id that is not one of ours cannot be attributed: report it, keep nothing.
      const stray = outcome.errors.filter((e) => !(e.policyId in fresh));
      if (stray.length > 0) return { messages: stray.map((e) => e.message) };
      if (known === undefined) {
        known = new Map();
        this.validated.set(schema, known);
      }
      const byId = new Map<string, string[]>();
      for (const e of outcome.errors) byId.set(e.policyId, [...(byId.get(e.policyId) ?? []), e.message]);
      for (const id of Object.keys(fresh)) {
        known.set(fresh[id]!, byId.get(id) ?? []);
        this.policyCount++;
      }
    }
    return { messages: ids.flatMap((id) => known!.get(policies[id]!) ?? []) };
  }

  private clear(): void {
    this.validated.clear();
    this.policyCount = 0;
  }
}
