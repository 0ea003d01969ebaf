/**
 * What rendered Markdown may contain, written out here by hand and independently of src/lib/markdown/allowlist.ts
 * (issue 15: tags, attributes, URL schemes), for the tests that render hostile stories.
 */
/** What a rendered story may contain, written out here by hand (issue 15: tags, attributes, URL schemes). */
const TAGS = new Set('a blockquote br code em h1 h2 h3 h4 h5 h6 hr li ol p pre strong ul'.split(' '));
const ATTRIBUTES: Record<string, string[]> = { a: ['href', 'title'], ol: ['start'] };

/** Decodes the character references an HTML attribute value can hold. */
const decode = (s: string) =>
	s
		.replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

/** Whether a browser would follow this href to an allowed place: http(s), mailto, or this site. */
function hrefAllowed(raw: string): boolean {
	// Browsers drop leading spaces/controls and every tab and line break before reading the scheme.
	// eslint-disable-next-line no-control-regex
	const url = decode(raw)
		.replace(/^[\u0000-\u0020]+/, '')
		.replace(/[\t\n\r]/g, '');
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1].toLowerCase();
	if (scheme) return ['http', 'https', 'mailto'].includes(scheme);
	return !/^[/\\]{2}/.test(url);
}

/** Everything in rendered HTML outside the allowlist: tags, attributes, link targets. */
export function outsideAllowlist(html: string): string[] {
	const bad: string[] = [];
	// Text and attribute values are escaped by the serializer, so every `<` starts a tag.
	for (const m of html.matchAll(/<\/?([^\s/>]+)([^>]*)>/g)) {
		const tag = m[1].toLowerCase();
		if (!TAGS.has(tag)) bad.push(`<${tag}>`);
		for (const a of m[2].matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
			const name = a[1].toLowerCase();
			if (!(ATTRIBUTES[tag] ?? []).includes(name)) bad.push(`${tag}[${name}]`);
			if (name === 'href' && !hrefAllowed(a[2] ?? '')) bad.push(`href=${a[2]}`);
		}
	}
	const opened = (html.match(/</g) ?? []).length;
	const tags = [...html.matchAll(/<\/?([^\s/>]+)([^>]*)>/g)].length;
	if (opened !== tags) bad.push('a < that starts no tag');
	return bad;
}
