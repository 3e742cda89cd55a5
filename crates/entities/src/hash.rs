//! 64-bit hashing of feature strings.
//!
//! Features are never kept as strings: each is a 64-bit key made from a
//! template number and the hash of its value, and the model stores only the
//! keys. Collisions among the ~10^6 keys of a model are vanishingly rare at
//! 64 bits. The hash is our own (a folded 128-bit multiply, as in wyhash) so
//! that it is fast, stable across Rust versions and platforms — the shipped
//! model's keys must mean the same thing everywhere.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const K0: u64 = 0xa076_1d64_78bd_642f;
const K1: u64 = 0xe703_7ed1_a0b4_28db;
const K2: u64 = 0x8ebc_6af0_9c88_c6e3;

/// The high and low halves of a 128-bit product, xored.
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let r = u128::from(a) * u128::from(b);
    (r as u64) ^ ((r >> 64) as u64)
}

/// The hash of a byte string.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = fold(bytes.len() as u64 ^ K0, K1);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = fold(h ^ u64::from_le_bytes(word), K1);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = fold(h ^ u64::from_le_bytes(word) ^ K2, K1);
    }
    fold(h, K2)
}

/// The hash of a string.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Combines two hashes (order matters): for sequences and conjunctions.
#[inline]
pub fn combine(a: u64, b: u64) -> u64 {
    fold(a ^ K0, b ^ K2)
}

/// The key of feature template `template` with value hash `value`. Never 0,
/// which the model's table uses for an empty slot.
#[inline]
pub fn feature_key(template: u32, value: u64) -> u64 {
    let k = fold(value ^ K1, (u64::from(template) << 1 | 1).wrapping_mul(K0));
    if k == 0 { 1 } else { k }
}

/// A hasher for keys that already are good 64-bit hashes: it passes them
/// through instead of hashing them again.
#[derive(Clone, Copy, Debug, Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 ^= hash_bytes(bytes);
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// A map keyed by 64-bit hashes.
pub type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_distinct() {
        // The shipped model depends on these values never changing.
        assert_eq!(hash_str(""), hash_bytes(b""));
        let words = ["", "a", "b", "ab", "ba", "abcdefgh", "abcdefghi", "abcdefgh\0"];
        let hashes: std::collections::HashSet<u64> = words.iter().map(|w| hash_str(w)).collect();
        assert_eq!(hashes.len(), words.len());
        assert_ne!(combine(1, 2), combine(2, 1));
        assert_ne!(feature_key(1, 5), feature_key(2, 5));
        assert_ne!(feature_key(1, 5), 0);
    }
}
