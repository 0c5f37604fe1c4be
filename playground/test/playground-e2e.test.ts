// End to end: `npm run playground`'s page (built, served on 127.0.0.1 port 0) driven in headless
// Chromium by playwright-core. The bundle, then the single-policy path (a key policy with its key ARN,
// an identity policy with its principal ARN), diagnostics and help in the editor, a 1.5 MB paste, the
// graph highlight. Screenshots go to playground/screenshots/latest/ (ignored by git; copies are committed beside it).
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAYGROUND } from "../scripts/build-playground.js";
import { servePlayground } from "../scripts/serve-playground.js";
import { SAMPLE_BUNDLE, SAMPLE_IDENTITY_POLICY, SAMPLE_KEY_POLICY } from "../src/samples.js";
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium } from "./chromium.js";

const skipReason = ensureChromium();
if (skipReason !== undefined) process.stderr.write(`playground end-to-end tests skipped: ${skipReason}\n`);
const SCREENSHOTS = join(PLAYGROUND, "screenshots/latest");
const MY_KEY = "arn:aws:kms:eu-west-1:111122223333:key/mrk-0123456789abcdef";
const MY_ROLE = "arn:aws:iam::111122223333:role/Developers";

/** A bundle of about 1.5 MB: 150 roles with a 10 KB policy each, one of them with a lower-case `"allow"` half-way. */
function largeBundle(): { text: string; errorLine: number } {
  const statement = (i: number, effect: string) => JSON.stringify({
    Sid: `S${i}`, Effect: effect, Action: ["kms:Decrypt", "kms:Encrypt"], Resource: `arn:aws:kms:*:111122223333:key/${String(i).padStart(8, "0")}-*`,
    Condition: { StringEquals: { "aws:ResourceTag/Project": `Project${i}`, "kms:EncryptionContext:Team": `team-${i}` } },
  });
  const principals = Array.from({ length: 150 }, (_, p) => {
    const statements = Array.from({ length: 40 }, (_, s) => statement(p * 40 + s, p === 75 && s === 20 ? "allow" : "Allow"));
    return `    "arn:aws:iam::111122223333:role/Team${p}": { "policies": [ { "Version": "2012-10-17", "Statement": [\n      ${statements.join(",\n      ")}\n    ] } ] }`;
  });
  const text = `{\n  "principals": {\n${principals.join(",\n")}\n  }\n}\n`;
  const errorLine = text.slice(0, text.indexOf('"allow"')).split("\n").length;
  return { text, errorLine };
}

describe.skipIf(skipReason !== undefined)("the playground in headless Chromium", () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  const engine = (name: string) => page.locator(`.engine[data-engine="${name}"]`);
  const decisions = async () => Promise.all(["reference", "graph", "cedar"].map((e) => engine(e).locator("[data-decision]").getAttribute("data-decision")));
  const revision = async () => Number(await page.locator("body").getAttribute("data-revision"));
  /** Waits for the page to show a decision newer than revision `before`, made against the last analysis asked for. */
  const settled = async (before: number) => page.waitForFunction(
    (b) => Number(document.body.dataset["revision"] ?? 0) > b && document.body.dataset["decided"] === document.body.dataset["asked"],
    before, { timeout: 60_000 },
  );
  /** Replaces the editor's text as a paste (the page then jumps to the first error). */
  const paste = async (text: string) => {
    const before = await revision();
    await page.click(".cm-content");
    await page.keyboard.press("Control+A");
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData("text/plain", t);
      document.querySelector(".cm-content")?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await settled(before);
  };
  const sampleLabels = async () => page.locator("#request-sample option").allTextContents();
  /** Chooses the first sample whose label starts with `outcome` (and holds `containing`) and waits for its decision. */
  const chooseSample = async (outcome: string, containing = "") => {
    const labels = await sampleLabels();
    const index = labels.findIndex((l) => l.startsWith(`${outcome}:`) && l.includes(containing));
    expect(index, `a sample deciding ${outcome} among ${labels.join(" | ")}`).toBeGreaterThanOrEqual(0);
    const before = await revision();
    await page.selectOption("#request-sample", String(index));
    await settled(before);
  };

  beforeAll(async () => {
    const served = await servePlayground(0);
    server = served.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1480, height: 1050 } });
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    page.on("request", (request) => {
      if (!request.url().startsWith(served.url)) pageErrors.push(`request outside the page's server: ${request.url()}`);
    });
    await page.goto(served.url);
    await page.waitForSelector("body[data-revision]", { timeout: 60_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it("compiles the sample bundle, draws its graph and decides its first sample Allow with the three engines", async () => {
    await expect(page.locator("#summary .counts").textContent()).resolves.toBe("bundle: 0 errors, 0 warnings");
    const svg = page.locator("#graph svg.graph");
    // 3 statements (key policy #0, identity #0 Allow, identity #1 Deny), 4 tests, 5 uses.
    expect(await svg.locator("g.statement").count()).toBe(3);
    expect(await svg.locator("g.node").count()).toBe(4);
    expect(await svg.locator("path.edge").count()).toBe(5);
    await expect(page.locator("body").getAttribute("data-cedar")).resolves.toBe("ready");
    expect(await decisions()).toEqual(["Allow", "Allow", "Allow"]);
    expect(await engine("cedar").locator(".agree.yes").count()).toBe(1);
    // No ARN field for a bundle: its keys and principals are in it.
    expect(await page.locator("#attach-key").isHidden()).toBe(true);
    expect(await page.locator("#attach-principal").isHidden()).toBe(true);
  });

  it("highlights in the graph the Deny statement and the tests that decided an ExplicitDeny", async () => {
    await chooseSample("ExplicitDeny");
    expect(await decisions()).toEqual(["ExplicitDeny", "ExplicitDeny", "ExplicitDeny"]);
    await expect(engine("graph").locator(".reasons").textContent()).resolves.toContain("DenyReservedKeys");
    const decided = page.locator("#graph g.statement.decided");
    expect(await decided.count()).toBe(1);
    await expect(decided.locator("text.title").textContent()).resolves.toContain("DenyReservedKeys");
    // The shared Resource test and the Type=Reserved condition, and the two edges to them.
    expect(await page.locator("#graph g.node.decided").count()).toBe(2);
    expect(await page.locator("#graph path.edge.decided").count()).toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, "playground-bundle-deny.png"), fullPage: true });
  });

  it("a pasted key policy: the key ARN field, samples with that key deciding Allow and deny", async () => {
    await paste(SAMPLE_KEY_POLICY);
    await expect(page.locator("#summary .counts").textContent()).resolves.toBe("key policy: 0 errors, 0 warnings");
    expect(await page.locator("#attach-key").isVisible()).toBe(true);
    expect(await page.locator("#attach-principal").isHidden()).toBe(true);
    await expect(page.locator("#attached").textContent()).resolves.toContain("a placeholder");
    const before = await revision();
    await page.fill("#key-arn", MY_KEY);
    await settled(before);
    await expect(page.locator("#attached").textContent()).resolves.toBe(`attached to ${MY_KEY}`);
    expect(JSON.parse(await page.inputValue("#request")).resource).toBe(MY_KEY);
    const labels = await sampleLabels();
    expect(labels.some((l) => l.startsWith("Allow:"))).toBe(true);
    expect(labels.some((l) => l.startsWith("ImplicitDeny:"))).toBe(true);
    expect(labels.some((l) => l.startsWith("error"))).toBe(false);
    await chooseSample("Allow", "AppUsesKeyForProjectAlpha");
    expect(await decisions()).toEqual(["Allow", "Allow", "Allow"]);
    expect(JSON.parse(await page.inputValue("#request")).context).toEqual({ "kms:EncryptionContext:Project": "Alpha" });
    expect(await page.locator("#graph g.statement.decided").count()).toBe(1);
    expect(await page.locator("#graph g.node.decided").count()).toBe(2); // its principal and its condition
    await page.screenshot({ path: join(SCREENSHOTS, "playground-key-policy-allow.png"), fullPage: true });
    await chooseSample("ImplicitDeny");
    expect(await decisions()).toEqual(["ImplicitDeny", "ImplicitDeny", "ImplicitDeny"]);
  });

  it("refuses a key ARN the CLI's --key refuses, next to the field", async () => {
    const before = await revision();
    await page.fill("#key-arn", "arn:aws:kms:eu-west-1:111122223333:alias/app");
    await settled(before);
    await expect(page.locator("#attach-error").textContent()).resolves.toContain("`--key` needs a key ARN");
    await expect(page.locator("#key-arn").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(engine("graph").textContent()).resolves.toContain("fix the errors first");
    const after = await revision();
    await page.fill("#key-arn", MY_KEY);
    await settled(after);
    expect(await page.locator("#attach-error").isHidden()).toBe(true);
  });

  it("a pasted identity policy: the principal ARN field, samples of that principal deciding Allow and ExplicitDeny", async () => {
    await paste(SAMPLE_IDENTITY_POLICY);
    await expect(page.locator("#summary .counts").textContent()).resolves.toBe("identity policy: 0 errors, 0 warnings");
    expect(await page.locator("#attach-principal").isVisible()).toBe(true);
    const before = await revision();
    await page.fill("#principal-arn", MY_ROLE);
    await settled(before);
    expect(JSON.parse(await page.inputValue("#request")).principal).toBe(MY_ROLE);
    await chooseSample("Allow");
    expect(await decisions()).toEqual(["Allow", "Allow", "Allow"]);
    await chooseSample("ExplicitDeny");
    expect(await decisions()).toEqual(["ExplicitDeny", "ExplicitDeny", "ExplicitDeny"]);
    await expect(engine("reference").locator(".reasons").textContent()).resolves.toContain("CreateOnlyTaggedKeys");
    await expect(page.locator("#graph g.statement.decided text.title").textContent()).resolves.toContain("CreateOnlyTaggedKeys");
    await page.screenshot({ path: join(SCREENSHOTS, "playground-identity-policy-deny.png"), fullPage: true });
  });

  it("makes an identity policy that names key actions into a bundle with the key's default key policy, on request", async () => {
    await paste('{"Version":"2012-10-17","Statement":[{"Sid":"UseProjectKeys","Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:*:111122223333:key/*"}]}');
    expect(await page.locator("#needs-key").isVisible()).toBe(true);
    expect((await sampleLabels())[0]).toContain("error KR0004");
    const before = await revision();
    await page.click("#add-key-policy");
    await settled(before);
    await expect(page.locator("#summary .counts").textContent()).resolves.toBe("bundle: 0 errors, 0 warnings");
    expect(await page.locator("#needs-key").isHidden()).toBe(true);
    await chooseSample("Allow", '"UseProjectKeys" applies');
    expect(await decisions()).toEqual(["Allow", "Allow", "Allow"]);
    expect(JSON.parse(await page.inputValue("#request"))).toMatchObject({ principal: MY_ROLE, action: "kms:Decrypt" });
    // Both the key policy's delegation and the identity policy decided: two statements lit.
    expect(await page.locator("#graph g.statement.decided").count()).toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, "playground-identity-with-key.png"), fullPage: true });
  });

  it("shows a broken policy's diagnostics in the editor, with the help on hover, and jumps to the first error", async () => {
    const before = await revision();
    await page.selectOption("#sample", "broken");
    await settled(before);
    await page.locator("#summary.error").waitFor();
    await page.locator(".cm-lintRange-error").first().waitFor();
    const marked = await page.locator(".cm-lintRange-error").allTextContents();
    expect(marked).toContain('"allow"');
    expect(marked).toContain('"stringEquals"');
    // The cursor went to the first error: line 5, the Sid with spaces (KC2039).
    await expect(page.locator(".cm-activeLine").textContent()).resolves.toContain('"Sid": "Use project keys"');
    await page.locator(".cm-lintRange-error", { hasText: '"allow"' }).hover();
    const tooltip = page.locator(".diagnostic-message[data-code='KC2031']");
    await tooltip.waitFor();
    await expect(tooltip.textContent()).resolves.toContain("invalid effect `allow`");
    await expect(tooltip.locator(".help").textContent()).resolves.toMatch(/^help: /);
    await expect(page.locator("#graph").textContent()).resolves.toContain("no decision graph");
    await page.screenshot({ path: join(SCREENSHOTS, "playground-diagnostics.png"), fullPage: true });
    await page.mouse.move(0, 0);
  });

  it("describes an action from the catalog on hover, and completes from the schema", async () => {
    await page.locator(".cm-line span", { hasText: '"kms:Decrypt"' }).first().hover();
    const help = page.locator(".catalog-help");
    await help.waitFor();
    await expect(help.textContent()).resolves.toContain("action kms:Decrypt: on a KMS key");
    await page.mouse.move(0, 0);
    // A new member of the statement: `"` then Ctrl-Space offers the statement's properties.
    await page.locator(".cm-line", { hasText: '"Sid": "Use project keys"' }).click();
    await page.keyboard.press("End");
    await page.keyboard.type('\n"');
    await page.keyboard.press("Control+Space");
    const options = page.locator(".cm-tooltip-autocomplete li");
    await options.first().waitFor();
    const names = await options.allTextContents();
    expect(names.join(" ")).toContain("NotAction");
    expect(names.join(" ")).not.toContain("Version"); // a statement's members, not the policy's
    await page.keyboard.press("Escape");
  });

  it("keeps the page responsive on a 1.5 MB paste and jumps to its first error", async () => {
    const { text, errorLine } = largeBundle();
    expect(text.length).toBeGreaterThan(1_400_000);
    // Long main-thread tasks while the worker analyses.
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: "longtask" });
    });
    const started = Date.now();
    await paste(text);
    const analysed = Date.now() - started;
    await expect(page.locator("#summary .counts").textContent()).resolves.toMatch(/^bundle: 1 error, /);
    await expect(page.locator(".cm-activeLine").textContent()).resolves.toContain('"allow"');
    await expect(page.locator(".cm-activeLine").textContent()).resolves.toContain(`"Sid":"S${75 * 40 + 20}"`);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const worst = Math.max(0, ...longTasks);
    const analysisMs = Number(await page.locator("body").getAttribute("data-analysis-ms"));
    process.stderr.write(`playground 1.5 MB paste (${text.length} bytes, error on line ${errorLine}): shown in ${analysed} ms, analysis ${analysisMs} ms in the worker; longest main-thread task ${Math.round(worst)} ms\n`);
    // Never blocked for seconds: only the editor's own work on the pasted text runs on the main thread.
    expect(worst).toBeLessThan(2000);
    await page.screenshot({ path: join(SCREENSHOTS, "playground-large-paste.png") });
  }, 120_000);

  it("scrolls a tall graph instead of clipping it, and fits it to the width on request", async () => {
    const statements = Array.from({ length: 40 }, (_, i) => `{"Sid":"S${i}","Effect":"Allow","Action":"kms:ListAliases","Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/T${i}":"v"}}}`);
    await paste(`{"Version":"2012-10-17","Statement":[${statements.join(",")}]}`);
    const panel = page.locator("#tab-graph");
    const sizes = await panel.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight, svg: el.querySelector("svg")?.getBoundingClientRect().height ?? 0 }));
    expect(sizes.svg).toBeGreaterThan(1600); // 40 statements, 44 px a row
    expect(sizes.scroll).toBeGreaterThanOrEqual(sizes.svg);
    expect(sizes.client).toBeLessThan(sizes.scroll);
    await page.check("#fit-graph");
    const fitted = await panel.evaluate((el) => el.querySelector("svg")?.getBoundingClientRect().width ?? 0);
    expect(Math.abs(fitted - (await panel.evaluate((el) => el.clientWidth - 16)))).toBeLessThan(20);
    await page.uncheck("#fit-graph");
  });

  it("shows the emitted Cedar in its tab", async () => {
    const before = await revision();
    await page.selectOption("#sample", "bundle");
    await settled(before);
    await page.click('.tabs button[data-tab="cedar"]');
    const cedar = (await page.locator("#cedar").textContent()) ?? "";
    expect(cedar).toContain('@id("allow-p1-s0")');
    expect(cedar).toContain("forbid (");
    expect(await page.locator("#tab-graph").isHidden()).toBe(true);
    await page.click('.tabs button[data-tab="graph"]');
  });

  it("refuses a `?` wildcard under pure Cedar, in the editor at its span", async () => {
    await paste(SAMPLE_BUNDLE.replace('"StringEquals": { "aws:ResourceTag/Project": "Alpha"', '"StringLike": { "aws:ResourceTag/Project": "Alph?"'));
    const before = await revision();
    await page.check("#pure-cedar");
    await settled(before);
    await expect(page.locator(".cm-lintRange-error").first().textContent()).resolves.toBe('"Alph?"');
    await expect(engine("cedar").textContent()).resolves.toContain("not emitted");
    const after = await revision();
    await page.uncheck("#pure-cedar");
    await settled(after);
    await engine("cedar").locator("[data-decision]").waitFor();
  });

  it("diffs two versions in the diff view: equivalent, then the widened condition as new access with a witness all engines confirm", async () => {
    const before = await revision();
    await page.selectOption("#sample", "bundle");
    await settled(before);
    /** Waits until the last diff asked for is shown. */
    const diffShown = async () => page.waitForFunction(
      () => document.body.dataset["diffShown"] !== undefined && document.body.dataset["diffShown"] === document.body.dataset["diffAsked"] && document.body.dataset["diffBusy"] === undefined,
      undefined, { timeout: 60_000 },
    );
    const pasteInto = async (selector: string, text: string) => {
      const asked = Number((await page.locator("body").getAttribute("data-diff-asked")) ?? 0);
      await page.click(`${selector} .cm-content`);
      await page.keyboard.press("Control+A");
      await page.evaluate(([sel, t]) => {
        const data = new DataTransfer();
        data.setData("text/plain", t!);
        document.querySelector(`${sel} .cm-content`)?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      }, [selector, text]);
      await page.waitForFunction((a) => Number(document.body.dataset["diffAsked"] ?? 0) > a, asked, { timeout: 10_000 });
      await diffShown();
    };
    await page.click('.modes button[data-mode="diff"]');
    expect(await page.locator("#decide-view").isHidden()).toBe(true);
    await diffShown();
    // NEW starts as a copy of OLD, which starts as the Decide view's text: equivalent.
    await expect(page.locator("#diff-summary .counts").textContent()).resolves.toMatch(/^equivalent: no request changes decision/);
    expect(await page.locator("#diff-result .change").count()).toBe(0);

    // The busy state shows while the worker diffs.
    await page.evaluate(() => {
      const w = window as unknown as { busySeen: string[]; longTasks: number[] };
      w.busySeen = [];
      w.longTasks = [];
      new MutationObserver(() => w.busySeen.push(document.body.dataset["diffBusy"] ?? "")).observe(document.body, { attributes: true, attributeFilter: ["data-diff-busy"] });
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: "longtask" });
    });
    await pasteInto("#diff-new", SAMPLE_BUNDLE.replace('"StringEquals": { "aws:ResourceTag/Project": "Alpha" }', '"StringLike": { "aws:ResourceTag/Project": "Alpha*" }'));
    const seen = await page.evaluate(() => (window as unknown as { busySeen: string[] }).busySeen);
    expect(seen).toContain("diffing");
    const longest = Math.max(0, ...await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks));
    expect(longest).toBeLessThan(2000);
    await expect(page.locator("#diff-summary .counts").textContent()).resolves.toMatch(/^2 changes, 2 granting new access/);
    const first = page.locator("#diff-result .change.new-access").first();
    await expect(first.locator("h3").textContent()).resolves.toContain("ImplicitDeny → Allow");
    await expect(first.locator("dl").textContent()).resolves.toContain('aws:resourcetag/project like "Alpha*" but not = "Alpha"');
    const witness = JSON.parse((await first.locator("pre.witness").textContent()) ?? "{}") as { action: string; context: Record<string, string> };
    expect(witness.action).toBe("kms:Decrypt");
    expect(witness.context["aws:resourcetag/project"]).toMatch(/^Alpha.+/);
    // Confirmed by the three engines in the page's worker (Cedar included), in OLD and in NEW.
    for (const engineName of ["reference", "graph", "cedar"]) {
      const cells = await first.locator(`tr[data-engine="${engineName}"] td`).allTextContents();
      expect(cells.slice(1)).toEqual(["ImplicitDeny", "Allow"]);
    }
    expect(await page.locator("#diff-result .unverified").count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, "playground-diff.png"), fullPage: true });

    // A refusal of the analysis is a diagnostic with its KA code, not a result.
    await pasteInto("#diff-new", SAMPLE_BUNDLE.replace('"StringEquals": { "aws:ResourceTag/Project": "Alpha" }', '"StringEqualsIgnoreCase": { "aws:ResourceTag/Project": "alpha" }'));
    await expect(page.locator("#diff-result .refusal").getAttribute("data-code")).resolves.toBe("KA0002");
    await expect(page.locator("#diff-summary").getAttribute("class")).resolves.toContain("error");
    // A version with errors: marked in its editor, nothing diffed.
    await pasteInto("#diff-new", SAMPLE_BUNDLE.replace('"Effect": "Deny"', '"Effect": "deny"'));
    await expect(page.locator("#diff-summary .counts").textContent()).resolves.toBe("fix the errors in NEW first: nothing is compiled");
    await page.locator("#diff-new .cm-lintRange-error").first().waitFor();
    await expect(page.locator("#diff-new-status").textContent()).resolves.toBe("1 error (marked in the editor)");
    expect(await page.locator("#diff-old .cm-lintRange-error").count()).toBe(0);
    // Copy OLD into NEW: equivalent again.
    const asked = Number(await page.locator("body").getAttribute("data-diff-asked"));
    await page.click("#diff-copy");
    await page.waitForFunction((a) => Number(document.body.dataset["diffAsked"] ?? 0) > a, asked);
    await diffShown();
    await expect(page.locator("#diff-summary .counts").textContent()).resolves.toMatch(/^equivalent/);
    await page.click('.modes button[data-mode="decide"]');
    expect(await page.locator("#diff-view").isHidden()).toBe(true);
  }, 120_000);

  it("ran without page errors and without leaving its server", () => {
    expect(pageErrors).toEqual([]);
  });
});
