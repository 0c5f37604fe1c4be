// Builds the Cedar context and the entity tags of one request from the manifest's attributes: each
// view gets the key's value in a form Cedar carries exactly (or a representative that compares the
// same with every policy constant), or stays absent and is listed in the marker sets, so that no
// value can ever make a policy error (DESIGN §4). Derived tests are computed here too.
import type { CedarValueJson } from "@cedar-policy/cedar-wasm/nodejs";
import { parseBool } from "../operators/bool.js";
import type { ManifestAttribute, MarkerName } from "./cedar-manifest.js";
import {
  DATETIME_GRID, datetimeText, DECIMAL_GRID, decimalText, instantOnGrid, ipAddressText, LONG_GRID, numberOnGrid, represent,
} from "./cedar-values.js";
import type { ContextIndex } from "./context-index.js";
import type { StarOwner } from "../conditions/resource-answer.js";
import { compileConditionTest, compileResourceTest } from "./evaluate-derived.js";
import type { DerivedTest } from "./evaluate-derived.js";

export interface EncodedContext {
  readonly context: Record<string, CedarValueJson>;
  readonly resourceTags: Record<string, string>;
  readonly principalTags: Record<string, string>;
}

type Compute = (index: ContextIndex, resource: string, out: Builder, owner: StarOwner | undefined) => void;

interface Builder {
  readonly context: Record<string, CedarValueJson>;
  readonly resourceTags: Record<string, string>;
  readonly principalTags: Record<string, string>;
  readonly marks: Record<MarkerName, string[]>;
}

/** Compiles the manifest's attributes into a context builder. */
export function compileContext(
  attributes: readonly ManifestAttribute[], markers: readonly MarkerName[],
): (index: ContextIndex, resource: string, owner?: StarOwner) => EncodedContext {
  const steps = attributes.map(compileAttribute);
  return (index, resource, owner) => {
    // INVARIANT: no prototype — tag and key names come from the request and the policies, and a plain
    // object would swallow `__proto__` (a legal tag key): a Deny on it would silently not fire.
    const out: Builder = {
      context: Object.create(null) as Record<string, CedarValueJson>,
      resourceTags: Object.create(null) as Record<string, string>,
      principalTags: Object.create(null) as Record<string, string>,
      marks: { "#unsure": [], "#several": [], "#invalid": [] },
    };
    for (const step of steps) step(index, resource, out, owner);
    for (const m of markers) out.context[m] = out.marks[m];
    return { context: out.context, resourceTags: out.resourceTags, principalTags: out.principalTags };
  };
}

function compileAttribute(a: ManifestAttribute): Compute {
  switch (a.kind) {
    case "condition-test":
    case "resource-test": {
      const test: DerivedTest = a.kind === "condition-test" ? compileConditionTest(a.condition!) : compileResourceTest(a.resource!.negated, a.resource!.patterns);
      return (index, resource, out, owner) => {
        const v = test(index, resource, owner);
        if (v !== undefined) out.context[a.name] = v;
      };
    }
    case "set":
      return (index, _resource, out) => {
        const entry = index.get(a.key!);
        if (entry.kind === "ambiguous") out.marks["#unsure"].push(a.name);
        else if (entry.kind === "present") out.context[a.name] = [...entry.values];
      };
    default:
      return single(a, convert(a));
  }
}

/** A single-value view: absent, undecidable (#unsure, with #several for two or more values), or converted. */
function single(a: ManifestAttribute, conv: (value: string) => CedarValueJson | undefined): Compute {
  const marker = a.kind === "resource-tag" || a.kind === "principal-tag" ? a.key! : a.name;
  return (index, _resource, out) => {
    const entry = index.get(a.key!);
    if (entry.kind === "absent") return;
    if (entry.kind === "ambiguous" || entry.values.length > 1) {
      out.marks["#unsure"].push(marker);
      if (entry.kind === "present") out.marks["#several"].push(marker);
      return;
    }
    const value = conv(entry.values[0]!);
    if (value === undefined) {
      out.marks["#invalid"].push(marker);
      return;
    }
    if (a.kind === "resource-tag") out.resourceTags[a.name] = value as string;
    else if (a.kind === "principal-tag") out.principalTags[a.name] = value as string;
    else out.context[a.name] = value;
  };
}

/** The conversion of a single value for the view; `undefined` when it does not parse (§2.2). */
function convert(a: ManifestAttribute): (value: string) => CedarValueJson | undefined {
  const constants = (a.constants ?? []).map((c) => c);
  switch (a.kind) {
    case "string":
    case "resource-tag":
    case "principal-tag":
      return (v) => v;
    case "lower":
      return (v) => v.toLowerCase(); // AWS: §2.3, A26 — locale-independent lower-casing
    case "bool":
      return (v) => parseBool(v);
    case "ip":
      return (v) => {
        const text = ipAddressText(v);
        return text === undefined ? undefined : { __extn: { fn: "ip", arg: text } };
      };
    case "long": {
      const grid = constants.map((c) => BigInt(c));
      return (v) => {
        const x = numberOnGrid(v, 0);
        return x === undefined ? undefined : Number(represent(x, grid, LONG_GRID));
      };
    }
    case "decimal": {
      const grid = constants.map((c) => numberOnGrid(c, 4)!.floor);
      return (v) => {
        const x = numberOnGrid(v, 4);
        return x === undefined ? undefined : { __extn: { fn: "decimal", arg: decimalText(represent(x, grid, DECIMAL_GRID)) } };
      };
    }
    case "datetime": {
      const grid = constants.map((c) => BigInt(c));
      return (v) => {
        const x = instantOnGrid(v);
        return x === undefined ? undefined : { __extn: { fn: "datetime", arg: datetimeText(represent(x, grid, DATETIME_GRID)) } };
      };
    }
    default:
      throw new Error(`INVARIANT: no conversion for attribute kind \`${a.kind}\``);
  }
}
