/**
 * The built pages of a site, and one representative page per template (for checks that visit every template).
 */
import { readdirSync, statSync } from 'node:fs';
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
