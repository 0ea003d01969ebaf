/**
 * A small Frictionless checker for the tests: reads each tabular resource of a Data Package (JSON with Table Dialect
 * `property`, or CSV in UTF-8 with BOM) and checks it against its Table Schema — size and hash, field names
 * (`fieldsMatch`), types, constraints (required, enum, pattern, minimum, maximum, jsonSchema), primary key uniqueness
 * and foreign keys — the checks `frictionless validate datapackage.json` makes, for the parts of the standard we use.
 * Anything of the standard it does not implement throws, so a descriptor can never pass by being misunderstood.
 */
import { createHash } from 'node:crypto';
import Papa from 'papaparse';

type Json = unknown;
type Row = Record<string, Json>;

export interface FieldDesc {
	name: string;
	type?: string;
	delimiter?: string;
	itemType?: string;
	constraints?: Record<string, Json>;
	[k: string]: Json;
}
export interface ResourceDesc {
	name: string;
	path: string;
	format: 'json' | 'csv';
	bytes?: number;
	hash?: string;
	dialect?: { type?: string; property?: string; itemType?: string; delimiter?: string };
	schema: {
		fields: FieldDesc[];
		fieldsMatch?: string;
		missingValues?: string[];
		primaryKey?: string[];
		foreignKeys?: { fields: string[]; reference: { resource?: string; fields: string[] } }[];
	};
	[k: string]: Json;
}
export interface PackageDesc {
	resources: ResourceDesc[];
	[k: string]: Json;
}

/** A resource's rows as logical values (after casting), with the source's field names. */
export interface LoadedTable {
	resource: ResourceDesc;
	fieldNames: string[];
	rows: Row[];
}

const BOM = [0xef, 0xbb, 0xbf];

/** Loads and checks every resource; returns the problems (empty when all is well) and the loaded tables. */
export function checkPackage(
	pkg: PackageDesc,
	read: (path: string) => Uint8Array | undefined,
): { problems: string[]; tables: Map<string, LoadedTable> } {
	const problems: string[] = [];
	const tables = new Map<string, LoadedTable>();
	for (const r of pkg.resources) {
		const at = (row: number | undefined, field: string | undefined, msg: string) =>
			problems.push(
				`${r.name}${row !== undefined ? ` 第 ${row} 行` : ''}${field ? ` ${field}` : ''}: ${msg}`,
			);
		const bytes = read(r.path);
		if (!bytes) {
			at(undefined, undefined, `文件 ${r.path} 不存在`);
			continue;
		}
		if (r.bytes !== undefined && r.bytes !== bytes.length)
			at(undefined, undefined, `bytes ${r.bytes} ≠ ${bytes.length}`);
		if (r.hash !== undefined) {
			const [algo, hex] = r.hash.includes(':') ? r.hash.split(':') : ['md5', r.hash];
			if (createHash(algo).update(bytes).digest('hex') !== hex) at(undefined, undefined, `hash 不符`);
		}
		const loaded = r.format === 'csv' ? loadCsv(r, bytes, at) : loadJson(r, bytes, at);
		if (!loaded) continue;
		tables.set(r.name, loaded);
		checkFieldsMatch(r, loaded.fieldNames, at);
		loaded.rows.forEach((row, i) => {
			for (const f of r.schema.fields) {
				const value = row[f.name] ?? null;
				const problem = checkValue(f, value);
				if (problem) at(i + 1, f.name, problem);
			}
		});
		const pk = r.schema.primaryKey;
		if (pk) {
			const seen = new Set<string>();
			loaded.rows.forEach((row, i) => {
				const key = JSON.stringify(pk.map((k) => row[k] ?? null));
				if (pk.some((k) => (row[k] ?? null) === null)) at(i + 1, pk.join('+'), '主键为空');
				else if (seen.has(key)) at(i + 1, pk.join('+'), `主键 ${key} 重复`);
				seen.add(key);
			});
		}
	}
	for (const r of pkg.resources) {
		const t = tables.get(r.name);
		if (!t) continue;
		for (const fk of r.schema.foreignKeys ?? []) {
			const target = fk.reference.resource ? tables.get(fk.reference.resource) : t;
			if (!target) {
				problems.push(`${r.name}: 外键引用的资源 ${fk.reference.resource} 不存在`);
				continue;
			}
			const keys = new Set(
				target.rows.map((row) => JSON.stringify(fk.reference.fields.map((k) => row[k] ?? null))),
			);
			t.rows.forEach((row, i) => {
				const values = fk.fields.map((k) => row[k] ?? null);
				if (values.some((v) => v === null)) return;
				if (!keys.has(JSON.stringify(values)))
					problems.push(
						`${r.name} 第 ${i + 1} 行 ${fk.fields.join('+')}: ${JSON.stringify(values)} 不在 ${fk.reference.resource ?? r.name} 的 ${fk.reference.fields.join('+')} 中`,
					);
			});
		}
	}
	return { problems, tables };
}

type At = (row: number | undefined, field: string | undefined, msg: string) => void;

function loadJson(r: ResourceDesc, bytes: Uint8Array, at: At): LoadedTable | undefined {
	let data: Json;
	try {
		data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch (e) {
		at(undefined, undefined, `不是 UTF-8 JSON：${(e as Error).message}`);
		return undefined;
	}
	const d = r.dialect ?? {};
	if (d.type && d.type !== 'structured') throw new Error(`不支持的 JSON dialect.type ${d.type}`);
	if (d.itemType && d.itemType !== 'object') throw new Error(`不支持的 dialect.itemType ${d.itemType}`);
	const rows = d.property ? (data as Record<string, Json>)?.[d.property] : data;
	if (!Array.isArray(rows) || rows.some((x) => !x || typeof x !== 'object' || Array.isArray(x))) {
		at(undefined, undefined, `${d.property ?? '文件'} 不是对象数组`);
		return undefined;
	}
	const names = new Set<string>();
	for (const row of rows as Row[]) for (const k of Object.keys(row)) names.add(k);
	return { resource: r, fieldNames: [...names], rows: rows as Row[] };
}

function loadCsv(r: ResourceDesc, bytes: Uint8Array, at: At): LoadedTable | undefined {
	if (!BOM.every((b, i) => bytes[i] === b)) at(undefined, undefined, 'CSV 没有 UTF-8 BOM');
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		at(undefined, undefined, 'CSV 不是 UTF-8');
		return undefined;
	}
	const d = r.dialect ?? {};
	if (d.type && d.type !== 'delimited') throw new Error(`不支持的 CSV dialect.type ${d.type}`);
	const parsed = Papa.parse<string[]>(text, { delimiter: d.delimiter ?? ',', skipEmptyLines: true });
	if (parsed.errors.length) at(undefined, undefined, `CSV 语法：${parsed.errors[0].message}`);
	const [header, ...data] = parsed.data;
	const missing = new Set(r.schema.missingValues ?? ['']);
	const fields = new Map(r.schema.fields.map((f) => [f.name, f]));
	const rows = data.map((cells, i) => {
		if (cells.length !== header.length)
			at(i + 1, undefined, `有 ${cells.length} 列，表头 ${header.length} 列`);
		const row: Row = {};
		header.forEach((h, j) => {
			const raw = cells[j] ?? '';
			const f = fields.get(h);
			row[h] = missing.has(raw) ? null : f ? castCsv(f, raw) : raw;
		});
		return row;
	});
	return { resource: r, fieldNames: header, rows };
}

/** A CSV cell as the logical value of its field's type; a value that does not cast stays a string (and then fails). */
function castCsv(f: FieldDesc, raw: string): Json {
	switch (f.type ?? 'string') {
		case 'string':
		case 'date':
			return raw;
		case 'integer':
			return /^[+-]?\d+$/.test(raw) ? Number(raw) : raw;
		case 'number':
			return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : raw;
		case 'boolean':
			return ['true', 'True', 'TRUE', '1'].includes(raw)
				? true
				: ['false', 'False', 'FALSE', '0'].includes(raw)
					? false
					: raw;
		case 'list':
			return raw.split(f.delimiter ?? ',');
		case 'array':
		case 'object':
			try {
				return JSON.parse(raw);
			} catch {
				return raw;
			}
		default:
			throw new Error(`不支持的字段类型 ${f.type}`);
	}
}

function checkFieldsMatch(r: ResourceDesc, names: string[], at: At) {
	const described = r.schema.fields.map((f) => f.name);
	const mode = r.schema.fieldsMatch ?? 'exact';
	const missing = described.filter((n) => !names.includes(n));
	const extra = names.filter((n) => !described.includes(n));
	if (r.format === 'json') {
		// Rows are keyed objects: a key absent from every row is a field with no values (null), not a missing column;
		// keys that are not described break `exact`/`equal`.
		if (mode !== 'subset' && extra.length) at(undefined, undefined, `未描述的字段：${extra.join('、')}`);
		return;
	}
	if (mode === 'exact' && names.join(',') !== described.join(','))
		at(undefined, undefined, `表头 ${names.join(',')} 与字段 ${described.join(',')} 不一致`);
	else if (mode === 'equal' && (missing.length || extra.length))
		at(undefined, undefined, `表头缺少 ${missing.join('、')}，多出 ${extra.join('、')}`);
	else if (mode === 'subset' && missing.length) at(undefined, undefined, `表头缺少 ${missing.join('、')}`);
	else if (!['exact', 'equal', 'subset'].includes(mode)) throw new Error(`不支持的 fieldsMatch ${mode}`);
}

const isDate = (v: string) => {
	const m = v.match(/^(\d{4})-(\d{2})-(\d{2})$/);
	if (!m) return false;
	const t = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return t.getUTCFullYear() === +m[1] && t.getUTCMonth() === +m[2] - 1 && t.getUTCDate() === +m[3];
};

/** The problem with a logical value of a field, or undefined. */
export function checkValue(f: FieldDesc, value: Json): string | undefined {
	const c = f.constraints ?? {};
	for (const k of Object.keys(c))
		if (!['required', 'enum', 'pattern', 'minimum', 'maximum', 'jsonSchema'].includes(k))
			throw new Error(`不支持的约束 ${k}`);
	if (value === null) return c.required ? '必填却为空' : undefined;
	const type = f.type ?? 'string';
	const typeOk =
		type === 'string'
			? typeof value === 'string'
			: type === 'integer'
				? Number.isInteger(value)
				: type === 'number'
					? typeof value === 'number' && Number.isFinite(value)
					: type === 'boolean'
						? typeof value === 'boolean'
						: type === 'date'
							? typeof value === 'string' && isDate(value)
							: type === 'array' || type === 'list'
								? Array.isArray(value)
								: type === 'object'
									? typeof value === 'object' && !Array.isArray(value)
									: (() => {
											throw new Error(`不支持的字段类型 ${type}`);
										})();
	if (!typeOk) return `${JSON.stringify(value)} 不是 ${type}`;
	if (c.enum && !(c.enum as Json[]).includes(value))
		return `${JSON.stringify(value)} 不在 enum ${JSON.stringify(c.enum)} 中`;
	if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(String(value)))
		return `${JSON.stringify(value)} 不合 pattern`;
	if (c.minimum !== undefined && (value as number) < (c.minimum as number))
		return `${value} 小于 minimum ${c.minimum}`;
	if (c.maximum !== undefined && (value as number) > (c.maximum as number))
		return `${value} 大于 maximum ${c.maximum}`;
	if (c.jsonSchema) return jsonSchemaProblem(c.jsonSchema as Record<string, Json>, value, '');
	return undefined;
}

/** The subset of JSON Schema our descriptors use; any other keyword throws. */
export function jsonSchemaProblem(s: Record<string, Json>, v: Json, path: string): string | undefined {
	const known = [
		'type',
		'enum',
		'const',
		'pattern',
		'minimum',
		'maximum',
		'exclusiveMinimum',
		'minLength',
		'minItems',
		'items',
		'properties',
		'required',
		'additionalProperties',
		'oneOf',
	];
	for (const k of Object.keys(s)) if (!known.includes(k)) throw new Error(`不支持的 JSON Schema 关键字 ${k}`);
	const where = path || '值';
	if (s.oneOf) {
		const ok = (s.oneOf as Record<string, Json>[]).filter((sub) => !jsonSchemaProblem(sub, v, path)).length;
		if (ok !== 1) return `${where} 符合 oneOf 中 ${ok} 个分支（应为 1 个）`;
	}
	if (s.type !== undefined) {
		const types = Array.isArray(s.type) ? s.type : [s.type];
		const actual =
			v === null
				? 'null'
				: Array.isArray(v)
					? 'array'
					: Number.isInteger(v)
						? 'integer'
						: typeof v === 'number'
							? 'number'
							: typeof v;
		if (!types.includes(actual) && !(actual === 'integer' && types.includes('number')))
			return `${where} 是 ${actual}，应为 ${types.join('|')}`;
	}
	if (s.const !== undefined && v !== s.const) return `${where} 应为 ${JSON.stringify(s.const)}`;
	if (s.enum && !(s.enum as Json[]).includes(v)) return `${where} ${JSON.stringify(v)} 不在 enum 中`;
	if (typeof v === 'string') {
		if (s.pattern && !new RegExp(s.pattern as string).test(v)) return `${where} 不合 pattern`;
		if (s.minLength !== undefined && [...v].length < (s.minLength as number)) return `${where} 太短`;
	}
	if (typeof v === 'number') {
		if (s.minimum !== undefined && v < (s.minimum as number)) return `${where} 小于 ${s.minimum}`;
		if (s.maximum !== undefined && v > (s.maximum as number)) return `${where} 大于 ${s.maximum}`;
		if (s.exclusiveMinimum !== undefined && v <= (s.exclusiveMinimum as number))
			return `${where} 不大于 ${s.exclusiveMinimum}`;
	}
	if (Array.isArray(v)) {
		if (s.minItems !== undefined && v.length < (s.minItems as number))
			return `${where} 少于 ${s.minItems} 项`;
		if (s.items)
			for (let i = 0; i < v.length; i++) {
				const p = jsonSchemaProblem(s.items as Record<string, Json>, v[i], `${path}[${i}]`);
				if (p) return p;
			}
	}
	if (v && typeof v === 'object' && !Array.isArray(v)) {
		const o = v as Record<string, Json>;
		for (const k of (s.required as string[] | undefined) ?? []) if (!(k in o)) return `${where} 缺少 ${k}`;
		const props = (s.properties ?? {}) as Record<string, Record<string, Json>>;
		for (const [k, x] of Object.entries(o)) {
			const sub =
				props[k] ??
				(typeof s.additionalProperties === 'object'
					? (s.additionalProperties as Record<string, Json>)
					: undefined);
			if (!sub && s.additionalProperties === false) return `${where} 有多余的键 ${k}`;
			if (sub) {
				const p = jsonSchemaProblem(sub, x, `${path}.${k}`);
				if (p) return p;
			}
		}
	}
	return undefined;
}
