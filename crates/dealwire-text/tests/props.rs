//! Property tests: any text, no panic, well-formed spans.

use dealwire_core::{Article, Extraction, Stage};
use dealwire_text::Tokenizer;
use proptest::prelude::*;

/// Pieces that exercise the rules: abbreviations, quotes, numbers, breaks,
/// multi-byte characters.
const PIECES: &[&str] = &[
    "Inc.", "U.S.", "J.", "Mr.", "e.g.", "...", "…", ".", "?", "!", "’s", "'s", "“", "”", "\"",
    "'", "(", ")", "The", "deal", "1,250.5", "$", "€", "—", "–", "\n", "\n\n", " \n \n", "\r",
    "\u{2029}", "\u{2028}", "\u{301}", "\u{200B}", "https://", "www.a.b", "@", "&", "-", " ", "  ",
    "\t", "東京", "é", "Ö.", "🚀",
];

fn check(text: &str) -> Result<(), TestCaseError> {
    let mut doc = Extraction::new(Article::new("p", text));
    Tokenizer::new().run(&mut doc);
    for p in &doc.paragraphs {
        prop_assert!(
            text.get(p.range()).is_some(),
            "paragraph {p:?} off boundaries"
        );
        prop_assert!(!p.is_empty());
    }
    for w in doc.paragraphs.windows(2) {
        prop_assert!(w[0].end() < w[1].start());
    }
    let mut last_tok = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        let st = text.get(s.span.range());
        prop_assert!(st.is_some(), "sentence {s:?} off boundaries");
        let st = st.unwrap_or_default();
        prop_assert!(!st.is_empty());
        prop_assert_eq!(st.trim(), st, "sentence not trimmed");
        prop_assert!(doc.paragraphs[s.paragraph].contains(s.span));
        prop_assert!(s.token_start < s.token_end && s.token_end <= doc.tokens.len());
        prop_assert_eq!(s.token_start, last_tok, "token ranges not contiguous");
        last_tok = s.token_end;
        if i > 0 {
            prop_assert!(doc.sentences[i - 1].span.end() <= s.span.start());
        }
        for t in &doc.tokens[s.token_start..s.token_end] {
            prop_assert!(s.span.contains(t.span), "token {t:?} outside {s:?}");
        }
    }
    prop_assert_eq!(last_tok, doc.tokens.len(), "tokens outside any sentence");
    for w in doc.tokens.windows(2) {
        prop_assert!(w[0].span.end() <= w[1].span.start());
    }
    for t in &doc.tokens {
        let tt = text.get(t.span.range());
        prop_assert!(tt.is_some(), "token {t:?} off boundaries");
        prop_assert!(!t.span.is_empty());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string(text in "\\PC{0,80}") {
        check(&text)?;
    }

    #[test]
    fn any_chars(text in ".{0,60}") {
        check(&text)?;
    }

    #[test]
    fn news_like_pieces(parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..40)) {
        check(&parts.concat())?;
    }
}
