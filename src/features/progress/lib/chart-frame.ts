// The shared geometry of the charts: a 320 × 180 viewBox scaled to the card's width, so on a
// 360 px phone one unit is about one CSS pixel and the 14-unit labels stay readable.
export const VIEW_WIDTH = 320;
export const VIEW_HEIGHT = 180;
export const PLOT = { left: 40, right: 310, top: 12, bottom: 150 } as const;
export const LABEL_SIZE = 14;

/** A round upper bound for the y axis whose half (the middle grid line) is whole too. */
export function niceMax(value: number): number {
  if (value <= 4) return 4;
  if (value <= 10) return 10;
  if (value <= 50) return Math.ceil(value / 10) * 10;
  return Math.ceil(value / 20) * 20;
}

export const scale =
  (domainMin: number, domainMax: number, rangeMin: number, rangeMax: number) => (v: number) =>
    domainMax === domainMin
      ? (rangeMin + rangeMax) / 2
      : rangeMin + ((v - domainMin) / (domainMax - domainMin)) * (rangeMax - rangeMin);
