//! The batch's lookups by text, two per row (the student id, the grade spelling): text of up
//! to 15 bytes packed into one integer and found in [`PackedMap`], longer text in a std
//! `HashMap` with the [`Mix`] hasher. Each replaced std's default for a measured cost (see
//! each).

use std::hash::Hasher;

/// Text of up to 15 bytes (a student id, a grade spelling) as one integer: the bytes, and
/// the length in the top byte (so `A` and `A\0` differ).
pub(crate) fn packed_key(text: &str) -> Option<u128> {
    // Little-endian words read with overlapping loads, not copied into a buffer: the copy
    // was a `memcpy` call per key, two per row, and this function's share of the batch in
    // Node's profiler went from 5% to about 1%. A byte read twice lands in the same place
    // both times, so `|` keeps it.
    let b = text.as_bytes();
    let n = b.len();
    let u32_at = |i: usize| match b.get(i..i + 4) {
        Some(&[w0, w1, w2, w3]) => u32::from_le_bytes([w0, w1, w2, w3]),
        _ => 0,
    };
    let u64_at = |i: usize| u64::from(u32_at(i)) | u64::from(u32_at(i + 4)) << 32;
    let (lo, hi) = match n {
        0..=3 => (b.iter().rev().fold(0u64, |k, &x| (k << 8) | u64::from(x)), 0),
        4..=8 => (u64::from(u32_at(0)) | u64::from(u32_at(n - 4)) << (8 * (n - 4)), 0),
        9..=15 => (u64_at(0), u64_at(n - 8) >> (8 * (16 - n))),
        _ => return None,
    };
    Some(u128::from(lo) | u128::from(hi | (n as u64) << 56) << 64)
}

/// Packed keys ([`packed_key`]) → indices: open addressing with linear probing, each slot
/// the key's two halves and the index, so a lookup is one multiply-mix and, nearly always,
/// one slot read. In Node's profiler the wasm's two lookups per row took about 105 ms of a
/// 490 ms batch with hashbrown (its portable groups, a byte-wise `Hasher` over each `u128`)
/// and 25 ms with this.
#[derive(Default)]
pub(crate) struct PackedMap {
    /// `(low half, high half, index + 1)`; an index of 0 marks an empty slot. The length
    /// is zero or a power of two.
    slots: Vec<(u64, u64, u32)>,
    len: usize,
}

impl PackedMap {
    /// The first slot to probe: both halves mixed, the top bits kept (Fibonacci hashing).
    fn start(&self, lo: u64, hi: u64) -> usize {
        let h = (lo ^ hi.wrapping_mul(MIX).rotate_left(29)).wrapping_mul(MIX);
        let bits = self.slots.len().trailing_zeros();
        // `bits` ≥ 1 when called (the table is never empty then); `checked_shr` keeps it total.
        h.checked_shr(64 - bits).unwrap_or(0) as usize
    }

    pub(crate) fn get(&self, key: u128) -> Option<usize> {
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.start(lo, hi);
        loop {
            let &(l, h, v) = self.slots.get(i)?;
            if v == 0 {
                return None;
            }
            if l == lo && h == hi {
                return Some(v as usize - 1);
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds a key that is not in the map. Indices past `u32::MAX - 1` are not stored (a
    /// lookup then misses; no file of this size fits in wasm memory).
    pub(crate) fn insert(&mut self, key: u128, index: usize) {
        let Some(value) = u32::try_from(index).ok().and_then(|i| i.checked_add(1)) else { return };
        // Grow at 7/8 full, so a probe always ends at an empty slot.
        if (self.len + 1) * 8 > self.slots.len() * 7 {
            self.grow();
        }
        self.place(key as u64, (key >> 64) as u64, value);
        self.len += 1;
    }

    fn place(&mut self, lo: u64, hi: u64, value: u32) {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = self.start(lo, hi);
        while let Some(slot) = self.slots.get_mut(i) {
            if slot.2 == 0 {
                *slot = (lo, hi, value);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        let old = std::mem::replace(&mut self.slots, vec![(0, 0, 0); size]);
        for (lo, hi, v) in old {
            if v != 0 {
                self.place(lo, hi, v);
            }
        }
    }
}

/// A multiply-rotate hash over 8 bytes at a time, with a final mix (so both the low bits
/// that pick a bucket and the top bits hashbrown tags with depend on every byte): student
/// ids and grades are short, and a std SipHash per row costs more than the rest of the
/// row. Collision flooding is no concern: the file is the user's own.
#[derive(Default)]
pub(crate) struct Mix(u64);

const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

impl Mix {
    fn word(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(26) ^ w).wrapping_mul(MIX);
    }
}

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        let h = (self.0 ^ (self.0 >> 32)).wrapping_mul(MIX);
        h ^ (h >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let w = rest.iter().rev().fold(0u64, |k, &b| (k << 8) | u64::from(b));
            self.word(w | ((rest.len() as u64) << 56));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.word(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.word(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.word(i as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mix_hash_spreads_sequential_ids() {
        let mut buckets = [0u32; 64];
        for i in 0..6400u32 {
            let mut h = Mix::default();
            std::hash::Hash::hash(format!("S{}", 2_024_000_000 + i).as_str(), &mut h);
            if let Some(b) = buckets.get_mut((h.finish() & 63) as usize) {
                *b += 1;
            }
        }
        // 100 per bucket on average; none far off.
        assert!(buckets.iter().all(|&b| (50..=150).contains(&b)), "{buckets:?}");
    }


    #[test]
    fn the_packed_map_finds_what_it_holds_and_nothing_else() {
        let mut map = PackedMap::default();
        assert_eq!(map.get(0), None, "an empty map");
        // Keys that differ in one half only, each half's low and high bytes, and the empty text.
        let key = |i: u64| packed_key(&format!("S{:010}{}", 2_024_000_000 + i, "x".repeat((i % 5) as usize)));
        let keys: Vec<u128> = (0..20_000).filter_map(key).chain(packed_key("")).collect();
        assert_eq!(keys.len(), 20_001);
        for (i, &k) in keys.iter().enumerate() {
            map.insert(k, i);
            // Found at once, and still found after every growth.
            assert_eq!(map.get(k), Some(i));
        }
        assert!(keys.iter().enumerate().all(|(i, &k)| map.get(k) == Some(i)));
        assert_eq!(map.len, keys.len());
        assert!(map.slots.len().is_power_of_two() && map.len * 8 <= map.slots.len() * 7);
        // Absent keys: same prefix, other numbers; a key with only the length byte changed.
        assert!((20_000..25_000).filter_map(key).all(|k| map.get(k).is_none()));
        assert_eq!(map.get(keys[0] ^ (1u128 << 127)), None);
    }


    #[test]
    fn a_packed_key_is_the_bytes_little_endian_and_the_length_on_top() {
        for n in 0..=15usize {
            let text: String = "S20240001234567".chars().take(n).collect();
            let mut want = [0u8; 16];
            for (w, b) in want.iter_mut().zip(text.bytes()) {
                *w = b;
            }
            want[15] = n as u8;
            assert_eq!(packed_key(&text), Some(u128::from_le_bytes(want)), "{text:?}");
        }
    }

    #[test]
    fn packed_keys_tell_ids_apart() {
        assert_ne!(packed_key("S1"), packed_key("S1\0"));
        assert_ne!(packed_key("S2024000001"), packed_key("S2024000010"));
        assert_eq!(packed_key("123456789012345").map(|k| k >> 120), Some(15));
        assert_eq!(packed_key("1234567890123456"), None);
    }

    #[test]
    fn packed_keys_tell_spellings_apart() {
        assert_ne!(packed_key("b+"), packed_key("B+"));
        assert_ne!(packed_key("A"), packed_key("A "));
    }

}
