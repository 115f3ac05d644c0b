//! Token kinds and spans, and paragraph spans.

use dealwire_core::{Article, Extraction, Stage, TokenKind};
use dealwire_text::Tokenizer;

fn run(text: &str) -> Extraction {
    let mut doc = Extraction::new(Article::new("t", text));
    Tokenizer::new().run(&mut doc);
    doc
}

/// The text and kind of every token of `text`.
fn tokens(text: &str) -> Vec<(&str, TokenKind)> {
    run(text)
        .tokens
        .iter()
        .map(|t| (&text[t.span], t.kind))
        .collect()
}

use TokenKind::{Number as N, Punct as P, Symbol as S, Word as W};

#[test]
fn words_numbers_and_currency() {
    let text = "OpenAI signed a $38 billion deal with AWS.";
    assert_eq!(
        tokens(text),
        [
            ("OpenAI", W),
            ("signed", W),
            ("a", W),
            ("$", S),
            ("38", N),
            ("billion", W),
            ("deal", W),
            ("with", W),
            ("AWS", W),
            (".", P),
        ]
    );
}

#[test]
fn numbers_keep_separators() {
    let text = "It paid 1,250,000 shares, or 2.5%, at €3.75 (£1,000.50).";
    assert_eq!(
        tokens(text),
        [
            ("It", W),
            ("paid", W),
            ("1,250,000", N),
            ("shares", W),
            (",", P),
            ("or", W),
            ("2.5", N),
            ("%", S),
            (",", P),
            ("at", W),
            ("€", S),
            ("3.75", N),
            ("(", P),
            ("£", S),
            ("1,000.50", N),
            (")", P),
            (".", P),
        ]
    );
}

#[test]
fn number_then_unit_letters() {
    assert_eq!(
        tokens("2.5bn ¥400m ₹12"),
        [
            ("2.5", N),
            ("bn", W),
            ("¥", S),
            ("400", N),
            ("m", W),
            ("₹", S),
            ("12", N)
        ]
    );
}

#[test]
fn possessives_are_their_own_token() {
    let text = "OpenAI's rival and Microsoft’s partner, O'Brien's firm, investors' money";
    assert_eq!(
        tokens(text),
        [
            ("OpenAI", W),
            ("'s", W),
            ("rival", W),
            ("and", W),
            ("Microsoft", W),
            ("’s", W),
            ("partner", W),
            (",", P),
            ("O'Brien", W),
            ("'s", W),
            ("firm", W),
            (",", P),
            ("investors", W),
            ("'", P),
            ("money", W),
        ]
    );
}

#[test]
fn inner_joiners_stay_in_words() {
    let text = "co-founder AT&T Amazon.com isn't GPT-4 press@acme.io";
    assert_eq!(
        tokens(text),
        [
            ("co-founder", W),
            ("AT&T", W),
            ("Amazon.com", W),
            ("isn't", W),
            ("GPT-4", W),
            ("press@acme.io", W),
        ]
    );
}

#[test]
fn dot_before_capitals_joins_but_before_a_word_splits() {
    // "Character.AI" is a name and "HALV.O" a ticker; "rose.The" lacks a
    // space after its period.
    let text = "Character.AI (HALV.O) sales rose.The end";
    assert_eq!(
        tokens(text),
        [
            ("Character.AI", W),
            ("(", P),
            ("HALV.O", W),
            (")", P),
            ("sales", W),
            ("rose", W),
            (".", P),
            ("The", W),
            ("end", W),
        ]
    );
}

#[test]
fn abbreviations_keep_their_period() {
    let text = "Acme Inc. and U.S. regulators met J. Doe, e.g. twice, at the end.";
    assert_eq!(
        tokens(text),
        [
            ("Acme", W),
            ("Inc.", W),
            ("and", W),
            ("U.S.", W),
            ("regulators", W),
            ("met", W),
            ("J.", W),
            ("Doe", W),
            (",", P),
            ("e.g.", W),
            ("twice", W),
            (",", P),
            ("at", W),
            ("the", W),
            ("end", W),
            (".", P),
        ]
    );
}

#[test]
fn quotes_dashes_and_ellipsis() {
    let text = "“Big”—really…big... ‘yes’ – [no]";
    assert_eq!(
        tokens(text),
        [
            ("“", P),
            ("Big", W),
            ("”", P),
            ("—", P),
            ("really", W),
            ("…", P),
            ("big", W),
            ("...", P),
            ("‘", P),
            ("yes", W),
            ("’", P),
            ("–", P),
            ("[", P),
            ("no", W),
            ("]", P),
        ]
    );
}

#[test]
fn url_is_one_word() {
    let text = "See https://example.com/a/b?x=1. Then";
    assert_eq!(
        tokens(text),
        [
            ("See", W),
            ("https://example.com/a/b?x=1", W),
            (".", P),
            ("Then", W)
        ]
    );
}

#[test]
fn non_ascii_words_and_combining_marks() {
    // "Nestle" written with a combining acute accent stays one word.
    let text = "Zürich Nestle\u{301} 東京 Müller-Lüdenscheidt";
    assert_eq!(
        tokens(text),
        [
            ("Zürich", W),
            ("Nestle\u{301}", W),
            ("東京", W),
            ("Müller-Lüdenscheidt", W),
        ]
    );
}

#[test]
fn sentence_token_ranges_cover_their_tokens() {
    let text = "Acme Inc. rose. Globex fell!";
    let doc = run(text);
    assert_eq!(doc.sentences.len(), 2);
    let first: Vec<&str> = doc
        .sentence_tokens(0)
        .iter()
        .map(|t| &text[t.span])
        .collect();
    let second: Vec<&str> = doc
        .sentence_tokens(1)
        .iter()
        .map(|t| &text[t.span])
        .collect();
    assert_eq!(first, ["Acme", "Inc.", "rose", "."]);
    assert_eq!(second, ["Globex", "fell", "!"]);
    assert_eq!(doc.sentences[1].token_start, 4);
    assert_eq!(doc.sentences[1].token_end, 7);
}

#[test]
fn paragraphs_split_on_blank_lines_only() {
    let text = "  Headline line\nBody starts here.\n\nSecond one.\r\n \t \r\nThird\none.\n\n\n";
    let doc = run(text);
    let paras: Vec<&str> = doc.paragraphs.iter().map(|&p| &text[p]).collect();
    assert_eq!(
        paras,
        [
            "Headline line\nBody starts here.",
            "Second one.",
            "Third\none."
        ]
    );
    let owners: Vec<usize> = doc.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(owners, [0, 1, 2]);
}

#[test]
fn paragraph_separator_characters() {
    let text = "One.\u{2029}Two.\u{2028}Still two.\rStill.\r\rThree.";
    let doc = run(text);
    let paras: Vec<&str> = doc.paragraphs.iter().map(|&p| &text[p]).collect();
    assert_eq!(paras, ["One.", "Two.\u{2028}Still two.\rStill.", "Three."]);
}

#[test]
fn rerun_replaces_previous_output() {
    let mut doc = run("One. Two.");
    Tokenizer::new().run(&mut doc);
    assert_eq!(doc.sentences.len(), 2);
    assert_eq!(doc.tokens.len(), 4);
    assert_eq!(doc.paragraphs.len(), 1);
}

#[test]
fn tokenizer_is_shareable() {
    fn check<T: Send + Sync + Clone + Default>() {}
    check::<Tokenizer>();
}
