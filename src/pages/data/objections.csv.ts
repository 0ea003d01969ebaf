import type { APIRoute } from 'astro';
import { objectionList } from '../../page-data/objections.ts';
import { OBJECTION_FIELDS } from '../../lib/objections/public.ts';
import { toCsv } from '../../lib/opendata/csv.ts';

/** `/data/objections.csv`: the CSV twin of the objections file. */
export const GET: APIRoute = () =>
	new Response(toCsv(objectionList() as unknown as Record<string, unknown>[], OBJECTION_FIELDS));
