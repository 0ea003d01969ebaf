import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, reusedPage, visit } from './browser.ts';
import { quarterName } from './pages.ts';
import { axeViolations } from './axe.ts';
import { t } from '../../src/i18n/zh-CN.ts';
import { GRADE_CODES, UNIT_CATEGORY_CODES } from '../../src/schemas/enums.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const dist = () => inject('distDir');
const base = () => inject('baseUrl');
interface GradeFile {
	quarter: string;
	units: {
		id: string;
		name: string;
		category: string;
		grade: string;
		score: number;
		rank: number;
		change: number | null;
	}[];
}
const quarters = () =>
	readdirSync(join(dist(), 'data', 'grades'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => f.slice(0, -5))
		.sort();
const gradeFile = (q: string) =>
	JSON.parse(readFileSync(join(dist(), 'data', 'grades', `${q}.json`), 'utf8')) as GradeFile;

/** Visits a page of the site (in a page reused from test to test: `visit`). */
async function open(path: string, options: { javaScript?: boolean } = {}): Promise<Page> {
	return (await visit(browser, base() + path, options)).page;
}

describe('quarter grade page', () => {
	it('filters to 黄名单 A类 and shows exactly the rows of the open data', async () => {
		// Pick the quarter with the most yellow A-class units, so the filter has something to show.
		const q = quarters()
			.map((q) => gradeFile(q))
			.sort(
				(a, b) =>
					b.units.filter((u) => u.category === 'A' && u.grade === 'yellow').length -
					a.units.filter((u) => u.category === 'A' && u.grade === 'yellow').length,
			)[0];
		const expected = q.units
			.filter((u) => u.category === 'A' && u.grade === 'yellow')
			.map((u) => u.name)
			.sort();
		expect(expected.length).toBeGreaterThan(0);
		const page = await open(`/grades/${q.quarter}/`);
		await page.getByRole('combobox', { name: '类别' }).selectOption('A');
		await page.getByRole('combobox', { name: '等次' }).selectOption('yellow');
		const visible = page.locator('#grades-table tbody tr:not([hidden]) th');
		expect((await visible.allTextContents()).map((s) => s.trim()).sort()).toEqual(expected);
		expect(await page.locator('form.table-filter output').textContent()).toBe(
			`显示 ${expected.length} / ${q.units.length} 行`,
		);
	});
	it('sorts by score when the column header is pressed', async () => {
		const q = gradeFile(quarters().at(-1)!);
		const page = await open(`/grades/${q.quarter}/`);
		const button = page.getByRole('button', { name: '得分' });
		const header = page.locator('#grades-table thead th').nth(2);
		const scores = async () =>
			(await page.locator('#grades-table tbody tr td:nth-child(3)').allTextContents()).map(Number);
		// The first press sorts lowest first and says so to a screen reader; the second, highest first.
		await button.click();
		expect(await header.getAttribute('aria-sort')).toBe('ascending');
		expect(await scores()).toEqual([...q.units.map((u) => u.score)].sort((a, b) => a - b));
		await button.click();
		expect(await header.getAttribute('aria-sort')).toBe('descending');
		expect(await scores()).toEqual([...q.units.map((u) => u.score)].sort((a, b) => b - a));
		// A number column sorts as numbers: rank 10 after rank 9, not after rank 1 (the A类 have thirty).
		await page.getByRole('button', { name: '类内排名' }).click();
		expect(await header.getAttribute('aria-sort')).toBeNull();
		const ranks = (await page.locator('#grades-table tbody tr td:nth-child(5)').allTextContents()).map(
			Number,
		);
		expect(Math.max(...ranks)).toBeGreaterThanOrEqual(10);
		expect(ranks).toEqual([...q.units.map((u) => u.rank)].sort((a, b) => a - b));
		// A 较上季度 of "—" (a unit with no quarter before: 2023-Q4 has one, beside four of 0.0) comes last both ways.
		const newer = gradeFile('2023-Q4');
		await open('/grades/2023-Q4/');
		const changes = () =>
			page
				.locator('#grades-table tbody tr td:nth-child(6)')
				.evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.value!));
		const change = page.getByRole('button', { name: '较上季度' });
		const known = newer.units.filter((u) => u.change !== null).map((u) => u.change!);
		expect(known).toContain(0);
		expect(known).toHaveLength(newer.units.length - 1);
		await change.click();
		expect(await changes()).toEqual([...known.sort((a, b) => a - b).map(String), '']);
		await change.click();
		expect(await changes()).toEqual([...known.sort((a, b) => b - a).map(String), '']);
	});
	it('shows each unit’s 较上季度 as its two published scores give it, a rise with + and a fall with -, on the page and in the printable report', async () => {
		// Recomputed from the open data as a journalist would: this quarter's score minus the previous quarter's, both as
		// published, in tenths (the page's own change field is not used).
		const [before, latest] = quarters().slice(-2).map(gradeFile);
		const previous = new Map(before.units.map((u) => [u.id, Math.round(u.score * 10)]));
		const signed = (tenths: number) =>
			`${tenths > 0 ? '+' : tenths < 0 ? '-' : ''}${(Math.abs(tenths) / 10).toFixed(1)}`;
		const expected = latest.units.map((u) => {
			expect(previous.has(u.id), u.id).toBe(true);
			return [u.id, signed(Math.round(u.score * 10) - previous.get(u.id)!)];
		});
		const shown = expected.map(([, text]) => text);
		expect(shown.filter((c) => c.startsWith('+')).length).toBeGreaterThan(0);
		expect(shown.filter((c) => c.startsWith('-')).length).toBeGreaterThan(0);
		const page = await open(`/grades/${latest.quarter}/`, { javaScript: false });
		const cells = await page
			.locator('#grades-table tbody tr')
			.evaluateAll((rows) =>
				rows.map((tr) => [
					tr.querySelector('th a')!.getAttribute('href')!.split('/')[2],
					tr.querySelectorAll('td')[4].textContent!.trim(),
				]),
			);
		expect(cells).toEqual(expected);
		// The report lists the units by category, each row: rank, name, score, grade, 较上季度.
		const printable = await open(`/grades/${latest.quarter}/report/`, { javaScript: false });
		const report = await printable
			.locator('table')
			.evaluateAll((tables) =>
				(tables as HTMLTableElement[])
					.filter((t) => t.tHead?.textContent!.includes('较上季度'))
					.flatMap((t) =>
						[...t.tBodies[0].rows].map((tr) => [...tr.cells].map((c) => c.textContent!.trim())),
					),
			);
		const byName = new Map(latest.units.map((u, i) => [u.name, expected[i][1]]));
		expect(report).toHaveLength(latest.units.length);
		for (const [, name, , , change] of report) expect(change, name).toBe(byName.get(name));
	});
	it('counts each category’s units by grade in the printable report, as the open data files them', () => {
		const q = gradeFile(quarters().at(-1)!);
		const html = readFileSync(join(dist(), 'grades', q.quarter, 'report', 'index.html'), 'utf8');
		const table = /<caption>各类单位等次分布（单位：个）<\/caption>[\s\S]*?<\/table>/.exec(html)![0];
		const cells = (row: string) =>
			[...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1].replace(/\s+/g, ''));
		const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]));
		const of = (c: string) => q.units.filter((u) => u.category === c);
		expect(rows).toEqual([
			['类别', ...GRADE_CODES.map((g) => t.grade[g]), '合计'],
			...UNIT_CATEGORY_CODES.filter((c) => of(c).length).map((c) => [
				t.category[c],
				...GRADE_CODES.map((g) => String(of(c).filter((u) => u.grade === g).length)),
				String(of(c).length),
			]),
		]);
	});
	it('is a complete, readable table without JavaScript', async () => {
		const q = gradeFile(quarters().at(-1)!);
		const page = await open(`/grades/${q.quarter}/`, { javaScript: false });
		expect(await page.locator('#grades-table tbody tr').count()).toBe(q.units.length);
		expect(await page.locator('#grades-table tbody tr:not([hidden])').count()).toBe(q.units.length);
		expect(await page.locator('form.table-filter').isHidden()).toBe(true);
		const first = q.units[0];
		expect(await page.locator('#grades-table tbody tr').first().textContent()).toContain(first.name);
	});
	it("shows the release record's 备注 (documented as public) on the quarter page and its printable report", () => {
		// The demo's one release with a 备注, read from the file as the office typed it.
		const releases = readFileSync(
			join(import.meta.dirname, '..', '..', 'data', 'releases', 'releases.csv'),
			'utf8',
		);
		const noted = releases
			.split(/\r?\n/)
			.map((l) => l.split(','))
			.filter((cells) => /^\d{4}-Q[1-4]$/.test(cells[0]) && cells[4]);
		expect(noted.map((c) => c[0])).toEqual(['2023-Q3']);
		const note = noted[0][4];
		for (const file of ['index.html', 'report/index.html']) {
			const html = readFileSync(join(dist(), 'grades', '2023-Q3', file), 'utf8');
			expect(html).toContain(`发布说明：${note}`);
			expect(readFileSync(join(dist(), 'grades', '2023-Q2', file), 'utf8')).not.toContain('发布说明');
		}
	});
});

describe('unit profile', () => {
	it('loads the chart code only when the chart comes near, with the table there from the start', async () => {
		const unit = gradeFile(quarters().at(-1)!).units[0].id;
		const context = await browser.newContext({ viewport: { width: 375, height: 500 } });
		const page = await context.newPage();
		const chartCode: string[] = [];
		// Chart.js is in the chart worker's file (or, where a canvas cannot go to a worker, in chart-draw's).
		page.on('request', (r) => /\/chart-(worker|draw)[-.]/.test(r.url()) && chartCode.push(r.url()));
		await page.goto(`${base()}/units/${unit}/`, { waitUntil: 'networkidle' });
		const figure = page.locator('figure.chart');
		// The chart lies more than a screen and a quarter below the top on a phone: nothing of Chart.js is fetched.
		expect(await figure.evaluate((f) => f.getBoundingClientRect().top)).toBeGreaterThan(500 * 1.25);
		expect(chartCode).toEqual([]);
		expect(await figure.locator('tbody tr').count()).toBeGreaterThan(0);
		await figure.scrollIntoViewIfNeeded();
		await expect.poll(() => figure.locator('canvas').isVisible(), { timeout: 20_000 }).toBe(true);
		expect(chartCode).toHaveLength(1);
		await context.close();
	});

	it('draws the score chart with non-blank pixels, and its table matches the open data', async () => {
		const latest = gradeFile(quarters().at(-1)!);
		const unit = latest.units[0];
		const page = await open(`/units/${unit.id}/`);
		const canvas = page.locator('figure.chart canvas');
		// Chart code loads only when a chart comes near the viewport.
		await page.locator('figure.chart').scrollIntoViewIfNeeded();
		await expect.poll(() => canvas.isVisible(), { timeout: 20_000 }).toBe(true);
		const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
			// The chart worker draws on the canvas through an OffscreenCanvas: what it shows is read by copying it.
			const copy = document.createElement('canvas');
			[copy.width, copy.height] = [c.width, c.height];
			const ctx = copy.getContext('2d')!;
			ctx.drawImage(c, 0, 0);
			const { data } = ctx.getImageData(0, 0, c.width, c.height);
			let n = 0;
			for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
			return n;
		});
		expect(inked).toBeGreaterThan(500);
		const rows = await page
			.locator('figure.chart tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [
					tr.querySelector('th')!.textContent!.trim(),
					tr.querySelector('td')!.textContent!.trim(),
				]),
			);
		const expected = quarters().flatMap((q) => {
			const u = gradeFile(q).units.find((x) => x.id === unit.id);
			// The quarter as every table writes it: 2022-Q1 is 2022年第一季度.
			return u ? [[quarterName(q), u.score.toFixed(1)]] : [];
		});
		expect(rows).toEqual(expected);
	});
});

describe('长辈模式 (large text)', () => {
	it('persists across a reload and enlarges the text', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(base() + '/');
		const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
		const normal = await size();
		await page.getByRole('button', { name: '长辈模式' }).click();
		expect(await page.getAttribute('html', 'data-mode')).toBe('large');
		await page.reload();
		expect(await page.getAttribute('html', 'data-mode')).toBe('large');
		expect(await size()).toBeGreaterThanOrEqual(normal * 1.25);
		expect(await page.getByRole('button', { name: '标准模式' }).getAttribute('aria-pressed')).toBe('true');
		await page.getByRole('button', { name: '标准模式' }).click();
		await page.reload();
		expect(await page.getAttribute('html', 'data-mode')).toBeNull();
		await context.close();
	});
	it('offers the switch only where it works: not without JavaScript', async () => {
		const page = await open('/', { javaScript: false });
		expect(await page.locator('#mode-toggle').isHidden()).toBe(true);
		const scripted = await open('/');
		expect(await scripted.getByRole('button', { name: '长辈模式' }).isVisible()).toBe(true);
	});
	it('hides the read-aloud button where the browser has no Chinese voice', async () => {
		const page = await open('/');
		const voices = await page.evaluate(
			() => speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith('zh')).length,
		);
		expect(await page.locator('#read-aloud').isHidden()).toBe(voices === 0);
	});
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
	// The latest quarter and one of its units: the tour of templates.test.ts visits the first quarter and unit in path
	// order, and the home and methodology pages, in both modes.
	const pages = () => [
		`/grades/${quarters().at(-1)}/`,
		`/units/${gradeFile(quarters().at(-1)!).units[0].id}/`,
	];
	for (const mode of ['normal', 'large'] as const)
		it(`reports no violation on the latest quarter and a unit of it in ${mode} mode`, async () => {
			const page = await reusedPage(browser, { mode });
			const found: string[] = [];
			for (const path of pages()) {
				await page.goto(base() + path);
				found.push(...(await axeViolations(page)).map((v) => `${path} ${v}`));
			}
			expect(found).toEqual([]);
		});
});

describe('the outline a screen reader moves through', () => {
	/** Every built page of the site, as a path under dist. */
	const pages = (dir = dist()): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
			e.isDirectory() ? pages(join(dir, e.name)) : e.name === 'index.html' ? [join(dir, e.name)] : [],
		);

	it('never skips a heading level on any page (a unit year page went from its h1 to h3)', () => {
		const skips = pages().flatMap((file) => {
			const levels = [...readFileSync(file, 'utf8').matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
			return levels.flatMap((l, i) =>
				i > 0 && l > levels[i - 1] + 1 ? [`${file}: h${levels[i - 1]} → h${l}`] : [],
			);
		});
		expect(skips).toEqual([]);
	});

	it('names each search landmark of a page apart, and keeps the demo note in a landmark of its own', () => {
		for (const file of pages()) {
			const html = readFileSync(file, 'utf8');
			const names = [...html.matchAll(/<form[^>]*role="search"[^>]*>/g)].map(
				(m) => /aria-label="([^"]+)"/.exec(m[0])?.[1],
			);
			expect(
				names.every((n) => n !== undefined) && new Set(names).size === names.length,
				`${file}: ${names}`,
			).toBe(true);
			expect(html, file).not.toMatch(/<p class="demo-banner"/);
		}
	});
});
