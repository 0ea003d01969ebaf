/**
 * The search page (`/search/`): runs the form's query against Pagefind's index (`/pagefind/`, loaded as the page opens,
 * in a worker: `search-client.ts`), renders the first results and keeps the address in step, so a search can be
 * shared. What it says and the address it writes come from `search-state.ts`.
 */
import { loadPagefind, type Found, type Pagefind, type ResultData } from './search-client.ts';
import {
	kindLine,
	moreText,
	pagefindFilters,
	PAGE,
	searchHref,
	searchTerm,
	statusText,
	type SearchState,
} from './search-state.ts';

/**
 * Typing pauses this long before a search runs: long enough that a fast typist's every key does not start one, short
 * enough that results follow the last key without a felt wait. Words an input method commits do not wait.
 */
const PAUSE_MS = 80;
/**
 * Results shown as soon as their texts arrive, before the rest of a page of them: about a phone's screenful. Each
 * result's text is a file of its own, and on the large dataset twenty of them took 200 ms after the search itself.
 */
const FIRST = 5;

const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
const more = document.getElementById('search-more') as HTMLButtonElement;

let loading: Promise<Pagefind> | undefined;
const pagefind = () => (loading ??= loadPagefind());

/** Adds filter values the index has but the page did not list (e.g. a new year). */
async function completeOptions() {
	const available = await (await pagefind()).filters();
	for (const s of selects) {
		const have = new Set([...s.options].map((o) => o.value));
		for (const value of Object.keys(available[s.dataset.filter!] ?? {}).sort())
			if (!have.has(value)) s.add(new Option(value, value));
	}
}

function render(r: ResultData): HTMLLIElement {
	const li = document.createElement('li');
	if (r.meta.image) {
		const img = document.createElement('img');
		img.src = r.meta.image;
		img.alt = r.meta.image_alt ?? '';
		img.width = 60;
		img.height = 80;
		li.append(img);
	}
	const body = document.createElement('div');
	const h = document.createElement('h2');
	const a = document.createElement('a');
	a.href = r.url;
	a.textContent = r.meta.title ?? r.url;
	h.append(a);
	const kind = document.createElement('p');
	kind.className = 'muted';
	kind.textContent = kindLine(r.filters);
	const excerpt = document.createElement('p');
	// Pagefind's excerpt is this site's own text, HTML-escaped by Pagefind, with <mark> around the matches.
	excerpt.innerHTML = r.excerpt;
	body.append(h, kind, excerpt);
	li.append(body);
	return li;
}

const state = (): SearchState => ({
	term: searchTerm(input.value),
	filters: selects.map((s) => ({ name: s.name, key: s.dataset.filter!, value: s.value })),
});

let latest = 0;
/** The current search's results, and how many of them are on the page. */
let current: { state: SearchState; results: Found[]; shown: number } | undefined;

/**
 * Shows the next page of the current results under those already shown: the first few as soon as their texts arrive,
 * then the rest. The list is marked busy until the whole page is there.
 */
async function showMore(ticket: number) {
	if (!current) return;
	const { state: now, results } = current;
	const texts = results.slice(current.shown, current.shown + PAGE).map((r) => r.data());
	list.setAttribute('aria-busy', 'true');
	more.hidden = true;
	let first: HTMLLIElement | undefined;
	for (const part of [texts.slice(0, FIRST), texts.slice(FIRST)]) {
		if (!part.length) continue;
		const data = await Promise.all(part);
		if (ticket !== latest) return;
		const items = data.map(render);
		list.append(...items);
		first ??= items[0];
		current.shown += part.length;
		status.textContent = statusText(now, results.length, current.shown);
	}
	list.removeAttribute('aria-busy');
	// Also when nothing was found: then there was nothing to wait for.
	status.textContent = statusText(now, results.length, current.shown);
	const label = moreText(results.length, current.shown);
	more.hidden = !label;
	more.textContent = label ?? '';
	return first;
}

/** The search last started, as text: an input event for words already searched starts no second search. */
let started = '';

async function run() {
	const ticket = ++latest;
	const now = state();
	started = JSON.stringify(now);
	// The address a reader arrived with is already the search's: writing it again is not free (Chromium took 0.3–9 ms
	// of the main thread for it while the page loads).
	const href = searchHref(location.href, now);
	if (href !== location.href) history.replaceState(null, '', href);
	status.textContent = statusText(now);
	current = undefined;
	more.hidden = true;
	if (!now.term && !now.filters.some((f) => f.value)) {
		list.replaceChildren();
		list.removeAttribute('aria-busy');
		return;
	}
	try {
		const found = await (await pagefind()).search(now.term || null, { filters: pagefindFilters(now) });
		if (ticket !== latest) return;
		list.replaceChildren();
		current = { state: now, results: found.results, shown: 0 };
		await showMore(ticket);
	} catch {
		if (ticket === latest) status.textContent = '搜索索引加载失败，请稍后再试。';
	}
}

// The next results go under the ones shown; the first of them takes the focus, so a keyboard or screen-reader user
// carries on reading where the new results start.
more.addEventListener('click', () => {
	const ticket = latest;
	void showMore(ticket).then((first) => first?.querySelector('a')?.focus());
});

const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
for (const s of selects) {
	const v = params.get(s.name);
	if (v && ![...s.options].some((o) => o.value === v)) s.add(new Option(v, v));
	if (v) s.value = v;
}
let timer: ReturnType<typeof setTimeout> | undefined;
form.addEventListener('submit', (e) => {
	e.preventDefault();
	void run();
});
const soon = () => {
	clearTimeout(timer);
	timer = setTimeout(() => void run(), PAUSE_MS);
};
/**
 * While the pause runs, the index's chunks for the words typed so far start loading, so that the search finds them
 * there (Pagefind's preload fetches what a search would, and runs nothing).
 */
const preload = () => {
	const now = state();
	if (now.term)
		void pagefind()
			.then((pf) => pf.preload(now.term, { filters: pagefindFilters(now) }))
			.catch(() => undefined);
};
// While a Chinese input method is still composing, the box holds pinyin, not the words: the search waits for the
// characters (Chromium sends the last input event before compositionend, other browsers after it).
input.addEventListener('input', (e) => {
	if ((e as InputEvent).isComposing) return;
	// Back to the words of the search last started (typed and taken back within the pause, or another browser's input
	// event after compositionend): nothing new to search, and a pause already running for other words is dropped.
	if (JSON.stringify(state()) === started) return clearTimeout(timer);
	soon();
	preload();
});
// The characters an input method committed are a word the reader chose, not a keystroke in a burst: the search runs
// at once, without the pause (a name typed in pinyin is one or two commits, each after a pause of the reader's own).
input.addEventListener('compositionend', () => {
	clearTimeout(timer);
	void run();
});
// The index starts loading when the reader comes to the box, so that it is there by the time the words are typed.
input.addEventListener('focus', () => void pagefind().catch(() => undefined), { once: true });
for (const s of selects) s.addEventListener('change', () => void run());
void completeOptions().catch(() => undefined);
void run();
