import type { APIRoute } from 'astro';
import { recordPublication } from '../../page-data/evidence.ts';
import { PUBLIC_RECORD_FIELDS } from '../../lib/dishonesty/public.ts';
import { toCsv } from '../../lib/opendata/csv.ts';

export const GET: APIRoute = () =>
	new Response(toCsv(recordPublication().records as unknown as Record<string, unknown>[], PUBLIC_RECORD_FIELDS));
