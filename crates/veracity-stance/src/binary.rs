//! The little-endian layout both weight files use: `u32` counts and `f32`
//! arrays prefixed by their length. One reader and writer, so the stance
//! and evidence formats cannot drift apart in how they encode numbers.

/// Appends `v`.
pub(crate) fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Appends `v`'s length, then its values.
pub(crate) fn put_f32s(out: &mut Vec<u8>, v: &[f32]) {
    put_u32(out, v.len() as u32);
    for x in v {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

/// Appends the FNV-1a checksum of everything written so far.
pub(crate) fn seal(out: &mut Vec<u8>) {
    let sum = veracity_text::hash::fnv1a(out);
    out.extend_from_slice(&sum.to_le_bytes());
}

/// Splits what [`seal`] wrote into its body and whether the checksum holds
/// (a buffer shorter than a checksum holds none).
pub(crate) fn unseal(bytes: &[u8]) -> (&[u8], bool) {
    let Some(at) = bytes.len().checked_sub(8) else {
        return (bytes, false);
    };
    let (body, sum) = bytes.split_at(at);
    let mut sum_bytes = [0u8; 8];
    sum_bytes.copy_from_slice(sum);
    (
        body,
        u64::from_le_bytes(sum_bytes) == veracity_text::hash::fnv1a(body),
    )
}

/// Reads what [`put_u32`] and [`put_f32s`] wrote; a short or malformed
/// buffer becomes the caller's error through `corrupt`.
pub(crate) struct Reader<'a, E> {
    bytes: &'a [u8],
    pos: usize,
    corrupt: fn(String) -> E,
}

impl<'a, E> Reader<'a, E> {
    /// Reads `bytes` from `pos`.
    pub(crate) fn new(bytes: &'a [u8], pos: usize, corrupt: fn(String) -> E) -> Self {
        Reader {
            bytes,
            pos,
            corrupt,
        }
    }

    /// True when every byte has been read.
    pub(crate) fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    /// The next `n` bytes.
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], E> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| (self.corrupt)("truncated".into()))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    /// The next `u32`.
    pub(crate) fn u32(&mut self) -> Result<u32, E> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    /// The next length-prefixed `f32` array.
    pub(crate) fn f32s(&mut self) -> Result<Vec<f32>, E> {
        let n = self.u32()? as usize;
        let len = n
            .checked_mul(4)
            .ok_or_else(|| (self.corrupt)("length".into()))?;
        let s = self.take(len)?;
        Ok(s.chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
}
