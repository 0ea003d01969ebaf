/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), with the flags this closed network needs.
 */
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The flags Chromium needs here (root, no GPU, a closed network): for playwright's launch and the bench's own. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

/** Launches headless Chromium. */
export function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** How a test wants to see the site: JavaScript on or off, the window's width, and the display mode it opens in. */
export interface PageSettings {
	javaScript?: boolean;
	/** The viewport's width in CSS pixels (800 high); Playwright's 1280 × 720 when not given. */
	width?: number;
	/** 长辈模式 (`large`) as the site remembers it, set before each page's own scripts run. */
	mode?: 'normal' | 'large';
}

/** A new browser context with these settings: for a test that needs pages of its own. */
export async function newContextFor(browser: Browser, settings: PageSettings = {}): Promise<BrowserContext> {
	const { javaScript = true, width, mode = 'normal' } = settings;
	const context = await browser.newContext({
		javaScriptEnabled: javaScript,
		...(width ? { viewport: { width, height: 800 } } : {}),
	});
	if (mode === 'large') await context.addInitScript(() => localStorage.setItem('display-mode', 'large'));
	return context;
}

/** The pages `reusedPage` hands out, by browser and settings. */
const reused = new WeakMap<Browser, Map<string, Promise<Page>>>();

/**
 * A page for these settings, reused from test to test (one per browser and settings). Opening a page starts a
 * renderer process: in the browser tests of two files, 42 tests, a new page for each visit took 123 s of processor
 * time on a two-core machine, and 51 s with their pages reused. Each use starts with the site's storage cleared, so
 * that no test sees what another one left (the 长辈模式 switch remembers the mode). A test that adds scripts or
 * listeners to its page, or uses two pages of the same settings at once, opens pages of its own.
 */
export async function reusedPage(browser: Browser, settings: PageSettings = {}): Promise<Page> {
	const { javaScript = true, width, mode = 'normal' } = settings;
	let pages = reused.get(browser);
	if (!pages) reused.set(browser, (pages = new Map()));
	const key = `${javaScript} ${width ?? ''} ${mode}`;
	let opened = pages.get(key);
	if (!opened) {
		opened = newContextFor(browser, settings).then((context) => context.newPage());
		pages.set(key, opened);
	}
	const page = await opened;
	if (page.url().startsWith('http'))
		await page.evaluate(() => {
			localStorage.clear();
			sessionStorage.clear();
		});
	return page;
}

/** Visits `url` in the reused page for these settings; returns the page and the response. */
export async function visit(
	browser: Browser,
	url: string,
	settings: PageSettings = {},
): Promise<{ page: Page; response: Response | null }> {
	const page = await reusedPage(browser, settings);
	return { page, response: await page.goto(url) };
}

/** What a Chromium trace says of the tasks run on the pages' main threads (`CrRendererMain`). */
export interface MainThreadTasks {
	/** How many tasks ran. */
	count: number;
	/** The processor time of the longest task, in milliseconds. */
	longest: number;
	/** That task's time on the clock, in milliseconds: more than its processor time when the machine is busy. */
	longestWall: number;
	/** The longest events inside that task (name and processor time), to say what it was. */
	inside: string[];
}

/**
 * Runs `action` under a Chromium performance trace and measures the tasks the pages ran on their main threads
 * meanwhile, the test's own commands left out, by their processor time (the trace's `tdur`): what the page's own code
 * costs, which a loaded machine does not stretch as it stretches a task's time on the clock (a 45 ms task measured
 * 316 ms and 374 ms on a two-core machine running the whole test suite).
 */
export async function mainThreadTasks(
	browser: Browser,
	page: Page,
	action: () => Promise<unknown>,
): Promise<MainThreadTasks> {
	await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline'] });
	let trace: Buffer;
	try {
		await action();
	} finally {
		trace = await browser.stopTracing();
	}
	const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
	const main = new Set(
		events
			.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
			.map((e) => `${e.pid}:${e.tid}`),
	);
	const onMain = (e: TraceEvent) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`);
	/** Whether `e` ran inside `task`: on its thread, from its start to its end. */
	const within = (e: TraceEvent, task: TraceEvent) =>
		e !== task &&
		e.pid === task.pid &&
		e.tid === task.tid &&
		e.ts >= task.ts &&
		e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0);
	// The test's own commands (Playwright's evaluations, its file input) run on the page's thread too: they are the
	// test's work, not the page's, and are left out.
	const commands = events.filter((e) => onMain(e) && e.name === 'DevToolsSession::DispatchProtocolCommand');
	const tasks = events.filter(
		(e) => onMain(e) && e.name === 'RunTask' && !commands.some((c) => within(c, e)),
	);
	const longest = tasks.reduce<TraceEvent | undefined>(
		(a, t) => (!a || (t.tdur ?? 0) > (a.tdur ?? 0) ? t : a),
		undefined,
	);
	// What the longest task spent its time on: the longest events inside it on the same thread, for a failure's message.
	const inside = longest
		? events
				.filter((e) => e.ph === 'X' && within(e, longest))
				.sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
				.slice(0, 6)
				.map((e) => `${e.name} ${((e.tdur ?? 0) / 1000).toFixed(1)} ms`)
		: [];
	return {
		count: tasks.length,
		longest: (longest?.tdur ?? 0) / 1000,
		longestWall: (longest?.dur ?? 0) / 1000,
		inside,
	};
}

/** The fields of a Chromium trace event that `mainThreadTasks` reads (times in microseconds). */
interface TraceEvent {
	ph: string;
	name: string;
	pid: number;
	tid: number;
	dur?: number;
	ts: number;
	tdur?: number;
	args?: { name?: string };
}
