/**
 * A quick local speed check of duplicate detection on a synthetic mesh (not a test, not the
 * benchmark): `npx tsx services/ranking/src/testing/duplicates-speed.ts [products]`.
 */
import { DuplicateIndex } from '../duplicates/duplicate-index.js';
import { duplicateGroups } from '../duplicates/groups.js';
import { syntheticMesh } from './mesh.js';

const products = Number(process.argv[2] ?? 10_000);
const mesh = syntheticMesh({ products, domains: Math.max(5, Math.round(products / 2000)), copies: 0.05, seed: 7 });
const index = new DuplicateIndex();
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

let t = performance.now();
for (const f of mesh.slice(0, -1)) index.upsert(f);
console.log(`upsert ${index.size} products: ${ms(t)}`);
t = performance.now();
const pairs = index.allPairs();
const likely = pairs.filter((p) => p.band === 'likely').length;
console.log(`allPairs: ${pairs.length} pairs (${likely} likely): ${ms(t)}`);
t = performance.now();
const groups = duplicateGroups(pairs);
console.log(`duplicateGroups: ${groups.length} groups: ${ms(t)}`);
const last = mesh.at(-1);
if (last) {
  t = performance.now();
  index.upsert(last);
  const mine = index.pairsOf(last.id);
  console.log(`upsert + pairsOf one product: ${mine.length} pairs, ${index.candidatesOf(last.id).length} candidates: ${ms(t)}`);
}
