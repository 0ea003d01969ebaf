import type { APIRoute } from 'astro';
import { loadRegister } from '../../page-data/commitments.ts';
import { nameOn } from '../../lib/units/names.ts';
import { pledgesCsv, pledgesJson } from '../../lib/commitments/opendata.ts';

/** `/data/pledges.csv`: the CSV twin of pledges.json (UTF-8 with BOM). */
export const GET: APIRoute = async () => {
	const register = await loadRegister();
	return new Response(
		pledgesCsv(pledgesJson(register.pledges, (id, date) => (date ? nameOn(register.names, id, date) : (register.units.get(id)?.name ?? id)), register.pledgeQuarters)),
	);
};
