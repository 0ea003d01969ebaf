import type { APIRoute } from 'astro';
import { EVIDENCE_FIELDS, evidenceQuarters, evidenceRows } from '../../../lib/site/evidence.ts';
import { toCsv } from '../../../lib/opendata.ts';

export function getStaticPaths() {
	return evidenceQuarters().map((quarter) => ({ params: { quarter } }));
}
// Bytes rather than a string body: Response re-checks a string's every character (USVString), megabytes per file.
export const GET: APIRoute = ({ params }) =>
	new Response(Buffer.from(toCsv(evidenceRows(params.quarter!), EVIDENCE_FIELDS)));
