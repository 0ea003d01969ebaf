import type { APIRoute } from 'astro';
import { loadRegister } from '../../page-data/commitments.ts';
import { nameOn } from '../../lib/units/names.ts';
import { pledgesCsv, pledgesJson } from '../../lib/commitments/opendata.ts';

/** `/data/pledges.csv`: the CSV twin of pledges.json (UTF-8 with BOM). */
export const GET: APIRoute = async () => {
	const reg = await loadRegister();
	return new Response(
		pledgesCsv(pledgesJson(reg.pledges, (id, date) => (date ? nameOn(reg.names, id, date) : (reg.units.get(id)?.name ?? id)), reg.pledgeValidQuarters)),
	);
};
