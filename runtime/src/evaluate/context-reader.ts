// Loads a request's `context` into the evaluation slots: case-insensitive key names (spec §6.1),
// empty arrays as absent keys (§3.2), case-variant duplicates and values that are or hold `""` marked
// ambiguous (A18, deviation 45), then the keys AWS sets from the caller (docs/request-model.md "Keys
// derived from the caller"): a context value that contradicts one is KR0009, an absent one is filled
// in; and the VPC endpoint path's keys a request leaves out, unknown (deviation 44). Each entry's shape is checked as it is
// read (request/read-shape.ts `checkContextEntry`). Each value is read once (request/snapshot-input.ts
// says why): an array is copied as it is read, and the entries a grant tests are kept for grant
// matching. PERF: nothing is allocated for names seen before, nor for string values.
import type { DecisionError } from "../contracts.js";
import type { Derived } from "../request/derived-keys.js";
import { acceptsGiven, CALLER_ACCOUNT, DERIVED_KEYS, derivedKeyIndex, PRINCIPAL_ARN, RESOURCE_ACCOUNT } from "../request/derived-keys.js";
import { contradiction } from "../request/resolve-derived.js";
import { NETWORK_KEYS, networkEntry } from "../request/request-endpoint.js";
import { unknownRequestKeys } from "../request/unknown-keys.js";
import type { NetworkEntry } from "../request/request-endpoint.js";
import type { EvalState } from "./eval-state.js";
import { checkContextEntry, contextEntryError, ENTRY_BAD_VALUE, ENTRY_OK } from "../request/read-shape.js";
import { copyStrings } from "../request/snapshot-input.js";
import { ENCRYPTION_CONTEXT_KEYS, pairKeys } from "../request/encryption-context-keys.js";
import { isGrantEntryName } from "../conditions/grant-constraints.js";
import type { GrantEntries } from "../conditions/grant-constraints.js";

const RAW_CACHE_LIMIT = 4096;
const SOURCE_VPCE = NETWORK_KEYS.indexOf("aws:sourcevpce");

/** What a context key name, as written in a request, stands for. */
interface NameInfo {
  /** The graph's slot for it, or -1 when the graph does not use it. */
  readonly slot: number;
  /** Its index in DERIVED_KEYS, or -1. */
  readonly derived: number;
  /** Its index in NETWORK_KEYS, or -1. */
  readonly network: number;
  /** Whether a grant's constraints test it (grant-constraints.ts `isGrantEntryName`). */
  readonly grant: boolean;
  /**
   * PERF: the name that followed it in the last context that had it, and what that name stands for
   * (undefined: none yet): requests list their names in a usual order, some left out, so a comparison
   * replaces the lookup.
   */
  nextName: string;
  nextInfo: NameInfo | undefined;
}

/** The derived values of one request: the caller's, the resource's, and whether kms:CallerAccount is set. */
export interface RequestDerived {
  caller: readonly Derived[];
  resource: Derived;
  setsCallerAccount: boolean;
  /**
   * PERF: `usualGiven` of the caller's aws:PrincipalArn (derived-keys.ts), kept with the caller: a
   * context giving it (most do) is accepted without reading the caller's derived keys.
   */
  principalArn?: string | undefined;
  /**
   * The keys AWS includes in this request whose value the bundle cannot give (request/unknown-keys.ts
   * `keysAwsSets`; the graph gives only those a policy reads, create-authorizer.ts `readSets`): left out, they
   * are unknown (deviations 49, 50, 51). Undefined: none.
   */
  unknownIfLeftOut?: readonly string[] | undefined;
}

// What `loadedEntry` answers for a key that is not a network key: only whether it is absent is read.
const ABSENT_ENTRY: NetworkEntry = { kind: "absent" };
const GIVEN: NetworkEntry = { kind: "ambiguous" };
const NO_KEYS: readonly string[] = [];

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export class ContextReader {
  /** Lower-cased key name → slot, for every key the graph tests or resolves as a variable. */
  private readonly slots: Map<string, number>;
  /** Key name as written in requests → what it stands for. PERF: skips lower-casing. */
  private readonly raw = new Map<string, NameInfo>();
  /** What comes before a context's first name: its `next` is the first name of the last context. */
  private readonly start: NameInfo = { slot: -1, derived: -1, network: -1, grant: false, nextName: "", nextInfo: undefined };
  /** Slot of each derived key the graph uses, else -1. */
  private readonly derivedSlots: Int32Array;
  /** Slot of kms:EncryptionContextKeys when the graph uses it, else -1 (filled from the pairs: deviation 47). */
  private readonly keysSlot: number;
  /** `givenGen[d] === gen` when the context gave derived key `d` a value in this request. */
  private readonly givenGen: Int32Array;
  /** The value the context gave a derived key (kept for a session's aws:PrincipalArn). */
  private readonly givenValue: (string | undefined)[];
  /**
   * PERF: the entries of the network keys (request-endpoint.ts), kept in the one pass over the
   * context: `networkGen[k] === gen` when some entry names key `k`; how many did, and the last value.
   */
  private readonly networkGen: Int32Array;
  private readonly networkCount: Int32Array;
  private readonly networkValue: (string | readonly string[] | undefined)[];
  /**
   * PERF: the entry last made for each network key from one string value, and that value: reused while
   * the key's value is the same (a VPC endpoint's id and VPC repeat from one request to the next).
   */
  private readonly networkMade: (NetworkEntry | undefined)[];
  private readonly networkMadeFrom: (string | undefined)[];
  /**
   * The entries of the context last loaded that a grant's constraints test, in context order (grant
   * matching reads these, never the context: a getter may answer otherwise the second time). One
   * record, refilled by each `read`.
   */
  readonly grantEntries: { count: number; readonly names: string[]; readonly values: (string | readonly string[])[] } & GrantEntries = { count: 0, names: [], values: [] };
  /** The generation of the last request loaded: a smaller one means the state's generations wrapped. */
  private lastGen = 0;

  constructor(slots: Map<string, number>) {
    this.slots = slots;
    this.derivedSlots = Int32Array.from(DERIVED_KEYS, (k) => slots.get(k) ?? -1);
    this.keysSlot = slots.get(ENCRYPTION_CONTEXT_KEYS) ?? -1;
    this.givenGen = new Int32Array(DERIVED_KEYS.length);
    this.givenValue = DERIVED_KEYS.map(() => undefined);
    this.networkGen = new Int32Array(NETWORK_KEYS.length);
    this.networkCount = new Int32Array(NETWORK_KEYS.length);
    this.networkValue = NETWORK_KEYS.map(() => undefined);
    this.networkMade = NETWORK_KEYS.map(() => undefined);
    this.networkMadeFrom = NETWORK_KEYS.map(() => undefined);
  }

  /**
   * The first KR0008 (a context name or value that is not well-formed Unicode) and the first KR0009 (a
   * value that contradicts a derived key) the last `read` met: the caller orders them among the
   * request's other errors (docs/request-model.md "Errors").
   */
  textError: DecisionError | undefined;
  contradiction: DecisionError | undefined;

  /**
   * Reads `context` (a request's own member, of object type) in one pass: each entry's shape is
   * checked as request/read-shape.ts says (`checkContextEntry`) and, with `loading`, the entry is
   * loaded into `state`, then the derived keys. Returns the first KR0006 at once; keeps the first
   * KR0008 and KR0009 in `textError` and `contradiction`, and loads nothing after either (the request
   * is not decided). PERF, and each value read once: the shape read and the load were two passes.
   */
  read(state: EvalState, context: Readonly<Record<string, unknown>> | undefined, derived: RequestDerived, loading: boolean): DecisionError | undefined {
    this.textError = undefined;
    this.contradiction = undefined;
    // The state's generation wrapped (eval-state.ts): forget the marks of the old generations.
    if (state.gen < this.lastGen) {
      this.givenGen.fill(0);
      this.networkGen.fill(0);
    }
    this.lastGen = state.gen;
    const grants = this.grantEntries;
    grants.count = 0;
    if (context !== undefined) {
      let previous = this.start;
      let at = -1;
      for (const name in context) {
        if (!hasOwn(context, name)) continue;
        at++;
        let raw = context[name];
        // Read once: an array's elements are read into a copy, which the conditions then read.
        if (Array.isArray(raw)) raw = copyStrings(raw);
        const verdict = checkContextEntry(at, name, raw, this.textError === undefined);
        if (verdict !== ENTRY_OK) {
          if (verdict === ENTRY_BAD_VALUE) return contextEntryError(verdict, name);
          this.textError = contextEntryError(verdict, name);
          loading = false;
          continue;
        }
        if (!loading) continue;
        const value = raw as string | readonly string[];
        const info = this.infoAfter(previous, name);
        previous = info;
        if (info.network >= 0) this.keepNetwork(state.gen, info.network, value);
        if (info.grant) {
          grants.names[grants.count] = name;
          grants.values[grants.count++] = value;
        }
        if (info.derived >= 0) {
          const bad = info.derived === PRINCIPAL_ARN && value === derived.principalArn
            ? this.keepGiven(state.gen, name, value, PRINCIPAL_ARN)
            : this.checkGiven(state.gen, name, value, derivedAt(derived, info.derived), info.derived);
          if (bad !== undefined) {
            this.contradiction = bad;
            loading = false;
            continue;
          }
        }
        const slot = info.slot;
        if (slot < 0) continue;
        if (state.seenGen[slot] === state.gen) {
          // DEVIATION: §6.1, A18 — case-variant names of one key make it ambiguous (decided by the fail-closed rule).
          state.ambiguousGen[slot] = state.gen; // A18: case-variant names, even if one is empty
          continue;
        }
        state.seenGen[slot] = state.gen;
        // DEVIATION: §3.2 — an empty set is an absent key everywhere, `Null` and `IfExists` included.
        if (typeof value !== "string" && value.length === 0) continue; // an empty set is an absent key
        // DEVIATION: §3.2 — an empty-string value is null to AWS: unknown (FCR), not a present value.
        if (value === "" || (typeof value !== "string" && value.includes(""))) {
          state.ambiguousGen[slot] = state.gen;
          continue;
        }
        state.slotGen[slot] = state.gen;
        state.slotValue[slot] = value;
      }
    }
    if (loading) {
      this.fillDerived(state, derived);
      const set = derived.unknownIfLeftOut ?? NO_KEYS;
      if (this.networkGen[SOURCE_VPCE] === state.gen || set.length > 0) this.fillUnknown(state, set);
      if (this.keysSlot >= 0 && state.seenGen[this.keysSlot] !== state.gen && grants.count > 0) this.fillEncryptionContextKeys(state);
    }
    return undefined;
  }

  /** Reads and loads `context` (`read`); its first error: KR0006, else KR0008, else KR0009. */
  load(state: EvalState, context: Readonly<Record<string, unknown>> | undefined, derived: RequestDerived): DecisionError | undefined {
    return this.read(state, context, derived, true) ?? this.textError ?? this.contradiction;
  }

  /**
   * What network key `lowerName` finds in the context last loaded into `state`, as `contextEntry` would
   * find it. INVARIANT: `load` returned no error; `lowerName` is one of NETWORK_KEYS (those are all
   * `requestEndpoint` reads), so any other is a broken invariant, thrown.
   */
  networkEntry(state: EvalState, lowerName: string): NetworkEntry {
    const k = NETWORK_KEYS.indexOf(lowerName);
    if (k < 0) throw new Error(`internal: \`${lowerName}\` is not a network key (NETWORK_KEYS)`);
    if (this.networkGen[k] !== state.gen) return networkEntry(0, undefined);
    const count = this.networkCount[k]!;
    const found = this.networkValue[k];
    if (count !== 1 || typeof found !== "string") return networkEntry(count, found);
    if (this.networkMadeFrom[k] !== found) {
      this.networkMade[k] = networkEntry(count, found);
      this.networkMadeFrom[k] = found;
    }
    return this.networkMade[k]!;
  }

  private keepNetwork(gen: number, k: number, value: string | readonly string[]): void {
    if (this.networkGen[k] !== gen) {
      this.networkGen[k] = gen;
      this.networkCount[k] = 0;
    }
    this.networkCount[k]!++;
    this.networkValue[k] = value;
  }

  /** Every value the context gives derived key `d` must be what AWS sets (KR0009). */
  private checkGiven(gen: number, name: string, value: string | readonly string[], d: Derived, index: number): DecisionError | undefined {
    if (d.kind === "free") return undefined;
    if (typeof value === "string") return this.checkOne(gen, name, value, d, index);
    for (let i = 0; i < value.length; i++) {
      const bad = this.checkOne(gen, name, value[i]!, d, index);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }

  /** One given value: what AWS sets, and the same as any other value given for the key. */
  private checkOne(gen: number, name: string, v: string, d: Derived, index: number): DecisionError | undefined {
    return acceptsGiven(d, v) ? this.keepGiven(gen, name, v, index) : contradiction(name, v);
  }

  /** One given value AWS would set: the same as any other value given for the key (KR0009). */
  private keepGiven(gen: number, name: string, v: string, index: number): DecisionError | undefined {
    const first = this.givenGen[index] === gen ? this.givenValue[index] : undefined;
    if (first !== undefined && first !== v) return contradiction(name, v);
    this.givenGen[index] = gen;
    this.givenValue[index] = v;
    return undefined;
  }

  /** Sets each derived key the graph uses to its value for this request (or ambiguous when unknown). */
  private fillDerived(state: EvalState, derived: RequestDerived): void {
    const gen = state.gen;
    for (let i = 0; i < this.derivedSlots.length; i++) {
      const slot = this.derivedSlots[i]!;
      if (slot < 0) continue;
      const d = derivedAt(derived, i);
      const given = this.givenGen[i] === gen;
      let value: string | undefined;
      if (d.kind === "value") {
        const fill = d.fill && (i !== CALLER_ACCOUNT || derived.setsCallerAccount);
        if (!given && !fill) continue;
        value = d.value;
      } else if (d.kind === "role") {
        value = given ? this.givenValue[i] : d.bundleArn;
        if (value === undefined) {
          // DEVIATION: §6.4 — a session's role path is unknown: aws:PrincipalArn is ambiguous (FCR), never a guessed path-less ARN.
          state.seenGen[slot] = gen;
          state.ambiguousGen[slot] = gen;
          state.slotGen[slot] = 0;
          continue;
        }
      } else continue;
      state.seenGen[slot] = gen;
      state.ambiguousGen[slot] = 0;
      state.slotGen[slot] = gen;
      state.slotValue[slot] = value;
    }
  }

  /**
   * The keys AWS includes that the request leaves out (request/unknown-keys.ts `unknownRequestKeys`: a VPC
   * endpoint path's, deviation 44; those AWS always includes, the organization's and CreateGrant's, `set`,
   * deviations 49, 50, 51): ambiguous, decided by the fail-closed rule.
   * A key no policy reads has no slot and cannot matter.
   */
  private fillUnknown(state: EvalState, set: readonly string[]): void {
    for (const key of unknownRequestKeys(set, (lowerName) => this.loadedEntry(state, lowerName))) {
      const slot = this.slots.get(key);
      if (slot === undefined) continue;
      // DEVIATION: deviations 44, 49, 50, 51 — a key AWS includes, left out, is unknown (FCR), not absent.
      state.seenGen[slot] = state.gen;
      state.ambiguousGen[slot] = state.gen;
      state.slotGen[slot] = 0;
    }
  }

  /**
   * Whether key `lowerName` is absent from the context last loaded into `state` (no entry, or an empty
   * list): a network key as `networkEntry` finds it, any other by its slot (a key without one: absent).
   */
  private loadedEntry(state: EvalState, lowerName: string): NetworkEntry {
    if (NETWORK_KEYS.includes(lowerName)) return this.networkEntry(state, lowerName);
    const slot = this.slots.get(lowerName);
    const given = slot !== undefined && (state.slotGen[slot] === state.gen || state.ambiguousGen[slot] === state.gen);
    return given ? GIVEN : ABSENT_ENTRY;
  }

  /**
   * kms:EncryptionContextKeys, which the context left out, from the pairs it gave (request/encryption-context-keys.ts):
   * the grant entries hold every `kms:EncryptionContext:*` entry the context read.
   */
  private fillEncryptionContextKeys(state: EvalState): void {
    const grants = this.grantEntries;
    const keys = pairKeys(grants.count, grants.names, grants.values);
    if (keys === undefined) return;
    const slot = this.keysSlot;
    state.seenGen[slot] = state.gen;
    if (keys === "ambiguous") {
      state.ambiguousGen[slot] = state.gen;
      state.slotGen[slot] = 0;
      return;
    }
    state.slotGen[slot] = state.gen;
    state.slotValue[slot] = keys;
  }

  /** What `name` stands for, when it follows the name of `previous` in a context. */
  private infoAfter(previous: NameInfo, name: string): NameInfo {
    if (previous.nextName === name && previous.nextInfo !== undefined) return previous.nextInfo;
    const info = this.infoOf(name);
    previous.nextName = name;
    previous.nextInfo = info;
    return info;
  }

  private infoOf(name: string): NameInfo {
    const cached = this.raw.get(name);
    if (cached !== undefined) return cached;
    const lower = name.toLowerCase();
    const info: NameInfo = { slot: this.slots.get(lower) ?? -1, derived: derivedKeyIndex(lower), network: NETWORK_KEYS.indexOf(lower), grant: isGrantEntryName(name), nextName: "", nextInfo: undefined };
    if (this.raw.size >= RAW_CACHE_LIMIT) {
      // The links between names go too, so that what is dropped is not kept alive through them.
      for (const kept of this.raw.values()) kept.nextInfo = undefined;
      this.start.nextInfo = undefined;
      this.raw.clear();
    }
    this.raw.set(name, info);
    return info;
  }
}

function derivedAt(derived: RequestDerived, index: number): Derived {
  return index === RESOURCE_ACCOUNT ? derived.resource : derived.caller[index]!;
}
