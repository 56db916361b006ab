import { FNV_OFFSET, FNV_PRIME } from './fnv.js';
import { TextColumn, type Located } from './text-column.js';

/**
 * Ids and where each was first seen (a number ≥ 0), in an open-addressing table of typed arrays, the ids packed in a
 * TextColumn: a million ids cost a few arrays rather than a million map entries and strings, and a new id is found
 * new with one probe or two.
 */
export class FirstSeen {
  private readonly ids = new TextColumn();
  private places: Float64Array = new Float64Array(1024);
  /** per slot: the id's hash and 1 + its index in `ids` (0: empty) */
  private slots = new Int32Array(2 * 2048);
  private mask = 2047;

  /**
   * Makes room for `more` ids at once (an estimate): the table a growing one would reach for them, so that no
   * outgrown tables are left for the allocator to keep (not more, as every slot of a table is touched).
   */
  expectMore(more: number): void {
    const count = this.ids.length + more;
    this.ids.expect(count);
    if (count > this.places.length) this.places = grownTo(this.places, count);
    let mask = this.mask;
    while (2 * count > mask) mask = 2 * mask + 1;
    if (mask > this.mask) this.resize(mask);
  }

  /** Where the id was first seen, or -1. */
  at(id: string): number {
    return this.placeIn(this.slotOf(id, hashOf(id)));
  }

  /** Where the id at `index` of `texts` was first seen, or -1: `at` without making the id a string. */
  atText(texts: TextColumn, index: number): number {
    const located = texts.unitsOf(index);
    if (located === undefined) return this.at(texts.get(index));
    return this.placeIn(this.slotOfUnits(located, unitsHash(located)));
  }

  /** `add` for the id at `index` of `texts`, without making it a string. */
  addText(texts: TextColumn, index: number, place: number): number {
    const located = texts.unitsOf(index);
    if (located === undefined) return this.add(texts.get(index), place);
    const hash = unitsHash(located);
    const slot = this.slotOfUnits(located, hash);
    if (this.slots[2 * slot + 1] !== 0) return this.placeIn(slot);
    this.ids.pushFrom(texts, index);
    this.note(slot, hash, place);
    return -1;
  }

  /** Notes the id as seen at `place` and gives -1; if it was seen before, gives where and notes nothing. */
  add(id: string, place: number): number {
    const hash = hashOf(id);
    const slot = this.slotOf(id, hash);
    if (this.slots[2 * slot + 1] !== 0) return this.placeIn(slot);
    this.ids.push(id);
    this.note(slot, hash, place);
    return -1;
  }

  /** Notes the id just pushed to `ids` as seen at `place`, in `slot`. */
  private note(slot: number, hash: number, place: number): void {
    const index = this.ids.length - 1;
    if (index === this.places.length) this.places = grownTo(this.places, 2 * index);
    this.places[index] = place;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = index + 1;
    if (2 * (index + 1) > this.mask) this.resize(2 * this.mask + 1);
  }

  /** The slot that holds the id, or the empty slot where it would go. */
  private slotOf(id: string, hash: number): number {
    const { slots, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1]!;
      if (entry === 0 || (slots[2 * slot] === hash && this.ids.equals(entry - 1, id))) return slot;
    }
  }

  /** Where the id in `slot` was first seen, or -1 when the slot is empty. */
  private placeIn(slot: number): number {
    const entry = this.slots[2 * slot + 1]!;
    return entry === 0 ? -1 : this.places[entry - 1]!;
  }

  /** `slotOf` for an id given as code units. */
  private slotOfUnits({ units, start, end }: Located, hash: number): number {
    const { slots, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1]!;
      if (entry === 0 || (slots[2 * slot] === hash && this.ids.sameAs(entry - 1, units, start, end))) return slot;
    }
  }

  /** Moves the entries into a table of `mask` + 1 slots. */
  private resize(mask: number): void {
    const old = this.slots;
    const slots = new Int32Array(2 * (mask + 1));
    for (let from = 0; from < old.length; from += 2) {
      const entry = old[from + 1]!;
      if (entry === 0) continue;
      const hash = old[from]!;
      let slot = hash & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = entry;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** The numbers of `places` in an array of `length`. */
function grownTo(places: Float64Array, length: number): Float64Array {
  const grown = new Float64Array(length);
  grown.set(places);
  return grown;
}

/** FNV-1a over the UTF-16 code units, then mixed (murmur3's finaliser) so that the low bits vary with every unit. */
function hashOf(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return mixed(hash);
}

/** `hashOf` of the text the code units [start, end) make. */
function unitsHash({ units, start, end }: Located): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ units[i]!, FNV_PRIME);
  return mixed(hash);
}

/** murmur3's finaliser. */
function mixed(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
