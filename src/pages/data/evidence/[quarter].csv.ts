import type { APIRoute } from 'astro';
import { EVIDENCE_FIELDS, evidenceQuarters, evidenceRows } from '../../../lib/site/evidence.ts';
import { toCsv } from '../../../lib/opendata.ts';

export function getStaticPaths() {
	return evidenceQuarters().map((quarter) => ({ params: { quarter } }));
}
export const GET: APIRoute = ({ params }) => new Response(toCsv(evidenceRows(params.quarter!), EVIDENCE_FIELDS));
