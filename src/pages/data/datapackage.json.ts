import type { APIRoute } from 'astro';
import { getCollection, getEntry } from 'astro:content';
import { openDataFiles } from '../../page-data/opendata-files.ts';
import { buildDataPackage } from '../../lib/opendata/datapackage.ts';

/** `/data/datapackage.json`: the Frictionless Data Package of every open-data file of this build. */
export const GET: APIRoute = async () => {
	const site = (await getEntry('site', 'site'))!.data;
	const rubrics = (await getCollection('rubrics')).map((r) => r.data);
	const pkg = buildDataPackage({ site, asOf: site.asOf, rubrics, files: await openDataFiles() });
	return new Response(JSON.stringify(pkg, null, 1));
};
