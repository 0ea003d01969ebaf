/**
 * `/commitments/pledges/search.json`: what the search on `/commitments/pledges/` looks through, every pledge's id,
 * enterprise, 统一社会信用代码, unit and signing date (all published on the units' pledge pages and in
 * `/data/pledges.json`), in the pages' order.
 */
import type { APIRoute } from 'astro';
import { loadRegister, pledgesByUnit } from '../../../page-data/commitments.ts';
import { pledgeIndex } from '../../../lib/commitments/pledges.ts';

export const GET: APIRoute = async () => {
	const register = await loadRegister();
	const index = pledgeIndex(
		pledgesByUnit(register).flatMap((g) => g.pledges),
		(id) => register.units.get(id)?.name ?? id,
	);
	return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
};
