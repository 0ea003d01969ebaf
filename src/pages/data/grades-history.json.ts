import type { APIRoute } from 'astro';
import { scoredQuarters } from '../../page-data/quarters.ts';
import { historyRows } from '../../page-data/history.ts';

/** `/data/grades-history.json`: every public quarter × unit. */
export const GET: APIRoute = async () => new Response(JSON.stringify(historyRows(await scoredQuarters()), null, 1));
