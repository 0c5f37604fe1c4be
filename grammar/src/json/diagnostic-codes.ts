// Registry of the JSON front end's diagnostic codes (KC1001–KC1099 grammar, KC9001 internal).
// Phase: grammar. The compiler's registry merges this list; codes are never renumbered or reused.
import type { DiagnosticInfo } from "../diagnostic.js";

/** The codes, by name, so the scanner and parser never spell a code twice. */
export const JsonCode = {
  emptyDocument: "KC1001",
  documentTooLarge: "KC1002",
  nestingTooDeep: "KC1003",
  byteOrderMark: "KC1004",
  trailingContent: "KC1005",
  unexpectedCharacter: "KC1006",
  invalidLiteral: "KC1007",
  comment: "KC1008",
  singleQuotedString: "KC1009",
  unterminatedString: "KC1010",
  controlCharacter: "KC1011",
  invalidEscape: "KC1012",
  invalidUnicodeEscape: "KC1013",
  invalidNumber: "KC1014",
  missingComma: "KC1015",
  trailingComma: "KC1016",
  unexpectedComma: "KC1017",
  missingColon: "KC1018",
  missingValue: "KC1019",
  nonStringKey: "KC1020",
  unexpectedColon: "KC1021",
  unclosedBracket: "KC1022",
  unexpectedClosingBracket: "KC1023",
  duplicateKey: "KC1024",
  illFormedUnicode: "KC1025",
  notUtf8: "KC1026",
  internalError: "KC9001",
} as const;

/** One registry entry per code, in code order. */
export const JSON_DIAGNOSTICS: readonly DiagnosticInfo[] = [
  {
    code: "KC1001", slug: "empty-document", severity: "error",
    summary: "the document is empty",
    help: "a policy is a JSON object such as `{\"Version\": \"2012-10-17\", \"Statement\": [...]}`",
  },
  {
    code: "KC1002", slug: "document-too-large", severity: "error",
    summary: "the document is larger than the size limit",
    help: "a KMS key policy may be at most 32 768 bytes of UTF-8 (AWS returns `LimitExceededException`)",
  },
  {
    code: "KC1003", slug: "nesting-too-deep", severity: "error",
    summary: "arrays and objects are nested too deeply",
    help: "a policy needs only a few levels of nesting; the content of the too-deep value was skipped",
  },
  {
    code: "KC1004", slug: "byte-order-mark", severity: "error",
    summary: "the document starts with a byte order mark",
    help: "save the file as UTF-8 without a byte order mark (U+FEFF); JSON parsers reject it",
  },
  {
    code: "KC1005", slug: "trailing-content", severity: "error",
    summary: "unexpected content after the end of the document",
    help: "a document holds exactly one JSON value; an extra `}` or `]` may have closed it early",
  },
  {
    code: "KC1006", slug: "unexpected-character", severity: "error",
    summary: "unexpected character",
    help: "JSON values are objects, arrays, double-quoted strings, numbers, `true`, `false` and `null`",
  },
  {
    code: "KC1007", slug: "invalid-literal", severity: "error",
    summary: "unquoted word is not a JSON value",
    help: "strings and object keys must be in double quotes; the only bare words are `true`, `false` and `null`",
  },
  {
    code: "KC1008", slug: "comment", severity: "error",
    summary: "comments are not allowed in JSON",
    help: "remove the comment; AWS rejects policies with comments",
  },
  {
    code: "KC1009", slug: "single-quoted-string", severity: "error",
    summary: "strings must use double quotes",
    help: "replace the single quotes with double quotes",
  },
  {
    code: "KC1010", slug: "unterminated-string", severity: "error",
    summary: "unterminated string",
    help: "add the closing `\"`; a JSON string cannot span lines (write `\\n` for a line break)",
  },
  {
    code: "KC1011", slug: "control-character-in-string", severity: "error",
    summary: "control character in string",
    help: "characters below U+0020 must be escaped in a JSON string (`\\t`, `\\n`, `\\u0000`)",
  },
  {
    code: "KC1012", slug: "invalid-escape", severity: "error",
    summary: "invalid escape sequence in string",
    help: "JSON escapes are `\\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`",
  },
  {
    code: "KC1013", slug: "invalid-unicode-escape", severity: "error",
    summary: "`\\u` must be followed by four hexadecimal digits",
    help: "write the code unit as `\\uXXXX`, for example `\\u00e9`",
  },
  {
    code: "KC1014", slug: "invalid-number", severity: "error",
    summary: "invalid number",
    help: "JSON numbers are decimal: an optional `-`, digits without leading zeros, an optional fraction and exponent",
  },
  {
    code: "KC1015", slug: "missing-comma", severity: "error",
    summary: "expected `,` between members or elements",
    help: "separate object members and array elements with `,`",
  },
  {
    code: "KC1016", slug: "trailing-comma", severity: "error",
    summary: "trailing comma",
    help: "JSON does not allow a `,` after the last member or element; remove it",
  },
  {
    code: "KC1017", slug: "unexpected-comma", severity: "error",
    summary: "unexpected `,`",
    help: "a `,` separates two members or elements; remove the extra one",
  },
  {
    code: "KC1018", slug: "missing-colon", severity: "error",
    summary: "expected `:` after object key",
    help: "an object member is written `\"key\": value`",
  },
  {
    code: "KC1019", slug: "missing-value", severity: "error",
    summary: "expected a value",
    help: "JSON values are objects, arrays, double-quoted strings, numbers, `true`, `false` and `null`",
  },
  {
    code: "KC1020", slug: "non-string-key", severity: "error",
    summary: "object keys must be strings",
    help: "put the key in double quotes",
  },
  {
    code: "KC1021", slug: "unexpected-colon", severity: "error",
    summary: "unexpected `:`",
    help: "a `:` separates an object key from its value",
  },
  {
    code: "KC1022", slug: "unclosed-bracket", severity: "error",
    summary: "unclosed `{` or `[`",
    help: "add the missing `}` or `]`",
  },
  {
    code: "KC1023", slug: "unexpected-closing-bracket", severity: "error",
    summary: "unexpected `}` or `]`",
    help: "this closing bracket has no matching opening bracket; remove it",
  },
  {
    code: "KC1024", slug: "duplicate-key", severity: "error",
    summary: "duplicate key in object",
    help: "IAM forbids repeating a member in one object; `JSON.parse` would silently keep the last one",
  },
  {
    code: "KC1025", slug: "ill-formed-unicode", severity: "error",
    summary: "string is not well-formed Unicode",
    help: "a lone surrogate (`\\ud800`–`\\udfff` without its pair) is no character; IAM stores UTF-8, which cannot hold it",
  },
  {
    // Found before parsing, by the one strict decoder of input bytes (runtime/src/request/decode-utf8.ts).
    code: "KC1026", slug: "invalid-encoding", severity: "error",
    summary: "the file is not UTF-8",
    help: "some bytes (such as ED A0 80, the raw form of a lone surrogate, or Latin-1 text) are no UTF-8 character; save the file as UTF-8",
  },
  {
    code: "KC9001", slug: "internal-error-json", severity: "error",
    summary: "internal error in the JSON parser",
    help: "this is a bug in kms-cedar; please report it with the policy that triggered it",
  },
];

const INFO_BY_CODE = new Map(JSON_DIAGNOSTICS.map((info) => [info.code, info]));

/** The registry entry of a JSON code; throws only for a code missing from the registry (a bug). */
export function jsonDiagnosticInfo(code: string): DiagnosticInfo {
  const info = INFO_BY_CODE.get(code);
  // INVARIANT: every code in `JsonCode` has an entry in `JSON_DIAGNOSTICS` (tested).
  if (info === undefined) throw new Error(`no registry entry for ${code}`);
  return info;
}
