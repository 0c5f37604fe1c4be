// The arrows that must never exist (docs/architecture.md "Arrows that must never exist"), checked on
// every source file: dependencies point one way (grammar ← compiler ← conformance, runtime ← compiler
// and conformance), the runtime embeds alone, the shared condition semantics depend on no engine,
// the two runtime engines do not reach into each other, and the playground, conformance and the
// examples reach other workspaces only through package entries; the emitters read the graph, not the
// bundle. The oracle's own rule (it imports only its folder and Node built-ins) is
// runtime/test/reference/import-rule.test.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { specifiers } from "../../../scripts/test/module-specifiers.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

function sourceFiles(folder: string): string[] {
  const dir = join(ROOT, folder);
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name === "node_modules" || name === "dist") continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|js|mjs)$/.test(name)) out.push(relative(ROOT, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** Where an import lands: a repository path for a relative specifier, else the package name. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  return relative(ROOT, resolve(ROOT, dirname(file), specifier));
}

interface Rule {
  readonly name: string;
  /** Folders whose files the rule applies to. */
  readonly from: readonly string[];
  /** Which landing places are forbidden (a repository path or a package name). */
  readonly forbids: (landing: string, specifier: string) => boolean;
}

const under = (landing: string, folder: string): boolean => landing === folder || landing.startsWith(`${folder}/`);
const isPackage = (specifier: string, name: string): boolean => specifier === name || specifier.startsWith(`${name}/`);

const RULES: readonly Rule[] = [
  {
    name: "the runtime embeds alone: no grammar, compiler, conformance or Chevrotain",
    from: ["runtime/src"],
    forbids: (l, s) => ["@kms-cedar/grammar", "@kms-cedar/compiler", "@kms-cedar/conformance", "@kms-cedar/analysis", "chevrotain"].some((p) => isPackage(s, p))
      || ["grammar", "compiler", "conformance", "analysis", "playground"].some((f) => under(l, f)),
  },
  {
    name: "no engine reaches the oracle (the main entry exports no oracle)",
    from: ["runtime/src/evaluate", "runtime/src/cedar", "runtime/src/conditions", "runtime/src/request", "runtime/src/operators",
      "runtime/src/graph", "runtime/src/avp", "runtime/src/index.ts", "runtime/src/cedar-names.ts"],
    forbids: (l) => under(l, "runtime/src/reference"),
  },
  {
    name: "the condition semantics depend on no engine",
    from: ["runtime/src/conditions", "runtime/src/operators"],
    forbids: (l) => ["runtime/src/evaluate", "runtime/src/cedar", "runtime/src/avp", "runtime/src/request"].some((f) => under(l, f)),
  },
  {
    name: "the graph evaluator and the Cedar encoder do not reach into each other",
    from: ["runtime/src/evaluate"],
    forbids: (l) => under(l, "runtime/src/cedar") || under(l, "runtime/src/avp"),
  },
  {
    name: "the Cedar encoder does not reach into the graph evaluator",
    from: ["runtime/src/cedar", "runtime/src/avp"],
    forbids: (l) => under(l, "runtime/src/evaluate"),
  },
  {
    name: "the grammar depends on no other workspace",
    from: ["grammar/src"],
    forbids: (l, s) => isPackage(s, "@kms-cedar/compiler") || isPackage(s, "@kms-cedar/runtime") || isPackage(s, "@kms-cedar/conformance")
      || ["compiler", "runtime", "conformance", "playground"].some((f) => under(l, f)),
  },
  {
    name: "the compiler never depends on conformance or the playground",
    from: ["compiler/src"],
    forbids: (l, s) => isPackage(s, "@kms-cedar/conformance") || ["conformance", "playground", "grammar/src", "runtime/src"].some((f) => under(l, f)),
  },
  {
    // One reader per piece of the bundle: the emitters take the decision graph (its `layers` included), never the bundle again.
    name: "the emitters read the graph only: no bundle reader, checks, normalize or lower",
    from: ["compiler/src/emit"],
    forbids: (l) => ["bundle", "checks", "normalize", "lower", "model", "syntax"].some((f) => under(l, `compiler/src/${f}`)),
  },
  {
    // One property harness: the engines' property tests run in conformance/test on its harness.
    name: "the compiler's tests import no conformance code (the property harness is conformance's)",
    from: ["compiler/test"],
    forbids: (l, s) => isPackage(s, "@kms-cedar/conformance") || under(l, "conformance/src") || under(l, "conformance/test"),
  },
  {
    // analysis/test drives the compiler's CLI in process (compiler/src/cli/run-cli.ts), as the compiler's own tests do.
    name: "conformance, the playground, the examples and the analysis sources use package entries only",
    from: ["conformance/src", "conformance/test", "playground/src", "playground/test", "examples", "analysis/src"],
    forbids: (l) => ["grammar/src", "compiler/src", "runtime/src"].some((f) => under(l, f)),
  },
];

function violations(rule: Rule): string[] {
  const out: string[] = [];
  for (const folder of rule.from) {
    const files = /\.ts$/.test(folder) ? [folder] : sourceFiles(folder);
    for (const file of files) {
      for (const s of specifiers(readFileSync(join(ROOT, file), "utf8"))) {
        if (rule.forbids(target(file, s), s)) out.push(`${file} → ${s}`);
      }
    }
  }
  return out;
}

describe("import rules (docs/architecture.md)", () => {
  it.each(RULES.map((r) => [r.name, r] as const))("%s", (_name, rule) => {
    expect(violations(rule)).toEqual([]);
  });

  it("every rule looks at files, and can fail", () => {
    for (const rule of RULES) expect(rule.from.flatMap((f) => (/\.ts$/.test(f) ? [f] : sourceFiles(f))).length, rule.name).toBeGreaterThan(0);
    const rule = (name: string): Rule => RULES.find((r) => r.name.startsWith(name))!;
    expect(rule("the runtime embeds").forbids(target("runtime/src/x.ts", "../../compiler/src/pipeline.js"), "../../compiler/src/pipeline.js")).toBe(true);
    expect(rule("the runtime embeds").forbids("chevrotain", "chevrotain")).toBe(true);
    expect(rule("no engine reaches").forbids(target("runtime/src/index.ts", "./reference/index.js"), "./reference/index.js")).toBe(true);
    expect(rule("the condition semantics").forbids(target("runtime/src/conditions/a.ts", "../evaluate/eval-state.js"), "")).toBe(true);
    expect(rule("conformance, the playground").forbids(target("playground/src/a.ts", "../../compiler/src/pipeline.js"), "")).toBe(true);
    expect(rule("the compiler's tests").forbids(target("compiler/test/graph/a.test.ts", "../../../conformance/src/engines/prepare-bundle.js"), "")).toBe(true);
    expect(rule("conformance, the playground").forbids(target("playground/src/a.ts", "@kms-cedar/compiler/api"), "@kms-cedar/compiler/api")).toBe(false);
    expect(rule("the emitters read the graph only").forbids(target("compiler/src/emit/cedar/a.ts", "../../bundle/to-plain-bundle.js"), "")).toBe(true);
    expect(rule("the emitters read the graph only").forbids(target("compiler/src/emit/cedar/a.ts", "../../diagnostics/make-diagnostic.js"), "")).toBe(false);
  });
});
