import { Column, float64Column } from './columns.js';
import type { FieldValue } from './values.js';

/**
 * One field's values, record by record: numbers in a Float64Array (NaN for missing) until the first value that is
 * not a number, then a plain array. A number column costs 8 bytes a record.
 */
class ValueColumn {
  private numbers: Column<Float64Array> | undefined = float64Column();
  private values: FieldValue[] | undefined;

  push(value: FieldValue): void {
    if (this.numbers !== undefined) {
      if (value === null) return this.numbers.push(Number.NaN);
      if (typeof value === 'number' && !Number.isNaN(value)) return this.numbers.push(value);
      this.values = Array.from({ length: this.numbers.length }, (_, i) => this.get(i));
      this.numbers = undefined;
    }
    this.values!.push(value);
  }

  get(index: number): FieldValue {
    if (this.numbers === undefined) return this.values![index]!;
    const number = this.numbers.get(index);
    return Number.isNaN(number) ? null : number;
  }
}

/**
 * The field values of many records, kept column by column and read back by record index (the order they were
 * added): what building one institution's indicator findings needs, at a few hundred bytes a record instead of
 * the ~4 KB of a record object, so that 100k institutions' findings can be built one at a time as a workbook is
 * written. Values are copied as they are added (a fast reader may hand the same record view for every row).
 */
export class RecordValues {
  private readonly columns: ValueColumn[];

  /** `fields`: the fields to keep (a rubric's). */
  constructor(private readonly fields: readonly string[]) {
    this.columns = fields.map(() => new ValueColumn());
  }

  /** Adds one record's values. */
  add(values: { get(field: string): FieldValue | undefined }): void {
    this.fields.forEach((field, f) => this.columns[f]!.push(values.get(field) ?? null));
  }

  /** The values of the record added at `index`, as a new map (missing values left out). */
  valuesAt(index: number): Map<string, FieldValue> {
    const values = new Map<string, FieldValue>();
    this.fields.forEach((field, f) => {
      const value = this.columns[f]!.get(index);
      if (value !== null) values.set(field, value);
    });
    return values;
  }
}
