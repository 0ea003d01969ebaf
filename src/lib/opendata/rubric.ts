/**
 * The open data of a year's rubric: `/data/rubrics/<YYYY>.json` is the rubric file as validated; its CSV twin
 * `/data/rubrics/<YYYY>.csv` has one row per indicator with the rule's parameters in columns (`rule.kind`, `rule.per`,
 * `rule.deduction.per` …). Both descriptions are derived from the rubric's zod schema (`src/schemas/rubric.ts`), so a
 * new rule parameter becomes a new column without anyone listing it.
 */
import { z } from 'astro/zod';
import { indicatorSchema, type Rubric } from '../../schemas/rubric.ts';
import { toCsv } from './csv.ts';
import { compact, derived, LIST_DELIMITER, type Field, type Form, type JsonSchema } from './table-schema.ts';

/** Chinese titles of the indicator fields (the schema's JSDoc is not available at run time). */
const TITLES: Record<string, string> = {
	id: '指标编号',
	group: '分组编号',
	title: '指标名称',
	description: '考评内容',
	max: '分值',
	appliesTo: '适用类别',
	method: '考核方式',
	assessor: '考核主体',
	rule: '计分规则',
	'rule.kind': '计分方式',
	'rule.per': '每项分值',
	'rule.cap': '封顶分',
	'rule.source': '计数来源',
	'rule.step': '每缺一类扣分',
	'rule.validQuarters': '有效季度数',
	'rule.households': '满分所需新增诚信户数',
	'rule.base': '新增不足时得分',
	'rule.deduction.per': '每起扣分',
	'rule.deduction.what': '扣分情形',
	interpretation: '解读说明',
};

interface Prop {
	schema: JsonSchema;
	required: boolean;
}

/** The indicator's properties as JSON Schema (output form: defaults applied). */
function indicatorProps(): [string, Prop][] {
	const js = z.toJSONSchema(indicatorSchema, { io: 'output' }) as {
		properties: Record<string, JsonSchema>;
		required?: string[];
	};
	return Object.entries(js.properties).map(([k, s]) => [
		k,
		{ schema: s, required: !!js.required?.includes(k) },
	]);
}

/** The properties an object schema (or a `oneOf` of object schemas) can have, in first-seen order. */
function objectProps(s: JsonSchema): [string, Prop][] {
	const variants = (s.oneOf as JsonSchema[] | undefined) ?? [s];
	const schemas = new Map<string, JsonSchema>();
	for (const v of variants)
		for (const [k, p] of Object.entries((v.properties ?? {}) as Record<string, JsonSchema>)) {
			const prev = schemas.get(k);
			// A discriminator (`kind: const "done"` in one variant, `"perItem"` in the next) takes the values of all.
			const values = [
				prev?.const,
				...((prev?.enum as unknown[]) ?? []),
				p.const,
				...((p.enum as unknown[]) ?? []),
			];
			const known = values.filter((x) => x !== undefined);
			schemas.set(
				k,
				prev && known.length ? { ...prev, const: undefined, enum: [...new Set(known)] } : (prev ?? p),
			);
		}
	// A column is required only when every variant requires it.
	const required = (k: string) => variants.every((v) => ((v.required ?? []) as string[]).includes(k));
	return [...schemas].map(([k, schema]) => [k, { schema, required: required(k) }]);
}

const isObject = (s: JsonSchema) => s.type === 'object' || Array.isArray(s.oneOf);

/** A scalar or array property as a Table Schema field. */
function scalarField(name: string, p: Prop, form: Form): Field {
	const s = p.schema;
	const base = { name, title: TITLES[name], constraints: { required: p.required || undefined } };
	if (s.type === 'array' && form === 'json')
		return derived({
			...base,
			type: 'array',
			constraints: { ...base.constraints, jsonSchema: stripMeta(s) },
		});
	if (s.type === 'array') {
		const items = (s.items ?? {}) as JsonSchema;
		return derived({
			...base,
			type: 'list',
			delimiter: LIST_DELIMITER,
			itemType: 'string',
			description: Array.isArray(items.enum) ? `取值：${items.enum.join('、')}，多项用"、"分隔` : undefined,
		});
	}
	if (isObject(s))
		return derived({
			...base,
			type: 'object',
			constraints: { ...base.constraints, jsonSchema: stripMeta(s) },
		});
	const type = s.type === 'integer' ? 'integer' : s.type === 'number' ? 'number' : 'string';
	const values = s.enum ?? (s.const !== undefined ? [s.const] : undefined);
	return derived({
		...base,
		type,
		constraints: {
			...base.constraints,
			pattern: s.pattern as string | undefined,
			minimum: s.minimum as number | undefined,
			maximum: s.maximum as number | undefined,
			enum: values as string[] | undefined,
		},
	});
}

/** JSON Schema without annotations that a Table Schema constraint does not need. */
function stripMeta(s: JsonSchema): JsonSchema {
	return JSON.parse(JSON.stringify(s, (k, v) => (k === '$schema' || k === 'default' ? undefined : v)));
}

/** The fields of `/data/rubrics/<YYYY>.json` rows (`indicators`): one per indicator property. */
export function rubricJsonFields(): Field[] {
	return indicatorProps().map(([k, p]) => scalarField(k, p, 'json'));
}

/** The fields of `/data/rubrics/<YYYY>.csv`: object properties flattened to dotted columns. */
export function rubricCsvFields(): Field[] {
	const out: Field[] = [];
	const add = (prefix: string, props: [string, Prop][], required: boolean) => {
		for (const [k, p] of props) {
			const name = prefix + k;
			if (isObject(p.schema)) add(`${name}.`, objectProps(p.schema), required && p.required);
			else out.push(scalarField(name, { ...p, required: required && p.required }, 'csv'));
		}
	};
	add('', indicatorProps(), true);
	return out;
}

/** The CSV twin of a rubric: one row per indicator, columns as `rubricCsvFields`. */
export function rubricCsv(rubric: Rubric): string {
	const columns = rubricCsvFields().map((f) => f.name);
	const rows = rubric.indicators.map((ind) => compact(flatten(ind as unknown as Record<string, unknown>)));
	return toCsv(rows, columns);
}

function flatten(o: Record<string, unknown>, prefix = ''): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(o)) {
		if (v && typeof v === 'object' && !Array.isArray(v))
			Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
		else out[prefix + k] = v;
	}
	return out;
}
