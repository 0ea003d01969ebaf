import type { APIRoute } from 'astro';
import { objectionList } from '../../page-data/objections.ts';
import { OBJECTION_FIELDS } from '../../lib/objections/public.ts';

/** `/data/objections.json`: the objections published on the as-of date, with their working-day clocks. */
export const GET: APIRoute = () =>
	new Response(
		JSON.stringify(
			objectionList().map((o) => Object.fromEntries(OBJECTION_FIELDS.map((k) => [k, o[k]]))),
			null,
			1,
		),
	);
