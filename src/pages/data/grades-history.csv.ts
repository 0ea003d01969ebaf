import type { APIRoute } from 'astro';
import { scoredQuarters } from '../../page-data/quarters.ts';
import { HISTORY_FIELDS, historyRows } from '../../page-data/history.ts';
import { toCsv } from '../../lib/opendata/csv.ts';

/** `/data/grades-history.csv`: the CSV twin of the history file. */
export const GET: APIRoute = async () => new Response(toCsv(historyRows(await scoredQuarters()), HISTORY_FIELDS));
