// End to end: `npm run playground`'s page (built, served on 127.0.0.1 port 0) driven in headless
// Chromium by playwright-core. Paste → diagnostics inline, graph picture, three engines side by side.
// Screenshots go to playground/screenshots/latest/ (ignored by git; one copy is committed beside it).
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAYGROUND } from "../scripts/build-playground.js";
import { servePlayground } from "../scripts/serve-playground.js";
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium } from "./chromium.js";

const skipReason = ensureChromium();
if (skipReason !== undefined) process.stderr.write(`playground end-to-end tests skipped: ${skipReason}\n`);
const SCREENSHOTS = join(PLAYGROUND, "screenshots/latest");

describe.skipIf(skipReason !== undefined)("the playground in headless Chromium", () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  const engine = (name: string) => page.locator(`.engine[data-engine="${name}"]`);

  beforeAll(async () => {
    const served = await servePlayground(0);
    server = served.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1480, height: 1050 } });
    page.setDefaultTimeout(20_000);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    page.on("request", (request) => {
      if (!request.url().startsWith(served.url)) pageErrors.push(`request outside the page's server: ${request.url()}`);
    });
    await page.goto(served.url);
    await page.waitForSelector("body[data-revision]");
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it("compiles the sample bundle and draws its decision graph as SVG", async () => {
    await expect(page.locator("#summary").textContent()).resolves.toBe("bundle: 0 errors, 0 warnings");
    const svg = page.locator("#graph svg.graph");
    await svg.waitFor();
    // 3 statements (key policy #0, identity #0 Allow, identity #1 Deny), 4 tests, 5 uses.
    expect(await svg.locator("g.statement").count()).toBe(3);
    expect(await svg.locator("g.statement.deny").count()).toBe(1);
    expect(await svg.locator("g.node").count()).toBe(4);
    expect(await svg.locator("path.edge").count()).toBe(5);
    expect(await svg.locator("path.edge.principal").count()).toBe(1);
  });

  it("decides the first sample request with the three engines side by side", async () => {
    await expect(engine("reference").locator("[data-decision]").getAttribute("data-decision")).resolves.toBe("Allow");
    await expect(engine("graph").locator("[data-decision]").getAttribute("data-decision")).resolves.toBe("Allow");
    await expect(engine("graph").locator(".agree.yes").count()).resolves.toBe(1);
    // cedar-wasm's web build, instantiated from the .wasm served beside the page.
    await expect(page.locator("body").getAttribute("data-cedar")).resolves.toBe("ready");
    await expect(engine("cedar").locator("[data-decision]").getAttribute("data-decision")).resolves.toBe("Allow");
    await expect(engine("cedar").locator(".agree.yes").count()).resolves.toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, "playground-allow.png"), fullPage: true });
  });

  it("names the Deny statement for the Type=Reserved request", async () => {
    await page.selectOption("#request-sample", "1");
    const decision = engine("graph").locator('[data-decision="ExplicitDeny"]');
    await decision.waitFor();
    await expect(engine("reference").locator("[data-decision]").getAttribute("data-decision")).resolves.toBe("ExplicitDeny");
    await expect(engine("cedar").locator("[data-decision]").getAttribute("data-decision")).resolves.toBe("ExplicitDeny");
    await expect(engine("graph").locator(".reasons").textContent()).resolves.toContain("DenyReservedKeys");
    await expect(engine("cedar").locator(".reasons").textContent()).resolves.toContain("DenyReservedKeys");
  });

  it("shows a broken policy's diagnostics inline, at their spans", async () => {
    await page.selectOption("#sample", "broken");
    await page.locator("#summary.error").waitFor();
    await expect(page.locator('mark[data-codes~="KC2031"]').textContent()).resolves.toBe('"allow"');
    await expect(page.locator('mark[data-codes~="KC2090"]').textContent()).resolves.toBe('"stringEquals"');
    const inline = page.locator('.inline-diagnostic[data-code="KC2031"]');
    await expect(inline.textContent()).resolves.toContain("invalid effect `allow`");
    await expect(inline.locator(".where").textContent()).resolves.toBe("6:17");
    await expect(engine("graph").textContent()).resolves.toContain("fix the errors first");
    await expect(page.locator("#graph").textContent()).resolves.toContain("no decision graph");
    await page.screenshot({ path: join(SCREENSHOTS, "playground-diagnostics.png"), fullPage: true });
  });

  it("reports a JSON syntax error typed into the editor", async () => {
    await page.fill("#policy", '{"Version": "2012-10-17", "Statement": [ }');
    const mark = page.locator('mark[data-codes~="KC1022"]');
    await mark.waitFor();
    await expect(mark.textContent()).resolves.toBe("}");
  });

  it("shows the emitted Cedar in its tab", async () => {
    await page.selectOption("#sample", "bundle");
    await page.locator("#summary.ok").waitFor();
    await page.click('.tabs button[data-tab="cedar"]');
    await page.locator("#tab-cedar").waitFor({ state: "visible" });
    const cedar = (await page.locator("#cedar").textContent()) ?? "";
    expect(cedar).toContain('@id("allow-p1-s0")');
    expect(cedar).toContain("forbid (");
    expect(await page.locator("#tab-graph").isHidden()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "playground-cedar.png"), fullPage: true });
  });

  it("refuses a `?` wildcard under pure Cedar, inline at its span", async () => {
    const text = (await page.inputValue("#policy")).replace('"StringEquals": { "aws:ResourceTag/Project": "Alpha"', '"StringLike": { "aws:ResourceTag/Project": "Alph?"');
    await page.selectOption("#request-sample", "0");
    await page.fill("#policy", text);
    await page.check("#pure-cedar");
    const mark = page.locator('mark[data-codes~="KC3001"]');
    await mark.waitFor();
    await expect(mark.textContent()).resolves.toBe('"Alph?"');
    await expect(engine("graph").locator("[data-decision]").getAttribute("data-decision")).resolves.toBe("Allow");
    await expect(engine("cedar").textContent()).resolves.toContain("not emitted");
    await page.uncheck("#pure-cedar");
    await engine("cedar").locator('[data-decision="Allow"]').waitFor();
  });

  it("ran without page errors and without leaving its server", () => {
    expect(pageErrors).toEqual([]);
  });
});
