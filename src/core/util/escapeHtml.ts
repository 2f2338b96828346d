// Text from a document (names, notes, shot descriptions) printed into an HTML page: every character that could
// open a tag, an attribute or a template literal is escaped, so hostile names print as themselves.

export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"'`]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c]!);
}
