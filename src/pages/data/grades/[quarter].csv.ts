import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { scoredQuarters, type ScoredQuarter } from '../../../lib/site/quarters.ts';
import { gradesCsv } from '../../../lib/opendata.ts';

export async function getStaticPaths() {
	return (await scoredQuarters()).map((q) => ({ params: { quarter: q.quarter }, props: { q } }));
}
export const GET: APIRoute = async ({ props }) => {
	const q = (props as { q: ScoredQuarter }).q;
	const rubric = (await getEntry('rubrics', String(q.rubric)))!.data;
	return new Response(gradesCsv(q, rubric.indicators.map((i) => i.id)));
};
