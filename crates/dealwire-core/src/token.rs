//! Paragraphs, sentences and tokens produced by the tokenize stage.

use serde::{Deserialize, Serialize};

use crate::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or dots ("OpenAI", "U.S.", "co-founder").
    Word,
    /// Digits, possibly with separators ("1,250,000", "2.5").
    Number,
    /// Punctuation (".", ",", "“", "—").
    Punct,
    /// Any other symbol, currency signs included ("$", "€", "%").
    Symbol,
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where it is in the article text.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
}

/// One sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is in the article text, trimmed of surrounding white space.
    pub span: Span,
    /// Index of the paragraph that holds it.
    pub paragraph: usize,
    /// Index of its first token in [`crate::Extraction::tokens`].
    pub token_start: usize,
    /// One past the index of its last token.
    pub token_end: usize,
}
