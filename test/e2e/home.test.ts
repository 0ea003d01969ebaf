import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, reusedPage } from './browser.ts';
import { quarterName } from './pages.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('home page', () => {
	it('shows the latest quarter with the grade counts of its open data', async () => {
		const dist = inject('distDir');
		const quarters = readFileSync(join(dist, 'grades', 'index.html'), 'utf8').match(
			/\/grades\/(\d{4}-Q[1-4])\//g,
		)!;
		const latest = quarters
			.map((q) => q.slice(8, 15))
			.sort()
			.at(-1)!;
		const open = JSON.parse(readFileSync(join(dist, 'data', 'grades', `${latest}.json`), 'utf8')) as {
			units: { grade: string }[];
		};
		const reds = open.units.filter((u) => u.grade === 'red').length;

		const page = await reusedPage(browser);
		await page.goto(inject('baseUrl') + '/');
		expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
		const heading = page.getByRole('heading', { level: 2, name: /最新评价/ });
		await expect.poll(() => heading.textContent()).toContain(quarterName(latest));
		expect(await page.locator('main').textContent()).toContain(
			`共评价 ${open.units.length} 个单位，红名单 ${reds} 个`,
		);
		// The demo's latest quarter was corrected on 2026-11-17 (GZ-2026-16: gyyq 红名单 → 蓝名单): the counts say
		// they are of the corrected results, and link the correction.
		const corrected = open.units.some((u) => (u as { corrections?: string[] }).corrections?.length);
		expect(corrected).toBe(true);
		// How many corrections, counted from the open data's ledger (a correction is one id, over several fields).
		const ledger = JSON.parse(readFileSync(join(dist, 'data', 'corrections.json'), 'utf8')) as {
			id: string;
			quarter: string;
			date: string;
		}[];
		const ids = [...new Set(ledger.filter((c) => c.quarter === latest).map((c) => c.id))];
		expect(ids).toEqual(['GZ-2026-16']);
		expect(await page.locator('main').textContent()).toContain(
			`以上为更正后的结果（2026-11-17 最近一次更正，共 ${ids.length} 次`,
		);
		expect(await page.locator('main a[href^="/corrections/#GZ-"]').getAttribute('href')).toBe(
			`/corrections/#${ids[0]}`,
		);
		await heading.getByRole('link').click();
		await page.waitForURL(`**/grades/${latest}/`);
		expect(await page.locator('#grades-table tbody tr').count()).toBe(open.units.length);
	});
	it('shows the demo-data banner while site.json says the data is a demo', async () => {
		const page = await reusedPage(browser);
		await page.goto(inject('baseUrl') + '/');
		await expect
			.poll(() => page.getByRole('complementary', { name: '演示站点说明' }).textContent())
			.toContain('演示数据');
		// … and asks search engines to stay away from its made-up grades and names.
		const robots = await fetch(inject('baseUrl') + '/robots.txt');
		expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(await robots.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
	});
});
