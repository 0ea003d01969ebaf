/**
 * The built pages of a site, one representative page per template (for checks that visit every template), and the
 * site's broken internal links.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every HTML file of a built site, as URL paths (`/grades/2023-Q4/`). */
export function htmlPages(dist: string): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const f = join(d, name);
			if (statSync(f).isDirectory()) {
				if (name !== '_astro' && name !== 'pagefind') walk(f);
			} else if (name.endsWith('.html'))
				out.push(
					'/' +
						relative(dist, f)
							.replace(/\\/g, '/')
							.replace(/index\.html$/, ''),
				);
		}
	};
	walk(dist);
	return out;
}

/** A page's template: its path with every segment after the first generalised (`/grades/*\/`). */
export function templateOf(page: string): string {
	const parts = page.split('/').filter(Boolean);
	if (parts.length <= 1) return page;
	return `/${parts[0]}/${parts
		.slice(1)
		.map(() => '*')
		.join('/')}/`;
}

/** The first page (in path order) of every template. */
export function onePerTemplate(dist: string): string[] {
	const seen = new Map<string, string>();
	for (const p of htmlPages(dist)) if (!seen.has(templateOf(p))) seen.set(templateOf(p), p);
	return [...seen.values()];
}

/** The file a site path is served from, or undefined if none. */
export function fileOf(dist: string, path: string): string | undefined {
	const f = join(dist, decodeURIComponent(path));
	if (path.endsWith('/')) return existsSync(join(f, 'index.html')) ? join(f, 'index.html') : undefined;
	if (existsSync(f) && statSync(f).isFile()) return f;
	return undefined;
}

/**
 * Every internal link, asset and `#fragment` of a built site that does not resolve (`page → link`), and how many
 * were checked.
 */
export function brokenLinks(dist: string): { broken: string[]; checked: number } {
	const ids = new Map<string, Set<string>>();
	const idsOf = (file: string) => {
		if (!ids.has(file))
			ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
		return ids.get(file)!;
	};
	const broken: string[] = [];
	let checked = 0;
	for (const page of htmlPages(dist)) {
		const html = readFileSync(fileOf(dist, page)!, 'utf8');
		for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
			const raw = m[1].replace(/&amp;/g, '&');
			if (/^(mailto:|tel:|data:)/.test(raw)) continue;
			const url = new URL(raw, `https://site.invalid${page}`);
			if (url.origin !== 'https://site.invalid') continue;
			checked++;
			const target = fileOf(dist, url.pathname);
			if (!target) broken.push(`${page} → ${raw}`);
			else if (
				url.hash &&
				target.endsWith('.html') &&
				!idsOf(target).has(decodeURIComponent(url.hash.slice(1)))
			)
				broken.push(`${page} → ${raw}（页面中没有这个锚点）`);
		}
	}
	return { broken, checked };
}

/**
 * A quarter as the pages name it, written out here rather than taken from the site's own `quarterLabel`:
 * `2026-Q3` → `2026年第三季度`.
 */
export const quarterName = (q: string) => `${q.slice(0, 4)}年第${'一二三四'[Number(q.slice(-1)) - 1]}季度`;

/** The text of an HTML fragment with its tags and all white space taken out, to compare with what a reader sees. */
export const flatText = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, '');

/** The inner HTML of each header and data cell of a table row (or of every row in a fragment), in order. */
export const cellsOf = (html: string) =>
	[...html.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]);

/** The HTML of the table row `<tr id="…">` of a page, up to its end; undefined when the page has none. */
export function rowOf(page: string, id: string): string | undefined {
	const start = page.indexOf(`<tr id="${id}"`);
	return start === -1 ? undefined : page.slice(start, page.indexOf('</tr>', start));
}
