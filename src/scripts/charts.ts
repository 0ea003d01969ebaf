/**
 * Charts, loaded lazily and drawn off the page's main thread: Chart.js (about 60 KB gzipped, 170 KB parsed) is fetched
 * only when a chart comes near the viewport, and it runs in a worker (`chart-worker.ts`) that draws on the figure's
 * canvas handed over with `transferControlToOffscreen`, so that neither its code nor its drawing holds up the page's
 * first paint or the reader's first tap on a phone. A browser that cannot hand a canvas to a worker draws on the page
 * (`chart-draw.ts`), once it is idle. The table in each figure is there from the start; the chart is drawn over it
 * from the same numbers.
 */
import type { ChartBox, FromChartWorker, ToChartWorker } from './chart-protocol.ts';
import type { ChartSpec } from '../page-data/charts.ts';

/** How far below the viewport a chart starts loading: a quarter of a screen ahead of the reader's scrolling. */
const AHEAD = '25% 0px';

/** Resolves when the browser is next idle (or soon, where it cannot say). */
const idle = () =>
	new Promise<void>((done) =>
		'requestIdleCallback' in window
			? requestIdleCallback(() => done(), { timeout: 1000 })
			: setTimeout(done, 50),
	);

/**
 * The text size of the page's current mode (16 px normally, larger in 长辈模式): the charts' ticks and legends use it,
 * so a chart's labels are as readable as the text around it.
 */
const fontSize = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

const specOf = (figure: HTMLElement) => JSON.parse(figure.dataset.chart!) as ChartSpec;
const canvasOf = (figure: HTMLElement) => figure.querySelector('canvas')!;

/** What a chart shows on screen: once drawn, the canvas is shown with the text size it was drawn at. */
function shown(canvas: HTMLCanvasElement, size: number) {
	// On the canvas for anyone (and the browser tests) to read.
	canvas.dataset.fontSize = String(size);
	canvas.hidden = false;
}

/** Draws figures' charts, and redraws them when the page's text size or a chart's box changes. */
interface Drawer {
	add(figure: HTMLElement): void;
	restyle(): void;
}

/** Charts drawn by the chart worker. */
function inWorker(): Drawer {
	const worker = new Worker(new URL('./chart-worker.ts', import.meta.url), { type: 'module' });
	const send = (m: ToChartWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
	const figures: HTMLElement[] = [];
	/** The box each chart was last drawn in, so that it is redrawn only when its box or text size changes. */
	const boxes: ChartBox[] = [];
	// The box the stylesheet gives the canvas (.chart-canvas; taller in 长辈模式), in CSS pixels.
	const boxOf = (figure: HTMLElement): ChartBox => {
		const { width, height } = figure.querySelector('.chart-canvas')!.getBoundingClientRect();
		return { width, height, fontSize: fontSize() };
	};
	const resize = (id: number) => {
		const box = boxOf(figures[id]);
		const last = boxes[id];
		if (box.width === last.width && box.height === last.height && box.fontSize === last.fontSize) return;
		boxes[id] = box;
		send({ type: 'resize', id, ...box });
	};
	const observer = new ResizeObserver((entries) => {
		for (const e of entries) resize(figures.indexOf(e.target.closest('figure')!));
	});
	worker.addEventListener('message', (e: MessageEvent<FromChartWorker>) =>
		shown(canvasOf(figures[e.data.id]), e.data.fontSize),
	);
	const POINTER = [
		['pointermove', 'mousemove'],
		['pointerleave', 'mouseout'],
		['click', 'click'],
	] as const;
	return {
		add(figure) {
			const id = figures.push(figure) - 1;
			const canvas = canvasOf(figure);
			const offscreen = canvas.transferControlToOffscreen();
			boxes[id] = boxOf(figure);
			const { devicePixelRatio = 1 } = window;
			send({ type: 'draw', id, canvas: offscreen, spec: specOf(figure), devicePixelRatio, ...boxes[id] }, [
				offscreen,
			]);
			observer.observe(figure.querySelector('.chart-canvas')!);
			for (const [type, event] of POINTER)
				canvas.addEventListener(type, (e: MouseEvent) =>
					send({ type: 'pointer', id, event, x: e.offsetX, y: e.offsetY }),
				);
		},
		restyle: () => figures.forEach((_, id) => resize(id)),
	};
}

/** Charts drawn on the page, where a canvas cannot be handed to a worker. */
function onPage(): Drawer {
	const module = import('./chart-draw.ts');
	const drawn: ReturnType<Awaited<typeof module>['draw']>[] = [];
	return {
		add(figure) {
			void module.then(async (d) => {
				// Running Chart.js's module and drawing a chart are each a long task on a phone: each waits for its
				// own idle moment, so that a tap between them is answered at once.
				await idle();
				const canvas = canvasOf(figure);
				canvas.hidden = false;
				const size = fontSize();
				drawn.push(d.draw(canvas, specOf(figure), size));
				shown(canvas, size);
			});
		},
		restyle() {
			void module.then((d) => {
				const size = fontSize();
				for (const chart of drawn) {
					d.setFontSize(chart, size);
					shown(chart.canvas, size);
				}
			});
		},
	};
}

const figures = [...document.querySelectorAll<HTMLElement>('figure[data-chart]')];
let drawer: Promise<Drawer> | undefined;

if (figures.length) {
	const observer = new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				if (!entry.isIntersecting) continue;
				observer.unobserve(entry.target);
				// Once the page has done its own work (its first paint, the reader's first taps), not during it.
				drawer ??= idle().then(() =>
					'transferControlToOffscreen' in HTMLCanvasElement.prototype ? inWorker() : onPage(),
				);
				void drawer.then((d) => d.add(entry.target as HTMLElement));
			}
		},
		{ rootMargin: AHEAD },
	);
	for (const f of figures) observer.observe(f);

	// The reader may switch 长辈模式 on or off while the page is open: the drawn charts follow the new text size.
	new MutationObserver(() => void drawer?.then((d) => d.restyle())).observe(document.documentElement, {
		attributes: true,
		attributeFilter: ['data-mode'],
	});
}
