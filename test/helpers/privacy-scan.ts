/**
 * The privacy scan: reads every file of a built site — HTML, JSON, CSV, XML, scripts, images and the pagefind index,
 * whose files are gzip-compressed (decompressed here before reading) — and reports
 * - every occurrence of a private value it is given (a contact, an opinion, a review detail …), and
 * - anything shaped like a mainland mobile number or a 身份证号 (with a valid check character), except the office's
 *   published contacts.
 * Text is compared after removing whitespace and zero-width characters (pagefind puts U+200B between the words it
 * segments) and decoding HTML entities and JSON quote escapes, so a value cannot hide behind formatting.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** A private value and what it is (for the report). */
export interface Secret {
	label: string;
	value: string;
}

/** One thing found where it must not be. */
export interface Finding {
	file: string;
	label: string;
	value: string;
}

/** A file's readable forms: its bytes, and its decompressed bytes when it is gzip (the pagefind index). */
export interface SiteFile {
	path: string;
	bytes: Buffer;
	text: string;
	binary: boolean;
}

const BINARY = /\.(jpe?g|png|gif|webp|avif|ico|woff2?|ttf|wasm|pagefind)$/i;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** Every file under `dist`, gzip files decompressed. */
export function siteFiles(dist: string): SiteFile[] {
	const out: SiteFile[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const f = join(d, name);
			if (statSync(f).isDirectory()) {
				walk(f);
				continue;
			}
			let bytes = readFileSync(f);
			if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
			const path = relative(dist, f).replace(/\\/g, '/');
			// A decompressed wasm.*.pagefind is WebAssembly: scanned as bytes only.
			const binary = BINARY.test(name) || (bytes[0] === 0x00 && bytes[1] === 0x61 && bytes[2] === 0x73);
			out.push({ path, bytes, text: bytes.toString('utf8'), binary });
		}
	};
	walk(dist);
	return out;
}

/** Text as compared: entities and JSON escapes decoded, whitespace and zero-width characters removed. */
export function normalise(text: string): string {
	return text
		.replace(ZERO_WIDTH, '')
		.replace(/&quot;|&#34;|&#x22;/gi, '"')
		.replace(/&#39;|&#x27;|&apos;/gi, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.replace(/\\(["\\/])/g, '$1')
		.replace(/\s+/g, '');
}

const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;
const ID_NUMBER =
	/(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;

/** Whether an 18-character 身份证号 has the right check character (GB 11643-1999, ISO 7064 MOD 11-2). */
export function validIdNumber(id: string): boolean {
	const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
	return '10X98765432'[sum % 11] === id[17].toUpperCase();
}

/**
 * Scans a built site.
 * @param secrets private values that must appear nowhere
 * @param published the office's published contacts (site.json), which are allowed even where they look like a number
 */
export function scanSite(dist: string, secrets: readonly Secret[], published: readonly string[]): Finding[] {
	const findings: Finding[] = [];
	const needles = secrets.map((s) => ({ ...s, norm: normalise(s.value) })).filter((s) => s.norm.length > 0);
	for (const file of siteFiles(dist)) {
		const plain = file.text.replace(ZERO_WIDTH, '');
		const norm = normalise(file.text);
		for (const s of needles)
			if (norm.includes(s.norm) || (file.binary && file.bytes.includes(Buffer.from(s.value))))
				findings.push({ file: file.path, label: s.label, value: s.value });
		if (file.binary) continue;
		let text = plain;
		for (const p of published) text = text.split(p).join(' ');
		for (const m of text.matchAll(MOBILE)) findings.push({ file: file.path, label: '手机号码', value: m[0] });
		for (const m of text.matchAll(ID_NUMBER))
			if (validIdNumber(m[0])) findings.push({ file: file.path, label: '身份证号', value: m[0] });
	}
	return findings;
}

/** The files of a site (decompressed where gzip) that contain any of the given byte strings. */
export function filesWithBytes(
	dist: string,
	needles: readonly { label: string; bytes: Buffer }[],
): Finding[] {
	return siteFiles(dist).flatMap((f) =>
		needles
			.filter((n) => f.bytes.includes(n.bytes))
			.map((n) => ({ file: f.path, label: n.label, value: `${n.bytes.length} 字节图像数据` })),
	);
}
