import type { APIRoute } from 'astro';
import { bulkBody, evidenceFileQuarters } from '../../../lib/opendata/bulk.ts';

/** `/data/evidence/<YYYY-Qn>.csv`: the CSV twin of the quarter's evidence file. */
export function getStaticPaths() {
	return evidenceFileQuarters().map((quarter) => ({ params: { quarter } }));
}
export const GET: APIRoute = async ({ params }) => new Response(await bulkBody(`evidence/${params.quarter}.csv`));
