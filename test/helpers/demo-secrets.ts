/**
 * What must never reach a built site, listed from a data folder by hand-written rules (independent of
 * src/lib/exemplars/public.ts, which is what the scan checks):
 * - for every candidate: 联系人及方式 (whole, and each of its parts: the person and the number), 推荐单位意见, the
 *   birth month in the ways it could be written (unless `publishBirth`);
 * - every credit-review detail and every internal note on an objection or revocation;
 * - for the candidates the test names as not public: every distinctive field (姓名, 事迹名称, 主要事迹, 曾获主要奖励,
 *   宣传报道情况, 照片说明) and every paragraph of their story.
 * Long texts are also listed clause by clause (clauses of 12 characters or more), so that half a sentence copied
 * somewhere is still caught — except a clause that the data publishes anyway in a public table (a story may quote its
 * unit's public commitment word for word, which is no leak).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { diskFiles } from '../../src/loaders/data-dir.ts';
import { normalise, type Secret } from './privacy-scan.ts';

/** The text of the data folder's public tables and documents (everything but exemplars/, calendar/, templates/). */
function publicDataText(dataDir: string): string {
	const parts: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const f = join(d, name);
			const rel = relative(dataDir, f).replace(/\\/g, '/');
			if (/^(exemplars|calendar|templates)(\/|$)/.test(rel)) continue;
			if (statSync(f).isDirectory()) walk(f);
			else if (/\.(csv|json|mdx)$/.test(name)) parts.push(readFileSync(f, 'utf8'));
		}
	};
	walk(dataDir);
	return normalise(parts.join('\n'));
}

/** A long text and its clauses of at least 12 characters that the public tables do not hold. */
function clauses(label: string, text: string | undefined, published: string): Secret[] {
	if (!text) return [];
	const clauses = text
		.split(/[，。；：、！？,;:!?\n]/)
		.map((s) => s.trim())
		.filter((s) => [...s].length >= 12 && s !== text && !published.includes(normalise(s)));
	return [{ label, value: text }, ...clauses.map((value) => ({ label, value }))];
}

/** The paragraphs of a Markdown story, headings and emphasis marks removed. */
function paragraphs(markdown: string): string[] {
	return markdown
		.split(/\n\s*\n/)
		.map((p) =>
			p
				.replace(/^#+\s*/gm, '')
				.replace(/[*_`>]/g, '')
				.trim(),
		)
		.filter((p) => [...p].length >= 12);
}

/** The private values of a data folder. */
export function privateValues(
	dataDir: string,
	options: { notPublic: readonly string[]; publishBirth?: boolean },
): Secret[] {
	const d = validateDataset(diskFiles(dataDir), 'data/');
	const published = publicDataText(dataDir);
	const withClauses = (label: string, text: string | undefined) => clauses(label, text, published);
	const out: Secret[] = [];
	for (const { value: c } of d.candidates) {
		const who = `${c.id} `;
		out.push({ label: `${who}联系人及方式`, value: c.contact });
		for (const part of c.contact.split(/\s+/))
			if (part) out.push({ label: `${who}联系人及方式`, value: part });
		out.push(...withClauses(`${who}推荐单位意见`, c.opinion));
		if (!options.publishBirth) {
			const [y, m] = c.birth.split('-');
			for (const v of [c.birth, `${y}年${Number(m)}月`, `${y}年${m}月`, `${y}.${m}`])
				out.push({ label: `${who}出生年月`, value: v });
		}
		if (options.notPublic.includes(c.id)) {
			out.push({ label: `${who}姓名`, value: c.name });
			out.push(...withClauses(`${who}事迹名称`, c.title));
			out.push(...withClauses(`${who}主要事迹`, c.summary));
			out.push(...withClauses(`${who}曾获主要奖励`, c.awards));
			out.push(...withClauses(`${who}宣传报道情况`, c.coverage));
			out.push(...withClauses(`${who}照片说明`, c.photoAlt));
			const story = d.stories.get(c.id);
			if (story) for (const p of paragraphs(story.source)) out.push(...withClauses(`${who}详细事迹`, p));
		}
	}
	for (const { value: r } of d.reviews) out.push(...withClauses(`${r.candidateId} 信用审查说明`, r.detail));
	for (const { value: e } of d.events) out.push(...withClauses(`${e.candidateId} 内部说明`, e.detail));
	return out;
}

/**
 * The image data of the photos of candidates who are not public: the last 256 bytes of each file (entropy-coded
 * picture data, which no metadata stripping changes), to be looked for in every file of the site.
 */
export function privatePhotoBytes(
	dataDir: string,
	notPublic: readonly string[],
): { label: string; bytes: Buffer }[] {
	const d = validateDataset(diskFiles(dataDir), 'data/');
	return d.photos
		.filter((p) => notPublic.includes(p.candidateId))
		.map((p) => ({
			label: `${p.candidateId} 照片`,
			bytes: readFileSync(join(dataDir, p.path)).subarray(-256),
		}));
}
