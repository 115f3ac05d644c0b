//! Byte spans into an article's original text, and the byte → character map.

use std::ops::{Index, Range};

use serde::{Deserialize, Serialize};

use crate::CoreError;

/// A half-open range of byte offsets `[start, end)` into the *original* article text.
///
/// Every stage reports positions as spans over the same text, so spans from
/// different stages compare directly. `&text[span]` gives the covered text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// A span from `start` to `end`; the two are swapped if given in reverse order.
    ///
    /// Use [`Span::checked`] when the offsets come from outside the program.
    pub const fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Self { start, end }
        } else {
            Self {
                start: end,
                end: start,
            }
        }
    }

    /// A span checked against `text`: inside it, ordered, and on character boundaries.
    pub fn checked(text: &str, start: usize, end: usize) -> Result<Self, CoreError> {
        if start > end
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            return Err(CoreError::BadSpan {
                start,
                end,
                len: text.len(),
            });
        }
        Ok(Self { start, end })
    }

    /// First byte covered.
    pub const fn start(self) -> usize {
        self.start
    }

    /// One past the last byte covered.
    pub const fn end(self) -> usize {
        self.end
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range<usize>`, for slicing.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether `other` lies wholly inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text covered, or `None` when the span does not fit `text`.
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    /// Panics like `&text[a..b]` when the span does not fit the text.
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// Converts byte offsets of one text into character (Unicode scalar) offsets,
/// the offsets Python slicing and most analysts' tools use.
///
/// Built once per article; lookups are a binary search over the non-ASCII
/// characters only, so mostly-ASCII news costs almost nothing.
#[derive(Clone, Debug, Default)]
pub struct CharMap {
    /// For each multi-byte character: (byte offset just after it, extra bytes so far).
    extra: Vec<(usize, usize)>,
    len: usize,
}

impl CharMap {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> Self {
        let mut extra = Vec::new();
        let mut total = 0;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                total += n - 1;
                extra.push((i + n, total));
            }
        }
        Self {
            extra,
            len: text.len(),
        }
    }

    /// Character offset of byte offset `byte` (clamped to the text's length).
    ///
    /// For a byte inside a multi-byte character, the offset of that character.
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let idx = self.extra.partition_point(|&(after, _)| after <= byte);
        let before = if idx == 0 { 0 } else { self.extra[idx - 1].1 };
        byte - before
    }

    /// Character offsets `(start, end)` of a span.
    pub fn char_span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start()), self.char_offset(span.end()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_gives_covered_text() {
        let text = "Amazon Web Services (AWS)";
        let span = Span::new(0, 19);
        assert_eq!(&text[span], "Amazon Web Services");
        assert_eq!(span.get(text), Some("Amazon Web Services"));
        assert_eq!(Span::new(30, 40).get(text), None);
    }

    #[test]
    fn new_orders_offsets() {
        let s = Span::new(9, 4);
        assert_eq!((s.start(), s.end()), (4, 9));
        assert_eq!(s.len(), 5);
    }

    #[test]
    fn checked_rejects_bad_offsets() {
        let text = "€1.3bn deal";
        assert!(Span::checked(text, 0, 3).is_ok());
        assert!(Span::checked(text, 1, 3).is_err(), "inside the euro sign");
        assert!(Span::checked(text, 5, 4).is_err());
        assert!(Span::checked(text, 0, 99).is_err());
    }

    #[test]
    fn overlap_contain_cover() {
        let a = Span::new(0, 10);
        let b = Span::new(5, 15);
        let c = Span::new(10, 12);
        assert!(a.overlaps(b) && !a.overlaps(c));
        assert!(a.contains(Span::new(2, 10)) && !a.contains(b));
        assert_eq!(a.cover(c), Span::new(0, 12));
    }

    #[test]
    fn char_offsets_match_python_slicing() {
        let text = "OpenAI’s €1.3bn deal with “AWS”";
        let map = CharMap::new(text);
        let aws = text.find("AWS").unwrap();
        let span = Span::new(aws, aws + 3);
        let (cs, ce) = map.char_span(span);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[cs..ce].iter().collect::<String>(), "AWS");
        assert_eq!(map.char_offset(0), 0);
        assert_eq!(map.char_offset(text.len()), chars.len());
    }

    proptest::proptest! {
        #[test]
        fn char_offset_agrees_with_char_indices(text in "\\PC{0,40}") {
            let map = CharMap::new(&text);
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                proptest::prop_assert_eq!(map.char_offset(bi), ci);
            }
            proptest::prop_assert_eq!(map.char_offset(text.len()), text.chars().count());
        }
    }
}
