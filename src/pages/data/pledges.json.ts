import type { APIRoute } from 'astro';
import { loadRegister } from '../../page-data/commitments.ts';
import { nameOn } from '../../lib/units/names.ts';
import { pledgesJson } from '../../lib/commitments/opendata.ts';

/** `/data/pledges.json`: every enterprise credit pledge (SPEC "Open data"). */
export const GET: APIRoute = async () => {
	const register = await loadRegister();
	const rows = pledgesJson(register.pledges, (id, date) => (date ? nameOn(register.names, id, date) : (register.units.get(id)?.name ?? id)), register.pledgeQuarters);
	return new Response(JSON.stringify(rows, null, 1));
};
