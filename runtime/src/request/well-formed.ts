// Whether a string is well-formed Unicode (every surrogate paired). A lone surrogate cannot be
// encoded as UTF-8, so cedar-wasm rejects it and AWS never sees one: such a request is an error (KR0008).

/** The engine's own check (ES2024 `String.prototype.isWellFormed`), where it exists. */
const native = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/** True when every high surrogate is followed by a low one and no low surrogate stands alone. */
export function isWellFormed(text: string): boolean {
  // PERF: the engine answers a one-byte string (no surrogates possible) without reading it; every
  // request string is checked, so this was the largest single cost of a decision.
  return native !== undefined ? native.call(text) : isWellFormedScan(text);
}

/** The same check by a scan of the UTF-16 code units (engines without `isWellFormed`). */
export function isWellFormedScan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c >= 0xdc00) return false;
    const next = text.charCodeAt(i + 1); // NaN past the end
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++;
  }
  return true;
}
