// `check --watch` runs again when the policy file is rewritten (once per burst of writes), and ends
// on SIGINT with status 0.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempFiles } from "./run-cli-process.js";

const LAUNCHER = fileURLToPath(new URL("../../bin/kms-cedar.js", import.meta.url));
const good = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] });
const bad = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "allow", Action: "kms:Decrypt", Resource: "*" }] });

describe("check --watch", () => {
  it("checks again after the file is rewritten, once per burst, until interrupted", async () => {
    const dir = tempFiles({ "p.json": good });
    const child = spawn(process.execPath, [LAUNCHER, "check", "p.json", "--kind", "identity", "--watch"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const until = async (test: () => boolean, what: string) => {
      for (let waited = 0; !test(); waited += 100) {
        if (waited > 60_000) throw new Error(`timed out waiting for ${what}\nstdout: ${stdout}\nstderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await until(() => stdout.includes("0 errors") && stderr.includes("watching"), "the first run");
    await new Promise((r) => setTimeout(r, 300));
    // Three writes in quick succession: one run.
    for (const text of [good, bad, bad]) writeFileSync(join(dir, "p.json"), text);
    await until(() => stdout.includes("error[KC2031]"), "the run after the change");
    await new Promise((r) => setTimeout(r, 1_000));
    expect(stderr.match(/change detected/g)?.length).toBe(1);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  }, 90_000);
});
