import type { APIRoute } from 'astro';
import { scoredQuarters } from '../../lib/site/quarters.ts';
import { HISTORY_FIELDS, historyRows } from '../../lib/site/history.ts';
import { toCsv } from '../../lib/opendata.ts';

/** `/data/grades-history.csv`: the CSV twin of the history file. */
export const GET: APIRoute = async () => new Response(toCsv(historyRows(await scoredQuarters()), HISTORY_FIELDS));
