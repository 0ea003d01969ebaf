import type { APIRoute } from 'astro';
import { EVIDENCE_FIELDS, evidenceByQuarter } from '../../../lib/site/evidence.ts';
import { toCsv } from '../../../lib/opendata.ts';

export async function getStaticPaths() {
	return [...(await evidenceByQuarter())].map(([quarter, rows]) => ({ params: { quarter }, props: { rows } }));
}
export const GET: APIRoute = ({ props }) => new Response(toCsv(props.rows, EVIDENCE_FIELDS));
