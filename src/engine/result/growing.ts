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
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

export const int32s = (n: number) => new Int32Array(n);
export const float64s = (n: number) => new Float64Array(n);
