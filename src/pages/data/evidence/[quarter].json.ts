import type { APIRoute } from 'astro';
import { evidenceByQuarter } from '../../../lib/site/evidence.ts';

export async function getStaticPaths() {
	return [...(await evidenceByQuarter())].map(([quarter, rows]) => ({ params: { quarter }, props: { rows } }));
}
export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.rows, null, 1));
