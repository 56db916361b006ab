/** Small helpers for reading the XML parts of a workbook as text: attributes, entities, element bodies. */

const ENTITY = /&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;
const NAMED: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/** XML character data as an XML parser gives it: line ends normalised to LF (CR LF and a lone CR), entities replaced. */
export function decodeXmlText(text: string): string {
  const lines = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (!lines.includes('&')) return lines;
  return lines.replace(ENTITY, (entity) => {
    const named = NAMED[entity];
    if (named !== undefined) return named;
    const code = entity[2] === 'x' ? parseInt(entity.slice(3, -1), 16) : parseInt(entity.slice(2, -1), 10);
    return String.fromCodePoint(code);
  });
}

/** The value of an attribute in an element's start tag (`<c r="A1" t="s">`), entities replaced; undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  const at = tag.search(new RegExp(`\\s${name}\\s*=\\s*["']`));
  if (at < 0) return undefined;
  const open = tag.indexOf('=', at) + 1;
  const quoteAt = tag.slice(open).search(/["']/) + open;
  const quote = tag[quoteAt]!;
  const close = tag.indexOf(quote, quoteAt + 1);
  // in an attribute value, literal tabs and line ends are spaces (entities for them are kept)
  return close < 0 ? undefined : decodeXmlText(tag.slice(quoteAt + 1, close).replace(/\r\n?|[\n\t]/g, ' '));
}

/** Every element named `name` in `xml`, as its start tag and its body (empty for `<x/>`), in document order. */
export function* elements(xml: string, name: string): Generator<{ tag: string; body: string }> {
  const open = `<${name}`;
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + 1)) {
    const after = xml.charCodeAt(at + open.length);
    // <si> but not <sis>: the name must end here
    if (after !== 0x20 && after !== 0x3e && after !== 0x2f && after !== 0x09 && after !== 0x0a && after !== 0x0d) continue;
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) return;
    const tag = xml.slice(at, tagEnd + 1);
    if (tag.endsWith('/>')) {
      yield { tag, body: '' };
      continue;
    }
    const close = xml.indexOf(`</${name}>`, tagEnd);
    if (close < 0) return;
    yield { tag, body: xml.slice(tagEnd + 1, close) };
    at = close;
  }
}
