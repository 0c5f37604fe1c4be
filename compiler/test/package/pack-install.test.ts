// The published packages work outside the workspace: `npm pack` every workspace from a tree without dist/
// (their prepack scripts build it), install
// the tarballs into an empty directory, then run the installed CLI, the runtime library and the type
// declarations there. Slow (one build, one install from the registry for third-party packages).
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
// The installed CLI must run the same checks, and write the same SARIF, as the repository's (once they are there).
const registryInRepo = await import("../../src/diagnostics/registry.js").then(() => true, () => false);
const checksInRepo = await import("../../src/checks/check-policy.js").then(
  (m: Record<string, unknown>) => typeof m["checkPolicyText"] === "function", () => false);
const KEY = "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111";
const ROLE = "arn:aws:iam::111122223333:role/App";
const SESSION = "arn:aws:sts::111122223333:assumed-role/App/s1";

/** The environment of nested npm commands, without what the outer `npm test` sets for the repository. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_package_|npm_lifecycle_|npm_config_(local_prefix|call|workspaces?)$)/i.test(name) || name === "INIT_CWD") continue;
    env[name] = value;
  }
  return { ...env, NO_COLOR: "1", npm_config_update_notifier: "false" };
}

/** Runs a command; fails the test with its output if it exits non-zero. */
function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: childEnv(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(" ")}\` in ${cwd} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

interface PackedPackage {
  readonly name: string;
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

let work = "";
let packed: PackedPackage[] = [];
const app = (): string => join(work, "app");

// A small bundle: the key policy delegates to the account, the role's identity policy allows
// Decrypt on keys tagged Project=Alpha and denies ScheduleKeyDeletion.
function writeBundle(dir: string): void {
  const keyPolicy = {
    Version: "2012-10-17",
    Statement: [{ Sid: "EnableIam", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }],
  };
  const identity = {
    Version: "2012-10-17",
    Statement: [
      { Sid: "AlphaDecrypt", Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/Project": "Alpha" } } },
      { Sid: "NoDeletion", Effect: "Deny", Action: "kms:ScheduleKeyDeletion", Resource: "*" },
    ],
  };
  writeFileSync(join(dir, "key-policy.json"), JSON.stringify(keyPolicy, null, 2));
  writeFileSync(join(dir, "app.json"), JSON.stringify(identity, null, 2));
  // Expected decisions (DESIGN §3: same account, the key policy names the account, an identity Allow
  // is needed): Allow, ImplicitDeny (tag Beta), ExplicitDeny, error KR0002 (unknown action).
  const requests = [
    { principal: SESSION, action: "kms:Decrypt", resource: KEY, context: { "aws:ResourceTag/Project": "Alpha" } },
    { principal: SESSION, action: "kms:Decrypt", resource: KEY, context: { "aws:ResourceTag/Project": "Beta" } },
    { principal: SESSION, action: "kms:ScheduleKeyDeletion", resource: KEY, context: {} },
    { principal: SESSION, action: "kms:NoSuchAction", resource: KEY, context: {} },
  ];
  writeFileSync(join(dir, "requests.json"), JSON.stringify(requests));
  writeFileSync(join(dir, "broken.json"), '{ "Version": "2012-10-17", "Statement": [ }');
  writeFileSync(join(dir, "bundle.json"), JSON.stringify({ keys: { [KEY]: { policy: "key-policy.json" } }, principals: { [ROLE]: { policies: ["app.json"] } } }, null, 2));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "kms-cedar-pack-"));
  const tarballs = join(work, "tarballs");
  mkdirSync(tarballs);
  mkdirSync(app());
  // No `npm run build` first: each workspace's prepack script builds its dist/, as `npm publish` would.
  for (const workspace of ["grammar", "runtime", "compiler", "conformance", "analysis"]) rmSync(join(ROOT, workspace, "dist"), { recursive: true, force: true });
  const pack = run("npm", ["pack", "--workspaces", "--json", "--pack-destination", tarballs], ROOT);
  packed = JSON.parse(pack.stdout) as PackedPackage[];
  writeFileSync(join(app(), "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", ...packed.map((p) => join(tarballs, p.filename))], app());
  writeBundle(app());
}, 240_000);

afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true });
});

describe("the packed packages", () => {
  it("each build their dist/ when packed (a prepack script), so what `npm publish` ships runs", () => {
    for (const workspace of ["grammar", "runtime", "compiler", "conformance", "analysis"]) {
      const manifest = JSON.parse(readFileSync(join(ROOT, workspace, "package.json"), "utf8")) as { scripts?: Record<string, string> };
      expect(manifest.scripts?.["prepack"], workspace).toContain("build-workspace.js");
    }
  });

  it("hold dist (JS + declarations) and the CLI bundle, no sources or tests", () => {
    expect(packed.map((p) => p.name).sort()).toEqual(["@kms-cedar/analysis", "@kms-cedar/compiler", "@kms-cedar/conformance", "@kms-cedar/grammar", "@kms-cedar/runtime"]);
    for (const pkg of packed) {
      const paths = pkg.files.map((f) => f.path);
      expect(paths, pkg.name).toContain("dist/index.js");
      expect(paths, pkg.name).toContain("dist/index.d.ts");
      expect(paths.filter((p) => p.startsWith("src/") || p.startsWith("test/")), pkg.name).toEqual([]);
    }
    const files = (name: string): string[] => packed.find((p) => p.name === name)?.files.map((f) => f.path) ?? [];
    expect(files("@kms-cedar/compiler")).toContain("dist/cli.js");
    expect(files("@kms-cedar/conformance")).toContain("dist/cli.js");
  });

  it("install without tsx (the installed CLI runs the bundle)", () => {
    expect(existsSync(join(app(), "node_modules/tsx"))).toBe(false);
    expect(existsSync(join(app(), "node_modules/@kms-cedar/compiler/src"))).toBe(false);
  });
});

describe("the installed kms-cedar CLI", () => {
  it("compiles a bundle with `npx kms-cedar compile <bundle> -o out`", () => {
    const result = run("npx", ["--no-install", "kms-cedar", "compile", "bundle.json", "-o", "out"], app());
    expect(result.stdout).toContain("wrote out/graph.json");
    const graph = JSON.parse(readFileSync(join(app(), "out/graph.json"), "utf8")) as { format: string; keys: Record<string, number> };
    expect(graph.format).toBe("kms-cedar-graph");
    expect(Object.keys(graph.keys)).toEqual([KEY]);
  });

  it("prints its version and fails a broken policy with exit status 1", () => {
    expect(run("npx", ["--no-install", "kms-cedar", "--version"], app()).stdout.trim()).toBe("0.1.0");
    const broken = spawnSync("npx", ["--no-install", "kms-cedar", "check", "broken.json"], { cwd: app(), env: childEnv(), encoding: "utf8" });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/error\[KC1\d{3}\]/);
  });

  it.skipIf(!checksInRepo)("runs the full policy checks, not only JSON syntax", () => {
    writeFileSync(join(app(), "lower-effect.json"), JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "allow", Action: "kms:Decrypt", Resource: "*" }] }));
    const checked = spawnSync("npx", ["--no-install", "kms-cedar", "check", "lower-effect.json"], { cwd: app(), env: childEnv(), encoding: "utf8" });
    // check-policy-source.ts must import check-policy.js with a literal specifier, or esbuild cannot bundle it.
    expect(checked.stderr, "the installed CLI checks only JSON syntax: the checks were not bundled").not.toContain("only JSON syntax was checked");
    expect(checked.stdout).toContain("error[KC2031]");
    expect(checked.status).toBe(1);
  });

  it.skipIf(!registryInRepo)("writes a SARIF log with the registry's rules", () => {
    const sarif = spawnSync("npx", ["--no-install", "kms-cedar", "check", "broken.json", "--format", "sarif"], { cwd: app(), env: childEnv(), encoding: "utf8" });
    const log = JSON.parse(sarif.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string }[] }[] };
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0]?.tool.driver.rules.map((r) => r.id)).toContain("KC1006");
    expect(log.runs[0]?.results.length).toBeGreaterThan(0);
  });

  it("runs kms-cedar-conformance from its bundle", () => {
    run("npx", ["--no-install", "kms-cedar-conformance", "--help"], app());
  });
});

describe("@kms-cedar/runtime installed", () => {
  it("decides requests with createAuthorizer from the compiled graph.json", () => {
    writeFileSync(join(app(), "decide.mjs"), [
      'import { readFileSync } from "node:fs";',
      'import { createAuthorizer } from "@kms-cedar/runtime";',
      'const authorizer = createAuthorizer(JSON.parse(readFileSync("out/graph.json", "utf8")));',
      'const requests = JSON.parse(readFileSync("requests.json", "utf8"));',
      'console.log(JSON.stringify(requests.map((r) => { const d = authorizer.decide(r); return "error" in d ? d.error.code : d.decision; })));',
    ].join("\n"));
    if (!existsSync(join(app(), "out/graph.json"))) run("npx", ["--no-install", "kms-cedar", "compile", "bundle.json", "-o", "out"], app());
    const decided = JSON.parse(run(process.execPath, ["decide.mjs"], app()).stdout) as string[];
    expect(decided).toEqual(["Allow", "ImplicitDeny", "ExplicitDeny", "KR0002"]);
  });

  it("decides with createCedarAuthorizer over Cedar emitted by the installed compiler (cedar-wasm found in place)", () => {
    writeFileSync(join(app(), "cedar.mjs"), [
      'import { readFileSync } from "node:fs";',
      'import { compileBundle, emitCedar } from "@kms-cedar/compiler";',
      'import { createCedarAuthorizer } from "@kms-cedar/runtime";',
      'const { graph } = compileBundle("bundle.json");',
      "const { files, diagnostics } = emitCedar(graph);",
      'if (files === undefined) throw new Error(JSON.stringify(diagnostics));',
      "const cedar = createCedarAuthorizer({ policies: files.policies, schema: files.schema, manifest: files.manifest });",
      'const requests = JSON.parse(readFileSync("requests.json", "utf8"));',
      'console.log(JSON.stringify(requests.map((r) => { const d = cedar.decide(r); return "error" in d ? d.error.code : d.decision; })));',
    ].join("\n"));
    const decided = JSON.parse(run(process.execPath, ["cedar.mjs"], app()).stdout) as string[];
    expect(decided).toEqual(["Allow", "ImplicitDeny", "ExplicitDeny", "KR0002"]);
  });

  it("type-checks a TypeScript consumer against the installed declarations", () => {
    writeFileSync(join(app(), "consumer.ts"), [
      'import { createAuthorizer, type DecisionGraph, type DecisionResult, type Request } from "@kms-cedar/runtime";',
      'import { compileBundle, type CompileResult } from "@kms-cedar/compiler";',
      'import { parseArn } from "@kms-cedar/grammar";',
      'const result: CompileResult = compileBundle("bundle.json");',
      "const graph: DecisionGraph | undefined = result.graph;",
      'const request: Request = { principal: "p", action: "kms:Decrypt", resource: "r", context: {} };',
      "const decided: DecisionResult | undefined = graph && createAuthorizer(graph).decide(request);",
      "export const used = [decided, parseArn];",
    ].join("\n"));
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    run(process.execPath, [
      tsc, "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022",
      "--types", "node", "--typeRoots", join(ROOT, "node_modules/@types"), "consumer.ts",
    ], app());
  });
});
