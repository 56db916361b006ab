/** Typed arrays that grow as records arrive: per-record numbers for a million records in a few bytes each. */
type NumberArray = Float64Array | Int32Array | Uint32Array | Uint8Array;

/** One number per record, appended in record order; read back by record index. */
export class Column<A extends NumberArray> {
  private data: A;
  private size = 0;

  constructor(private readonly make: (length: number) => A) {
    this.data = make(1024);
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size] = value;
    this.size += 1;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }
}

export const float64Column = () => new Column((length) => new Float64Array(length));
export const int32Column = () => new Column((length) => new Int32Array(length));
export const uint32Column = () => new Column((length) => new Uint32Array(length));

/**
 * One number per record where long runs of records share it (the table a record came from, the distance between
 * its line and its row): kept once per run, read back by record index with a binary search over the runs.
 */
export class RunColumn {
  private readonly starts = uint32Column();
  private readonly values = float64Column();
  private size = 0;

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

  /** How many values have a code (codes run from 0 to size - 1; null is -1). */
  get size(): number {
    return this.values.length;
  }
}
