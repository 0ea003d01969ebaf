/** Messages between the page (`charts.ts`) and the chart worker (`chart-worker.ts`). */
import type { ChartSpec } from '../page-data/charts.ts';

/** A chart's size in CSS pixels and the text size its ticks and legend follow. */
export interface ChartBox {
	width: number;
	height: number;
	fontSize: number;
}

/** What the page asks the worker. */
export type ToChartWorker =
	| ({
			type: 'draw';
			id: number;
			canvas: OffscreenCanvas;
			spec: ChartSpec;
			devicePixelRatio: number;
	  } & ChartBox)
	| ({ type: 'resize'; id: number } & ChartBox)
	/** A reader's pointer over the chart, in CSS pixels from the canvas's corner: tooltips and the legend follow it. */
	| { type: 'pointer'; id: number; event: 'mousemove' | 'mouseout' | 'click'; x: number; y: number };

/** What the worker answers: the chart is on screen, drawn with ticks and legend at `fontSize`. */
export interface FromChartWorker {
	type: 'drawn';
	id: number;
	fontSize: number;
}
