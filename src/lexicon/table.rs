//! Open-addressing hash tables of lexicon keys, laid out by `build.rs` and probed in place from
//! the binary (shared by both). A lookup costs one hash and usually one cache line, where an
//! `fst` walk decodes a node per byte: unknown words try hundreds of candidate spellings.

/// Slots for `keys` keys: a power of two over twice as many, so that a miss (the usual outcome
/// for a candidate spelling) ends after one or two probes. The lexicon's tables have 2^20 slots.
pub fn slots(keys: usize) -> usize {
    (2 * keys).next_power_of_two()
}

/// 64-bit hash of a key: FxHash-style word mixing, then the murmur3 finaliser, so that spellings
/// one letter apart get unrelated slots and tags.
pub fn hash(key: &[u8]) -> u64 {
    let mix = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    let mut h = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for chunk in &mut chunks {
        h = mix(
            h,
            u64::from_le_bytes(chunk.try_into().expect("8-byte chunk")),
        );
    }
    // The last bytes as a zero-padded little-endian word, without a call to `memcpy`.
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = mix(
            h,
            rest.iter()
                .rev()
                .fold(0, |word, &b| word << 8 | u64::from(b)),
        );
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A slot holds the key's hash in its upper 48 bits (with one bit forced so that no key looks
/// like the empty slot 0) and the key's frequency in the lower 16. Keys are not stored: two
/// keys would have to share the slot chain and all 48 bits to be confused.
fn tag(h: u64) -> u64 {
    (h | 1 << 16) & !0xFFFF
}

/// The table for `(key, frequency)` pairs, as little-endian bytes; a repeated key keeps its
/// highest frequency.
#[allow(dead_code)] // used by build.rs only
pub fn build(entries: &[(&[u8], u16)]) -> Vec<u8> {
    let size = self::slots(entries.len());
    let mut slots = vec![0u64; size];
    for &(key, freq) in entries {
        let h = hash(key);
        let mut i = h as usize & (size - 1);
        loop {
            if slots[i] == 0 {
                slots[i] = tag(h) | u64::from(freq);
                break;
            }
            if slots[i] & !0xFFFF == tag(h) {
                slots[i] = tag(h) | (slots[i] & 0xFFFF).max(u64::from(freq));
                break;
            }
            i = (i + 1) & (size - 1);
        }
    }
    slots.iter().flat_map(|s| s.to_le_bytes()).collect()
}

/// 64-bit words of a table's Bloom filter: 512 KiB, which stays in a core's L2 cache where
/// the 8 MiB table does not. Almost every candidate spelling of an unknown word is absent, and
/// the filter turns ~97 % of those probes away with one cached read.
pub const BLOOM_WORDS: usize = 1 << 16;

/// The filter word of a hash and the three bits the key sets in it (hash bits the table's slot
/// index does not use).
fn bloom_bits(h: u64) -> (usize, u64) {
    let word = (h >> 20) as usize & (BLOOM_WORDS - 1);
    (
        word,
        1 << (h >> 36 & 63) | 1 << (h >> 42 & 63) | 1 << (h >> 48 & 63),
    )
}

/// The Bloom filter of `keys`, as little-endian bytes.
#[allow(dead_code)] // used by build.rs only
pub fn build_bloom<'a>(keys: impl IntoIterator<Item = &'a [u8]>) -> Vec<u8> {
    let mut words = vec![0u64; BLOOM_WORDS];
    for key in keys {
        let (i, bits) = bloom_bits(hash(key));
        words[i] |= bits;
    }
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

fn read(bytes: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(bytes[i * 8..i * 8 + 8].try_into().expect("8-byte word"))
}

/// Frequency of `key` in a table made by [`build`], `None` when absent; `bloom`, the filter of
/// the same keys, answers most absent keys first.
#[allow(dead_code)] // used by the lexicon only
pub fn get(table: &[u8], bloom: Option<&[u8]>, key: &[u8]) -> Option<u16> {
    let h = hash(key);
    if let Some(bloom) = bloom {
        let (i, bits) = bloom_bits(h);
        if read(bloom, i) & bits != bits {
            return None;
        }
    }
    // The table's size is a power of two (see `slots`).
    let mask = table.len() / 8 - 1;
    let mut i = h as usize & mask;
    loop {
        let slot = read(table, i);
        if slot == 0 {
            return None;
        }
        if slot & !0xFFFF == tag(h) {
            return Some(slot as u16);
        }
        i = (i + 1) & mask;
    }
}
