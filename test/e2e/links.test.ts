import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { htmlPages } from './pages.ts';

/** The file a site path is served from, or undefined if none. */
function fileOf(dist: string, path: string): string | undefined {
	const f = join(dist, decodeURIComponent(path));
	if (path.endsWith('/')) return existsSync(join(f, 'index.html')) ? join(f, 'index.html') : undefined;
	if (existsSync(f) && statSync(f).isFile()) return f;
	return undefined;
}

const ids = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
	if (!ids.has(file))
		ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
	return ids.get(file)!;
}

describe('links', () => {
	it('every internal link, asset and #fragment in the built site resolves', () => {
		const dist = inject('distDir');
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
		expect(broken).toEqual([]);
		expect(checked).toBeGreaterThan(1000);
	});
});
