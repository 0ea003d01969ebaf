import type { APIRoute } from 'astro';
import { scoredQuarters } from '../../../lib/site/quarters.ts';
import { bulkBody } from '../../../lib/opendata/bulk.ts';

/** `/data/grades/<YYYY-Qn>.json`: the quarter's results (written by the build's 写出开放数据 stage). */
export async function getStaticPaths() {
	return (await scoredQuarters()).map((q) => ({ params: { quarter: q.quarter } }));
}
export const GET: APIRoute = async ({ params }) => new Response(await bulkBody(`grades/${params.quarter}.json`));
