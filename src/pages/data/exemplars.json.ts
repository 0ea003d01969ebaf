import type { APIRoute } from 'astro';
import { exemplarFiles } from '../../lib/site/exemplars.ts';

export const GET: APIRoute = async () => (await exemplarFiles('all')).json();
