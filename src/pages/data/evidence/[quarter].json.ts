import type { APIRoute } from 'astro';
import { evidenceQuarters, evidenceRows } from '../../../lib/site/evidence.ts';

export function getStaticPaths() {
	return evidenceQuarters().map((quarter) => ({ params: { quarter } }));
}
export const GET: APIRoute = ({ params }) => new Response(JSON.stringify(evidenceRows(params.quarter!), null, 1));
