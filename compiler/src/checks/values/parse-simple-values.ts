// Bool, Null and BinaryEquals policy values (spec §2.6, §2.7, §2.10, A14). The compiler's own parsers.

export interface BooleanValue {
  readonly value: boolean;
  /** Whether it was written in lower case (`"TRUE"` works but is warned about, A14). */
  readonly lowerCase: boolean;
}

/** `true` / `false` in any letter case; `undefined` for anything else. */
export function parseBooleanValue(text: string): BooleanValue | undefined {
  const lower = text.toLowerCase();
  if (lower !== "true" && lower !== "false") return undefined;
  return { value: lower === "true", lowerCase: text === lower };
}

const BASE64 = /^[A-Za-z0-9+/]*$/u;

/**
 * Whether a value is base64 (standard alphabet). Padding is optional, as in the decoders AWS uses;
 * when present it must complete the last group of four.
 */
export function isBase64(text: string): boolean {
  const body = text.replace(/={1,2}$/u, "");
  if (!BASE64.test(body)) return false;
  if (body.length !== text.length) return text.length % 4 === 0;
  return body.length % 4 !== 1;
}
