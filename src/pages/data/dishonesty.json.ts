import type { APIRoute } from 'astro';
import { dishonestyRecords } from '../../lib/site/evidence.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(await dishonestyRecords(), null, 1));
