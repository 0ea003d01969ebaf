/**
 * Search in Chromium, on the pagefind index of the demo site (Chinese segmentation by the extended binary):
 * names and deed titles find profiles, the filters narrow, and candidates who are not public — under review, failed,
 * disqualified, or whose 公示 has not started yet (a second build as of the day before GS-2026-01) — are never found.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launch, reusedPage, visit } from './browser.ts';
import { axeViolations } from './axe.ts';
import { serveStatic } from './server.ts';
import { sharedBuild } from '../helpers/build-site.ts';
import { serveWithNginx } from '../helpers/nginx.ts';
import { htmlPages } from './pages.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

interface Hit {
	href: string;
	title: string;
	text: string;
}

/** Waits for the search page to finish and returns its results. */
async function results(page: Page): Promise<{ status: string; hits: Hit[] }> {
	const status = page.locator('#search-status');
	await expect
		.poll(async () => (await status.textContent()) ?? '', { timeout: 15_000 })
		.toMatch(/找到|没有找到/);
	// The first results show as soon as their texts arrive; the list is busy until the whole page of them is there.
	await expect.poll(() => page.locator('#search-results').getAttribute('aria-busy')).toBeNull();
	const hits = await page.locator('#search-results > li').evaluateAll((lis) =>
		lis.map((li) => ({
			href: li.querySelector('h2 a')!.getAttribute('href')!,
			title: li.querySelector('h2 a')!.textContent!,
			text: li.textContent!,
		})),
	);
	return { status: (await status.textContent())!, hits };
}

/** The HTML of a result's page in a built site. */
const html = (dist: string, href: string) => readFileSync(join(dist, href, 'index.html'), 'utf8');

/** Opens the search page with a query, under the site's CSP (in a page reused from test to test: `visit`). */
async function search(
	query: string,
	base = inject('baseUrl'),
): Promise<{ page: Page; hits: Hit[]; status: string }> {
	const { page } = await visit(browser, `${base}/search/?${query}`);
	return { page, ...(await results(page)) };
}

describe('search', () => {
	it('indexes every page marked for the index, though Pagefind is not given the units’ year pages', () => {
		const dist = inject('distDir');
		const pages = htmlPages(dist);
		const source = (p: string) => readFileSync(join(dist, p.endsWith('/') ? `${p}index.html` : p), 'utf8');
		const marked = pages.filter((p) => source(p).includes('data-pagefind-body'));
		const years = pages.filter((p) => /^\/units\/[^/]+\/\d{4}\/$/.test(p));
		expect(years.length).toBeGreaterThan(5);
		expect(years.filter((p) => marked.includes(p))).toEqual([]);
		expect(marked).toContain('/units/bb/');
		const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
		expect(entry.languages['zh-cn'].page_count).toBe(marked.length);
	});

	const PROFILES: [string, string][] = [
		['陈静怡', '/exemplars/2022/2022-001/'],
		['刘志强', '/exemplars/2022/2022-002/'],
		['周文斌', '/exemplars/2022/2022-003/'],
		['孙丽萍', '/exemplars/2022/2022-004/'],
		['吴晓东', '/exemplars/2026/2026-001/'],
		['黄丽娟', '/exemplars/2026/2026-002/'],
		['郑凯', '/exemplars/2026/2026-003/'],
	];
	it('finds every public exemplar first by their full Chinese name', async () => {
		for (const [name, href] of PROFILES) {
			const { hits } = await search(`q=${encodeURIComponent(name)}`);
			expect(hits[0]?.href, name).toBe(href);
			expect(hits[0].title).toContain(name);
		}
	});
	it('finds a profile by two characters of its deed title (欠薪 from 欠薪不过夜; 老兵 from 老兵心中的“贴心人”)', async () => {
		for (const [q, href] of [
			['欠薪', '/exemplars/2022/2022-003/'],
			['老兵', '/exemplars/2026/2026-002/'],
		]) {
			const { hits } = await search(`q=${encodeURIComponent(q)}`);
			expect(hits.map((h) => h.href)).toContain(href);
			expect(hits[0].href).toBe(href);
		}
	});
	it('runs from the header search box, and the year filter narrows the results', async () => {
		const page = await reusedPage(browser);
		await page.goto(inject('baseUrl') + '/');
		await page.getByLabel('搜索本站').fill('诚信典型');
		await page.getByLabel('搜索本站').press('Enter');
		await page.waitForURL('**/search/?q=*');
		const first = await results(page);
		const found = Number(/找到 (\d+) 条结果/.exec(first.status)![1]);
		// More than a page of results: the rest come 20 at a time under the button, the first new one focused.
		expect(found).toBeGreaterThan(20);
		expect(first.hits).toHaveLength(20);
		expect(first.status).toBe(`找到 ${found} 条结果，显示前 20 条。`);
		const more = page.locator('#search-more');
		for (let shown = 20; shown < found; shown = Math.min(found, shown + 20)) {
			await expect
				.poll(() => more.textContent())
				.toBe(`再显示 ${Math.min(20, found - shown)} 条（共 ${found} 条）`);
			await more.click();
			await expect.poll(() => page.locator('#search-results > li').count()).toBe(Math.min(found, shown + 20));
			await expect
				.poll(() =>
					page.evaluate(
						(i) => document.activeElement === document.querySelectorAll('#search-results h2 a')[i],
						shown,
					),
				)
				.toBe(true);
		}
		await expect.poll(() => more.isHidden()).toBe(true);
		const all = (await results(page)).hits;
		expect(all).toHaveLength(found);
		expect(new Set(all.map((h) => h.href)).size).toBe(found);
		expect(all.map((h) => h.href)).toEqual(
			expect.arrayContaining(['/exemplars/2022/2022-001/', '/exemplars/2026/2026-002/']),
		);
		await page.getByLabel('年份').selectOption('2022');
		await expect.poll(() => page.url()).toContain('year=2022');
		const narrowed = (await results(page)).hits;
		expect(narrowed.length).toBeGreaterThan(0);
		expect(narrowed.length).toBeLessThan(all.length);
		for (const h of narrowed) expect(h.text, h.href).toContain('2022');
		expect(narrowed.map((h) => h.href)).toContain('/exemplars/2022/2022-001/');
		expect(narrowed.map((h) => h.href)).not.toContain('/exemplars/2026/2026-002/');
	});
	it('filters by status and by content type', async () => {
		const revoked = await search(`q=${encodeURIComponent('诚信')}&status=${encodeURIComponent('已撤销')}`);
		expect(revoked.hits.map((h) => h.href)).toEqual(['/exemplars/2022/2022-003/']);
		const units = await search(
			`q=${encodeURIComponent('区数据局')}&type=${encodeURIComponent('被评价单位')}`,
		);
		expect(units.hits.map((h) => h.href)).toEqual(['/units/shujuj/']);
	});
	it('never finds a candidate who is not public (under review, failed 评审, disqualified at credit review)', async () => {
		for (const [name, path] of [
			['许文静', '/exemplars/2026/2026-004/'],
			['杨建军', '/exemplars/2026/2026-005/'],
			['赵国庆', '/exemplars/2022/2022-005/'],
		]) {
			const { hits } = await search(`q=${encodeURIComponent(name)}`);
			expect(
				hits.map((h) => h.href),
				name,
			).not.toContain(path);
			for (const h of hits)
				expect(html(inject('distDir'), h.href), `${name} in ${h.href}`).not.toContain(name);
		}
	});
	it('is a plain GET form without JavaScript', async () => {
		const { page } = await visit(browser, inject('baseUrl') + '/exemplars/', { javaScript: false });
		await page.getByLabel('搜索本站').fill('陈静怡');
		await page.getByRole('button', { name: '搜索', exact: true }).first().click();
		await page.waitForURL('**/search/?q=*');
		expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=陈静怡');
		expect(await page.locator('noscript').count()).toBe(1);
	});
	it('waits while an input method composes pinyin, and searches once its characters are committed', async () => {
		const page = await reusedPage(browser);
		await page.goto(`${inject('baseUrl')}/search/`);
		const box = page.locator('#search-q');
		// Chromium's events for pinyin being composed: the box holds letters the reader has not chosen characters for.
		await box.evaluate((el: HTMLInputElement) => {
			el.value = 'chenjingyi';
			el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: 'chenjingyi' }));
		});
		// Longer than the typing pause (80 ms): a search for the pinyin would have started by now.
		await page.waitForTimeout(500);
		expect(new URL(page.url()).search).toBe('');
		expect(await page.locator('#search-results > li').count()).toBe(0);
		await box.evaluate((el: HTMLInputElement) => {
			el.value = '陈静怡';
			el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: '陈静怡' }));
			el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '陈静怡' }));
		});
		const { hits } = await results(page);
		expect(hits[0]?.title).toContain('陈静怡');
		expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=陈静怡');
		// Firefox sends its input event after compositionend: the same words, already searched, are not searched again
		// (the results on the page stay the very elements shown).
		await page
			.locator('#search-results > li')
			.first()
			.evaluate((li) => (li.dataset.seen = 'yes'));
		await box.evaluate((el: HTMLInputElement) =>
			el.dispatchEvent(new InputEvent('input', { bubbles: true })),
		);
		await page.waitForTimeout(500);
		expect(await page.locator('#search-results > li').first().getAttribute('data-seen')).toBe('yes');
	});

	/** The Pagefind files the page itself fetched (its resource timing; a worker's fetches are the worker's own). */
	const pagefindOnPage = (page: Page) =>
		page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((e) => new URL(e.name).pathname)
				.filter((p) => p.startsWith('/pagefind/')),
		);

	it('runs Pagefind in a worker of its own: none of Pagefind’s code or index is fetched or run by the page', async () => {
		const page = await (await browser.newContext()).newPage();
		await page.goto(`${inject('baseUrl')}/search/?q=${encodeURIComponent('陈静怡')}`);
		const { hits } = await results(page);
		expect(hits[0]?.href).toBe('/exemplars/2022/2022-001/');
		expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([
			expect.stringMatching(/^\/_astro\/search-worker-[\w-]+\.js$/),
		]);
		expect(await pagefindOnPage(page)).toEqual([]);
		await page.context().close();
	});

	it('searches on the page itself where the browser cannot start the worker, or its script does not load', async () => {
		for (const fail of ['no module worker', 'worker script missing'] as const) {
			const page = await (await browser.newContext()).newPage();
			if (fail === 'no module worker')
				await page.addInitScript(() => {
					// An old browser: a module worker cannot be made.
					window.Worker = class {
						constructor() {
							throw new TypeError('Module scripts are not supported on DedicatedWorker yet.');
						}
					} as unknown as typeof Worker;
				});
			else await page.route(/\/_astro\/search-worker-/, (r) => r.fulfill({ status: 404, body: '' }));
			await page.goto(`${inject('baseUrl')}/search/?q=${encodeURIComponent('陈静怡')}`);
			const { hits } = await results(page);
			expect(hits[0]?.href, fail).toBe('/exemplars/2022/2022-001/');
			expect(await pagefindOnPage(page), fail).toContain('/pagefind/pagefind.js');
			await page.context().close();
		}
	});

	it('runs the search worker under the nginx recipe’s headers (its CSP lets the worker compile Pagefind’s WebAssembly)', async () => {
		const work = mkdtempSync(join(tmpdir(), 'xy-nginx-search-'));
		const { base, stop } = await serveWithNginx(work, inject('distDir'));
		const page = await (await browser.newContext()).newPage();
		try {
			const response = await page.goto(`${base}/search/?q=${encodeURIComponent('陈静怡')}`);
			expect(response?.headers()['content-security-policy']).toContain("'wasm-unsafe-eval'");
			const { hits } = await results(page);
			expect(hits[0]?.href).toBe('/exemplars/2022/2022-001/');
			expect(page.workers()).toHaveLength(1);
			expect(await pagefindOnPage(page)).toEqual([]);
		} finally {
			await page.context().close();
			stop();
			rmSync(work, { recursive: true, force: true });
		}
	});
	it('passes axe-core (WCAG 2.1 AA) with results shown', async () => {
		const { page, hits } = await search(`q=${encodeURIComponent('陈静怡')}`);
		expect(hits.length).toBeGreaterThan(0);
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('search the day before GS-2026-01 starts (a build as of 2026-11-17)', () => {
	let server: Server;
	let base: string;
	let dist: string;
	// The same build as privacy.test.ts's, made once for both.
	beforeAll(async () => {
		const r = await sharedBuild(
			inject('shareDir'),
			resolve(import.meta.dirname, '..', '..', 'data'),
			'2026-11-17',
		);
		expect(r.ok, r.output).toBe(true);
		dist = r.dist;
		({ server, url: base } = await serveStatic(dist));
	}, 600_000);
	afterAll(async () => {
		// The browser stays open for the rest of the file, and Chromium keeps a spare connection open that never sends
		// a request (Node would wait out its 300-second request timeout): the server closes it.
		server?.closeAllConnections();
		if (server) await new Promise((done) => server.close(done));
	});

	it('does not find candidates whose 公示 has not started, and still finds the 2022 exemplars', async () => {
		// Pagefind matches the characters of a name it does not know as a word one by one, so a page may come up for
		// 吴 … 晓 … 东 scattered in other text; what must never come up is the candidate, the notice or the name.
		for (const [name, id] of [
			['吴晓东', '2026-001'],
			['黄丽娟', '2026-002'],
			['郑凯', '2026-003'],
		]) {
			const { hits } = await search(`q=${encodeURIComponent(name)}`, base);
			const hrefs = hits.map((h) => h.href);
			expect(hrefs, name).not.toContain(`/exemplars/2026/${id}/`);
			expect(hrefs, name).not.toContain('/notices/GS-2026-01/');
			for (const h of hits) expect(html(dist, h.href), `${name} in ${h.href}`).not.toContain(name);
		}
		const { hits } = await search(`q=${encodeURIComponent('陈静怡')}`, base);
		expect(hits[0].href).toBe('/exemplars/2022/2022-001/');
	});
});
