import type { APIRoute } from 'astro';
import { bulkBody, evidenceFileQuarters } from '../../../lib/opendata/bulk.ts';

/** `/data/evidence/<YYYY-Qn>.json`: the quarter's evidence rows (written by the build's 写出开放数据 stage). */
export function getStaticPaths() {
	return evidenceFileQuarters().map((quarter) => ({ params: { quarter } }));
}
export const GET: APIRoute = async ({ params }) =>
	new Response(await bulkBody(`evidence/${params.quarter}.json`));
