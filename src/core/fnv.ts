/** FNV-1a (32-bit): hash = (hash ^ unit) * FNV_PRIME from FNV_OFFSET, for the typed-array tables of ids and cells. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;
