/**
 * What the download, image, bundle and citation actions know about one chart view (ChartFrame's props), and
 * the pure helpers that turn it into file names, image text and citations.
 */
import { translator, type Lang } from '$lib/i18n';
import { formatCount } from '$lib/story/format';
import type { CellValue, ExportRow } from './csv';
import type { CiteInput } from './citation';
import { DATASET_VERSION } from './datasetInfo';
import { exportFileName, hasSimulated } from './download';
import type { ImageMeta } from './image';

export interface ChartSource {
	label: string;
	href?: string;
}

export interface ChartView {
	id: string;
	title: string;
	subtitle?: string;
	description: string;
	provenance: readonly string[];
	sources: readonly ChartSource[];
	lang: Lang;
	rows: readonly Record<string, CellValue>[];
	fullTables: readonly string[];
	query: string;
	viewState: Readonly<Record<string, string>>;
}

const ORDER = ['simulated', 'observed', 'documented'];

/** Distinct provenance values, in badge order. */
export const provenanceOf = (v: Pick<ChartView, 'provenance'>): string[] =>
	ORDER.filter((p) => v.provenance.includes(p)).concat(v.provenance.filter((p) => !ORDER.includes(p)));

/**
 * The rows as exported: every file says where its rows come from, so a `provenance` column is added when the
 * chart's rows lack one (the chart's provenance values joined with "+").
 */
export function exportRows(v: Pick<ChartView, 'rows' | 'provenance'>): ExportRow[] {
	if (!v.rows.length || v.rows.some((r) => 'provenance' in r)) return v.rows as ExportRow[];
	const p = provenanceOf(v).join('+');
	return v.rows.map((r) => ({ ...r, provenance: p }));
}

export const isSimulated = (v: Pick<ChartView, 'provenance' | 'rows'>): boolean =>
	hasSimulated(v.provenance) || v.rows.some((r) => r.provenance === 'simulated');

/** `wave-data-SIMULATED.csv`, `wave-raw-SIMULATED.csv`, `wave-2x.png`… */
export const viewFileName = (v: ChartView, part: string, ext: string): string =>
	exportFileName(part ? `${v.id}-${part}` : v.id, ext, isSimulated(v));

/** `?top=50` (or '') from the view state. */
export const viewQuery = (v: Pick<ChartView, 'viewState'>): string => {
	const q = new URLSearchParams(Object.entries(v.viewState)).toString();
	return q ? `?${q}` : '';
};

export function citeInput(v: ChartView, url: string): CiteInput {
	return {
		chartTitle: v.title,
		datasetVersion: DATASET_VERSION,
		url,
		sources: v.sources.map((s) => s.label),
		simulated: isSimulated(v)
	};
}

export function imageMeta(v: ChartView, url: string): ImageMeta {
	const t = translator(v.lang);
	const prov = provenanceOf(v);
	const badges = prov.map((p) =>
		p === 'simulated'
			? `⚠ ${t('badge.simulated')}`
			: p === 'observed'
				? t('badge.observed')
				: p === 'documented'
					? t('badge.documented')
					: p
	);
	const simulated = isSimulated(v);
	return {
		title: v.title,
		subtitle: v.subtitle,
		badges,
		provenanceNote: simulated ? `${t('badge.simulated')}: ${t('badge.simulated.title')}` : undefined,
		source: `${t('chart.source')}: ${v.sources.map((s) => s.label).join('; ')}`,
		credit: `${t('chart.credit')}: ${t('site.name')}`,
		version: `${t('data.version')} ${DATASET_VERSION}`,
		url,
		simulated
	};
}

/** "1 row" / "12 rows" / "12행". */
export function rowsLabel(n: number, lang: Lang): string {
	const t = translator(lang);
	return n === 1 ? t('export.rows.one') : t('export.rows.other', { n: formatCount(n) });
}
