import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';

export async function getStaticPaths() {
	return (await getCollection('rubrics')).map((r) => ({ params: { year: r.id }, props: { rubric: r.data } }));
}
export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.rubric, null, 1));
