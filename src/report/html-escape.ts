const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML and SVG content and attribute values; institution names and ids are data, never markup. */
export function escapeHtml(text: string): string {
  // control characters other than tab and newlines are not allowed in HTML; drop them
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
