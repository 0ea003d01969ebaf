import type { APIRoute } from 'astro';
import { CORRECTION_FIELDS, correctionRows } from '../../lib/site/ledger.ts';
import { toCsv } from '../../lib/opendata.ts';

/** `/data/corrections.csv`: the CSV twin of the 更正台账. */
export const GET: APIRoute = () => new Response(toCsv(correctionRows(), CORRECTION_FIELDS));
