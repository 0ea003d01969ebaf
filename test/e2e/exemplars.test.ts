/**
 * 政务诚信典型 on the demo site as of 2026-11-22: the year index, profiles, 公示 notices with RSS, the home page's
 * notices and the open data. Expectations are worked out by hand from data/exemplars/:
 * - GS-2022-01 starts Monday 2023-01-09; its 7th working day is Tuesday 2023-01-17 (9–13, 16, 17), so recognition
 *   is on 2023-01-18. 2022-001, -002 and -004 are 已认定; 2022-003 was revoked on 2023-06-20; 2022-005 was
 *   disqualified at the credit review and is not public.
 * - GS-2026-01 starts Wednesday 2026-11-18 and ends Thursday 2026-11-26 (18, 19, 20, 23, 24, 25, 26): 2026-001 (an
 *   objection of 2026-11-20 not yet concluded: 公示中/待核实), 2026-002 and 2026-003 are 公示中; 2026-004 is still
 *   under credit review and 2026-005 failed 评审: neither is public.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { launch, visit } from './browser.ts';
import { axeViolations } from './axe.ts';

const site = JSON.parse(
	readFileSync(resolve(import.meta.dirname, '..', '..', 'data', 'site.json'), 'utf8'),
) as {
	url: string;
	email: string;
	phone: string;
	host: string;
};

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** Opens a page, under the site's CSP, and checks that it is served. */
async function open(path: string, options: { javaScript?: boolean } = {}): Promise<Page> {
	const { page, response } = await visit(browser, inject('baseUrl') + path, options);
	expect(response?.status(), path).toBe(200);
	return page;
}
const distFile = (...p: string[]) => readFileSync(join(inject('distDir'), ...p), 'utf8');

const EXPECTED = [
	{
		id: '2022-001',
		name: '陈静怡',
		status: 'recognized',
		noticeStart: '2023-01-09',
		noticeEnd: '2023-01-17',
		recognizedOn: '2023-01-18',
	},
	{
		id: '2022-002',
		name: '刘志强',
		status: 'recognized',
		noticeStart: '2023-01-09',
		noticeEnd: '2023-01-17',
		recognizedOn: '2023-01-18',
	},
	{
		id: '2022-003',
		name: '周文斌',
		status: 'revoked',
		noticeStart: '2023-01-09',
		noticeEnd: '2023-01-17',
		recognizedOn: '2023-01-18',
		revokedOn: '2023-06-20',
	},
	{
		id: '2022-004',
		name: '孙丽萍',
		status: 'recognized',
		noticeStart: '2023-01-09',
		noticeEnd: '2023-01-17',
		recognizedOn: '2023-01-18',
	},
	{
		id: '2026-001',
		name: '吴晓东',
		status: 'publicizing',
		noticeStart: '2026-11-18',
		noticeEnd: '2026-11-26',
	},
	{
		id: '2026-002',
		name: '黄丽娟',
		status: 'publicizing',
		noticeStart: '2026-11-18',
		noticeEnd: '2026-11-26',
	},
	{ id: '2026-003', name: '郑凯', status: 'publicizing', noticeStart: '2026-11-18', noticeEnd: '2026-11-26' },
];
const SPEC_KEYS = [
	'id',
	'year',
	'name',
	'gender',
	'unit',
	'position',
	'category',
	'status',
	'noticeStart',
	'noticeEnd',
];
const OPTIONAL_KEYS = ['recognizedOn', 'revokedOn', 'revokedReason'];
const ADDED_KEYS = ['title', 'summary', 'statusLabel', 'noticeId', 'recommender', 'awards', 'coverage'];

describe('open data', () => {
	type Row = Record<string, string | number>;
	const json = (f: string) => JSON.parse(distFile('data', f)) as Row[];
	const csv = (f: string) => {
		const text = distFile('data', f);
		expect(text.startsWith('\uFEFF')).toBe(true);
		return Papa.parse<Row>(text.slice(1), { header: true, skipEmptyLines: true });
	};
	const pick = (r: Row) =>
		Object.fromEntries(
			['id', 'name', 'status', 'noticeStart', 'noticeEnd', 'recognizedOn', 'revokedOn']
				.filter((k) => r[k] !== undefined && r[k] !== '')
				.map((k) => [k, r[k]]),
		);

	it('/data/exemplars.json lists exactly the public candidates with their status and dates', () => {
		const rows = json('exemplars.json');
		expect(rows.map(pick)).toEqual(EXPECTED);
		for (const r of rows) {
			for (const k of [...SPEC_KEYS, 'title', 'summary']) expect(r[k], `${r.id} ${k}`).toBeDefined();
			for (const k of Object.keys(r)) expect([...SPEC_KEYS, ...OPTIONAL_KEYS, ...ADDED_KEYS]).toContain(k);
		}
		expect(rows.find((r) => r.id === '2022-003')!.revokedReason).toContain('撤销其认定');
		expect(rows.find((r) => r.id === '2026-001')!.statusLabel).toBe('异议待核实');
		expect(rows.find((r) => r.id === '2022-001')!.year).toBe(2022);
	});
	it('/data/exemplars.csv has the same rows (UTF-8 with BOM)', () => {
		const parsed = csv('exemplars.csv');
		expect(parsed.meta.fields!.slice(0, 15)).toEqual([
			...SPEC_KEYS,
			'recognizedOn',
			'revokedOn',
			'revokedReason',
			'title',
			'summary',
		]);
		const rows = json('exemplars.json');
		expect(parsed.data.map(pick)).toEqual(rows.map(pick));
		expect(parsed.data.map((r) => r.year)).toEqual(rows.map((r) => String(r.year)));
		expect(parsed.data.map((r) => r.summary)).toEqual(rows.map((r) => r.summary));
	});
	it('the 激励名单 is the recognised exemplars only, as JSON and CSV', () => {
		const recognised = ['2022-001', '2022-002', '2022-004'];
		expect(json('incentive-list.json').map((r) => r.id)).toEqual(recognised);
		expect(csv('incentive-list.csv').data.map((r) => r.id)).toEqual(recognised);
		expect(json('incentive-list.json')).toEqual(
			json('exemplars.json').filter((r) => r.status === 'recognized'),
		);
	});
	it('is linked from /data/', async () => {
		const page = await open('/data/');
		for (const f of ['exemplars.json', 'exemplars.csv', 'incentive-list.json', 'incentive-list.csv'])
			expect(await page.locator(`main a[href="/data/${f}"]`).count(), f).toBe(1);
	});
});

describe('the index (/exemplars/)', () => {
	it('shows the open 公示 first: its notice, its period and its candidates as cards', async () => {
		const page = await open('/exemplars/');
		const now = page.locator('section.notice-now');
		expect(await now.count()).toBe(1);
		expect(await now.locator('h2').textContent()).toBe('正在公示：2026 年度拟认定人选');
		expect(await now.locator('a[href="/notices/GS-2026-01/"]').count()).toBe(1);
		expect(await now.textContent()).toContain('公示期：2026年11月18日至2026年11月26日（7 个工作日）');
		const names = (await now.locator('.exemplar-card h3').allTextContents()).map((s) => s.trim());
		expect(names).toEqual(['吴晓东', '黄丽娟', '郑凯']);
		expect(await now.locator('.exemplar-card', { hasText: '吴晓东' }).textContent()).toContain('异议待核实');
	});
	it('lists every year, newest first, with its count by status, linking to the year’s page', async () => {
		const page = await open('/exemplars/');
		const years = page.locator('ul.exemplar-years > li');
		expect(await years.locator('> a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
			'/exemplars/2026/',
			'/exemplars/2022/',
		]);
		const text = (await years.allTextContents()).map((s) => s.replace(/\s+/g, ''));
		expect(text[0]).toContain('2026年度：公示人选3人（公示中2人，异议待核实1人）');
		expect(text[1]).toContain('2022年度：公示人选4人（已认定3人，已撤销1人）');
		expect(text[1]).toContain('2023年1月9日至2023年1月17日');
		// The index lists no other candidate: the 2022 ones are on their year’s page.
		expect(await page.locator('.exemplar-card').count()).toBe(3);
	});
	// axe-core on /exemplars/ and /exemplars/2022/, in both modes: templates.test.ts, whose tour visits both.
});

describe('a year’s page (/exemplars/<year>/)', () => {
	it('lists the year’s public candidates as cards, with its notice and the other years', async () => {
		const page = await open('/exemplars/2022/');
		expect(await page.locator('h1').textContent()).toBe('2022 年度政务诚信典型');
		expect(await page.locator('main a[href="/notices/GS-2022-01/"]').count()).toBe(1);
		const names = (await page.locator('.exemplar-card h3').allTextContents()).map((s) => s.trim());
		expect(names).toEqual(['陈静怡', '刘志强', '周文斌', '孙丽萍']);
		expect(await page.locator('.exemplar-card', { hasText: '周文斌' }).textContent()).toContain('已撤销');
		expect(await page.locator('nav[aria-label="其他年度"] a').getAttribute('href')).toBe('/exemplars/2026/');
	});
	it('filters by status', async () => {
		const page = await open('/exemplars/2022/');
		const visible = page.locator('.exemplar-card:not([hidden]) h3');
		await page.locator('form.table-filter select[name="status"]').selectOption('recognized');
		expect((await visible.allTextContents()).map((s) => s.trim())).toEqual(['陈静怡', '刘志强', '孙丽萍']);
		expect(await page.locator('form.table-filter output').textContent()).toBe('显示 3 / 4 人');
		// Shown on the page, not only unmarked: the year's section stays while any of its cards does.
		expect(await page.locator('.exemplar-card:visible').count()).toBe(3);
		await page.locator('form.table-filter select[name="status"]').selectOption('revoked');
		expect((await visible.allTextContents()).map((s) => s.trim())).toEqual(['周文斌']);
		expect(await page.locator('.exemplar-card:visible').count()).toBe(1);
	});
	it('lists every card without JavaScript, with the filter hidden', async () => {
		const page = await open('/exemplars/2026/', { javaScript: false });
		expect(await page.locator('.exemplar-card:visible').count()).toBe(3);
		expect(await page.locator('form.table-filter').isHidden()).toBe(true);
	});
	it('says on a revoked exemplar’s profile, under the name and in its description, that the title was revoked', () => {
		const html = distFile('exemplars', '2022', '2022-003', 'index.html');
		expect(html).toMatch(/<p class="muted"[^>]*>2022 年度“政务诚信典型”（已撤销）<\/p>/);
		expect(html).toMatch(
			/<meta name="description" content="周文斌，[^"]*2022 年度“政务诚信典型”（已撤销）。/,
		);
	});
	it('puts every public candidate on exactly one year’s page, linking to the profile', () => {
		const rows = JSON.parse(distFile('data', 'exemplars.json')) as { id: string; year: number }[];
		expect(rows).toHaveLength(7);
		for (const r of rows) {
			const pages = ['2022', '2026'].filter((y) =>
				distFile('exemplars', y, 'index.html').includes(`href="/exemplars/${r.year}/${r.id}/"`),
			);
			expect(pages, r.id).toEqual([String(r.year)]);
		}
	});
	it('is the profile’s breadcrumb parent', async () => {
		const page = await open('/exemplars/2022/2022-001/');
		expect(
			await page.locator('nav.breadcrumbs a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
		).toEqual(['/', '/exemplars/', '/exemplars/2022/']);
	});
});

describe('a profile', () => {
	it('shows the public fields, the deed, the lifecycle with dates, the story and the photo at 120×160 with alt text', async () => {
		const page = await open('/exemplars/2026/2026-001/');
		expect((await page.locator('h1').textContent())!.trim()).toBe('吴晓东');
		const main = (await page.locator('main').textContent())!;
		for (const text of [
			'异议待核实',
			// 2026-11-22 is within the 公示 (11-18 to 11-26): objections are still invited.
			'请于公示期内（2026年11月26日前，含当日）',
			'区数据局 数据资源科科长',
			'部门工作人员',
			'2024 年江苏省数字政府建设优秀案例（主要完成人）',
			'淮安区融媒体中心《让数据多跑路》专题报道（2025 年 5 月）',
			'主要事迹：让数据多跑路',
			'2026年11月18日至2026年11月26日（7 个工作日）',
			'公示期间收到异议，正在核实，核实前不予认定',
			'待异议核实后确定',
		])
			expect(main).toContain(text);
		expect(await page.locator('main dd a[href="/units/shujuj/"]').textContent()).toBe('区数据局');
		// The story, its own headings under 详细事迹 (h2 → h3).
		expect(await page.locator('section.story h3').first().textContent()).toBe('从一张“证明清单”开始');
		const img = page.locator('.profile-head img');
		expect(await img.getAttribute('alt')).toBe('吴晓东工作照（示意图）');
		expect(
			await img.evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight, i.width, i.height]),
		).toEqual([120, 160, 120, 160]);
		// How to object, while the 公示 is open: the office's published contacts.
		expect(await page.locator('.how-to-object').textContent()).toContain(site.phone);
		expect(await page.locator(`.how-to-object a[href^="mailto:${site.email}"]`).count()).toBe(1);
	});
	it('carries Open Graph tags and a description', async () => {
		const page = await open('/exemplars/2022/2022-001/');
		const meta = (p: string) => page.getAttribute(`meta[property="${p}"]`, 'content');
		expect(await meta('og:type')).toBe('profile');
		expect(await meta('og:title')).toBe('陈静怡：窗口前的“承诺书”');
		expect(await meta('og:url')).toBe(`${site.url}/exemplars/2022/2022-001/`);
		expect(await meta('og:description')).toContain('陈静怡，区行政审批局政务服务科科长');
		expect(await page.getAttribute('meta[name="description"]', 'content')).toBe(await meta('og:description'));
	});
	it('shows a recognised exemplar with its recognition date and no objection box', async () => {
		const page = await open('/exemplars/2022/2022-001/');
		const main = (await page.locator('main').textContent())!;
		expect(main).toContain('2023年1月9日至2023年1月17日（7 个工作日）');
		expect(main).toContain('2023年1月18日认定为“政务诚信典型”');
		expect(await page.locator('.how-to-object').count()).toBe(0);
	});
	it('keeps a revoked exemplar visible as 已撤销 with the date and the public reason, never the internal note', async () => {
		const page = await open('/exemplars/2022/2022-003/');
		const main = (await page.locator('main').textContent())!;
		expect(main).toContain('已撤销（2023年6月20日）');
		expect(main).toContain('违反中央八项规定精神接受管理服务对象宴请');
		expect(main).toContain('2023年1月18日认定');
		expect(main).not.toContain('实名举报');
		expect(main).not.toContain('党内警告');
	});
	it('does not exist for candidates who are not public', async () => {
		for (const path of [
			'/exemplars/2022/2022-005/',
			'/exemplars/2026/2026-004/',
			'/exemplars/2026/2026-005/',
		]) {
			const { response } = await visit(browser, inject('baseUrl') + path);
			expect(response?.status(), path).toBe(404);
		}
	});
	it('passes axe-core (WCAG 2.1 AA)', async () => {
		const page = await open('/exemplars/2026/2026-001/');
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('公示 notices', () => {
	it('an open notice: both dates, 7 个工作日, its candidates, and how to object by the published e-mail and phone', async () => {
		const page = await open('/notices/GS-2026-01/');
		expect(await page.locator('h1').textContent()).toBe('2026 年度淮安区“政务诚信典型”拟认定人选公示');
		const main = (await page.locator('main').textContent())!;
		expect(main).toContain('公示期：2026年11月18日至2026年11月26日（7 个工作日）');
		expect(main).toContain('淮信用办〔2026〕12号');
		expect(main).toContain('正在公示');
		expect((await page.locator('tbody th').allTextContents()).map((s) => s.trim())).toEqual([
			'吴晓东',
			'黄丽娟',
			'郑凯',
		]);
		// Each row as the public record has it: 姓名, 性别, 单位及职务, 推荐单位, 事迹名称.
		const record = JSON.parse(readFileSync(join(inject('distDir'), 'data', 'exemplars.json'), 'utf8')) as {
			name: string;
			gender: string;
			unit: string;
			position: string;
			recommender: string;
			title: string;
			noticeId: string;
		}[];
		const rows = await page
			.locator('tbody tr')
			.evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 5).map((c) => c.textContent!.trim())));
		expect(rows).toEqual(
			record
				.filter((e) => e.noticeId === 'GS-2026-01')
				.map((e) => [e.name, e.gender, `${e.unit} ${e.position}`, e.recommender, e.title]),
		);
		// Signed by the office on the notice's first day.
		expect(main.trim().endsWith(`${site.host} 2026年11月18日`)).toBe(true);
		const how = (await page.locator('.how-to-object').textContent())!;
		expect(how).toContain(site.email);
		expect(how).toContain(site.phone);
		expect(how).toContain('2026年11月26日前，含当日');
		expect(await axeViolations(page)).toEqual([]);
	});
	it('a closed notice: ended on its 7th working day, current status of each candidate, no objection box', async () => {
		const page = await open('/notices/GS-2022-01/');
		const main = (await page.locator('main').textContent())!;
		expect(main).toContain('公示期：2023年1月9日至2023年1月17日（7 个工作日）');
		expect(main).toContain('公示已于2023年1月17日结束');
		const rows = await page
			.locator('tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [
					tr.querySelector('th')!.textContent!.trim(),
					tr.lastElementChild!.textContent!.trim(),
				]),
			);
		expect(rows.map(([n, s]) => `${n} ${s.replace(/\s+/g, '')}`)).toEqual([
			'陈静怡 ✓已认定',
			'刘志强 ✓已认定',
			'周文斌 ✕已撤销',
			'孙丽萍 ✓已认定',
		]);
		expect(await page.locator('.how-to-object').count()).toBe(0);
	});
	it('are listed on /notices/ and on the home page, newest first', async () => {
		for (const path of ['/notices/', '/']) {
			const page = await open(path);
			const links = page.locator('main a[href^="/notices/GS-"]');
			expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
				'/notices/GS-2026-01/',
				'/notices/GS-2022-01/',
			]);
			expect(await page.locator('main').textContent()).toContain(
				'2026年11月18日至2026年11月26日（7 个工作日）',
			);
		}
	});
	it('has an RSS feed with one item per started notice', async () => {
		const xml = distFile('notices', 'rss.xml');
		const page = await open('/');
		const items = await page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'application/xml');
			if (doc.querySelector('parsererror')) return 'not XML';
			return [...doc.querySelectorAll('item')].map((i) => ({
				title: i.querySelector('title')!.textContent,
				link: i.querySelector('link')!.textContent,
				pubDate: new Date(i.querySelector('pubDate')!.textContent!).toISOString(),
				description: i.querySelector('description')!.textContent,
			}));
		}, xml);
		expect(items).toEqual([
			{
				title: '2026 年度淮安区“政务诚信典型”拟认定人选公示',
				link: `${site.url}/notices/GS-2026-01/`,
				pubDate: '2026-11-17T16:00:00.000Z',
				description:
					'公示期：2026年11月18日至2026年11月26日（7 个工作日）。拟认定人选：吴晓东（区数据局数据资源科科长）、黄丽娟（车桥镇退役军人服务站站长）、郑凯（淮安工业园区企业服务中心副主任）。',
			},
			{
				title: '2022 年度淮安区“政务诚信典型”拟认定人选公示',
				link: `${site.url}/notices/GS-2022-01/`,
				pubDate: '2023-01-08T16:00:00.000Z',
				description: expect.stringContaining('周文斌（区人力资源和社会保障局劳动保障监察大队副大队长）'),
			},
		]);
	});
});
