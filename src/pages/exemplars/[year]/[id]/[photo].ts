/**
 * The photos of public exemplars, at `/exemplars/<year>/<id>/photo-<n>.<jpg|png>`: served as validated (120×160,
 * under 30 KB) with their metadata removed. Only the `exemplarPhotos` collection feeds this route, and it holds
 * photos of public candidates only.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';

export const getStaticPaths = (async () =>
	(await getCollection('exemplarPhotos')).map((p) => {
		const [, , year, id, photo] = p.data.src.split('/');
		return { params: { year, id, photo }, props: { base64: p.data.base64 } };
	})) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(Buffer.from(props.base64 as string, 'base64'));
