// Test helpers: read a rendered code frame back — which source text each underline sits under.

/** For every underline row of `frame`, the text of the source row above it covered by the marks. */
export function underlinedTexts(frame: string): string[] {
  const rows = frame.split("\n");
  const out: string[] = [];
  for (let i = 1; i < rows.length; i++) {
    const marks = /^ *\| ( *)([\^~-]+)$/.exec(rows[i] ?? "");
    const source = /^ *\d+ \| (.*)$/.exec(rows[i - 1] ?? "");
    if (!marks || !source) continue;
    const start = (marks[1] ?? "").length;
    out.push((source[1] ?? "").slice(start, start + (marks[2] ?? "").length));
  }
  return out;
}
