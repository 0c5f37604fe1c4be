import { describe, expect, it, vi } from "vitest";

// Make one catalog lookup throw, as a bug in a check would: the run must go on and say which check broke.
vi.mock("../../src/catalog/kms-catalog.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/catalog/kms-catalog.js")>();
  return { ...original, matchKmsActions: () => { throw new Error("boom"); } };
});

const { diagnose } = await import("../helpers/diagnose.js");

describe("a check that throws", () => {
  it("becomes KC9002 naming the check, and the other checks still report", () => {
    const text = `{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"kms:Decrypt","Resource":"*"}]}`;
    const found = diagnose(text, "identity").map((d) => [d.code, d.message]);
    expect(found).toEqual([
      ["KC9002", "internal error in `checkKmsActionNames`: boom"],
      ["KC2031", "invalid effect `allow`"],
    ]);
  });
});
