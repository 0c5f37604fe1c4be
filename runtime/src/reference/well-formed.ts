// Whether a plain JSON value holds only well-formed Unicode text (docs/request-model.md, DESIGN §2:
// a lone surrogate is no character). JSON.parse accepts `"\ud800"`; IAM stores UTF-8, which cannot.

/** True when no string (member name or value) anywhere in `value` holds a lone surrogate. */
export function isWellFormedJson(value: unknown): boolean {
  // An explicit stack, not recursion: a document nested 100,000 deep must not overflow.
  const pending: unknown[] = [value];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === "string") {
      if (!isWellFormedText(item)) return false;
      continue;
    }
    if (typeof item !== "object" || item === null || seen.has(item)) continue;
    seen.add(item);
    if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
      continue;
    }
    for (const name of Object.keys(item)) {
      if (!isWellFormedText(name)) return false;
      pending.push((item as Record<string, unknown>)[name]);
    }
  }
  return true;
}

/** True when every surrogate code unit of `text` is half of a high-then-low pair. */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u > 0xdbff) return false; // a low half with no high half before it
    const next = text.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++;
  }
  return true;
}
