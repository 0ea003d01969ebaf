import type { APIRoute } from 'astro';
import { publicUnits } from '../../page-data/units.ts';
import { toCsv } from '../../lib/opendata/csv.ts';

export const GET: APIRoute = async () =>
	new Response(
		toCsv(
			(await publicUnits()).map((u) => ({ ...u, names: u.names.map((n) => `${n.name}（${n.from ?? ''}～${n.to ?? ''}）`) })),
			['id', 'name', 'category', 'from', 'to', 'mergedInto', 'names'],
		),
	);
