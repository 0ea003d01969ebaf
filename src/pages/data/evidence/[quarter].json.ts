import type { APIRoute } from 'astro';
import { evidenceQuarters, evidenceRows } from '../../../lib/site/evidence.ts';

export function getStaticPaths() {
	return evidenceQuarters().map((quarter) => ({ params: { quarter } }));
}
// Bytes rather than a string body: Response re-checks a string's every character (USVString), megabytes per file.
export const GET: APIRoute = ({ params }) =>
	new Response(Buffer.from(JSON.stringify(evidenceRows(params.quarter!), null, 1)));
