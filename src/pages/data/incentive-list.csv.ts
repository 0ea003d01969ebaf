import type { APIRoute } from 'astro';
import { exemplarFiles } from '../../page-data/exemplars.ts';

export const GET: APIRoute = async () => (await exemplarFiles('incentive')).csv();
