/**
 * The pages the search index reads (`PAGEFIND_GLOB` in scripts/stages.ts): the build leaves the units' year pages out
 * of what Pagefind reads, since they are kept out of the index anyway and are most of the site's HTML. Leaving them
 * unread must change nothing: the index of the demo site is the one Pagefind builds from every page.
 */
import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { PAGEFIND_GLOB } from '../../scripts/stages.ts';

const PAGEFIND = resolve('node_modules/.bin/pagefind');

/** Every file under a folder, by path relative to it. */
function files(dir: string): Map<string, Buffer> {
	const out = new Map<string, Buffer>();
	for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
		if (e.isFile())
			out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
	return out;
}

/** Runs pagefind on the site into `out`; returns how many HTML files it says it found. */
function pagefind(site: string, out: string, glob?: string): number {
	const r = spawnSync(
		PAGEFIND,
		['--site', site, '--output-path', out, '--verbose', ...(glob ? ['--glob', glob] : [])],
		{ encoding: 'utf8', timeout: 120_000 },
	);
	expect(r.status, r.stdout + r.stderr).toBe(0);
	return Number(r.stdout.match(/Found (\d+) files? matching/)?.[1]);
}

describe('the pages the search index reads', () => {
	const dist = inject('distDir');
	const html = (readdirSync(dist, { recursive: true }) as string[]).filter((p) => p.endsWith('.html'));
	const yearPages = html.filter((p) => /^units\/[^/]+\/\d{4}\/index\.html$/.test(p));

	it('leave out exactly the units’ year pages, none of which is searchable', () => {
		expect(yearPages.length).toBeGreaterThan(0);
		for (const p of yearPages)
			expect(readFileSync(join(dist, p), 'utf8'), p).not.toContain('data-pagefind-body');
		const work = mkdtempSync(join(tmpdir(), 'xy-scope-'));
		try {
			expect(pagefind(dist, join(work, 'index'), PAGEFIND_GLOB)).toBe(html.length - yearPages.length);
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
	});

	it('give the build the index Pagefind makes from every page of the site, byte for byte', () => {
		const work = mkdtempSync(join(tmpdir(), 'xy-scope-'));
		try {
			expect(pagefind(dist, join(work, 'index'))).toBe(html.length);
			const built = files(join(dist, 'pagefind'));
			const whole = files(join(work, 'index'));
			expect([...built.keys()].sort()).toEqual([...whole.keys()].sort());
			for (const [path, bytes] of whole) expect(built.get(path)?.equals(bytes), path).toBe(true);
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
	});
});
