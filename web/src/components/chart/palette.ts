/** Chart colours that stay apart for common colour-vision deficiencies (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'] as const;

/** The i-th colour of the palette, round again after the last. */
export const colour = (i: number): string => PALETTE[i % PALETTE.length] as string;
