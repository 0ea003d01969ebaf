/** `/robots.txt` (src/lib/robots.ts). */
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { robotsTxt } from '../lib/robots.ts';

export const GET: APIRoute = async () =>
	new Response(robotsTxt((await getEntry('site', 'site'))!.data), {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
