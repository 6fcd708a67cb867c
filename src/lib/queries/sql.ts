/**
 * The one place values become SQL text. Builders never concatenate a value any other way: strings are
 * quoted here, numbers must be finite, times become `TIMESTAMP` literals in UTC.
 */
import { ident } from '../schema/ddl';

export { ident };

export type SqlValue = string | number | boolean | Date | null | undefined;

/** A value as a DuckDB literal: `'it''s'`, `42`, `TRUE`, `TIMESTAMP '2022-12-14 03:00:00.000'`, `NULL`. */
export function sqlLiteral(value: SqlValue): string {
	if (value === null || value === undefined) return 'NULL';
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
		return String(value);
	}
	if (value instanceof Date) {
		const ms = value.getTime();
		if (!Number.isFinite(ms)) throw new RangeError('Invalid date');
		// toISOString is always UTC; DuckDB TIMESTAMP has no zone, and the contract stores UTC wall-clock time.
		return `TIMESTAMP '${value.toISOString().replace('T', ' ').replace('Z', '')}'`;
	}
	if (typeof value !== 'string') throw new TypeError(`Unsupported SQL value: ${typeof value}`);
	// DuckDB strings cannot hold NUL; dropping it is safer than letting the parser cut the literal short.
	return `'${value.replaceAll('\u0000', '').replaceAll("'", "''")}'`;
}

/** A non-empty list of values as `(a, b, c)` for `IN`. Callers decide what an empty list means. */
export function inList(values: readonly SqlValue[]): string {
	if (values.length === 0) throw new RangeError('inList needs at least one value');
	return `(${values.map(sqlLiteral).join(', ')})`;
}

/** Epoch milliseconds (UTC) as a TIMESTAMP literal. */
export const tsLiteral = (ms: number): string => sqlLiteral(new Date(ms));
