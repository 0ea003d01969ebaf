import type { APIRoute } from 'astro';
import { scoredQuarters, type ScoredQuarter } from '../../../lib/site/quarters.ts';
import { gradesJson } from '../../../lib/opendata.ts';

export async function getStaticPaths() {
	return (await scoredQuarters()).map((q) => ({ params: { quarter: q.quarter }, props: { q } }));
}
export const GET: APIRoute = ({ props }) => {
	const q = (props as { q: ScoredQuarter }).q;
	return new Response(JSON.stringify(gradesJson(q, q.asOf), null, 1));
};
