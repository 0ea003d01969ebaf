/**
 * The one Chart.js module: registers only the controllers and elements our charts use (tree-shaken; never
 * `chart.js/auto`) and draws a chart from the numbers rendered at build time into its figure. The table in the figure
 * is the source; the chart is an enhancement. It runs in the chart worker (`chart-worker.ts`, on a canvas handed over
 * with `transferControlToOffscreen`), or on the page itself in a browser that cannot hand a canvas to a worker.
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
} from 'chart.js';

Chart.register(
	BarController,
	BarElement,
	LineController,
	LineElement,
	PointElement,
	CategoryScale,
	LinearScale,
	Legend,
	Tooltip,
);

import type { ChartSpec } from '../page-data/charts.ts';

export type { Chart };

/**
 * Draws a chart, its ticks and legend at `fontSize` (the page's text size: 16 px normally, larger in 长辈模式, so a
 * chart's labels are as readable as the text around it). On an OffscreenCanvas, whose size no stylesheet sets, the
 * chart takes the canvas's width and height as its size in CSS pixels and draws at `devicePixelRatio`.
 */
export function draw(
	canvas: HTMLCanvasElement | OffscreenCanvas,
	spec: ChartSpec,
	fontSize: number,
	devicePixelRatio?: number,
): Chart {
	const size = fontSize;
	// Chart.js draws on an OffscreenCanvas (with its BasicPlatform: no DOM, no events of its own), though its typings
	// name only the DOM canvas.
	return new Chart(canvas as HTMLCanvasElement, {
		type: spec.type,
		data: {
			labels: spec.labels,
			datasets: spec.series.map((s, i) => ({
				label: s.label,
				data: s.values,
				backgroundColor: s.color,
				borderColor: s.color,
				borderWidth: 2,
				// A different point shape per series, so lines differ by more than colour.
				pointStyle: (['circle', 'rect', 'triangle'] as const)[i % 3],
				pointRadius: 4,
			})),
		},
		options: {
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			devicePixelRatio,
			scales: {
				x: { stacked: spec.stacked, ticks: { font: { size } } },
				y: { stacked: spec.stacked, beginAtZero: true, max: spec.yMax, ticks: { font: { size } } },
			},
			plugins: { legend: { labels: { font: { size } } } },
		},
	});
}

/** Sets a drawn chart's ticks and legend to a new text size (after the reader switches 长辈模式); redraws it. */
export function setFontSize(chart: Chart, size: number): void {
	const o = chart.options;
	for (const axis of ['x', 'y'] as const) {
		const ticks = o.scales?.[axis]?.ticks;
		if (ticks) ticks.font = { size };
	}
	if (o.plugins?.legend?.labels) o.plugins.legend.labels.font = { size };
	chart.update();
}
