/**
 * Mulberry32, a small seeded pseudo-random number generator (Tommy Ettinger's 32-bit generator, public domain):
 * the same seed gives the same sequence on every machine, which the tagger's training order, the explorer's start
 * layout, the synthetic benchmark graphs and the property tests rely on. Not for cryptography.
 */

/** A generator of floats in [0, 1) seeded by the 32-bit integer `seed` (other numbers are truncated to 32 bits). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
