/**
 * Chart colours, each at least 3:1 against white (WCAG 1.4.11) and apart in hue for the common
 * colour-vision deficiencies: the Okabe–Ito hues, darkened where the originals are too light.
 */
export const PALETTE = ['#0072B2', '#A65C00', '#007A5A', '#A3437C', '#C84F00', '#1D2330', '#5B3F99', '#6B6B00'] as const;

/** The i-th colour of the palette, round again after the last. */
export const colour = (i: number): string => PALETTE[i % PALETTE.length] as string;

/** Line patterns, so that series differ by more than colour (WCAG 1.4.1). */
export const DASHES = [undefined, '6 3', '2 3', '10 4 2 4'] as const;
