//! Property test: the JSON Lines reader on arbitrary bytes never panics and
//! accounts for every line.

#![allow(clippy::unwrap_used)] // in tests a failed unwrap is a failed test

use std::io::Cursor;

use dealwire_ingest::{Compression, JsonlReader, ReadOptions};
use proptest::prelude::*;

fn lines_in(bytes: &[u8]) -> u64 {
    let newlines = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
    newlines + u64::from(!bytes.is_empty() && bytes.last() != Some(&b'\n'))
}

fn check(bytes: &[u8], limit: usize) {
    let mut r = JsonlReader::new(
        Cursor::new(bytes.to_vec()),
        "p",
        ReadOptions {
            max_article_bytes: limit,
        },
        Compression::None,
    );
    let mut records = 0u64;
    for rec in r.by_ref() {
        records += 1;
        if let Ok(a) = rec {
            assert!(!a.text.trim().is_empty());
            assert!(!a.id.is_empty());
        }
    }
    assert_eq!(records + r.blank_lines(), lines_in(bytes));
    assert_eq!(r.lines(), lines_in(bytes));
    assert_eq!(r.bytes(), bytes.len() as u64);
}

/// Lines that are often nearly valid records, so the parser goes deep.
fn jsonish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"{\"id\":\"a\",\"text\":\"Acme bought Beta.\"}".to_vec()),
        Just(b"{\"text\":\"x\",\"published\":\"2025-01-02\"}".to_vec()),
        Just(b"{\"body\":\"\",\"title\":null}".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\xEF\xBB\xBF".to_vec()),
        Just(b"[[[[".to_vec()),
        Just(b"\xff".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"{".to_vec()),
        any::<Vec<u8>>(),
    ];
    prop::collection::vec(piece, 0..20).prop_map(|v| v.concat())
}

/// 2,000 cases by default; `PROPTEST_CASES=N` runs longer (an explicit
/// `with_cases` would otherwise override the variable).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_bytes(bytes in any::<Vec<u8>>(), limit in prop_oneof![Just(5_000_000usize), 0usize..64]) {
        check(&bytes, limit);
    }

    #[test]
    fn jsonish_bytes(bytes in jsonish(), limit in prop_oneof![Just(5_000_000usize), 0usize..64]) {
        check(&bytes, limit);
    }
}
