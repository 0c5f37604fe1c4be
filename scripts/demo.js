#!/usr/bin/env node
// `npm run demo`: runs the main job on the bundled example (examples/abac/).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../compiler/bin/kms-cedar.js", import.meta.url));

function run(args) {
  process.stdout.write(`\n$ kms-cedar ${args.join(" ")}\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: "inherit" });
  return result.status ?? 2;
}

const status = run(["check", "examples/abac/key-policy.json", "--kind", "key", "examples/abac/app-role.json"]);
process.exit(status);
