// Test setup for the browser tests: Debian's chromium at /usr/bin/chromium, installed with apt-get
// when missing and we are root; otherwise the reason to skip. Launch flags keep Chromium off the
// (closed) network: no background networking, component updates, sync or QUIC.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

export const CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** `undefined` when Chromium is there (installing it if we may), else why the browser tests skip. */
export function ensureChromium(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.getuid?.() !== 0) return `${CHROMIUM} is missing and we are not root: install Debian's chromium package (apt-get install chromium)`;
  process.stderr.write(`playground tests: ${CHROMIUM} is missing; installing Debian's chromium with apt-get\n`);
  const install = spawnSync("sh", ["-c", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"], {
    stdio: ["ignore", "ignore", "inherit"], timeout: 15 * 60_000,
  });
  if (existsSync(CHROMIUM)) return undefined;
  return `apt-get install chromium failed (exit ${install.status ?? install.signal}); ${CHROMIUM} is still missing`;
}
