import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import type { Rubric } from '../../../schemas/rubric.ts';
import { rubricCsv } from '../../../lib/opendata/rubric.ts';

/** `/data/rubrics/<YYYY>.csv`: the CSV twin of the rubric, one row per indicator. */
export async function getStaticPaths() {
	return (await getCollection('rubrics')).map((r) => ({ params: { year: r.id }, props: { rubric: r.data } }));
}
export const GET: APIRoute = ({ props }) => new Response(rubricCsv((props as { rubric: Rubric }).rubric));
