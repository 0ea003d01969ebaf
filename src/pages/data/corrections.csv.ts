import type { APIRoute } from 'astro';
import { CORRECTION_FIELDS, correctionRows } from '../../page-data/ledger.ts';
import { toCsv } from '../../lib/opendata/csv.ts';

/** `/data/corrections.csv`: the CSV twin of the 更正台账. */
export const GET: APIRoute = () => new Response(toCsv(correctionRows(), CORRECTION_FIELDS));
