/**
 * What a reader's browser sees, measured on a built site: the search page's first and later searches (time and
 * bytes), and Lighthouse's mobile page speed of each main template.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import { serveStatic } from '../../../test/e2e/server.ts';
import { CHROMIUM, CHROMIUM_ARGS, launch } from '../../../test/e2e/browser.ts';
import { round } from './stage.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Types a query into the search box the way a reader does with a Chinese input method (the words committed at once)
 * and resolves to the milliseconds until the status line says what was found (the first results are shown with it)
 * and until the whole first page of results is there (the list is no longer `aria-busy`), measured inside the page
 * (no DevTools round trip in the figure).
 */
function typeAndWait(query: string): Promise<{ ms: number; pageMs: number; status: string }> {
	return new Promise((done) => {
		const status = document.getElementById('search-status')!;
		const list = document.getElementById('search-results')!;
		const input = document.getElementById('search-q') as HTMLInputElement;
		const t0 = performance.now();
		// The status says 正在搜索…… while this query runs, then what it found.
		let searching = false;
		let ms: number | undefined;
		const seen = () => {
			const text = status.textContent ?? '';
			if (text.includes('正在搜索')) searching = true;
			else if (searching && text.includes('找到')) {
				ms ??= performance.now() - t0;
				if (list.hasAttribute('aria-busy')) return;
				observer.disconnect();
				done({ ms, pageMs: performance.now() - t0, status: text.trim() });
			}
		};
		const observer = new MutationObserver(seen);
		observer.observe(status, { childList: true, characterData: true, subtree: true });
		observer.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
		// The words arrive as a Chinese input method commits them in Chromium: the last input event while composing,
		// then compositionend (a name is typed in pinyin and chosen as characters).
		input.value = query;
		input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: query }));
		input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: query }));
	});
}

export interface SearchTimings {
	queries: [string, string];
	/** First query on a fresh page: pagefind's code and index chunks load first. */
	firstSearchMs: number;
	/** The second query, with the index loaded: the time a reader waits from typing to the first results. */
	searchMs: number;
	/** The same, until the whole first page of results (20) is shown. */
	searchPageMs: number;
	status: string;
	/**
	 * Two-character names of people in the data (issue 21's measure: "typing a two-character name → results shown"),
	 * each searched once the index is loaded, as `searchMs` is; `nameSearchMs` is their median.
	 */
	names: { query: string; ms: number; pageMs: number; status: string }[];
	nameSearchMs: number;
	/** What the first search downloads from /pagefind/: bytes as sent, compressed as the nginx recipe does. */
	requests: number;
	bytes: number;
	byKind: Record<string, number>;
}

/**
 * Search timings and the first search's download on `/search/` of a built site, in headless Chromium: the first
 * query on a fresh page, then the second query and each of `names` with the index loaded.
 */
export async function searchTimings(
	dist: string,
	queries: [string, string],
	names: readonly string[],
): Promise<SearchTimings> {
	const { server, url } = await serveStatic(dist, { gzip: true });
	const browser = await launch();
	try {
		const page = await browser.newPage();
		const sizes: Promise<{ path: string; bytes: number }>[] = [];
		let counting = true;
		page.on('response', (r) => {
			const path = new URL(r.url()).pathname;
			if (counting && path.startsWith('/pagefind/'))
				sizes.push(
					r
						.request()
						.sizes()
						.then((s) => ({ path, bytes: s.responseBodySize })),
				);
		});
		await page.goto(`${url}/search/`, { waitUntil: 'networkidle' });
		const first = await page.evaluate(typeAndWait, queries[0]);
		await page.waitForLoadState('networkidle');
		counting = false;
		const files = await Promise.all(sizes);
		const second = await page.evaluate(typeAndWait, queries[1]);
		const byName: SearchTimings['names'] = [];
		for (const query of names) {
			const t = await page.evaluate(typeAndWait, query);
			byName.push({ query, ms: Math.round(t.ms), pageMs: Math.round(t.pageMs), status: t.status });
		}
		const kinds = new Map<string, number>();
		for (const f of files) {
			const kind = f.path.match(/\.(pf_\w+|js|wasm|json|css)$/)?.[1] ?? 'other';
			kinds.set(kind, (kinds.get(kind) ?? 0) + f.bytes);
		}
		return {
			queries,
			firstSearchMs: Math.round(first.ms),
			searchMs: Math.round(second.ms),
			searchPageMs: Math.round(second.pageMs),
			status: second.status,
			names: byName,
			nameSearchMs: median(byName.map((n) => n.ms)),
			requests: files.length,
			bytes: files.reduce((s, f) => s + f.bytes, 0),
			byKind: Object.fromEntries(kinds),
		};
	} finally {
		await browser.close();
		server.close();
	}
}

/** A page to measure, and whether it is seen in 长辈模式 (the reader's choice, kept in localStorage). */
export interface LighthousePage {
	template: string;
	path: string;
	large?: boolean;
}

export interface LighthouseMedian {
	path: string;
	runs: number;
	/** Lighthouse performance score, 0–100. */
	score: number;
	fcpMs: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	speedIndexMs: number;
}

/** Starts Debian's Chromium headless with a DevTools port, for Lighthouse; resolves to its port and a stop function. */
async function chromiumWithPort(): Promise<{ port: number; stop: () => Promise<void> }> {
	const profile = mkdtempSync(join(tmpdir(), 'xy-lighthouse-'));
	const child = spawn(
		CHROMIUM,
		[
			'--headless=new',
			'--remote-debugging-port=0',
			`--user-data-dir=${profile}`,
			...CHROMIUM_ARGS,
			'about:blank',
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	const port = await new Promise<number>((done, fail) => {
		let err = '';
		child.stderr.setEncoding('utf8').on('data', (s: string) => {
			err += s;
			const m = err.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
			if (m) done(Number(m[1]));
		});
		child.on('exit', () => fail(new Error(`Chromium 未能启动：${err}`)));
	});
	return {
		port,
		stop: async () => {
			const exited = new Promise((done) => child.once('exit', done));
			child.kill();
			await exited;
			rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
		},
	};
}

/**
 * Lighthouse's mobile preset (its default: a mid-range phone on a slow 4G network, simulated) on each page, `runs`
 * times, with the median of each figure. The site is served compressed, as the nginx recipe serves it. A 长辈模式 page
 * is measured with the mode already chosen: Lighthouse keeps the origin's storage for it, and the browser cache is
 * cleared before each run instead.
 */
export async function lighthouseMedians(
	dist: string,
	pages: readonly LighthousePage[],
	runs = 3,
): Promise<Record<string, LighthouseMedian>> {
	const { server, url } = await serveStatic(dist, { gzip: true });
	const { port, stop } = await chromiumWithPort();
	const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
	const out: Record<string, LighthouseMedian> = {};
	try {
		const context = browser.contexts()[0];
		for (const p of pages) {
			const results: Omit<LighthouseMedian, 'path' | 'runs'>[] = [];
			for (let i = 0; i < runs; i++) {
				const tab = await context.newPage();
				await tab.goto(`${url}/`);
				await tab.evaluate(
					(large) => localStorage.setItem('display-mode', large ? 'large' : 'normal'),
					!!p.large,
				);
				await (await context.newCDPSession(tab)).send('Network.clearBrowserCache');
				await tab.close();
				const r = await lighthouse(`${url}${p.path}`, {
					port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance'],
					disableStorageReset: !!p.large,
				});
				if (!r) throw new Error(`Lighthouse 没有结果：${p.path}`);
				const a = r.lhr.audits;
				results.push({
					score: (r.lhr.categories.performance.score ?? 0) * 100,
					fcpMs: a['first-contentful-paint'].numericValue ?? NaN,
					lcpMs: a['largest-contentful-paint'].numericValue ?? NaN,
					tbtMs: a['total-blocking-time'].numericValue ?? NaN,
					cls: a['cumulative-layout-shift'].numericValue ?? NaN,
					speedIndexMs: a['speed-index'].numericValue ?? NaN,
				});
			}
			const m = (k: keyof (typeof results)[number]) => median(results.map((r) => r[k]));
			out[p.template] = {
				path: p.path,
				runs,
				score: Math.round(m('score')),
				fcpMs: Math.round(m('fcpMs')),
				lcpMs: Math.round(m('lcpMs')),
				tbtMs: Math.round(m('tbtMs')),
				cls: round(m('cls'), 3),
				speedIndexMs: Math.round(m('speedIndexMs')),
			};
			const o = out[p.template];
			console.log(
				`  ${p.template.padEnd(14)} ${String(o.score).padStart(3)} 分  FCP ${o.fcpMs} ms  LCP ${o.lcpMs} ms  TBT ${o.tbtMs} ms  CLS ${o.cls}`,
			);
		}
	} finally {
		await browser.close().catch(() => undefined);
		await stop();
		server.close();
	}
	return out;
}
