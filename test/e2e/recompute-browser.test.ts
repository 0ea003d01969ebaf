/**
 * 复算 in the browser (issue 18): on five unit-quarter breakdowns of the demo site, Chromium downloads the open data,
 * recomputes with the site's bundled scoring module and says "与公布结果一致", showing each input's SHA-256, which
 * must be the data package's. With one evidence row changed in the served file it shows the difference. Without
 * JavaScript the section is not there.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './browser.ts';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
	browser = await launch();
	context = await browser.newContext();
	// The site's strict CSP (no inline script, nothing from another origin) must hold while 复算 runs.
	await context.addInitScript(() => {
		(window as unknown as { violations: string[] }).violations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { violations: string[] }).violations.push(
				`${e.violatedDirective} ${e.blockedURI}`,
			),
		);
	});
});
afterAll(async () => {
	await browser?.close();
});

const dist = () => inject('distDir');
const pkg = () =>
	JSON.parse(readFileSync(join(dist(), 'data', 'datapackage.json'), 'utf8')) as {
		resources: { path: string; hash: string }[];
	};

/** Opens a page, presses the 复算 button of a quarter and waits for the verdict. */
async function recomputeOn(page: Page, path: string, quarter: string) {
	await page.goto(inject('baseUrl') + path);
	const section = page.locator(`section.recompute[data-quarter="${quarter}"]`);
	await section.locator('button').click();
	const verdict = section.locator('.recompute-verdict');
	await verdict.waitFor({ timeout: 30_000 });
	const inputs = await section
		.locator('table')
		.first()
		.locator('tbody tr')
		.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
	return { section, verdict: (await verdict.textContent()) ?? '', inputs };
}

describe('复算 in the browser', () => {
	// A department and a town on their unit pages (the latest quarter, 2026-Q3) and on a year page; the corrected
	// quarter (2022-Q3); a quarter with a 较重违约 override (车桥镇 2023-Q2); a quarter where a repaired record weighed
	// (钦工镇 2022-Q4).
	const cases = [
		['/units/cgj/', '2026-Q3'],
		['/units/cgj/2022/', '2022-Q3'],
		['/units/cqz/2023/', '2023-Q2'],
		['/units/jkz/2022/', '2022-Q4'],
		['/units/shz/2023/', '2023-Q3'],
	] as const;

	it('recomputes five unit-quarters: "与公布结果一致", and every SHA-256 shown is the data package’s', async () => {
		const hashes = new Map(pkg().resources.map((r) => [`/data/${r.path}`, r.hash]));
		const own = createHash('sha256')
			.update(readFileSync(join(dist(), 'data', 'datapackage.json')))
			.digest('hex');
		const page = await context.newPage();
		for (const [path, quarter] of cases) {
			const r = await recomputeOn(page, path, quarter);
			expect(r.verdict, `${path} ${quarter}`).toBe('与公布结果一致');
			expect(await r.section.locator('.recompute-status').textContent()).toBe('复算完成。');
			expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual(
				[],
			);
			const files = r.inputs.map(([file]) => file);
			expect(files).toContain(`/data/evidence/${quarter}.csv`);
			expect(files).toContain(`/data/rubrics/${quarter.slice(0, 4)}.json`);
			for (const [file, sha, check] of r.inputs)
				if (file === '/data/datapackage.json') expect(sha).toBe(own);
				else {
					expect(`sha256:${sha}`, file).toBe(hashes.get(file));
					expect(check).toBe('✓ 一致');
				}
		}
		await page.close();
	});

	it('shows the difference when one evidence row of the served file was changed', async () => {
		// 区城市管理局 2022-Q3: row 2022Q3-0623 counts 2 of its 5 “五进” activities (7.5 points); served as 0, the
		// indicator is 3 × 1.5 = 4.5 and the total 68 − 3 = 65 of 75, 86.7 instead of 90.7.
		const page = await context.newPage();
		await page.route('**/data/evidence/2022-Q3.csv', async (route) => {
			const res = await route.fetch();
			const body = (await res.text()).replace(
				'2022Q3-0623,2022-Q3,cgj,区城市管理局,3.6,item,2022-07-25,2,',
				'2022Q3-0623,2022-Q3,cgj,区城市管理局,3.6,item,2022-07-25,0,',
			);
			expect(body).toContain(',2022-07-25,0,');
			await route.fulfill({ response: res, body });
		});
		const r = await recomputeOn(page, '/units/cgj/2022/', '2022-Q3');
		expect(r.verdict).toContain('与公布结果不一致');
		expect(r.verdict).toContain('文件 /data/evidence/2022-Q3.csv 的 SHA-256 公布为 sha256:');
		expect(r.verdict).toContain('指标 3.6 得分 公布为 7.5，复算为 4.5');
		expect(r.verdict).toContain('得分 公布为 90.7，复算为 86.7');
		expect(r.inputs.find(([f]) => f === '/data/evidence/2022-Q3.csv')![2]).toMatch(/^✗ 不一致/);
		await expect.poll(() => r.section.locator('.recompute-verdict.differs').count()).toBe(1);
		// The line by the button says so too, not "复算完成。" alone.
		expect(await r.section.locator('.recompute-status').textContent()).toBe('复算完成：有不一致之处。');
		await page.close();
	});

	it('is absent without JavaScript', async () => {
		const noJs = await browser.newContext({ javaScriptEnabled: false });
		const page = await noJs.newPage();
		await page.goto(`${inject('baseUrl')}/units/cgj/`);
		expect(await page.locator('section.recompute').first().isVisible()).toBe(false);
		expect(await page.locator('section.recompute:visible').count()).toBe(0);
		await noJs.close();
	});
});
