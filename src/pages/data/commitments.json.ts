import type { APIRoute } from 'astro';
import { loadRegister } from '../../page-data/commitments.ts';
import { commitmentsJson } from '../../lib/commitments/opendata.ts';

/** `/data/commitments.json`: every public commitment with its status on the as-of date (SPEC "Open data"). */
export const GET: APIRoute = async () =>
	new Response(JSON.stringify(commitmentsJson((await loadRegister()).views), null, 1));
