/**
 * The theme colours (CSS custom properties of src/lib/styles/global.css) for light and dark. Image export
 * needs the palette of the theme it draws, which may not be the page's current one; a unit test keeps these
 * in step with global.css.
 */
export type ThemeName = 'light' | 'dark';

export const PALETTES: Record<ThemeName, Record<string, string>> = {
	light: {
		'--bg': '#ffffff',
		'--surface': '#f5f5f2',
		'--fg': '#1b1b1b',
		'--muted': '#595959',
		'--border': '#cfcfca',
		'--accent': '#0b5cad',
		'--focus': '#b35900',
		'--c-protest': '#cc3311',
		'--c-claim': '#ee7733',
		'--c-debunk': '#0077bb',
		'--c-pro-ai': '#009988',
		'--c-other': '#8c8c8c',
		'--c-simulated': '#6a3d9a'
	},
	dark: {
		'--bg': '#121212',
		'--surface': '#1e1e1e',
		'--fg': '#ececec',
		'--muted': '#b0b0b0',
		'--border': '#444444',
		'--accent': '#7cb7ff',
		'--focus': '#ffb86b',
		'--c-protest': '#ff6e4a',
		'--c-claim': '#ffa15c',
		'--c-debunk': '#5ab4f0',
		'--c-pro-ai': '#33c5b5',
		'--c-other': '#a0a0a0',
		'--c-simulated': '#c3a5f0'
	}
};

/** The theme the page shows now (an explicit choice wins over the system setting). */
export function currentTheme(): ThemeName {
	const set = document.documentElement.getAttribute('data-theme');
	if (set === 'dark' || set === 'light') return set;
	return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Inline style text that sets every palette variable, so a subtree renders in that theme. */
export const paletteStyle = (theme: ThemeName): string =>
	Object.entries(PALETTES[theme])
		.map(([k, v]) => `${k}:${v}`)
		.join(';') + `;color-scheme:${theme}`;
