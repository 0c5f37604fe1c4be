// Escaping for markup built as strings (the SVG picture, the playground's HTML): every piece of user
// text goes through `escapeHtml`.

/** `text` safe inside element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;"));
}
