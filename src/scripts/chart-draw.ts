/**
 * The one Chart.js module: registers only the controllers and elements our charts use (tree-shaken; never
 * `chart.js/auto`) and draws a `figure[data-chart]` from the numbers rendered at build time. The table in the figure
 * is the source; the chart is an enhancement. Loaded by `charts.ts` only when a chart comes near the viewport.
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

/**
 * The text size of the page's current mode (16 px normally, larger in 长辈模式): the charts' ticks and legends use it,
 * so a chart's labels are as readable as the text around it.
 */
const fontSize = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

/** Draws the chart of a figure, its ticks and legend at the page's text size. */
export function draw(figure: HTMLElement): Chart {
	const spec = JSON.parse(figure.dataset.chart!) as ChartSpec;
	const canvas = figure.querySelector('canvas')!;
	canvas.hidden = false;
	const size = fontSize();
	// What the ticks and legend are drawn at, on the canvas for anyone (and the browser tests) to read.
	canvas.dataset.fontSize = String(size);
	return new Chart(canvas, {
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
			scales: {
				x: { stacked: spec.stacked, ticks: { font: { size } } },
				y: { stacked: spec.stacked, beginAtZero: true, max: spec.yMax, ticks: { font: { size } } },
			},
			plugins: { legend: { labels: { font: { size } } } },
		},
	});
}

/** Redraws a chart's ticks and legend at the page's current text size (after the reader switches 长辈模式). */
export function resize(chart: Chart): void {
	const size = fontSize();
	const o = chart.options;
	for (const axis of ['x', 'y'] as const) {
		const ticks = o.scales?.[axis]?.ticks;
		if (ticks) ticks.font = { size };
	}
	if (o.plugins?.legend?.labels) o.plugins.legend.labels.font = { size };
	chart.update();
	chart.canvas.dataset.fontSize = String(size);
}
