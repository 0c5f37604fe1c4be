// `kms-cedar compile`: checks first (errors → exit 1, nothing written), then writes the graph
// and Cedar files into the output directory; a directory that cannot be written is an I/O error (exit 2).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createAuthorizer } from "@kms-cedar/runtime";
import { describe, expect, it } from "vitest";
import { underlinedTexts } from "./frame-helpers.js";
import { REPO, runKmsCedar, tempFiles } from "./run-cli-process.js";

const FILES = ["policies.cedar", "schema.cedarschema", "schema.cedarschema.json", "manifest.json", "graph.json", "graph.txt", "graph.dot", "graph.svg"];

describe("kms-cedar compile", () => {
  it("writes the same bytes whatever the working directory (files named relative to the bundle)", () => {
    const bundle = join(REPO, "examples/abac/bundle.json");
    const outs = [join(tempFiles({}), "out"), join(tempFiles({}), "out")];
    expect(runKmsCedar(["compile", bundle, "-o", outs[0]!], REPO).status).toBe(0);
    expect(runKmsCedar(["compile", bundle, "-o", outs[1]!], tempFiles({})).status).toBe(0);
    for (const name of ["graph.json", "graph.txt", "policies.cedar", "manifest.json"]) {
      expect(readFileSync(join(outs[1]!, name), "utf8"), name).toBe(readFileSync(join(outs[0]!, name), "utf8"));
    }
    expect(readFileSync(join(outs[0]!, "graph.json"), "utf8")).toContain('"file":"key-policy.json"');
  });

  it("writes the Cedar and graph files for the ABAC example, exit 0", () => {
    const out = join(tempFiles({}), "out");
    const run = runKmsCedar(["compile", "examples/abac/bundle.json", "-o", out]);
    expect(run.status).toBe(0);
    for (const name of FILES) {
      expect(run.stdout).toContain(`wrote ${join(out, name)}`);
      expect(existsSync(join(out, name))).toBe(true);
    }
    const graph = JSON.parse(readFileSync(join(out, "graph.json"), "utf8")) as { keys: Record<string, unknown>; statements: unknown[] };
    expect(Object.keys(graph.keys)).toContain("arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111");
    expect(readFileSync(join(out, "policies.cedar"), "utf8")).toMatch(/^(permit|forbid) \(/m);
    // graph.svg: the picture without Graphviz, styled on its own (one box per statement, one per test).
    const svg = readFileSync(join(out, "graph.svg"), "utf8");
    expect(svg).toMatch(/^<\?xml [^>]*\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain("<style>");
    expect(svg.match(/<g class="statement (allow|deny)"/g)?.length).toBe(graph.statements.length);
  });

  it("a bundle with layers: --target graph writes the graph files only; the default target writes Cedar too", () => {
    const out = join(tempFiles({}), "out");
    const run = runKmsCedar(["compile", "examples/organization/bundle.json", "-o", out, "--target", "graph"]);
    expect(run.status).toBe(0);
    for (const name of FILES.slice(4)) expect(existsSync(join(out, name))).toBe(true);
    expect(existsSync(join(out, "policies.cedar"))).toBe(false);
    const graph = JSON.parse(readFileSync(join(out, "graph.json"), "utf8")) as { layers?: { endpoints?: Record<string, unknown> } };
    expect(Object.keys(graph.layers?.endpoints ?? {})).toEqual(["vpce-0a1b2c3d"]);
    // graph.json reads back and decides the layers: the grant lets Worker decrypt with Dept=IT (grants.md §2).
    const authorizer = createAuthorizer(readFileSync(join(out, "graph.json"), "utf8"));
    const grant = { principal: "arn:aws:sts::111122223333:assumed-role/Worker/w1", action: "kms:Decrypt", resource: "arn:aws:kms:us-west-2:111122223333:key/1111aaaa-1111-1111-1111-111111111111" };
    expect(authorizer.decide({ ...grant, context: { "aws:RequestedRegion": "us-west-2", "aws:PrincipalOrgID": "o-exampleorg1", "kms:EncryptionContext:Dept": "IT" } })).toMatchObject({ decision: "Allow", reasons: [{ layer: "grant" }] });
    expect(authorizer.decide({ ...grant, context: { "aws:RequestedRegion": "eu-west-1", "aws:PrincipalOrgID": "o-exampleorg1", "kms:EncryptionContext:Dept": "IT" } })).toMatchObject({ decision: "ExplicitDeny", reasons: [{ layer: "scp" }] });
    const cedar = runKmsCedar(["compile", "examples/organization/bundle.json", "-o", join(out, "cedar")]);
    expect(cedar.status).toBe(0);
    expect(cedar.stdout).not.toContain("KC2960");
    // docs/cedar-mapping.md "Layers": the layer policies are in the Cedar output, scoped by layer.
    expect(readFileSync(join(out, "cedar", "policies.cedar"), "utf8")).toContain("scp:");
  });

  // An audit: --help said --target graph was for "layers (SCPs, RCPs, boundaries, session and endpoint
  // policies, grants), which Cedar refuses (KC2960)", while Cedar decides all but `federatedBy` (above).
  it("--help says which layers Cedar does not decide, as the compiler does (only `federatedBy`)", () => {
    const help = runKmsCedar(["compile", "--help"]).stdout.replace(/\s+/g, " ");
    expect(help).not.toContain("which Cedar refuses");
    expect(help).toContain("the target for a bundle with a layer Cedar does not decide yet: a federated user's federating user (`federatedBy`) (KC2960)");
    expect(help).toContain("Cedar decides every other layer (SCPs, RCPs, boundaries, session and endpoint policies, grants)");
  });

  it("lists the written files as JSON with --format json", () => {
    const out = join(tempFiles({}), "out");
    const run = runKmsCedar(["compile", "examples/abac/bundle.json", "-o", out, "--format", "json"]);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { files: string[] }).files.map((f) => f.slice(out.length + 1))).toEqual(FILES);
  });

  it("stops on policy errors with their code frames, writes nothing, exit 1", () => {
    const out = join(tempFiles({}), "out");
    const run = runKmsCedar(["compile", "examples/broken/bundle.json", "-o", out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("error[KC2909]");
    expect(existsSync(out)).toBe(false);
  });

  it("stops with a code frame when --pure-cedar refuses a derived attribute, exit 1", () => {
    const policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",\n  "Condition": {"StringEqualsIgnoreCase": {"aws:ResourceTag/Project": "alpha"}}}]}';
    const dir = tempFiles({ "p.json": policy });
    const run = runKmsCedar(["compile", join(dir, "p.json"), "-o", join(dir, "out"), "--pure-cedar"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^error\[KC3\d{3}\]: /m);
    expect(underlinedTexts(run.stdout)).toEqual(['"alpha"']);
    expect(existsSync(join(dir, "out"))).toBe(false);
    const plain = runKmsCedar(["compile", join(dir, "p.json"), "-o", join(dir, "out")]);
    expect(plain.status).toBe(0);
  });

  it("reports an output path that cannot be written as an I/O error, exit 2", () => {
    const dir = tempFiles({});
    writeFileSync(join(dir, "file"), "x");
    const run = runKmsCedar(["compile", "examples/abac/bundle.json", "-o", join(dir, "file", "out")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("cannot write to");
  });

  it.skipIf(!existsSync("/proc/self"))("reports `-o /proc/x` as an I/O error at once, before compiling (Node 20's recursive mkdir hangs there)", () => {
    const run = runKmsCedar(["compile", "examples/broken/bundle.json", "-o", "/proc/x"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("cannot write to `/proc/x`");
    expect(run.stdout).toBe(""); // the policy errors of the bundle were not even looked at
  });

  it("leaves no probe behind when the output directory is writable but compiling fails", () => {
    const dir = tempFiles({});
    const run = runKmsCedar(["compile", "examples/broken/bundle.json", "-o", join(dir, "a", "b")]);
    expect(run.status).toBe(1);
    expect(existsSync(join(dir, "a"))).toBe(false);
  });
});
