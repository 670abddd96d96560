//! The map from offsets in the normalized text back to offsets in the raw text a reader produced.
//!
//! Both sides count Unicode scalar values (chars), never bytes. The map is monotone: a later
//! normalized char never maps to an earlier raw char. It is stored as runs in which both sides
//! advance together, so an untouched text costs one run however long it is.

use serde::{Deserialize, Serialize};

/// Normalized offset → raw offset, monotone. Built by [`OffsetMapBuilder`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    /// `(normalized_start, raw_start)`: within a run, offset `n` maps to `raw_start + n -
    /// normalized_start`. Sorted by both fields; the first run starts at normalized 0.
    runs: Vec<(u32, u32)>,
    normalized_len: u32,
    raw_len: u32,
}

impl OffsetMap {
    /// The map of a text that normalization left as it was.
    pub fn identity(len: usize) -> OffsetMap {
        let len = saturate(len);
        OffsetMap {
            runs: vec![(0, 0)],
            normalized_len: len,
            raw_len: len,
        }
    }

    pub fn normalized_len(&self) -> usize {
        self.normalized_len as usize
    }

    pub fn raw_len(&self) -> usize {
        self.raw_len as usize
    }

    /// The raw offset of the char that produced normalized char `normalized`; the end of the
    /// normalized text maps to the end of the raw text. Offsets past the end are clamped.
    pub fn to_raw(&self, normalized: usize) -> usize {
        let n = saturate(normalized);
        if n >= self.normalized_len || self.runs.is_empty() {
            return self.raw_len as usize;
        }
        let run = self.runs.partition_point(|&(start, _)| start <= n) - 1;
        let (n_start, raw_start) = self.runs[run];
        let raw = raw_start + (n - n_start);
        // A run never reaches past the next run's raw start, nor past the raw end.
        let limit = self
            .runs
            .get(run + 1)
            .map_or(self.raw_len, |&(_, next_raw)| next_raw);
        raw.min(limit) as usize
    }

    /// The first normalized offset whose raw offset is at or after `raw`: where a raw position
    /// lands in the normalized text (a removed raw char lands on the next kept one).
    pub fn to_normalized(&self, raw: usize) -> usize {
        let (mut low, mut high) = (0usize, self.normalized_len as usize);
        while low < high {
            let mid = low + (high - low) / 2;
            if self.to_raw(mid) < raw {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }
}

/// Records, char by char, which raw offset each normalized char came from.
#[derive(Debug, Default)]
pub(crate) struct OffsetMapBuilder {
    map: OffsetMap,
    last_raw: Option<u32>,
}

impl OffsetMapBuilder {
    /// Appends one normalized char produced from raw offset `raw`. Offsets must not decrease;
    /// a decreasing one is raised to keep the map monotone.
    pub(crate) fn push(&mut self, raw: usize) {
        let raw = saturate(raw).max(self.last_raw.unwrap_or(0));
        let n = self.map.normalized_len;
        let continues_run = self.last_raw.is_some_and(|last| raw == last + 1);
        if !continues_run {
            self.map.runs.push((n, raw));
        }
        self.last_raw = Some(raw);
        self.map.normalized_len += 1;
    }

    pub(crate) fn finish(mut self, raw_len: usize) -> OffsetMap {
        self.map.raw_len = saturate(raw_len).max(self.last_raw.map_or(0, |last| last + 1));
        if self.map.runs.is_empty() {
            self.map.runs.push((0, 0));
        }
        self.map
    }
}

/// Texts are bounded by [`crate::formats::Limits`] far below `u32::MAX` chars.
fn saturate(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}
