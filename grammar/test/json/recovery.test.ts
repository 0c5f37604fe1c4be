// Error recovery: k separate mistakes give k diagnostics at those places, and a mistake does not
// hide the ones after it nor cause follow-on errors. Expected lines and underlines are written by
// hand from the edited policy text.
import { describe, expect, it } from "vitest";
import { diagnose, lineOf } from "./helpers.js";

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "One",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": ["kms:Decrypt", "kms:Encrypt"],
      "Resource": "*"
    },
    {
      "Sid": "Two",
      "Effect": "Deny",
      "Principal": "*",
      "Action": "kms:*",
      "Resource": "*",
      "Condition": {"Bool": {"aws:SecureTransport": "false"}}
    }
  ]
}`;

/** The policy with some lines (1-based) replaced; `null` deletes the line. */
function edit(changes: Record<number, string | null>): string {
  const lines = POLICY.split("\n");
  const out: string[] = [];
  lines.forEach((line, i) => {
    const change = changes[i + 1];
    if (change === undefined) out.push(line);
    else if (change !== null) out.push(change);
  });
  return out.join("\n");
}

/** [line, code, underlined] of every diagnostic. */
function found(text: string): [number, string, string][] {
  return diagnose(text).map((d) => [lineOf(text, d.start), d.code, d.underlined]);
}

describe("recovery", () => {
  it("the unedited policy is clean", () => {
    expect(found(POLICY)).toEqual([]);
  });

  it("three separate mistakes give three diagnostics, in place", () => {
    const text = edit({
      5: '      "Sid": "One"',
      13: '      "Effect" "Deny",',
      17: '      "Condition": {"Bool": {"aws:SecureTransport": "false",}}',
    });
    expect(found(text)).toEqual([
      [6, "KC1015", '"Effect"'], // the missing comma shows at the next member
      [13, "KC1018", '"Deny"'],
      [17, "KC1016", ","],
    ]);
  });

  it("a missing `]` is one diagnostic where the array visibly ends, and later mistakes are still found", () => {
    const text = edit({ 8: '      "Action": ["kms:Decrypt", "kms:Encrypt",', 15: '      "Action": kms:*,' });
    expect(found(text)).toEqual([
      [9, "KC1022", '"Resource"'],
      [15, "KC1007", "kms:*"],
    ]);
  });

  it("a missing `}` between statements is one diagnostic", () => {
    expect(found(edit({ 10: "    ," }))).toEqual([[11, "KC1022", "{"]]);
    expect(found(edit({ 10: null }))).toEqual([[10, "KC1022", "{"]]);
  });

  it("an extra `]` or `}` is one diagnostic, and later mistakes are still found", () => {
    expect(found(edit({ 8: '      "Action": ["kms:Decrypt", "kms:Encrypt"]],', 14: '      "Principal" "*",' }))).toEqual([
      [8, "KC1023", "]"],
      [14, "KC1018", '"*"'],
    ]);
    // Either brace can go; the one that closes nothing when it is read is reported.
    expect(found(edit({ 9: '      "Resource": "*"}' }))).toEqual([[10, "KC1023", "}"]]);
  });

  it("an unterminated string is one diagnostic even though it ate the comma", () => {
    expect(found(edit({ 5: '      "Sid": "One,', 12: '      "Sid": "Two" ,,' }))).toEqual([
      [5, "KC1010", '"One,'],
      [12, "KC1017", ","],
    ]);
  });

  it("a missing value, a stray word, a comment: one diagnostic each", () => {
    const text = edit({ 6: '      "Effect": ,', 13: '      "Effect": Deny,', 16: '      "Resource": "*", // all keys' });
    expect(found(text)).toEqual([
      [6, "KC1019", ","],
      [13, "KC1007", "Deny"],
      [16, "KC1008", "// all keys"],
    ]);
  });

  it("a truncated document is one diagnostic", () => {
    const lines = POLICY.split("\n");
    expect(found(lines.slice(0, -1).join("\n"))).toEqual([[1, "KC1022", "{"]]);
    expect(found(lines.slice(0, 12).join("\n"))).toEqual([[11, "KC1022", "{"]]);
    expect(found(POLICY.slice(0, POLICY.indexOf('"Two"')))).toEqual([[12, "KC1019", ""]]);
  });

  it("a repeated line is a duplicate key", () => {
    const lines = POLICY.split("\n");
    lines.splice(6, 0, lines[5]!);
    expect(found(lines.join("\n"))).toEqual([[7, "KC1024", '"Effect"']]);
  });

  it("object syntax inside an array is one diagnostic", () => {
    expect(found('{"Action": ["kms:Decrypt": "x", "kms:Encrypt": "y"]}')).toEqual([[1, "KC1021", ":"]]);
  });
});
