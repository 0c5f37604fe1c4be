// Whether a plain JSON value holds only well-formed Unicode text (docs/request-model.md, DESIGN §2:
// a lone surrogate is no character). JSON.parse accepts `"\ud800"`; IAM stores UTF-8, which cannot.

/** True when no string (member name or value) anywhere in `value` holds a lone surrogate. */
export function isWellFormedJson(value: unknown): boolean {
  // An explicit stack, not recursion: a document nested 100,000 deep must not overflow. Only arrays and
  // objects go on it (strings are checked at once): a sparse array's holes are read, never stacked.
  const pending: object[] = [];
  const seen = new Set<object>();
  const visit = (item: unknown): boolean => {
    if (typeof item === "string") return isWellFormedText(item);
    if (typeof item === "object" && item !== null && !seen.has(item)) {
      seen.add(item);
      pending.push(item);
    }
    return true;
  };
  if (!visit(value)) return false;
  while (pending.length > 0) {
    const item = pending.pop()!;
    if (Array.isArray(item)) {
      const length = item.length;
      for (let i = 0; i < length; i++) if (!visit(item[i])) return false;
      continue;
    }
    for (const name of Object.keys(item)) {
      if (!isWellFormedText(name) || !visit((item as Record<string, unknown>)[name])) return false;
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
