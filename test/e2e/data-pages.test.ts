import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, visit } from './browser.ts';
import { axeViolations } from './axe.ts';
import type { PackageDesc } from '../helpers/table-schema.ts';
import { INPUT_TABLES } from '../../src/lib/validate/tables.ts';
import { ISSUE_CODES } from '../../src/lib/validate/codes.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const dist = () => inject('distDir');
/** The demo data's site identity (global-setup builds data/). */
const site = () =>
	JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'data', 'site.json'), 'utf8'));
const readJson = (p: string) => JSON.parse(readFileSync(join(dist(), 'data', p), 'utf8'));

/** A page, under the site's CSP (in a page reused from test to test: `visit`). */
async function open(path: string): Promise<Page> {
	return (await visit(browser, inject('baseUrl') + path)).page;
}

describe('数据下载 /data/', () => {
	it('names each unit in units.json by its name on the as-of date, or its last name when it no longer exists', () => {
		const units = readJson('units.json') as {
			id: string;
			name: string;
			names: { name: string; from: string | null; to: string | null }[];
		}[];
		const asOf = inject('asOf');
		for (const u of units) {
			const current = u.names.find((n) => (!n.from || n.from <= asOf) && (!n.to || asOf <= n.to));
			// A unit that no longer exists (merged, dissolved) keeps the last name it had.
			const last = u.names.toSorted((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1)).at(-1)!;
			expect(u.name, u.id).toBe((current ?? last).name);
		}
		// Renamed in 2023 and 2025; merged into 淮安工业园区 on 2023-07-01 (data/unit-names.csv, units.csv).
		const name = (id: string) => units.find((u) => u.id === id)?.name;
		expect([name('nzz'), name('cgj'), name('nyyq')]).toEqual([
			'南闸街道',
			'区城市管理和综合行政执法局',
			'淮安区现代农业产业园',
		]);
	});

	it('names the unit of each evidence row as it was called on the row’s date, not by its name today', () => {
		// cgj was 区城市管理局 until 2025-03-31 and 区城市管理和综合行政执法局 from 2025-04-01 (data/unit-names.csv).
		const names = (q: string) =>
			new Set(
				(readJson(`evidence/${q}.json`) as { unitId: string; unitName: string }[])
					.filter((r) => r.unitId === 'cgj')
					.map((r) => r.unitName),
			);
		expect([...names('2024-Q4')]).toEqual(['区城市管理局']);
		expect([...names('2025-Q2')]).toEqual(['区城市管理和综合行政执法局']);
	});

	it('lists every JSON file of the data package with its CSV twin, rows and latest record date', async () => {
		const pkg = readJson('datapackage.json') as PackageDesc;
		const page = await open('/data/');
		const links = await page
			.locator('main a[href^="/data/"]')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		for (const r of pkg.resources) expect(links, r.path).toContain(`/data/${r.path}`);
		expect(links).toContain('/data/datapackage.json');
		expect(links).toContain('/data/dictionary/');

		// Rows and latest date, computed here from the files themselves.
		const row = (file: string) => page.locator('tr', { has: page.locator(`a[href="/data/${file}"]`) });
		const units = readJson('units.json') as { from: string | null; to: string | null }[];
		const latest = units
			.flatMap((u) => [u.from, u.to])
			.filter((d): d is string => !!d)
			.sort()
			.at(-1)!;
		expect(await row('units.json').locator('td').allTextContents()).toEqual([
			String(units.length),
			latest,
			expect.stringMatching(/^JSON（[\d.]+ KB）、CSV（[\d.]+ KB）、中文 CSV$/),
		]);
		// The Chinese twin is linked beside its CSV file.
		expect(await row('units.json').locator('a[href="/data/units-中文.csv"]').textContent()).toBe('中文 CSV');
		const grades = readJson('grades/2023-Q4.json') as { units: unknown[] };
		expect(await row('grades/2023-Q4.json').locator('th').textContent()).toBe('2023-Q4');
		expect(await row('grades/2023-Q4.json').locator('td').first().textContent()).toBe(
			String(grades.units.length),
		);
		const evidence = readJson('evidence/2023-Q4.json') as { date: string }[];
		expect(await row('evidence/2023-Q4.json').locator('td').nth(1).textContent()).toBe(
			evidence
				.map((e) => e.date)
				// A 无 row may have no date.
				.filter(Boolean)
				.sort()
				.at(-1),
		);
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('数据字典 /data/dictionary/', () => {
	it('documents every input table, column and error code, with working links', async () => {
		const page = await open('/data/dictionary/');
		for (const t of INPUT_TABLES) {
			const section = page.locator(`section:has(h2#${t.name})`);
			expect(await section.locator('tbody th').allTextContents(), t.name).toEqual(
				t.columns.map((c) => c.header),
			);
			expect(await section.locator('pre').textContent()).toContain(t.columns.map((c) => c.header).join(','));
		}
		expect(await page.locator('#codes + p + .table-scroll table tbody tr').count()).toBe(
			Object.keys(ISSUE_CODES).length,
		);
		const targets = await page
			.locator('main a[href^="#"]')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
		for (const id of new Set(targets)) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('metadata of the data pages', () => {
	it.each(['/data/', '/data/dictionary/'])(
		'%s has a title, a description, a canonical URL and is in the sitemap',
		async (path) => {
			const { name, url } = site();
			const page = await open(path);
			expect(await page.title()).toMatch(new RegExp(`^.+ - ${name}$`));
			expect(await page.getAttribute('meta[name="description"]', 'content')).toMatch(/.{20,}/);
			expect(await page.getAttribute('link[rel="canonical"]', 'href')).toBe(url + path);
			expect(readFileSync(join(dist(), 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${url}${path}</loc>`);
		},
	);
});
