/** DuckDB column types used by the contract. Timestamps are UTC wall-clock (`TIMESTAMP`, no zone). */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMP' | 'DATE';

export interface ColumnDef {
	name: string;
	type: ColumnType;
	/** Whether an empty value is allowed. */
	nullable: boolean;
	/** What the column means, for the data dictionary. */
	description: string;
	/** A typical value, shown in the data dictionary. */
	example: string;
	/** Allowed values, when the column is categorical. */
	values?: readonly string[];
}

export interface TableDef {
	name: TableName;
	description: string;
	columns: readonly ColumnDef[];
	/** Column(s) the published files are sorted by (time first, so range reads stay small). */
	sortBy: readonly string[];
	/** Column that identifies a row. */
	key: string;
}

export type TableName = 'snapshots' | 'trending_items' | 'posts' | 'events' | 'claims' | 'cascades';
