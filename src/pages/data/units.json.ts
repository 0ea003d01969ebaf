import type { APIRoute } from 'astro';
import { publicUnits } from '../../page-data/units.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(await publicUnits(), null, 1));
