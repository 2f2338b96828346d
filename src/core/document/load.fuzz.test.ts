// Fuzzes the project loader with mutated copies of a real project file. The loader must never throw,
// never hang, and every refusal must carry a message naming the problem.
import { describe, expect, it } from 'vitest';
import { loadProjectText } from './load';
import { serializeProject } from './index';
import { buildDemoProject } from './demo';
import { createRng } from '../util/prng';

const prng = createRng;

type Json = unknown;
const WEIRD: Json[] = [null, true, 0, -1, 1e308, -1e308, 'x', '', '\u0000', '\ud800', '🎬'.repeat(50), [], {}, [1, 2, 3], { a: 1 }, 'NaN'];

function paths(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((c, i) => paths(c, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) paths(c, [...prefix, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json): Json {
  if (!path.length) return value;
  let cur = root as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
  cur[path[path.length - 1]!] = value;
  return root;
}

function mutate(base: string, baseValue: Json, allPaths: (string | number)[][], rnd: () => number): string {
  const kind = Math.floor(rnd() * 8);
  const pick = <T,>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
  switch (kind) {
    case 0: // truncation
      return base.slice(0, Math.floor(rnd() * base.length));
    case 1: // wrong type at a random path
      return JSON.stringify(setAt(structuredClone(baseValue), pick(allPaths), pick(WEIRD)));
    case 2: // huge numbers spliced into the text
      return base.replace(/-?\d+(\.\d+)?/, pick(['1e309', '-1e309', '9'.repeat(400), '1e-400']));
    case 3: {
      // deep nesting
      const depth = 50 + Math.floor(rnd() * 100_000);
      return JSON.stringify(setAt(structuredClone(baseValue), pick(allPaths), null)).replace('null', '['.repeat(depth) + ']'.repeat(depth));
    }
    case 4: // unknown versions
      return JSON.stringify({ ...(baseValue as object), schemaVersion: pick([-1, 0, 3, 99, 1.5, '2', null, 2 ** 53]) });
    case 5: {
      // bad unicode: lone surrogates, invalid escapes, raw control bytes
      const at = Math.floor(rnd() * base.length);
      return base.slice(0, at) + pick(['\\ud800', '\\udfff', '\\u00', '\u0000', '\uFFFE', '\\x41', '\u001f']) + base.slice(at);
    }
    case 6: {
      // byte flips
      const chars = base.split('');
      for (let i = 0; i < 1 + rnd() * 8; i++) {
        const at = Math.floor(rnd() * chars.length);
        chars[at] = String.fromCharCode(Math.floor(rnd() * 128));
      }
      return chars.join('');
    }
    default: {
      // delete a key
      const clone = structuredClone(baseValue) as Record<string, Json>;
      const path = pick(allPaths.filter((p) => p.length > 0));
      let cur = clone as Record<string | number, Json>;
      for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
      if (Array.isArray(cur)) cur.splice(path[path.length - 1] as number, 1);
      else delete cur[path[path.length - 1]!];
      return JSON.stringify(clone);
    }
  }
}

describe('project loader fuzz', () => {
  it('survives 1,500 mutated files: no throw, no hang, every refusal has a message', () => {
    const base = serializeProject(buildDemoProject());
    const baseValue = JSON.parse(base);
    const allPaths = paths(baseValue);
    const rnd = prng(Number(process.env.FUZZ_SEED ?? 20261130));
    let refused = 0;
    let slowest = 0;
    for (let i = 0; i < 1500; i++) {
      const text = mutate(base, baseValue, allPaths, rnd);
      const t0 = performance.now();
      let r: ReturnType<typeof loadProjectText>;
      try {
        r = loadProjectText(text);
      } catch (e) {
        throw new Error(`case ${i} threw: ${(e as Error).message}`);
      }
      slowest = Math.max(slowest, performance.now() - t0);
      if (!r.ok) {
        refused++;
        // "where: what"; where may hold a mutated key (a flipped byte, U+FFFE), so any characters up to ': '
        expect(r.error, `case ${i}`).toMatch(/^[^\n]+?: .+/s);
      }
    }
    expect(refused).toBeGreaterThan(700);
    expect(slowest).toBeLessThan(2000);
  });
});
