import type { APIRoute } from 'astro';
import { scoredQuarters } from '../../lib/site/quarters.ts';
import { historyRows } from '../../lib/site/history.ts';

/** `/data/grades-history.json`: every public quarter × unit. */
export const GET: APIRoute = async () => new Response(JSON.stringify(historyRows(await scoredQuarters()), null, 1));
