import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, getEntry } from 'astro:content';
import { scoredQuarters, unitHistory } from '../../page-data/quarters.ts';
import { chartCsv, gradeDistributionChart, unitTrendChart, type Chart } from '../../page-data/charts.ts';
import { nameOn } from '../../lib/units/names.ts';

/**
 * `/charts/<id>.csv`: the numbers of every chart of the site ("下载本图数据"), made by the same functions as the charts
 * on the home page and the unit pages.
 */
export const getStaticPaths = (async () => {
	const charts: Chart[] = [];
	const [latest] = await scoredQuarters();
	if (latest) charts.push(gradeDistributionChart(latest));
	const asOf = (await getEntry('site', 'site'))!.data.asOf;
	for (const { data: unit } of await getCollection('units')) {
		const c = unitTrendChart(unit.id, nameOn(unit.names, unit.id, asOf), await unitHistory(unit.id));
		if (c) charts.push(c);
	}
	return charts.map((chart) => ({ params: { chart: chart.id }, props: { chart } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(chartCsv((props as { chart: Chart }).chart));
