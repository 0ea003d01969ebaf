import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { axeViolations } from './axe.ts';
import { isValidUscc } from '../../src/lib/uscc.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const dist = () => inject('distDir');
const base = () => inject('baseUrl');
const openData = <T>(file: string) => JSON.parse(readFileSync(join(dist(), 'data', file), 'utf8')) as T;
interface Commitment {
	id: string;
	unitId: string;
	category: string;
	status: string;
	overdue: boolean;
	dueBy: string;
}
interface Pledge {
	id: string;
	enterprise: string;
	uscc: string;
	unitId: string;
}

async function open(path: string, options: { javaScript?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext({
		javaScriptEnabled: options.javaScript ?? true,
		bypassCSP: true,
	});
	const page = await context.newPage();
	await page.goto(base() + path);
	return page;
}

/** The matrix row of a unit as { column header → cell text }. */
async function matrixRow(page: Page, unitId: string): Promise<Record<string, string>> {
	const headers = (await page.locator('table.cm-matrix thead th').allTextContents()).map((s) =>
		s.replace('（不计分）', '').trim(),
	);
	const cells = await page
		.locator(`table.cm-matrix tbody tr[data-unit="${unitId}"] > *`)
		.evaluateAll((els) => els.map((e) => (e.firstChild?.textContent ?? '').trim()));
	return Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
}

describe('coverage matrix (/commitments/)', () => {
	it('shows 淮城街道’s one missing category, 物业, as a gap marked “缺”, and its covered ones as counts', async () => {
		// Hand-checked in data/commitments/commitments.csv: hcjd has 20 commitments in every 2023 category but 物业
		// (政务 1, 财务 1, 就业 2 …). The open data agrees: no hcjd commitment is in 物业.
		const all = openData<Commitment[]>('commitments.json');
		const hcjd = all.filter((c) => c.unitId === 'hcjd');
		expect(hcjd).toHaveLength(20);
		expect(hcjd.some((c) => c.category === '物业')).toBe(false);
		const page = await open('/commitments/');
		const row = await matrixRow(page, 'hcjd');
		expect(row['物业']).toBe('缺');
		expect(row['政务']).toBe('1');
		expect(row['就业']).toBe('2');
		expect(row['合计']).toBe('20');
		expect(row['缺项']).toBe('1');
		const gap = page.locator('table.cm-matrix tbody tr[data-unit="hcjd"] td.cm-gap');
		expect(await gap.count()).toBe(1);
		await page.context().close();
	});
	it('shows a town that has published nothing (范集镇) as a row of 17 gaps, one per 2023 category', async () => {
		const rubric = openData<{ commitmentCategories: string[] }>('rubrics/2023.json');
		expect(rubric.commitmentCategories).toHaveLength(17);
		const page = await open('/commitments/');
		const row = await matrixRow(page, 'fjz');
		for (const c of rubric.commitmentCategories) expect(row[c]).toBe('缺');
		expect(row['缺项']).toBe('17');
		await page.context().close();
	});
	it('shows every category once per column, in the rubric’s order', async () => {
		const rubric = openData<{ commitmentCategories: string[] }>('rubrics/2023.json');
		const page = await open('/commitments/');
		const headers = (await page.locator('table.cm-matrix thead th.cm-cat').allTextContents()).map((s) =>
			s.trim(),
		);
		expect(headers).toEqual(rubric.commitmentCategories);
		await page.context().close();
	});
});

describe('commitment list filters', () => {
	it('filters to 逾期 and shows exactly the overdue commitments of the open data (17)', async () => {
		const overdue = openData<Commitment[]>('commitments.json').filter((c) => c.overdue);
		// 17 by hand: commitments still 履行中 on 2026-11-22 whose due date is before it.
		expect(overdue).toHaveLength(17);
		for (const c of overdue) {
			expect(c.status).toBe('in-progress');
			expect(c.dueBy < inject('asOf')).toBe(true);
		}
		const page = await open('/commitments/');
		await page.getByRole('combobox', { name: /^状态/ }).selectOption('overdue');
		const visible = page.locator('#commitment-table tbody tr:not([hidden])');
		expect(await visible.count()).toBe(overdue.length);
		const states = await visible.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.state));
		expect(new Set(states)).toEqual(new Set(['overdue']));
		const ids = await visible
			.locator('th a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('#')[1]));
		expect(ids.sort()).toEqual(overdue.map((c) => c.id).sort());
		for (const text of await visible.locator('td:last-child').allTextContents())
			expect(text).toContain('逾期');
		expect(await page.locator('form.table-filter output').textContent()).toBe(`显示 17 / 248 行`);
		await page.context().close();
	});
	it('combines unit and category filters, and a link can preselect 逾期', async () => {
		// 博里镇 (blz) has one overdue 政务 commitment (CN-blz-001, due 2025-12-31) and one overdue 卫生健康 one.
		const page = await open('/commitments/?state=overdue');
		expect(await page.getByRole('combobox', { name: /^状态/ }).inputValue()).toBe('overdue');
		await page.getByRole('combobox', { name: /^单位/ }).selectOption('blz');
		const visible = page.locator('#commitment-table tbody tr:not([hidden])');
		expect(await visible.count()).toBe(2);
		await page.getByRole('combobox', { name: /^类别/ }).selectOption('政务');
		expect(await visible.count()).toBe(1);
		expect(await visible.locator('th a').getAttribute('href')).toBe('/commitments/blz/#CN-blz-001');
		await page.context().close();
	});
	it('is a complete table without JavaScript', async () => {
		const page = await open('/commitments/', { javaScript: false });
		expect(await page.locator('#commitment-table tbody tr:not([hidden])').count()).toBe(248);
		expect(await page.locator('form.table-filter').isHidden()).toBe(true);
		await page.context().close();
	});
});

describe('a unit’s commitments (/commitments/<unit>/)', () => {
	it('lists overdue commitments first and shows how each moved', async () => {
		const page = await open('/commitments/blz/');
		const first = page.locator('article.cm-card').first();
		expect(await first.getAttribute('id')).toMatch(/^CN-blz-00[17]$/);
		expect(await first.locator('.cm-meta').textContent()).toContain('逾期');
		// CN-blz-001: made 2022-04-27, due 2025-12-31, no update: overdue since 2026-01-01, 326 days on 2026-11-22.
		const card = page.locator('#CN-blz-001');
		expect(await card.locator('.cm-meta').textContent()).toContain('已逾期 326 天');
		expect((await card.locator('.cm-timeline li').allTextContents()).map((s) => s.trim())).toEqual([
			'2022-04-27 作出承诺',
			'2026-01-01 逾期（已过完成时限 2025-12-31，尚未兑现）',
		]);
		await page.context().close();
	});
	it('keeps commitments made as 南闸镇 on 南闸街道’s page after the rename', async () => {
		const page = await open('/commitments/nzz/');
		expect(await page.locator('h1').textContent()).toBe('南闸街道公开承诺');
		const card = page.locator('#CN-nzz-001');
		expect(await card.locator('.cm-timeline li').first().textContent()).toContain(
			'2022-05-25 作出承诺（时称“南闸镇”）',
		);
		await page.context().close();
	});
	it('is linked from the unit profile, which names the categories missing in the latest quarter', async () => {
		// nzz's 5.3 points in 2023-Q4 are 2.5 of 5: (5 − 2.5) ÷ 0.5 = 5 categories missing.
		const q4 = openData<{ units: { id: string; points: Record<string, number> }[] }>('grades/2023-Q4.json');
		expect(q4.units.find((u) => u.id === 'nzz')!.points['5.3']).toBe(2.5);
		const page = await open('/units/nzz/');
		const section = page.locator('section[aria-labelledby="unit-commitments"]');
		expect(await section.getByRole('link', { name: '查看本单位的公开承诺' }).getAttribute('href')).toBe(
			'/commitments/nzz/',
		);
		expect(await section.textContent()).toContain('2023年第四季度“政务诚信承诺”指标得 2.5 / 5 分');
		expect(await section.textContent()).toContain('（5 类）');
		await page.context().close();
	});
});

describe('enterprise pledges (/commitments/pledges/)', () => {
	it('finds an enterprise by its 统一社会信用代码', async () => {
		// data/pledges.csv row QY-2022-002: 淮安汇通建材有限公司, 91320803MAAQL59GPD, collected by 施河镇 (shz).
		const page = await open('/commitments/pledges/');
		await page.getByLabel('按企业名称或统一社会信用代码查找').fill('91320803MAAQL59GPD');
		const visible = page.locator('#pledge-list tbody tr:not([hidden])');
		expect(await visible.count()).toBe(1);
		expect(await visible.locator('.cm-name').textContent()).toBe('淮安汇通建材有限公司');
		expect(await page.locator('#pledge-list section[data-group]:not([hidden]) h2').textContent()).toContain(
			'施河镇',
		);
		expect(await page.locator('form.cm-search output').textContent()).toBe('找到 1 份承诺书');
		// Typed with spaces and in lower case, it is the same code.
		await page.getByLabel('按企业名称或统一社会信用代码查找').fill('913208 03maaql59gpd');
		expect(await visible.count()).toBe(1);
		await page.context().close();
	});
	it('finds enterprises by part of their name, and says so when nothing matches', async () => {
		const pledges = openData<Pledge[]>('pledges.json');
		const expected = pledges.filter((p) => p.enterprise.includes('汇通')).length;
		expect(expected).toBeGreaterThan(1);
		const page = await open('/commitments/pledges/?q=汇通');
		expect(await page.locator('#pledge-list tbody tr:not([hidden])').count()).toBe(expected);
		await page.getByLabel('按企业名称或统一社会信用代码查找').fill('不存在的企业');
		expect(await page.locator('#pledge-list tbody tr:not([hidden])').count()).toBe(0);
		expect(await page.locator('form.cm-search output').textContent()).toContain('没有找到');
		await page.context().close();
	});
	it('is the full list without JavaScript, every code passing its check character', async () => {
		const pledges = openData<Pledge[]>('pledges.json');
		expect(pledges.every((p) => isValidUscc(p.uscc))).toBe(true);
		const page = await open('/commitments/pledges/', { javaScript: false });
		expect(await page.locator('#pledge-list tbody tr').count()).toBe(pledges.length);
		expect(await page.locator('form.cm-search').isHidden()).toBe(true);
		await page.context().close();
	});
});

describe('open data and page weight', () => {
	it('publishes the same commitments and pledges as JSON and as CSV with a BOM', () => {
		for (const name of ['commitments', 'pledges']) {
			const json = openData<unknown[]>(`${name}.json`);
			const csv = readFileSync(join(dist(), 'data', `${name}.csv`), 'utf8');
			expect(csv.startsWith('\uFEFFid,')).toBe(true);
			const ids = [...csv.matchAll(/\r\n((?:CN|QY)-[^,]+),/g)].map((m) => m[1]);
			expect(ids).toEqual(json.map((r) => (r as { id: string }).id));
		}
		expect(openData<unknown[]>('commitments.json')).toHaveLength(248);
	});
	it('keeps the commitments pages under 60 KB gzipped', () => {
		for (const path of [
			'commitments/index.html',
			'commitments/hcjd/index.html',
			'commitments/pledges/index.html',
		]) {
			const size = gzipSync(readFileSync(join(dist(), path))).length;
			expect(size, path).toBeLessThan(60 * 1024);
		}
	});
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
	for (const mode of ['normal', 'large'] as const)
		it(`reports no violation on the commitments pages in ${mode} mode`, async () => {
			const context = await browser.newContext({ bypassCSP: true });
			if (mode === 'large') await context.addInitScript(() => localStorage.setItem('display-mode', 'large'));
			const page = await context.newPage();
			const found: string[] = [];
			for (const path of [
				'/commitments/',
				'/commitments/blz/',
				'/commitments/nzz/',
				'/commitments/pledges/',
			]) {
				await page.goto(base() + path);
				found.push(...(await axeViolations(page)).map((v) => `${path} ${v}`));
			}
			expect(found).toEqual([]);
			await context.close();
		});
});
