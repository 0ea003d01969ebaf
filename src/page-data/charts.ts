/**
 * The site's charts, each made once from the published results so that the page that draws it and the CSV file of
 * its numbers (`/charts/<id>.csv`, "下载本图数据") say exactly the same thing: the page renders `spec` as a table and a
 * canvas (`src/components/ChartFigure.astro`), and `chartCsv` writes the same labels and values, built at build time
 * so the download works without JavaScript.
 */
import type { GRADES as GradeChoices } from '../schemas/enums.ts';
import { GRADE_CODES, UNIT_CATEGORY_CODES } from '../schemas/enums.ts';
import { t } from '../i18n/zh-CN.ts';
import { quarterLabel } from '../lib/quarters.ts';
import { toCsv } from '../lib/opendata/csv.ts';
import { gradeCounts } from '../lib/scoring/grade-text.ts';
import type { ScoredQuarter, UnitQuarter } from './quarters.ts';

/** What a chart draws (carried by its figure's `data-chart` attribute to `src/scripts/charts.ts`). */
export interface ChartSpec {
	type: 'bar' | 'line';
	labels: string[];
	series: { label: string; values: (number | null)[]; color: string }[];
	stacked?: boolean;
	yMax?: number;
}

/** A chart: its numbers and the words around them. */
export interface Chart {
	/** Stable id: the name of its CSV file. */
	id: string;
	caption: string;
	/** A sentence that says what the chart shows, read by screen readers. */
	summary: string;
	/** Header of the label column of the table (and of the CSV file). */
	labelHeader: string;
	spec: ChartSpec;
	/** How the table shows a value (the CSV file has the numbers themselves). */
	decimals?: number;
}

/** Where a chart's numbers are published. */
export const chartCsvPath = (id: string) => `/charts/${id}.csv`;

const GRADE_COLORS: Record<(typeof GradeChoices)[number]['value'], string> = {
	red: '#b42318',
	blue: '#1d4ed8',
	yellow: '#a16207',
};

/** The home page's chart: the latest quarter's units by category and grade. */
export function gradeDistributionChart(latest: ScoredQuarter): Chart {
	const present = UNIT_CATEGORY_CODES.filter((c) => latest.units.some((u) => u.category === c));
	const label = quarterLabel(latest.quarter);
	return {
		id: `grades-${latest.quarter}`,
		caption: `${label}各类单位等次分布（单位：个）`,
		summary: `${label}各类单位等次分布：${present.map((c) => `${t.category[c]}${gradeCounts(latest.units.filter((u) => u.category === c))}`).join('；')}`,
		labelHeader: '类别',
		spec: {
			type: 'bar',
			stacked: true,
			labels: present.map((c) => t.category[c]),
			series: GRADE_CODES.map((g) => ({
				label: `${t.gradeIcon[g]} ${t.grade[g]}`,
				color: GRADE_COLORS[g],
				values: present.map((c) => latest.units.filter((u) => u.category === c && u.grade === g).length),
			})),
		},
	};
}

/**
 * A unit's score over its quarters, oldest first, or undefined with fewer than two. A quarter when the unit had
 * another name than `name` (today's) is labelled with that name.
 */
export function unitTrendChart(
	unitId: string,
	name: string,
	history: readonly UnitQuarter[],
): Chart | undefined {
	if (history.length < 2) return undefined;
	const oldest = [...history].reverse();
	const then = (other: string) => (other === name ? '' : `（时称“${other}”）`);
	return {
		id: `unit-${unitId}-scores`,
		caption: `${name}各季度得分走势`,
		summary: `${name}各季度得分：${oldest.map((h) => `${quarterLabel(h.quarter)}${then(h.result.name)} ${h.result.score.toFixed(1)} 分`).join('，')}`,
		labelHeader: '季度',
		spec: {
			type: 'line',
			yMax: 100,
			// The quarter as every table of the site writes it, the name it had then where it differs.
			labels: oldest.map((h) => `${quarterLabel(h.quarter)}${then(h.result.name)}`),
			series: [{ label: '得分', color: '#9b1c1c', values: oldest.map((h) => h.result.score) }],
		},
		decimals: 1,
	};
}

/** A chart's numbers as CSV: the label column, then one column per series, one row per label. */
export function chartCsv(c: Chart): string {
	const columns = [c.labelHeader, ...c.spec.series.map((s) => s.label)];
	return toCsv(
		c.spec.labels.map((label, i) =>
			Object.fromEntries([[c.labelHeader, label], ...c.spec.series.map((s) => [s.label, s.values[i]])]),
		),
		columns,
	);
}
