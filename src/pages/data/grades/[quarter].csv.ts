import type { APIRoute } from 'astro';
import { scoredQuarters } from '../../../lib/site/quarters.ts';
import { bulkBody } from '../../../lib/opendata/bulk.ts';

/** `/data/grades/<YYYY-Qn>.csv`: the CSV twin of the quarter's results, one column per indicator's points. */
export async function getStaticPaths() {
	return (await scoredQuarters()).map((q) => ({ params: { quarter: q.quarter } }));
}
export const GET: APIRoute = async ({ params }) => new Response(await bulkBody(`grades/${params.quarter}.csv`));
