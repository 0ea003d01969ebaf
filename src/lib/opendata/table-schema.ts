/**
 * Frictionless Table Schema (Data Package v2, https://datapackage.org/standard/table-schema/) fields made from our
 * column definitions (`src/schemas/table.ts`), so that the published description of a file is the same definition
 * the validator checks its source with: type, allowed values, pattern, bounds, required, title and description.
 */
import type { Column } from '../../schemas/table.ts';

/** The Table Schema field types we publish. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'array' | 'object' | 'list';

/** A JSON Schema (the subset the `jsonSchema` constraint of our array and object fields uses). */
export type JsonSchema = Record<string, unknown>;

/** A Table Schema field descriptor. */
export interface Field {
	name: string;
	title?: string;
	description?: string;
	type: FieldType;
	/** For `list` fields: the separator between items and their type. */
	delimiter?: string;
	itemType?: 'string';
	/**
	 * An example value, written as it would be in the file: the Table Schema v2 profile (the `$schema` the package
	 * names) requires a string, so `1` is `"1"` and a JSON array is its JSON text.
	 */
	example?: string;
	/**
	 * The codes of a coded field with the Chinese words people read for them (Table Schema v2 `categories`): the
	 * Chinese twins of the CSV files (`twin.ts`) write the words.
	 */
	categories?: readonly { value: string; label: string }[];
	constraints?: {
		required?: boolean;
		unique?: boolean;
		enum?: readonly (string | number)[];
		pattern?: string;
		minimum?: number;
		maximum?: number;
		jsonSchema?: JsonSchema;
	};
}

/** A foreign key: `fields` of this resource refer to `reference.fields` of `reference.resource` (itself if omitted). */
export interface ForeignKey {
	fields: string[];
	reference: { resource?: string; fields: string[] };
}

/** A Table Schema. `fieldsMatch: 'subset'` where SPEC lets the file carry fields not described here. */
export interface TableSchema {
	fields: Field[];
	fieldsMatch?: 'exact' | 'equal' | 'subset';
	missingValues?: string[];
	primaryKey?: string[];
	foreignKeys?: ForeignKey[];
}

/** How a file serialises its rows: JSON keeps arrays and objects, CSV joins list items with "、". */
export type Form = 'json' | 'csv';

/** The separator of list items in CSV cells (as `toCsv` writes them and as the office types them). */
export const LIST_DELIMITER = '、';

/** Drops undefined and empty-object properties, so descriptors carry only what applies. */
export function compact<T extends object>(o: T): T {
	return Object.fromEntries(
		Object.entries(o).filter(
			([, v]) =>
				v !== undefined &&
				!(typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.keys(v).length),
		),
	) as T;
}

/**
 * The field for a column of an input table, in JSON or CSV form. Enumerations publish their codes (`town`, not 镇街);
 * `over` renames or re-describes the field where the open data derives it (e.g. `noticeStart` from 公示 `start`).
 */
export function fieldOf(column: Column, form: Form, over: Partial<Field> = {}): Field {
	const cell = column.cell;
	const values = cell.choices?.map((c) => c.value);
	const parsed = column.example ? cell.schema.safeParse(column.example) : undefined;
	const example: unknown = parsed?.success ? parsed.data : undefined;
	let field: Field;
	if (cell.type === 'array' && form === 'json')
		field = {
			name: column.key,
			type: 'array',
			constraints: {
				jsonSchema: {
					type: 'array',
					minItems: 1,
					items: { type: 'string', ...(values ? { enum: values } : {}) },
				},
			},
			example: example === undefined ? undefined : JSON.stringify(example),
		};
	else if (cell.type === 'array')
		field = {
			name: column.key,
			type: 'list',
			delimiter: LIST_DELIMITER,
			itemType: 'string',
			example: Array.isArray(example) ? example.join(LIST_DELIMITER) : undefined,
		};
	else
		field = {
			name: column.key,
			type: cell.type,
			example: example === undefined ? undefined : String(example),
			constraints: {
				enum: values,
				pattern: cell.pattern,
				minimum: cell.minimum,
				maximum: cell.maximum,
			},
		};
	const choices = cell.choices?.length
		? `。取值：${cell.choices.map((c) => (c.value === c.label ? c.value : `${c.value}（${c.label}）`)).join('、')}`
		: '';
	return finish({
		...field,
		categories: cell.choices?.map((c) => ({
			value: c.value,
			label: (c as { title?: string }).title ?? c.label,
		})),
		title: column.header,
		description: column.doc + choices,
		...over,
		constraints: { ...field.constraints, required: column.required || undefined, ...over.constraints },
	});
}

/** Categories from an enumeration (`GRADES`, `UNIT_CATEGORIES` …): its codes with their titles, else labels. */
export function categoriesOf(
	choices: readonly { value: string; label: string; title?: string }[],
): { value: string; label: string }[] {
	return choices.map((c) => ({ value: c.value, label: c.title ?? c.label }));
}

/** A field that is not an input column (a score, a derived date …). */
export function derived(field: Field): Field {
	return finish(field);
}

function finish(f: Field): Field {
	// Keys in the order people read a field: what it is called and means, then its type, then its rules.
	const { name, title, description, type, delimiter, itemType, example, categories, constraints } = f;
	return compact({
		name,
		title,
		description,
		type,
		delimiter,
		itemType,
		example,
		categories,
		constraints: constraints ? compact(constraints) : undefined,
	});
}
