/**
 * Every page template, in normal mode and in 长辈模式, at 1280 px: no WCAG 2.1 AA violation (axe-core), no breach of
 * the strict Content-Security-Policy, no console error, no failed request, and a favicon that loads.
 *
 * Each page is visited once per mode and every check looks at that one visit (the two modes in two browser contexts
 * at once): the checks were four tours of the same pages before, about a quarter of the browser tests' time. axe
 * runs last on each page, after the page has gone quiet and its messages have been collected.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';
import { axeRuleViolations, axeViolations } from './axe.ts';
import { onePerTemplate } from './pages.ts';

const MODES = ['normal', 'large'] as const;
type Mode = (typeof MODES)[number];

/** What one mode's tour found, by check, each entry naming its page. */
interface Found {
	pages: string[];
	axe: string[];
	csp: string[];
	console: string[];
}

let browser: Browser;
const found = new Map<Mode, Found>();

/** Visits every template in one mode and collects what each check found. */
async function tour(mode: Mode): Promise<Found> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	if (mode === 'large') await context.addInitScript(() => localStorage.setItem('display-mode', 'large'));
	await context.addInitScript(() => {
		const w = window as unknown as { violations: string[] };
		w.violations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
		);
	});
	const page = await context.newPage();
	const out: Found = { pages: onePerTemplate(inject('distDir')), axe: [], csp: [], console: [] };
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) out.csp.push(`${page.url()} ${m.text()}`);
		if (m.type() === 'error') out.console.push(`${page.url()} console: ${m.text()}`);
	});
	page.on('pageerror', (e) => out.console.push(`${page.url()} ${e.message}`));
	page.on(
		'response',
		(r) =>
			r.status() >= 400 && !r.url().endsWith('/404.html') && out.console.push(`${r.status()} ${r.url()}`),
	);
	for (const path of out.pages) {
		// networkidle: what the page asks for after load (the chart code near the viewport, search's index) is in.
		await page.goto(inject('baseUrl') + path, { waitUntil: 'networkidle' });
		const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
		if (!csp?.includes("script-src 'self' 'wasm-unsafe-eval'") || csp.includes('unsafe-inline'))
			out.csp.push(`${path}: CSP ${csp}`);
		out.csp.push(
			...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).map(
				(v) => `${path} ${v}`,
			),
		);
		// Chromium asks for the favicon once per context: ask for every page's own link (from the test's side, as the
		// office page's CSP allows the page itself no connection).
		const icons = await page
			.locator('link[rel="icon"]')
			.evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href));
		if (!icons.length) out.console.push(`${path}: no favicon link`);
		for (const icon of icons) {
			const got = await page.request.get(icon);
			if (!got.ok()) out.console.push(`${path}: favicon ${got.status()} ${icon}`);
		}
		out.axe.push(...(await axeViolations(page)).map((v) => `${path} ${v}`));
		// Best practice, beyond WCAG: two regions of one name (two corrections of one quarter on one day) are one
		// entry twice in a screen reader's list of landmarks.
		out.axe.push(...(await axeRuleViolations(page, ['landmark-unique'])).map((v) => `${path} ${v}`));
	}
	await context.close();
	return out;
}

beforeAll(async () => {
	browser = await launch();
	const results = await Promise.all(MODES.map(tour));
	MODES.forEach((mode, i) => found.set(mode, results[i]));
}, 600_000);
afterAll(async () => {
	await browser?.close();
});

describe('the tour', () => {
	it('visits one page of every template, the 404 page, the 异议 page and the sitemap among them', () => {
		for (const mode of MODES) {
			const { pages } = found.get(mode)!;
			expect(pages.length, mode).toBeGreaterThanOrEqual(15);
			expect(pages, mode).toEqual(expect.arrayContaining(['/404.html', '/objection/', '/sitemap/', '/']));
		}
	});
});

describe.each(MODES)('every page template in %s mode', (mode) => {
	it('reports no WCAG 2.1 AA violation and no two landmarks of one name (axe-core)', () => {
		expect(found.get(mode)!.axe).toEqual([]);
	});
	it('declares the strict CSP and breaks none of it', () => {
		expect(found.get(mode)!.csp).toEqual([]);
	});
	it('logs no console error and fails no request, favicon included', () => {
		expect(found.get(mode)!.console).toEqual([]);
	});
});

describe('the checks are not blind', () => {
	it('axe-core reports an image without a text alternative, under the site’s CSP', async () => {
		const page = await browser.newPage();
		await page.goto(inject('baseUrl') + '/');
		await page.evaluate(() => {
			const img = document.createElement('img');
			img.src = '/favicon.svg';
			document.querySelector('main')!.append(img);
		});
		expect((await axeViolations(page)).filter((v) => v.startsWith('image-alt:'))).toHaveLength(1);
		await page.close();
	});
});
