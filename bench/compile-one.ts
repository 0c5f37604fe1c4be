// Child process of bench/compile.ts: compiles one generated bundle with Cedar and prints a JSON line
// with the wall and CPU time and the peak resident memory of this process (maxRSS), so each
// measurement starts from a fresh heap. Args: org <keys> <roles> | orglayers <keys> <roles> | policies <roles> <statementsPerPolicy>
import { compileBundle } from "@kms-cedar/compiler";
import type { Bundle } from "@kms-cedar/runtime";
import { orgLayeredScenario, orgScenario } from "./org-bundle.js";

const [shape, a, b] = process.argv.slice(2);
const A = "111122223333";

/** `roles` roles each with one identity policy of `per` ABAC statements, over one key. */
function policiesOf(roles: number, per: number): { bundle: Bundle; statements: number } {
  const key = `arn:aws:kms:us-east-1:${A}:key/00000000-0000-4000-8000-000000000000`;
  const principals: Record<string, { policies: unknown[] }> = {};
  for (let r = 0; r < roles; r++) {
    const Statement = Array.from({ length: per }, (_, s) => ({
      Sid: `S${s}`, Effect: s % 5 === 4 ? "Deny" : "Allow", Action: s % 2 === 0 ? ["kms:Encrypt", "kms:Decrypt"] : "kms:GenerateDataKey*",
      Resource: s % 3 === 0 ? "*" : `arn:aws:kms:*:${A}:key/*`,
      Condition: { StringEquals: { "aws:ResourceTag/team": `team${r}-${s}` } },
    }));
    principals[`arn:aws:iam::${A}:role/R${r}`] = { policies: [{ Version: "2012-10-17", Statement }] };
  }
  const keys = { [key]: { policy: { Version: "2012-10-17", Statement: [{ Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" }] } } };
  return { bundle: { keys, principals } as Bundle, statements: roles * per + 1 };
}

const input = shape === "org" ? orgScenario({ keys: Number(a), roles: Number(b), requests: 1 })
  : shape === "orglayers" ? orgLayeredScenario({ keys: Number(a), roles: Number(b), requests: 1 })
  : policiesOf(Number(a), Number(b));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = compileBundle(input.bundle);
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
process.stdout.write(`${JSON.stringify({
  shape, a: Number(a), b: Number(b), statements: input.statements, wallMs, cpuMs: (cpu.user + cpu.system) / 1000,
  maxRssMb: process.resourceUsage().maxRSS / 1024, cedar: result.cedar !== undefined, errors,
})}\n`);
