//! Replacing the two parties of a pair with markers.

use std::ops::Range;

use crate::BertError;

/// Marker for the party mentioned first in the sentence.
pub const E1: &str = "[E1]";
/// Marker for the other party.
pub const E2: &str = "[E2]";

/// The two views of a sentence that the head reads.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MarkedPair {
    /// The whole sentence, every mention of the parties replaced by `[E1]` / `[E2]`.
    pub sentence: String,
    /// The closest `[E1]`…`[E2]` stretch of that sentence, markers included:
    /// the wording between the parties, which carries the type and direction.
    pub core: String,
}

/// Marks the parties of `text`: `first` and `second` are the byte ranges of each
/// party's mentions. Whichever party is mentioned first becomes `[E1]`, so the
/// caller's order does not matter; the returned flag says whether the parties
/// were swapped to make that so.
pub fn mark(
    text: &str,
    first: &[Range<usize>],
    second: &[Range<usize>],
) -> Result<(MarkedPair, bool), BertError> {
    let (Some(a0), Some(b0)) = (
        first.iter().map(|r| r.start).min(),
        second.iter().map(|r| r.start).min(),
    ) else {
        return Err(BertError::Marking("each party needs a mention".to_owned()));
    };
    let swapped = b0 < a0;
    let (e1, e2) = if swapped {
        (second, first)
    } else {
        (first, second)
    };
    let mut spans: Vec<(Range<usize>, u8)> = e1
        .iter()
        .map(|r| (r.clone(), 1))
        .chain(e2.iter().map(|r| (r.clone(), 2)))
        .collect();
    spans.sort_by_key(|(r, _)| (r.start, r.end));
    let mut prev_end = 0;
    for (r, _) in &spans {
        if r.start < prev_end
            || r.start >= r.end
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            return Err(BertError::Marking(format!(
                "mention {}..{} overlaps another or does not fit a text of {} bytes",
                r.start,
                r.end,
                text.len()
            )));
        }
        prev_end = r.end;
    }

    let mut sentence = String::with_capacity(text.len());
    // Start of each marker in `sentence`, with its party.
    let mut placed: Vec<(usize, usize, u8)> = Vec::with_capacity(spans.len());
    let mut cursor = 0;
    for (r, party) in &spans {
        sentence.push_str(&text[cursor..r.start]);
        let start = sentence.len();
        sentence.push_str(if *party == 1 { E1 } else { E2 });
        placed.push((start, sentence.len(), *party));
        cursor = r.end;
    }
    sentence.push_str(&text[cursor..]);

    // The closest pair of markers of different parties; the first such pair wins ties.
    let mut best: Option<(usize, usize, usize)> = None;
    for w in placed.windows(2) {
        if w[0].2 != w[1].2 {
            let gap = w[1].0 - w[0].1;
            if best.is_none_or(|(g, _, _)| gap < g) {
                best = Some((gap, w[0].0, w[1].1));
            }
        }
    }
    let core = best.map_or_else(String::new, |(_, s, e)| sentence[s..e].to_owned());
    Ok((MarkedPair { sentence, core }, swapped))
}

#[cfg(test)]
// One-range slices are exactly what single-mention parties look like.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn ranges(text: &str, needle: &str) -> Vec<Range<usize>> {
        text.match_indices(needle)
            .map(|(i, m)| i..i + m.len())
            .collect()
    }

    #[test]
    fn marks_every_mention_consistently() {
        let text = "Nvidia said Nvidia would put $5 billion into Intel, and Intel welcomed it.";
        let (pair, swapped) = mark(text, &ranges(text, "Intel"), &ranges(text, "Nvidia")).unwrap();
        assert!(swapped, "Nvidia comes first, so it becomes [E1]");
        assert_eq!(
            pair.sentence,
            "[E1] said [E1] would put $5 billion into [E2], and [E2] welcomed it."
        );
        assert_eq!(pair.core, "[E1] would put $5 billion into [E2]");
    }

    #[test]
    fn core_keeps_wording_between_adjacent_parties() {
        let text = "Shares of Acme’s unit Beta Labs rose.";
        let (pair, swapped) =
            mark(text, &ranges(text, "Acme"), &ranges(text, "Beta Labs")).unwrap();
        assert!(!swapped);
        assert_eq!(pair.sentence, "Shares of [E1]’s unit [E2] rose.");
        assert_eq!(pair.core, "[E1]’s unit [E2]");
    }

    #[test]
    fn rejects_overlaps_and_bad_offsets() {
        let text = "Alpha Beta Corp";
        assert!(mark(text, &[0..10], &[6..15]).is_err());
        assert!(mark(text, &[0..5], &[6..99]).is_err());
        assert!(mark(text, &[0..5], &[]).is_err());
        let euro = "€5 to Alpha from Beta";
        assert!(
            mark(euro, &[1..3], &[17..21]).is_err(),
            "inside the euro sign"
        );
    }
}
