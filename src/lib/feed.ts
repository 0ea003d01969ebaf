/**
 * Text for RSS feeds. RSS 2.0 readers take an item's `<description>` as HTML (entity-encoded in the XML), so a name
 * typed `<img src=x onerror=…>` would be rendered, and run, by a feed reader. A description here is plain text: it is
 * HTML-escaped before the feed writer XML-escapes it, and a reader that decodes the XML and renders the HTML shows the
 * characters as typed.
 */

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/** Plain text as the HTML of an RSS `<description>`: every `& < > " '` escaped, so nothing in it is markup. */
export function feedPlainText(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
