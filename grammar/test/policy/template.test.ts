import { describe, expect, it } from "vitest";
import { hasSubstitutions, parseTemplate } from "@kms-cedar/grammar";

function template(text: string) {
  const result = parseTemplate(text);
  if (!("template" in result)) throw new Error(`expected a template for ${text}: ${result.error.message}`);
  return result.template;
}

function error(text: string) {
  const result = parseTemplate(text);
  if (!("error" in result)) throw new Error(`expected an error for ${text}`);
  return { ...result.error, underlined: text.slice(result.error.offset, result.error.offset + result.error.length) };
}

describe("parseTemplate (spec §4.1, §4.5)", () => {
  it("keeps text without `${` as one text part, wildcards included", () => {
    expect(template("alias/*test?")).toEqual([{ kind: "text", text: "alias/*test?" }]);
    expect(template("")).toEqual([]);
    expect(template("a$b{c}d")).toEqual([{ kind: "text", text: "a$b{c}d" }]);
  });

  it("reads a variable and lower-cases its key (key names are case-insensitive)", () => {
    expect(template("home/${AWS:UserName}/*")).toEqual([
      { kind: "text", text: "home/" },
      { kind: "variable", key: "aws:username", default: undefined },
      { kind: "text", text: "/*" },
    ]);
  });

  it("reads a default value with or without a space after the comma (A24)", () => {
    const expected = [{ kind: "variable", key: "aws:principaltag/team", default: "company-wide" }];
    expect(template("${aws:PrincipalTag/team, 'company-wide'}")).toEqual(expected);
    expect(template("${aws:PrincipalTag/team,'company-wide'}")).toEqual(expected);
    expect(template("${aws:PrincipalTag/team,  'a}b c'}")).toEqual([
      { kind: "variable", key: "aws:principaltag/team", default: "a}b c" },
    ]);
    expect(template("${aws:PrincipalTag/team, ''}")).toEqual([{ kind: "variable", key: "aws:principaltag/team", default: "" }]);
  });

  it("turns ${*} ${?} ${$} into literal characters (test A.3 #37)", () => {
    expect(template("a${*}b${?}${$}")).toEqual([
      { kind: "text", text: "a" }, { kind: "literal", text: "*" }, { kind: "text", text: "b" },
      { kind: "literal", text: "?" }, { kind: "literal", text: "$" },
    ]);
  });

  it("reads names with the characters real keys use", () => {
    expect(template("${cognito-identity.amazonaws.com:sub}")).toEqual([
      { kind: "variable", key: "cognito-identity.amazonaws.com:sub", default: undefined },
    ]);
    expect(template("${www.amazon.com:user_id}")[0]).toMatchObject({ key: "www.amazon.com:user_id" });
  });

  it("says whether a template differs from plain text", () => {
    expect(hasSubstitutions(template("a*b"))).toBe(false);
    expect(hasSubstitutions(template("a${*}b"))).toBe(true);
    expect(hasSubstitutions(template("${aws:username}"))).toBe(true);
  });

  it("reports malformed variables with the span of the bad `${…}`", () => {
    expect(error("x${aws:username")).toMatchObject({ message: "policy variable is missing its closing `}`", underlined: "${aws:username" });
    expect(error("${}")).toMatchObject({ message: "empty policy variable `${}`", underlined: "${}" });
    expect(error("a${ aws:username}")).toMatchObject({ message: "unsupported space in policy variable", underlined: "${ " });
    expect(error("${aws:username }")).toMatchObject({ message: "unsupported space in policy variable", underlined: "${aws:username " });
    expect(error("${aws:PrincipalTag/t, default}")).toMatchObject({
      message: "default value of a policy variable must be in single quotes", underlined: "${aws:PrincipalTag/t, d",
    });
    expect(error("${aws:PrincipalTag/t, 'x}")).toMatchObject({
      message: "default value of a policy variable is missing its closing quote", underlined: "${aws:PrincipalTag/t, 'x}",
    });
    expect(error("${aws:PrincipalTag/t, 'x' }")).toMatchObject({ underlined: "${aws:PrincipalTag/t, 'x' " });
    expect(error("${aws:PrincipalTag/t, 'it's'}")).toMatchObject({ underlined: "${aws:PrincipalTag/t, 'it's" });
    expect(error("${")).toMatchObject({ underlined: "${" });
    expect(error("${*")).toMatchObject({ underlined: "${*" });
    expect(error("${{x}}")).toMatchObject({ message: "unexpected `{` at the start of a policy variable" });
    expect(error("${a*b}")).toMatchObject({ message: "unexpected `*` in policy variable name", underlined: "${a*" });
  });
});
