/**
 * Pagefind, run off the page's main thread (issue 21, the search page on a phone). Evaluating Pagefind's own script
 * took about 30 ms of the page's thread on a fast machine, and building its decompression tables and reading each
 * result's text another 20; a phone is four times slower, and each such stretch delays the reader's first tap. Here
 * the whole of Pagefind (its script, the index, the WebAssembly search and the results' texts) runs in this worker;
 * the page only sends the words and draws what comes back (`search-client.ts`).
 *
 * Pagefind chooses the index and splits Chinese words by the page's `<html lang>`, read from `document`; a worker has
 * no document, so the page says its language and the worker answers Pagefind's one question with it.
 */
// Types only: the client's code (which starts this worker) stays out of the worker.
import type { Found, FromSearchWorker, PagefindModule, ToSearchWorker } from './search-client.ts';

/** The results of the last few searches, by the page's number for each: the page asks for their texts in pages. */
const searches = new Map<number, Found[]>();
/** How many searches' results are kept: the one shown, and a few typed after it whose answers are still coming. */
const KEPT = 4;

let loading: Promise<PagefindModule> | undefined;
function pagefind(script: string, lang: string, options: Record<string, unknown>): Promise<PagefindModule> {
	return (loading ??= (async () => {
		// Read by Pagefind when it starts (`detectLanguage`), and nowhere else: `window` stays undefined, so Pagefind
		// knows it is not on a page and runs its search here rather than in a worker of its own.
		(globalThis as { document?: unknown }).document = {
			currentScript: null,
			querySelector: (selector: string) => (selector === 'html' ? { getAttribute: () => lang } : null),
		};
		const pf = (await import(/* @vite-ignore */ script)) as PagefindModule;
		await pf.options(options);
		await pf.init();
		return pf;
	})());
}

const reply = (m: FromSearchWorker) => postMessage(m);

onmessage = async ({ data: m }: MessageEvent<ToSearchWorker>) => {
	try {
		if (m.kind === 'init') {
			await pagefind(m.script, m.lang, m.options);
			return reply({ id: m.id, value: null });
		}
		const pf = await loading!;
		if (m.kind === 'search') {
			const { results } = await pf.search(m.term, { filters: m.filters });
			searches.set(m.search, results);
			for (const old of searches.keys()) if (searches.size > KEPT) searches.delete(old);
			return reply({ id: m.id, value: results.length });
		}
		if (m.kind === 'data') {
			const found = searches.get(m.search)?.[m.index];
			if (!found) throw new Error(`没有第 ${m.search} 次搜索的第 ${m.index} 条结果`);
			const { url, excerpt, meta, filters } = await found.data();
			return reply({ id: m.id, value: { url, excerpt, meta, filters } });
		}
		if (m.kind === 'preload')
			return reply({ id: m.id, value: await pf.preload(m.term, { filters: m.filters }) });
		return reply({ id: m.id, value: await pf.filters() });
	} catch (e) {
		reply({ id: m.id, error: String(e) });
	}
};
