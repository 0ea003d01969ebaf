import type { APIRoute } from 'astro';
import { publicUnits } from '../../lib/site/units.ts';
import { toCsv } from '../../lib/opendata.ts';

export const GET: APIRoute = async () =>
	new Response(
		toCsv(
			(await publicUnits()).map((u) => ({ ...u, names: u.names.map((n) => `${n.name}（${n.from ?? ''}～${n.to ?? ''}）`) })),
			['id', 'name', 'category', 'from', 'to', 'mergedInto', 'names'],
		),
	);
