/**
 * Charts, loaded lazily: Chart.js (about 60 KB gzipped, 170 KB parsed) is fetched and run only when a chart comes
 * near the viewport, so that it never holds up the page's first paint or the reader's first tap on a phone. The
 * table in each figure is there from the start; the chart is drawn over it from the same numbers (`chart-draw.ts`).
 */

/** How far below the viewport a chart starts loading: a quarter of a screen ahead of the reader's scrolling. */
const AHEAD = '25% 0px';

type Drawer = typeof import('./chart-draw.ts');
type Drawn = ReturnType<Drawer['draw']>;

/** Resolves when the browser is next idle (or soon, where it cannot say). */
const idle = () =>
	new Promise<void>((done) =>
		'requestIdleCallback' in window
			? requestIdleCallback(() => done(), { timeout: 1000 })
			: setTimeout(done, 50),
	);

const figures = [...document.querySelectorAll<HTMLElement>('figure[data-chart]')];
const drawn: Drawn[] = [];
let drawer: Promise<Drawer> | undefined;

if (figures.length) {
	const observer = new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				if (!entry.isIntersecting) continue;
				observer.unobserve(entry.target);
				// Once the page has done its own work (its first paint, the reader's first taps), not during it.
				drawer ??= idle().then(() => import('./chart-draw.ts'));
				void drawer.then((d) => drawn.push(d.draw(entry.target as HTMLElement)));
			}
		},
		{ rootMargin: AHEAD },
	);
	for (const f of figures) observer.observe(f);

	// The reader may switch 长辈模式 on or off while the page is open: the drawn charts follow the new text size.
	new MutationObserver(() => {
		void drawer?.then((d) => drawn.forEach(d.resize));
	}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-mode'] });
}
