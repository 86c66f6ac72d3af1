// The growing number array keeps every value in order across its doublings.
import fc from 'fast-check';
import { float64s, Growing, int32s } from '../../src/engine/result/growing';

describe('Growing', () => {
  it('holds what was added one at a time, in order, from a room of 1 up', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 300 }), fc.integer({ min: 1, max: 8 }), (xs, room) => {
        const a = new Growing(int32s, room);
        const b = new Growing(float64s, room);
        for (const x of xs) {
          // data is read after grow: growing may replace it.
          const i = a.grow(1);
          a.data[i] = x;
          const j = b.grow(1);
          b.data[j] = x / 7;
        }
        expect(a.length).toBe(xs.length);
        expect(Array.from(a.data.subarray(0, a.length))).toEqual(xs);
        expect(Array.from(b.data.subarray(0, b.length))).toEqual(xs.map((x) => x / 7));
      }),
    );
  });

  it('grows by several numbers at once, from any room, keeping what it held', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 9 }), { maxLength: 60 }), fc.integer({ min: 0, max: 8 }), (groups, room) => {
        const a = new Growing(int32s, room);
        const all: number[] = [];
        for (const xs of groups) {
          const at = a.grow(xs.length);
          expect(at).toBe(all.length);
          xs.forEach((x, i) => (a.data[at + i] = x));
          all.push(...xs);
        }
        expect(a.length).toBe(all.length);
        expect(Array.from(a.data.subarray(0, a.length))).toEqual(all);
      }),
    );
  });
});
