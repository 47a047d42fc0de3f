/** Order statistics of a small sample (nearest rank), in the sample's unit, to 0.1. */
export interface Distribution {
  n: number;
  min: number;
  p50: number;
  p90: number;
  max: number;
}

function rank(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const tenth = (x: number) => Math.round(x * 10) / 10;

export function distribution(samples: number[]): Distribution {
  if (samples.length === 0) throw new RangeError("samples: value [] must hold at least one sample");
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, min: tenth(s[0]), p50: tenth(rank(s, 0.5)), p90: tenth(rank(s, 0.9)), max: tenth(s[s.length - 1]) };
}

export function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : Number(((s[mid - 1] + s[mid]) / 2).toFixed(2));
}
