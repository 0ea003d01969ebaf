import type { APIRoute } from 'astro';
import { recordPublication } from '../../page-data/evidence.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(recordPublication().records, null, 1));
