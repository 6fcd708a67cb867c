import type { Lang } from '../i18n/lang';
import { DICTIONARY_KO } from './dictionary.ko';
import { TABLES } from './tables';
import type { ColumnDef, TableName } from './types';

/** What a table holds, in the reader's language. */
export const tableDescription = (table: TableName, lang: Lang): string =>
	lang === 'ko' ? DICTIONARY_KO[table].table : TABLES[table].description;

/** What a column means, in the reader's language (English when a Korean text is missing). */
export const columnDescription = (table: TableName, column: ColumnDef, lang: Lang): string =>
	(lang === 'ko' ? DICTIONARY_KO[table].columns[column.name] : undefined) ?? column.description;
