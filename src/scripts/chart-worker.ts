/**
 * The chart worker: Chart.js runs and draws here, on canvases the page hands over (`transferControlToOffscreen`), so
 * that neither its 170 KB of code nor its drawing holds up the page on a phone. The page forwards what a worker
 * cannot see: the canvas's size, the text size of 长辈模式, and the reader's pointer (for tooltips and the legend).
 */
import { draw, setFontSize, type Chart } from './chart-draw.ts';
import type { FromChartWorker, ToChartWorker } from './chart-protocol.ts';

const charts = new Map<number, Chart>();
const answer = (m: FromChartWorker) => self.postMessage(m);

/** Chart.js's own event entry point (what its DOM platform calls with a canvas's mouse events), not in its typings. */
type EventTarget = {
	_eventHandler(e: { type: string; native: { type: string }; x: number; y: number }): void;
};

self.addEventListener('message', (e: MessageEvent<ToChartWorker>) => {
	const m = e.data;
	if (m.type === 'draw') {
		m.canvas.width = m.width;
		m.canvas.height = m.height;
		charts.set(m.id, draw(m.canvas, m.spec, m.fontSize, m.devicePixelRatio));
		answer({ type: 'drawn', id: m.id, fontSize: m.fontSize });
		return;
	}
	const chart = charts.get(m.id);
	if (!chart) return;
	if (m.type === 'resize') {
		chart.resize(m.width, m.height);
		setFontSize(chart, m.fontSize);
		answer({ type: 'drawn', id: m.id, fontSize: m.fontSize });
	} else {
		(chart as unknown as EventTarget)._eventHandler({
			type: m.event,
			native: { type: m.event },
			x: m.x,
			y: m.y,
		});
	}
});
