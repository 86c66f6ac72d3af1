// The growing number array keeps every value in order across its doublings.
import fc from 'fast-check';
import { float64s, Growing, int32s } from '../../src/engine/result/growing';

describe('Growing', () => {
  it('holds what was pushed, in order, from a room of 1 up', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 300 }), fc.integer({ min: 1, max: 8 }), (xs, room) => {
        const a = new Growing(int32s, room);
        const b = new Growing(float64s, room);
        for (const x of xs) {
          a.push(x);
          b.push(x / 7);
        }
        expect(a.length).toBe(xs.length);
        expect(Array.from(a.data.subarray(0, a.length))).toEqual(xs);
        expect(Array.from(b.data.subarray(0, b.length))).toEqual(xs.map((x) => x / 7));
      }),
    );
  });
});
