import type { APIRoute } from 'astro';
import { correctionRows } from '../../page-data/ledger.ts';

/** `/data/corrections.json`: the 更正台账, one row per unit and field changed. */
export const GET: APIRoute = () => new Response(JSON.stringify(correctionRows(), null, 1));
