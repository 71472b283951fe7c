import { cebSection } from './ceb.js';
import { linalgSection } from './linalg.js';
import { machinesBondsSection } from './machines-bonds.js';
import { mixtureSection } from './mixture.js';
import { mothsSection } from './moths.js';
import { nelsSection, wheatSection } from './random-effects.js';
import type { TourSection } from './section.js';
import { vegetablesSection } from './vegetables.js';

export interface TourResult {
  text: string;
  json: Record<string, unknown>;
}

/** The sections of the tour, in the order of the source texts; grows as packages land. */
const sections: ReadonlyArray<() => TourSection | Promise<TourSection>> = [
  mothsSection,
  vegetablesSection,
  cebSection,
  machinesBondsSection,
  wheatSection,
  nelsSection,
  mixtureSection,
  linalgSection,
];

/** Runs every section of the tour; returns the printed text and one JSON object keyed by example. */
export async function tour(): Promise<TourResult> {
  const parts: string[] = ["@likelihood — a tour of the source texts' examples\n"];
  const json: Record<string, unknown> = {};
  for (const make of sections) {
    const s = await make();
    parts.push(`\n== ${s.title} ==\n${s.shows}\n\n${s.text.trimEnd()}\n`);
    json[s.key] = s.json;
  }
  return { text: parts.join(''), json };
}
