/** Typed arrays that grow as records arrive: per-record numbers for a million records in a few bytes each. */
type NumberArray = Float64Array | Int32Array | Uint32Array | Uint8Array;

/**
 * One number per record, appended in record order; read back by record index. The numbers of another thread's
 * column can be appended as they are (`adopt`): they are kept in their own array after this one's, so that taking
 * them neither copies them nor leaves garbage behind, which the collector might free only after the memory peak.
 */
export class Column<A extends NumberArray> {
  private data: A;
  /** how many numbers `data` holds (its length is its room) */
  private size = 0;
  /** the numbers after those of `data`, adopted */
  private tail: A | undefined;

  /** `initial`: the column's first numbers (the array is taken, not copied) */
  constructor(
    private readonly make: (length: number) => A,
    initial?: A,
  ) {
    this.data = initial ?? make(1024);
    this.size = initial?.length ?? 0;
  }

  get length(): number {
    return this.size + (this.tail === undefined ? 0 : this.tail.length);
  }

  /** The numbers so far, as a view of the column's array (adopted ones copied in first; valid until the next push). */
  values(): A {
    this.joinTail();
    return this.data.subarray(0, this.size) as A;
  }

  push(value: number): void {
    if (this.tail !== undefined) this.joinTail();
    if (this.size === this.data.length) this.reserve(1);
    this.data[this.size] = value;
    this.size += 1;
  }

  /**
   * Makes room for `total` numbers in all, at once (a count known or estimated up front): grown by doubling, a
   * large column leaves arrays behind that the memory allocator may keep as resident memory. Room never used
   * costs address space, not memory.
   */
  expect(total: number): void {
    if (this.tail === undefined && total > this.data.length) this.moveTo(total);
  }

  /** The numbers as they are kept: views of the column's array and of the adopted one, if any (nothing copied). */
  parts(): A[] {
    const own = this.data.subarray(0, this.size) as A;
    return this.tail === undefined ? [own] : [own, this.tail];
  }

  /** Appends the numbers of `values`, taking the array itself (it must not change after). */
  adopt(values: A): void {
    if (this.tail !== undefined) this.joinTail();
    if (this.size === 0) {
      this.data = values;
      this.size = values.length;
    } else this.tail = values;
  }

  get(index: number): number {
    return index < this.size ? this.data[index]! : this.tail![index - this.size]!;
  }

  set(index: number, value: number): void {
    if (index < this.size) this.data[index] = value;
    else this.tail![index - this.size] = value;
  }

  /** Makes room for `more` numbers, doubling as pushing one by one would. */
  private reserve(more: number): void {
    let length = Math.max(this.data.length, 1);
    while (length < this.size + more) length *= 2;
    this.moveTo(length);
  }

  /** Moves the numbers into an array of room `length`. */
  private moveTo(length: number): void {
    const bigger = this.make(length);
    bigger.set(this.data.subarray(0, this.size));
    this.data = bigger;
  }

  /** Copies the adopted numbers in after the others (only when more are pushed after them). */
  private joinTail(): void {
    const tail = this.tail;
    if (tail === undefined) return;
    this.tail = undefined;
    this.reserve(tail.length);
    this.data.set(tail, this.size);
    this.size += tail.length;
  }
}

/**
 * Typed arrays in shared memory: a graded table's columns are read by a second thread while the ranking is
 * written (sent to it, they are shared, not copied). Reading and writing them is as fast as ordinary arrays.
 */
export const sharedFloat64 = (length: number) => new Float64Array(new SharedArrayBuffer(length * 8));
export const sharedInt32 = (length: number) => new Int32Array(new SharedArrayBuffer(length * 4));
export const sharedUint32 = (length: number) => new Uint32Array(new SharedArrayBuffer(length * 4));
export const sharedInt8 = (length: number) => new Int8Array(new SharedArrayBuffer(length));
export const sharedUint8 = (length: number) => new Uint8Array(new SharedArrayBuffer(length));
export const sharedUint16 = (length: number) => new Uint16Array(new SharedArrayBuffer(length * 2));

export const float64Column = (...parts: Float64Array[]) => columnOf(sharedFloat64, parts);
export const int32Column = (...parts: Int32Array[]) => columnOf(sharedInt32, parts);
export const uint32Column = (...parts: Uint32Array[]) => columnOf(sharedUint32, parts);

/** A column of the numbers in `parts` (a column's `parts()`; the arrays are taken, not copied). */
function columnOf<A extends NumberArray>(make: (length: number) => A, parts: readonly A[]): Column<A> {
  const column = new Column(make, parts[0]);
  for (const part of parts.slice(1)) column.adopt(part);
  return column;
}

/** A run column's runs: the record each starts at, and its number. */
export interface Runs {
  readonly starts: Uint32Array;
  readonly values: Float64Array;
}

/**
 * One number per record where long runs of records share it (the table a record came from, the distance between
 * its line and its row): kept once per run, read back by record index with a binary search over the runs.
 */
export class RunColumn {
  private readonly starts = uint32Column();
  private readonly values = float64Column();
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** The runs, as plain data for `pushRuns`. */
  runs(): Runs {
    return { starts: this.starts.values(), values: this.values.values() };
  }

  /** Pushes `count` records whose runs are `runs` (see `runs`), each number changed by `change`. */
  pushRuns(runs: Runs, count: number, change: (value: number) => number): void {
    for (let run = 0; run < runs.starts.length; run += 1) {
      const value = change(runs.values[run]!);
      const end = run + 1 < runs.starts.length ? runs.starts[run + 1]! : count;
      if (end === runs.starts[run]) continue;
      this.push(value);
      this.size += end - runs.starts[run]! - 1;
    }
  }

  push(value: number): void {
    const runs = this.values.length;
    if (runs === 0 || !Object.is(this.values.get(runs - 1), value)) {
      this.starts.push(this.size);
      this.values.push(value);
    }
    this.size += 1;
  }

  get(index: number): number {
    // the last run that starts at or before the index
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.starts.get(middle) <= index) low = middle;
      else high = middle - 1;
    }
    return this.values.get(low);
  }
}

/** Strings stored once and referred to by a small code (peer groups, files); null is -1. */
export class Interner {
  private readonly codes = new Map<string, number>();
  private readonly values: string[] = [];

  code(value: string | null): number {
    if (value === null) return -1;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  value(code: number): string | null {
    return code < 0 ? null : this.values[code]!;
  }

  /** Every value with a code, in code order. */
  list(): readonly string[] {
    return this.values;
  }

  /** How many values have a code (codes run from 0 to size - 1; null is -1). */
  get size(): number {
    return this.values.length;
  }
}
