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
