//! Stable hashes of text. Model features and weights files depend on these
//! exact functions, so they never change with the platform or a dependency;
//! in-memory maps use `rustc-hash` instead ([`FxHashMap`], [`FxHashSet`]).

pub use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

/// 64-bit FNV-1a.
#[inline]
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Mixes two hashes (for n-grams).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let mut x = a.rotate_left(17) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^= x >> 31;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^ (x >> 29)
}
