/**
 * The search page's handle on Pagefind: in a worker of the page's own (`search-worker.ts`) where the browser can run a
 * module worker, so that none of Pagefind's work holds up the page's main thread; on the page itself where it cannot
 * (an old browser), with the same answers either way.
 */
import { PAGEFIND } from './search-state.ts';

/** A result's text and details, as Pagefind gives them. */
export interface ResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[]>;
}
/** One result of a search; its text is fetched when asked for. */
export interface Found {
	data(): Promise<ResultData>;
}
/** What the search page asks of Pagefind. */
export interface Pagefind {
	search(term: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: Found[] }>;
	preload(term: string, o?: { filters?: Record<string, string> }): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
}
/** Pagefind's module itself, as the worker or the page loads it: the same, set up first. */
export interface PagefindModule extends Pagefind {
	options(o: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
}

type Filters = Record<string, string> | undefined;
/** What the page asks of the search worker. */
type Request =
	| { kind: 'init'; script: string; lang: string; options: Record<string, unknown> }
	| { kind: 'search'; search: number; term: string | null; filters: Filters }
	| { kind: 'data'; search: number; index: number }
	| { kind: 'preload'; term: string; filters: Filters }
	| { kind: 'filters' };
/** The page's messages to the search worker, each with a number its answer carries. */
export type ToSearchWorker = Request & { id: number };
/** The worker's answer to one message: its value, or why there is none. */
export type FromSearchWorker = { id: number; value?: unknown; error?: string };

/**
 * Pagefind's options on this site: excerpts of about 40 characters, a phone's two lines; its files and the pages it
 * finds by path from the site's root. Pagefind works both out from its script's address, and in a worker (which has
 * no page address to take off) would give every result as a full address with the host.
 */
const OPTIONS = { excerptLength: 40, basePath: PAGEFIND.replace(/[^/]*$/, ''), baseUrl: '/' };

/** Pagefind in the search worker; rejects when the browser cannot start it or Pagefind cannot load there. */
function inWorker(): Promise<Pagefind> {
	const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
	let next = 0;
	const waiting = new Map<number, { done(v: unknown): void; fail(e: Error): void }>();
	/** Why the worker stopped, once it has: every call after that fails at once rather than wait for no answer. */
	let stopped: Error | undefined;
	const call = <T>(m: Request) =>
		new Promise<T>((done, fail) => {
			if (stopped) return fail(stopped);
			const id = ++next;
			waiting.set(id, { done: done as (v: unknown) => void, fail });
			worker.postMessage({ ...m, id });
		});
	worker.onmessage = ({ data }: MessageEvent<FromSearchWorker>) => {
		const w = waiting.get(data.id);
		waiting.delete(data.id);
		if (data.error === undefined) w?.done(data.value);
		else w?.fail(new Error(data.error));
	};
	// A browser that cannot run a module worker, or a worker that failed to load: every call waiting fails.
	worker.onerror = (e) => {
		e.preventDefault();
		stopped = new Error(e.message || 'search worker failed');
		for (const w of waiting.values()) w.fail(stopped);
		waiting.clear();
	};
	let searches = 0;
	const api: Pagefind = {
		async search(term, o) {
			const search = ++searches;
			const count = await call<number>({ kind: 'search', search, term, filters: o?.filters });
			return {
				results: Array.from({ length: count }, (_, index) => ({
					data: () => call<ResultData>({ kind: 'data', search, index }),
				})),
			};
		},
		preload: (term, o) => call({ kind: 'preload', term, filters: o?.filters }),
		filters: () => call({ kind: 'filters' }),
	};
	const lang = document.documentElement.lang;
	return call({ kind: 'init', script: new URL(PAGEFIND, location.href).href, lang, options: OPTIONS }).then(
		() => api,
		(e: unknown) => {
			worker.terminate();
			throw e;
		},
	);
}

/** Pagefind on the page itself. */
async function onPage(): Promise<Pagefind> {
	const pf = (await import(/* @vite-ignore */ PAGEFIND)) as PagefindModule;
	await pf.options(OPTIONS);
	await pf.init();
	return pf;
}

/** Pagefind: in the worker, or on the page where the worker cannot start. */
export async function loadPagefind(): Promise<Pagefind> {
	try {
		return await inWorker();
	} catch {
		return onPage();
	}
}
