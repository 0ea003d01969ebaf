import type { APIRoute } from 'astro';
import { loadRegister } from '../../page-data/commitments.ts';
import { commitmentsCsv } from '../../lib/commitments/opendata.ts';

/** `/data/commitments.csv`: the CSV twin of commitments.json (UTF-8 with BOM). */
export const GET: APIRoute = async () => new Response(commitmentsCsv((await loadRegister()).views));
