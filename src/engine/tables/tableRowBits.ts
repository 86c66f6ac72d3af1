// Sets of a table's rows as bits of one reused byte array indexed by row − r0: no hashing and
// no allocation per table. For the row state of one table at a time (total detection).

export class TableRowBits {
  private bits = new Uint8Array(256);
  private r0 = 0;
  private n = 0;

  /** Empty sets for the rows r0..r1. */
  reset(r0: number, r1: number): void {
    const n = r1 - r0 + 1;
    if (this.bits.length < n) this.bits = new Uint8Array(Math.max(n, this.bits.length * 2));
    this.bits.fill(0, 0, n);
    this.r0 = r0;
    this.n = n;
  }

  /** Adds row r (one of r0..r1) to the set `bit`. */
  add(r: number, bit: number): void {
    this.bits[r - this.r0] |= bit;
  }

  remove(r: number, bit: number): void {
    this.bits[r - this.r0] &= ~bit;
  }

  /** Row r is in the set `bit` (rows outside r0..r1 never are). */
  has(r: number, bit: number): boolean {
    const i = r - this.r0;
    return i >= 0 && i < this.n && (this.bits[i] & bit) !== 0;
  }
}
