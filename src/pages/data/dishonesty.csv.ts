import type { APIRoute } from 'astro';
import { DISHONESTY_FIELDS, dishonestyRecords } from '../../lib/site/evidence.ts';
import { toCsv } from '../../lib/opendata.ts';

export const GET: APIRoute = async () => new Response(toCsv(await dishonestyRecords(), DISHONESTY_FIELDS));
