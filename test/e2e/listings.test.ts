/**
 * The listings split into pages (issue 8), on a generated dataset large enough to split a unit's commitments by
 * year: `npm run gen:scale` with 12 units (five of them towns and parks), 8 quarters (2024-Q4 to 2026-Q3), 520
 * commitments (104 for each of the five: more than the 100 one unit page lists, so every one gets year pages), 75
 * pledges and 30 exemplar candidates, built as of 2026-11-22. Every record is on exactly one listing page, reachable
 * by links from the index pages, and the pages are in the sitemap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { generateDataset } from '../../scripts/gen-scale.ts';
import { buildSite } from '../helpers/build-site.ts';
import { launch } from './browser.ts';
import { axeViolations } from './axe.ts';
import { serveStatic } from './server.ts';
import { brokenLinks, htmlPages } from './pages.ts';

let work: string;
let site: { dist: string; work: string };
let server: Server;
let base: string;
let browser: Browser;
beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'xy-listings-'));
	const data = join(work, 'data');
	generateDataset({ units: 12, quarters: 8, exemplars: 30, commitments: 520, rows: 3, out: data });
	const r = buildSite(data, '2026-11-22');
	expect(r.ok, r.output).toBe(true);
	site = r;
	({ server, url: base } = await serveStatic(r.dist));
	browser = await launch();
}, 180_000);
afterAll(async () => {
	await browser?.close();
	if (server) await new Promise((done) => server.close(done));
	for (const dir of [site?.work, work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const read = (...p: string[]) => readFileSync(join(site.dist, ...p), 'utf8');
const openData = <T>(file: string) => JSON.parse(read('data', file)) as T;
/** Which listing pages under `folder` hold each match of `pattern` (its first group), as paths below `folder`. */
function pagesOf(folder: string, pattern: RegExp): Map<string, string[]> {
	const root = join(site.dist, folder);
	const where = new Map<string, string[]>();
	for (const page of htmlPages(root))
		for (const m of readFileSync(join(root, page, 'index.html'), 'utf8').matchAll(pattern))
			where.set(m[1], [...(where.get(m[1]) ?? []), page]);
	return where;
}

describe('commitments of a unit with more than one page holds', () => {
	it('puts every commitment on exactly one page: its unit’s page for the year it was made', () => {
		const all = openData<{ id: string; unitId: string; madeOn: string }[]>('commitments.json');
		expect(all).toHaveLength(520);
		const units = [...new Set(all.map((c) => c.unitId))];
		expect(units).toHaveLength(5);
		for (const u of units) expect(all.filter((c) => c.unitId === u)).toHaveLength(104);
		const where = pagesOf('commitments', /<article id="([^"]+)" class="cm-card/g);
		expect(where.size).toBe(all.length);
		for (const c of all) expect(where.get(c.id), c.id).toEqual([`/${c.unitId}/${c.madeOn.slice(0, 4)}/`]);
	});
	it('gives the unit page the year pages, the overdue commitments and the counts by category instead', () => {
		const all = openData<
			{ id: string; unitId: string; madeOn: string; overdue: boolean; category: string }[]
		>('commitments.json').filter((c) => c.unitId === 'u0001');
		const html = read('commitments', 'u0001', 'index.html');
		const years = [...new Set(all.map((c) => c.madeOn.slice(0, 4)))].sort().reverse();
		expect(years.length).toBeGreaterThan(1);
		for (const y of years) expect(html).toContain(`href="/commitments/u0001/${y}/"`);
		for (const c of all.filter((c) => c.overdue))
			expect(html).toContain(`href="/commitments/u0001/${c.madeOn.slice(0, 4)}/#${c.id}"`);
		// The coverage matrix of /commitments/ links to #cat-<类别> of the unit page: a row of the category table.
		for (const cat of new Set(all.map((c) => c.category))) expect(html).toContain(`<tr id="cat-${cat}"`);
		expect(html).not.toContain('class="cm-card');
	});
	it('links the home page’s and the overview’s commitments to their year pages, and every link resolves', () => {
		expect(read('index.html')).toMatch(/href="\/commitments\/u\d{4}\/\d{4}\/#CN-/);
		expect(read('commitments', 'index.html')).toMatch(/href="\/commitments\/u\d{4}\/\d{4}\/#CN-/);
		const { broken, checked } = brokenLinks(site.dist);
		expect(broken).toEqual([]);
		expect(checked).toBeGreaterThan(1000);
	});
});

describe('pledges and exemplars', () => {
	it('puts every pledge on exactly one page: the page of the unit that collected it', () => {
		const pledges = openData<{ id: string; unitId: string }[]>('pledges.json');
		expect(pledges).toHaveLength(75);
		const where = pagesOf(join('commitments', 'pledges'), /<tr id="([^"]+)"/g);
		expect(where.size).toBe(pledges.length);
		for (const p of pledges) expect(where.get(p.id), p.id).toEqual([`/${p.unitId}/`]);
		for (const u of new Set(pledges.map((p) => p.unitId)))
			expect(read('commitments', 'pledges', 'index.html')).toContain(`href="/commitments/pledges/${u}/"`);
	});
	it('links every public candidate from exactly one year page, and every year from the index', () => {
		const rows = openData<{ id: string; year: number }[]>('exemplars.json');
		expect(rows.length).toBeGreaterThan(10);
		const where = pagesOf('exemplars', /<h3[^>]*><a href="\/exemplars\/\d{4}\/([^/"]+)\/"/g);
		// The index shows the candidates of the open 公示 too; only the year pages count here.
		const onYearPages = new Map(
			[...where].map(([id, pages]) => [id, pages.filter((p) => /^\/\d{4}\/$/.test(p))]),
		);
		for (const r of rows) expect(onYearPages.get(r.id), r.id).toEqual([`/${r.year}/`]);
		for (const y of new Set(rows.map((r) => r.year)))
			expect(read('exemplars', 'index.html')).toContain(`href="/exemplars/${y}/"`);
	});
});

describe('the split pages', () => {
	it('are in the sitemap', () => {
		const sitemap = read('sitemap-0.xml');
		for (const path of ['/commitments/u0001/', '/commitments/u0001/2025/', '/commitments/pledges/u0001/'])
			expect(sitemap, path).toMatch(new RegExp(`<loc>[^<]+${path}</loc>`));
		const year = openData<{ year: number }[]>('exemplars.json')[0].year;
		expect(sitemap).toMatch(new RegExp(`<loc>[^<]+/exemplars/${year}/</loc>`));
	});
	it('stay far below 60 KB gzipped', () => {
		for (const folder of ['commitments', 'exemplars'])
			for (const page of htmlPages(join(site.dist, folder)).filter((p) => !/^\/\d{4}\/[^/]+\/$/.test(p))) {
				const size = gzipSync(read(folder, page, 'index.html')).length;
				expect(size, `/${folder}${page}`).toBeLessThan(30 * 1024);
			}
	});
	for (const mode of ['normal', 'large'] as const)
		it(`pass axe-core (WCAG 2.1 AA) in ${mode} mode`, async () => {
			const context = await browser.newContext();
			if (mode === 'large') await context.addInitScript(() => localStorage.setItem('display-mode', 'large'));
			const page = await context.newPage();
			const found: string[] = [];
			for (const path of ['/commitments/u0001/', '/commitments/u0001/2025/']) {
				await page.goto(base + path);
				found.push(...(await axeViolations(page)).map((v) => `${path} ${v}`));
			}
			expect(found).toEqual([]);
			await context.close();
		});
});
