import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launch, reusedPage, visit } from './browser.ts';
import { axeViolations } from './axe.ts';
import { isValidUscc } from '../../src/lib/uscc.ts';
import { cellsOf, flatText, htmlPages, rowOf } from './pages.ts';
import { officeRows } from '../helpers/files.ts';

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

/** Visits a page of the site (in a page reused from test to test: `visit`). */
async function open(path: string, options: { javaScript?: boolean } = {}): Promise<Page> {
	return (await visit(browser, base() + path, options)).page;
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
	});
	it('shows a town that has published nothing (范集镇) as a row of 17 gaps, one per 2023 category', async () => {
		const rubric = openData<{ commitmentCategories: string[] }>('rubrics/2023.json');
		expect(rubric.commitmentCategories).toHaveLength(17);
		const page = await open('/commitments/');
		const row = await matrixRow(page, 'fjz');
		for (const c of rubric.commitmentCategories) expect(row[c]).toBe('缺');
		expect(row['缺项']).toBe('17');
	});
	it('shows every category once per column, in the rubric’s order', async () => {
		const rubric = openData<{ commitmentCategories: string[] }>('rubrics/2023.json');
		const page = await open('/commitments/');
		const headers = (await page.locator('table.cm-matrix thead th.cm-cat').allTextContents()).map((s) =>
			s.trim(),
		);
		expect(headers).toEqual(rubric.commitmentCategories);
	});
});

/** The units table of /commitments/ as { unit id → [合计, 逾期, 履行中, 未兑现, 依法变更, 已兑现] } (visible rows only). */
async function unitTable(page: Page): Promise<Record<string, number[]>> {
	const rows = await page
		.locator('#unit-table tbody tr:not([hidden])')
		.evaluateAll((trs) =>
			trs.map((tr) => [
				(tr as HTMLElement).dataset.unit!,
				[...tr.querySelectorAll('td')].map((td) => Number(td.dataset.value ?? td.textContent!.trim())),
			]),
		);
	return Object.fromEntries(rows);
}

describe('the overview (/commitments/): counts by unit, not every commitment', () => {
	it('lists each covered unit once with its counts by state, linking to the unit’s page', async () => {
		const all = openData<Commitment[]>('commitments.json');
		const page = await open('/commitments/');
		const table = await unitTable(page);
		// 23 towns and parks that exist on 2026-11-22 (24 in units.csv, less 现代农业产业园 dissolved 2023-07-01 with no
		// commitment) and the two departments that chose to publish (区行政审批局 xzspj, 区医疗保障局 ybj).
		expect(Object.keys(table)).toHaveLength(25);
		expect(Object.keys(table)).toEqual(expect.arrayContaining(['fjz', 'gyyq', 'xzspj', 'ybj']));
		// 博里镇 by hand (commitments.csv + updates.csv): 17 commitments; CN-blz-001 and -007 overdue, 2 still open,
		// 2 broken, 1 changed, 10 fulfilled.
		expect(table.blz).toEqual([17, 2, 2, 2, 1, 10]);
		expect(table.fjz).toEqual([0, 0, 0, 0, 0, 0]);
		// Every commitment is counted once: the rows add up to the open data.
		const sum = (i: number) => Object.values(table).reduce((s, r) => s + r[i], 0);
		expect(sum(0)).toBe(all.length);
		expect(sum(1)).toBe(all.filter((c) => c.overdue).length);
		// The line above the tables counts the open ones as the columns do: 履行中 includes the overdue.
		const line = (await page.locator('main p', { hasText: '履行中共' }).textContent())!.replace(/\s+/g, '');
		expect(line).toContain(`共${all.length}项承诺。`);
		expect(line).toContain(`（履行中共${sum(1) + sum(2)}项，其中逾期${sum(1)}项；`);
		expect(await page.locator('#unit-table a[href="/commitments/blz/"]').textContent()).toBe('博里镇');
		// No commitment is listed here: they are on the units’ pages.
		expect(await page.locator('article.cm-card').count()).toBe(0);
	});
	it('shows a unit’s overdue count emphasised, and a link preselects the units with overdue commitments', async () => {
		const page = await open('/commitments/?state=overdue');
		expect(await page.getByRole('combobox', { name: /^逾期/ }).inputValue()).toBe('overdue');
		const table = await unitTable(page);
		// As of 2026-11-22 the 21 overdue commitments belong to 14 units: blz 2, hxjd 2, hcjd 1, jqz 2, jkz 1, nzz 1,
		// pqz 1, qgz 2, shz 2, shhz 2, szz 1, xqz 1, zqz 1, gyyq 2 (data/commitments: dueBy passed, no 已兑现 update).
		expect(Object.fromEntries(Object.entries(table).map(([u, r]) => [u, r[1]]))).toEqual({
			blz: 2,
			hxjd: 2,
			hcjd: 1,
			jqz: 2,
			jkz: 1,
			nzz: 1,
			pqz: 1,
			qgz: 2,
			shz: 2,
			shhz: 2,
			szz: 1,
			xqz: 1,
			zqz: 1,
			gyyq: 2,
		});
		expect(await page.locator('form.table-filter output').textContent()).toBe('显示 14 / 25 行');
		const hot = page.locator('#unit-table tr[data-unit="blz"] td.cm-hot strong.cm-overdue');
		expect((await hot.textContent())!.trim()).toBe('! 2');
		await page.getByRole('combobox', { name: /^单位类别/ }).selectOption('park');
		expect(Object.keys(await unitTable(page))).toEqual(['gyyq']);
	});
	it('sorts the units by any count', async () => {
		const page = await open('/commitments/');
		await page.locator('#unit-table thead th', { hasText: '合计' }).getByRole('button').click();
		await page.locator('#unit-table thead th', { hasText: '合计' }).getByRole('button').click();
		// Descending: 山阳街道 has the most commitments (24), then 淮安工业园区, 南闸街道 and 平桥镇 (22 each).
		const sorted = await unitTable(page);
		expect(Object.keys(sorted)[0]).toBe('syjd');
		expect(Object.values(sorted).map((r) => r[0])).toEqual(
			Object.values(sorted)
				.map((r) => r[0])
				.sort((a, b) => b - a),
		);
		expect(
			Object.values(sorted)
				.slice(0, 4)
				.map((r) => r[0]),
		).toEqual([24, 22, 22, 22]);
	});
	it('names the ten longest-overdue commitments, linking to their cards', async () => {
		// By due date: CN-blz-007 (2022-12-31, 1422 days on 2026-11-22), CN-hcjd-008 and CN-jqz-006 (2023-06-30), …,
		// then of those due 2025-12-31 CN-blz-001 and CN-gyyq-004 (by id); CN-hxjd-016 is the 11th.
		const page = await open('/commitments/');
		const links = page.locator('main h2#overdue + p + ol a');
		expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
			'/commitments/blz/#CN-blz-007',
			'/commitments/hcjd/#CN-hcjd-008',
			'/commitments/jqz/#CN-jqz-006',
			'/commitments/gyyq/#CN-gyyq-015',
			'/commitments/jkz/#CN-jkz-003',
			'/commitments/qgz/#CN-qgz-005',
			'/commitments/qgz/#CN-qgz-015',
			'/commitments/shz/#CN-shz-004',
			'/commitments/blz/#CN-blz-001',
			'/commitments/gyyq/#CN-gyyq-004',
		]);
		expect(await page.locator('main h2#overdue + p + ol li').first().textContent()).toContain(
			'2022-12-31 到期，已逾期 1422 天',
		);
	});
	it('is a complete table without JavaScript', async () => {
		const page = await open('/commitments/', { javaScript: false });
		expect(await page.locator('#unit-table tbody tr:not([hidden])').count()).toBe(25);
		expect(await page.locator('form.table-filter').isHidden()).toBe(true);
	});
});

describe('every commitment on exactly one listing page', () => {
	it('puts each commitment of the open data once on its unit’s page, and on no other page', () => {
		// The demo’s units have at most 20 commitments (淮城街道), fewer than a page holds (100): no year pages.
		const all = openData<Commitment[]>('commitments.json');
		const root = join(dist(), 'commitments');
		const where = new Map<string, string[]>();
		for (const page of htmlPages(root))
			for (const m of readFileSync(join(root, page, 'index.html'), 'utf8').matchAll(
				/<article id="([^"]+)" class="cm-card/g,
			))
				where.set(m[1], [...(where.get(m[1]) ?? []), page]);
		expect(where.size).toBe(all.length);
		for (const c of all) expect(where.get(c.id), c.id).toEqual([`/${c.unitId}/`]);
		expect(htmlPages(root).filter((p) => /^\/[^/]+\/\d{4}\/$/.test(p))).toEqual([]);
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
	});
	it('shows each commitment as the office’s files give it: its service standard, every update with its date, state and note, and when it ended', () => {
		// Read from the office's own files, not from the open data the pages are built from.
		const updates = officeRows('commitments/updates.csv');
		const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
		let late = 0;
		const ended = new Set<string>();
		for (const c of officeRows('commitments/commitments.csv')) {
			const page = readFileSync(join(dist(), 'commitments', c['单位编号'], 'index.html'), 'utf8');
			const start = page.indexOf(`<article id="${c['承诺编号']}"`);
			expect(start, c['承诺编号']).toBeGreaterThan(-1);
			const card = page.slice(start, page.indexOf('</article>', start));
			const text = flatText(card);
			for (const field of ['服务内容', '服务质量', '服务期限', '备注'])
				if (c[field])
					expect(text, `${c['承诺编号']} ${field}`).toContain(`${field}${c[field].replace(/\s+/g, '')}`);
			const steps = [...card.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => flatText(m[1]));
			const own = updates.filter((u) => u['承诺编号'] === c['承诺编号']);
			for (const u of own) {
				const note = u['说明'].replace(/\s+/g, '');
				expect(
					steps.some((s) => s.startsWith(`${u['日期']}${u['状态']}`) && (!note || s.endsWith(`：${note}`))),
					`${c['承诺编号']} ${u['日期']} ${u['状态']}`,
				).toBe(true);
			}
			// The last update that ended it (已兑现, 依法变更, 未兑现) dates its state; one fulfilled after its due date says
			// how many days late.
			const last = own.sort((a, b) => a['日期'].localeCompare(b['日期'])).at(-1);
			if (!last || last['状态'] === '履行中') continue;
			ended.add(last['状态']);
			const meta = flatText(card.slice(card.indexOf('class="cm-meta"'), card.indexOf('</p>')));
			const overdue = last['状态'] === '已兑现' && last['日期'] > c['完成时限'];
			late += overdue ? 1 : 0;
			expect(meta, c['承诺编号']).toContain(
				`${last['状态']}（${last['日期']}${overdue ? `，逾期${days(c['完成时限'], last['日期'])}天兑现` : ''}）`,
			);
		}
		expect([...ended].sort()).toEqual(['依法变更', '已兑现', '未兑现']);
		expect(late).toBeGreaterThan(0);
	});
	it('keeps commitments made as 南闸镇 on 南闸街道’s page after the rename', async () => {
		const page = await open('/commitments/nzz/');
		expect(await page.locator('h1').textContent()).toBe('南闸街道公开承诺');
		const card = page.locator('#CN-nzz-001');
		expect(await card.locator('.cm-timeline li').first().textContent()).toContain(
			'2022-05-25 作出承诺（时称“南闸镇”）',
		);
	});
	it('is linked from the unit profile, which names the categories missing in the latest quarter', async () => {
		// nzz's 5.3 points in 2026-Q3 are 1 of 5: (5 − 1) ÷ 0.5 = 8 categories missing (就业, 物业, 就学, 养老, 助残,
		// 医保, 停车, 便民服务: none of its commitments in these categories runs into 2026-Q3).
		const q3 = openData<{ units: { id: string; points: Record<string, number> }[] }>('grades/2026-Q3.json');
		expect(q3.units.find((u) => u.id === 'nzz')!.points['5.3']).toBe(1);
		const page = await open('/units/nzz/');
		const section = page.locator('section[aria-labelledby="unit-commitments"]');
		expect(await section.getByRole('link', { name: '查看本单位的公开承诺' }).getAttribute('href')).toBe(
			'/commitments/nzz/',
		);
		expect(await section.textContent()).toContain('2026年第三季度“政务诚信承诺”指标得 1 / 5 分');
		expect(await section.textContent()).toContain(
			'（8 类）：就业、物业、就学、养老、助残、医保、停车、便民服务',
		);
	});
});

describe('enterprise pledges (/commitments/pledges/ and /commitments/pledges/<unit>/)', () => {
	const search = (page: Page) => page.getByLabel('按企业名称或统一社会信用代码查找');
	it('counts each unit’s pledges and enterprises, and lists every pledge with its code, all its kinds and its date, as pledges.csv has them', () => {
		const rows = officeRows('pledges.csv');
		const units = [...new Set(rows.map((r) => r['单位编号']))];
		let repeat = 0;
		for (const unit of units) {
			const own = rows.filter((r) => r['单位编号'] === unit);
			const enterprises = new Set(own.map((r) => r['统一社会信用代码'])).size;
			repeat += own.length - enterprises;
			const page = readFileSync(join(dist(), 'commitments', 'pledges', unit, 'index.html'), 'utf8');
			expect(flatText(page), unit).toContain(
				`收集的企业信用承诺书共${own.length}份，涉及${enterprises}家企业`,
			);
			for (const r of own) {
				const row = rowOf(page, r['编号']);
				expect(row, r['编号']).toBeDefined();
				const cells = cellsOf(row!).map(flatText);
				expect(cells.slice(0, 2), r['编号']).toEqual([
					`${r['企业名称']}${r['统一社会信用代码']}`,
					r['承诺类型'],
				]);
				expect(cells[2].startsWith(`${r['签订日期']}计分至`), r['编号']).toBe(true);
			}
		}
		// Some enterprise signed twice with one unit: the two counts differ.
		expect(repeat).toBeGreaterThan(0);
		expect(rows.some((r) => r['承诺类型'].includes('、'))).toBe(true);
	});
	it('lists a unit’s pledges of a year newest first', () => {
		// data/pledges.csv: 平桥镇 (pqz) signed QY-2024-021 on 2024-07-02, -040 on 11-20, -045 on 12-11, -046 on 12-27.
		const html = readFileSync(join(dist(), 'commitments', 'pledges', 'pqz', 'index.html'), 'utf8');
		const year = html.match(/<section[^>]*id="y-2024"[\s\S]*?<\/section>/)?.[0] ?? '';
		expect([...year.matchAll(/<tr id="(QY-[^"]+)"/g)].map((m) => m[1])).toEqual([
			'QY-2024-046',
			'QY-2024-045',
			'QY-2024-040',
			'QY-2024-021',
		]);
	});
	it('finds an enterprise by its 统一社会信用代码 across every unit, linking to its row on its unit’s page', async () => {
		// data/pledges.csv row QY-2022-002: 淮安汇通建材有限公司, 91320803MAAQL59GPD, collected by 施河镇 (shz).
		const page = await open('/commitments/pledges/');
		await search(page).fill('91320803MAAQL59GPD');
		const results = page.locator('form.cm-search ol li');
		await results.first().waitFor();
		expect(await results.count()).toBe(1);
		expect(await results.locator('a').textContent()).toBe('淮安汇通建材有限公司');
		expect(await results.locator('a').getAttribute('href')).toBe('/commitments/pledges/shz/#QY-2022-002');
		expect(await results.textContent()).toContain('施河镇 · 2022-02-16 签订');
		expect(await page.locator('form.cm-search output').textContent()).toBe('找到 1 份承诺书');
		// Typed with spaces and in lower case, it is the same code.
		await search(page).fill('913208 03maaql59gpd');
		await expect.poll(() => results.count()).toBe(1);
		await results.locator('a').click();
		await page.waitForURL('**/commitments/pledges/shz/#QY-2022-002');
		expect(await page.locator('tr#QY-2022-002 .cm-uscc').textContent()).toBe('91320803MAAQL59GPD');
	});
	it('finds enterprises by part of their name, and says so when nothing matches', async () => {
		const pledges = openData<Pledge[]>('pledges.json');
		const expected = pledges.filter((p) => p.enterprise.includes('汇通'));
		// 淮安汇通建材 (施河镇), 淮安汇通生物科技 (淮城街道), 淮安汇通饲料 (淮安工业园区).
		expect(expected).toHaveLength(3);
		const page = await open('/commitments/pledges/?q=汇通');
		const links = page.locator('form.cm-search ol a');
		await expect.poll(() => links.count()).toBe(3);
		expect((await links.allTextContents()).sort()).toEqual(expected.map((p) => p.enterprise).sort());
		await search(page).fill('不存在的企业');
		await expect.poll(() => links.count()).toBe(0);
		expect(await page.locator('form.cm-search output').textContent()).toContain('没有找到');
	});
	it('filters the rows of one unit’s page, grouped by the year signed', async () => {
		// 淮安工业园区 (gyyq) collected 37 pledges: 5 signed in 2026, 6 in 2025, 10 in 2024, 4 in 2023 and 12 in 2022;
		// one of them is 淮安汇通饲料.
		const page = await open('/commitments/pledges/gyyq/');
		expect(await page.locator('h1').textContent()).toBe('淮安工业园区企业信用承诺');
		expect(await page.locator('#pledge-list section[data-group] h2').allTextContents()).toEqual([
			'2026 年签订（5 份）',
			'2025 年签订（6 份）',
			'2024 年签订（10 份）',
			'2023 年签订（4 份）',
			'2022 年签订（12 份）',
		]);
		await search(page).fill('汇通');
		const visible = page.locator('#pledge-list tbody tr:not([hidden])');
		expect(await visible.count()).toBe(1);
		expect(await visible.locator('.cm-name').textContent()).toBe('淮安汇通饲料有限公司');
		expect(await page.locator('#pledge-list section[data-group]:not([hidden]) h2').textContent()).toBe(
			'2022 年签订（12 份）',
		);
		expect(await page.locator('form.cm-search output').textContent()).toBe('找到 1 份承诺书');
	});
	it('without JavaScript, links every unit with pledges, whose pages list them all: each pledge on exactly one', async () => {
		const pledges = openData<Pledge[]>('pledges.json');
		expect(pledges).toHaveLength(182);
		expect(pledges.every((p) => isValidUscc(p.uscc))).toBe(true);
		const page = await open('/commitments/pledges/', { javaScript: false });
		expect(await page.locator('form.cm-search').isHidden()).toBe(true);
		const units = [...new Set(pledges.map((p) => p.unitId))].sort();
		// 20 units collected pledges, among them 现代农业产业园 (nyyq), dissolved on 2023-07-01.
		expect(units).toHaveLength(20);
		expect(units).toContain('nyyq');
		const hrefs = await page
			.locator('#pledge-units a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect([...hrefs].sort()).toEqual(units.map((u) => `/commitments/pledges/${u}/`));
		// 范集镇 collected none: a row without a link.
		expect(await page.locator('#pledge-units tr[data-unit="fjz"] td').first().textContent()).toBe('0');
		const root = join(dist(), 'commitments', 'pledges');
		const where = new Map<string, string[]>();
		for (const p of htmlPages(root))
			for (const m of readFileSync(join(root, p, 'index.html'), 'utf8').matchAll(/<tr id="([^"]+)"/g))
				where.set(m[1], [...(where.get(m[1]) ?? []), p]);
		expect(where.size).toBe(pledges.length);
		for (const p of pledges) expect(where.get(p.id), p.id).toEqual([`/${p.unitId}/`]);
		for (const u of units) {
			await page.goto(`${base()}/commitments/pledges/${u}/`);
			expect(await page.locator('#pledge-list tbody tr:visible').count(), u).toBe(
				pledges.filter((p) => p.unitId === u).length,
			);
		}
	});
	it('loads only the searched fields: id, enterprise, code, unit and signing date', () => {
		const index = JSON.parse(readFileSync(join(dist(), 'commitments', 'pledges', 'search.json'), 'utf8')) as {
			units: Record<string, string>;
			rows: string[][];
		};
		const pledges = openData<(Pledge & { signedOn: string })[]>('pledges.json');
		expect(index.rows).toHaveLength(pledges.length);
		const row = index.rows.find((r) => r[0] === 'QY-2022-002');
		expect(row).toEqual(['QY-2022-002', '淮安汇通建材有限公司', '91320803MAAQL59GPD', 'shz', '2022-02-16']);
		expect(index.units.shz).toBe('施河镇');
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
		expect(openData<unknown[]>('commitments.json')).toHaveLength(363);
	});
	it('keeps the commitments pages under 60 KB gzipped', () => {
		for (const path of [
			'commitments/index.html',
			'commitments/hcjd/index.html',
			'commitments/pledges/index.html',
			'commitments/pledges/gyyq/index.html',
		]) {
			const size = gzipSync(readFileSync(join(dist(), path))).length;
			expect(size, path).toBeLessThan(60 * 1024);
		}
	});
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
	for (const mode of ['normal', 'large'] as const)
		it(`reports no violation on the commitments pages in ${mode} mode`, async () => {
			const page = await reusedPage(browser, { mode });
			const found: string[] = [];
			// /commitments/ and the first unit's page (blz) are in the tour of templates.test.ts, in both modes.
			for (const path of ['/commitments/nzz/', '/commitments/pledges/', '/commitments/pledges/gyyq/']) {
				await page.goto(base() + path);
				found.push(...(await axeViolations(page)).map((v) => `${path} ${v}`));
			}
			expect(found).toEqual([]);
		});
});
