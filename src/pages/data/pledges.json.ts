import type { APIRoute } from 'astro';
import { loadRegister } from '../../page-data/commitments.ts';
import { nameOn } from '../../lib/units/names.ts';
import { pledgesJson } from '../../lib/commitments/opendata.ts';

/** `/data/pledges.json`: every enterprise credit pledge (SPEC "Open data"). */
export const GET: APIRoute = async () => {
	const reg = await loadRegister();
	const rows = pledgesJson(reg.pledges, (id, date) => (date ? nameOn(reg.names, id, date) : (reg.units.get(id)?.name ?? id)), reg.pledgeValidQuarters);
	return new Response(JSON.stringify(rows, null, 1));
};
