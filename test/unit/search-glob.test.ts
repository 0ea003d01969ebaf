/**
 * The pages the search index stage gives Pagefind: every HTML file but the units' year pages, which are kept out of
 * the index (`search={false}`). That the index holds every page marked for it is checked on the demo site
 * (test/e2e/search.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_PAGES, searchGlob } from '../../scripts/lib/search-glob.ts';
import { writeFolder } from '../helpers/files.ts';

/** A built site holding these files. */
function site(...files: string[]): string {
	const dir = mkdtempSync(join(tmpdir(), 'xy-glob-'));
	writeFolder(dir, new Map(files.map((f) => [f, new TextEncoder().encode('<html></html>')])));
	return dir;
}

describe('searchGlob', () => {
	it('names every folder but the year folders inside the units’ folders', () => {
		const dir = site(
			'index.html',
			'404.html',
			'grades/2024-Q1/index.html',
			'_astro/x.js',
			'units/u1/index.html',
			'units/u1/2022/index.html',
			'units/u2/2023/index.html',
			'units/u2/print/index.html',
			'units/u2/20231/index.html',
		);
		expect(searchGlob(dir)).toBe(
			'{*.html,_astro/**/*.html,grades/**/*.html,units/*.html,units/*/*.html,units/*/20231/**/*.html,units/*/print/**/*.html}',
		);
	});

	it('reads every page when a folder’s name is not one it can write into the glob as it is', () => {
		expect(searchGlob(site('index.html', '数据/index.html', 'units/u1/2022/index.html'))).toBe(ALL_PAGES);
		expect(searchGlob(site('units/u1/{a,b}/index.html', 'units/u1/2022/index.html'))).toBe(ALL_PAGES);
		// No units folder: nothing to leave out.
		expect(searchGlob(site('index.html', 'grades/index.html'))).toBe(ALL_PAGES);
	});
});
