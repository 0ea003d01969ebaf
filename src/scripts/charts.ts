/**
 * The one Chart.js module: registers only the controllers and elements our charts use (tree-shaken; never
 * `chart.js/auto`) and draws every `figure[data-chart]` from the numbers rendered at build time. The table in the
 * figure is the source; the chart is an enhancement.
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

/** What a figure carries in its `data-chart` attribute. */
export interface ChartSpec {
	type: 'bar' | 'line';
	labels: string[];
	series: { label: string; values: (number | null)[]; color: string }[];
	stacked?: boolean;
	yMax?: number;
}

const large = () => document.documentElement.dataset.mode === 'large';

for (const figure of document.querySelectorAll<HTMLElement>('figure[data-chart]')) {
	const spec = JSON.parse(figure.dataset.chart!) as ChartSpec;
	const canvas = figure.querySelector('canvas')!;
	canvas.hidden = false;
	new Chart(canvas, {
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
				x: { stacked: spec.stacked, ticks: { font: { size: large() ? 16 : 12 } } },
				y: {
					stacked: spec.stacked,
					beginAtZero: true,
					max: spec.yMax,
					ticks: { font: { size: large() ? 16 : 12 } },
				},
			},
			plugins: { legend: { labels: { font: { size: large() ? 16 : 12 } } } },
		},
	});
}
