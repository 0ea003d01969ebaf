/**
 * The open data of exemplars, read from the public collection: `/data/exemplars.{json,csv}` and the 激励名单
 * `/data/incentive-list.{json,csv}` (seed 000 第九条).
 */
import { getCollection, getEntry } from 'astro:content';
import { toCsv } from '../lib/opendata/csv.ts';
import {
	exemplarCsvColumns,
	exemplarOpenRecord,
	incentiveList,
	type ExemplarOpenRecord,
} from '../lib/exemplars/public.ts';

/** The public records in open-data shape, by year and id. */
export async function exemplarRecords(): Promise<ExemplarOpenRecord[]> {
	return (await getCollection('exemplars'))
		.map((e) => e.data)
		.sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1))
		.map(exemplarOpenRecord);
}

/** JSON and CSV responses of a list of records. */
export async function exemplarFiles(which: 'all' | 'incentive') {
	const site = (await getEntry('site', 'site'))!.data;
	const all = await exemplarRecords();
	const rows = which === 'all' ? all : incentiveList(all);
	return {
		json: () => new Response(JSON.stringify(rows, null, 1)),
		csv: () => new Response(toCsv(rows, exemplarCsvColumns(site.publishCandidateFields))),
	};
}
