/**
 * What a rendered story or policy document may contain: the HTML elements, attributes and URL schemes. The validator
 * refuses any link outside it (`unsafe-link`), and the renderer's sanitizer removes anything outside it whatever the
 * parser produced, so a text that slips past one still meets the other.
 */
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/** URL schemes a link may use; a URL without a scheme (`/policies/x/`, `#a`, `page.html`) is relative and allowed. */
export const URL_SCHEMES = ['http', 'https', 'mailto'] as const;

/** The elements plain Markdown (CommonMark, no raw HTML, no images) turns into. */
export const ALLOWED_TAGS = [
	'a',
	'blockquote',
	'br',
	'code',
	'em',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'hr',
	'li',
	'ol',
	'p',
	'pre',
	'strong',
	'ul',
] as const;

/** Attributes by element; no other element has any (no `class`, `id`, `style`, event handlers). */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
	a: ['href', 'title'],
	ol: ['start'],
};

/**
 * The scheme of a URL as a browser reads it, lower-cased, or undefined for a relative URL. Browsers drop leading
 * spaces and control characters and every tab and line break inside a URL, so `java&#9;script:` and ` javascript:`
 * are `javascript:` to them; a URL is checked in that form. The text is the destination after Markdown has decoded
 * its entities and escapes (the `url` of an mdast node).
 */
export function urlScheme(url: string): string | undefined {
	// eslint-disable-next-line no-control-regex
	const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
	const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
	return m ? m[1].toLowerCase() : undefined;
}

/**
 * Whether a link target is allowed: `http:`, `https:` or `mailto:`, or a URL relative to this site. A URL starting
 * `//` (or `\\`, which browsers read as `//`) names another host without a scheme, so it is not relative.
 */
export function isAllowedUrl(url: string): boolean {
	const scheme = urlScheme(url);
	if (scheme !== undefined) return (URL_SCHEMES as readonly string[]).includes(scheme);
	// eslint-disable-next-line no-control-regex
	return !/^[\u0000-\u0020]*[/\\]{2}/.test(url.replace(/[\t\n\r]/g, ''));
}

/** The sanitizer's schema (hast-util-sanitize): the allowlist above and nothing else. */
export const SANITIZE_SCHEMA: SanitizeSchema = {
	...defaultSchema,
	tagNames: [...ALLOWED_TAGS],
	attributes: Object.fromEntries(Object.entries(ALLOWED_ATTRIBUTES).map(([k, v]) => [k, [...v]])),
	required: {},
	protocols: { href: [...URL_SCHEMES] },
	// Content of these is dropped with the element; any other unknown element is replaced by its children (text).
	strip: ['script', 'style', 'template', 'textarea', 'title', 'noscript', 'iframe', 'object'],
	clobber: [],
	ancestors: { li: ['ol', 'ul'] },
};
