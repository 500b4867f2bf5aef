import { describe, expect, it } from 'vitest';
import { secretSamples, sampleKinds } from '../../../bench/secrets-corpus.js';
import { detectorKinds, detectSecrets } from '../../../src/inspect/secrets/engine.js';

const samples = secretSamples(3);

describe('detectSecrets: every detector finds its real-shaped fake values', () => {
  it('the corpus covers every detector', () => {
    expect(sampleKinds().sort()).toEqual(detectorKinds().map((d) => d.kind).sort());
  });
  for (const sample of samples.slice(0, samples.length / 3)) {
    it(`${sample.kind}: ${sample.name}`, () => {
      for (const each of samples.filter((s) => s.name === sample.name)) {
        const found = detectSecrets(each.text, each.path);
        expect(found.map((m) => ({ kind: m.kind, value: m.value, example: m.example }))).toContainEqual({ kind: each.kind, value: each.value, example: false });
        const match = found.find((m) => m.value === each.value)!;
        expect(each.text.slice(match.start, match.end)).toBe(each.value);
        const before = each.text.slice(0, match.start).split('\n');
        expect({ line: match.line, column: match.column }).toEqual({ line: before.length, column: before.at(-1)!.length + 1 });
      }
    });
  }
});
