// A number array that grows by doubling: the check log of a sheet, whose final size is
// not known until the sheet is done.
/** A number array that grows by doubling from a given room (a plain array's growth would copy far more). */
export class Growing<A extends Int32Array | Float64Array> {
  data: A;
  length = 0;
  constructor(
    private readonly make: (size: number) => A,
    capacity: number,
  ) {
    this.data = make(capacity);
  }
  /** Room for n more numbers at the end: returns where they start (length grows by n; write them there, into data as read after this call: growing replaces it). */
  grow(n: number): number {
    const at = this.length;
    const need = at + n;
    if (need > this.data.length) {
      let size = Math.max(1, this.data.length * 2);
      while (size < need) size *= 2;
      const next = this.make(size);
      next.set(this.data);
      this.data = next;
    }
    this.length = need;
    return at;
  }
}

export const int32s = (n: number) => new Int32Array(n);
export const float64s = (n: number) => new Float64Array(n);
