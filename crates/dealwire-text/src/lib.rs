//! Tokenize stage of dealwire: paragraphs, sentences and word tokens with byte spans.
//!
//! [`Tokenizer`] fills [`Extraction::paragraphs`], [`Extraction::sentences`] and
//! [`Extraction::tokens`]. Every span is a byte span into the original article
//! text, on character boundaries; sentences and paragraphs are trimmed of white
//! space.
//!
//! ```
//! use dealwire_core::{Article, Extraction, Stage, TokenKind};
//! use dealwire_text::Tokenizer;
//!
//! let text = "Acme Inc. bought Widget Corp. for $1.4 billion. Shares rose.\n\nIt's done.";
//! let mut doc = Extraction::new(Article::new("a1", text));
//! Tokenizer::new().run(&mut doc);
//!
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| &text[s.span]).collect();
//! assert_eq!(
//!     sentences,
//!     ["Acme Inc. bought Widget Corp. for $1.4 billion.", "Shares rose.", "It's done."]
//! );
//! assert_eq!(doc.paragraphs.len(), 2);
//! assert_eq!(doc.sentences[2].paragraph, 1);
//!
//! let first: Vec<(&str, TokenKind)> = doc.sentence_tokens(0)
//!     .iter()
//!     .map(|t| (&text[t.span], t.kind))
//!     .take(2)
//!     .collect();
//! assert_eq!(first, [("Acme", TokenKind::Word), ("Inc.", TokenKind::Word)]);
//! ```
//!
//! # Rules
//!
//! * **Paragraphs** are runs of non-blank lines; a line of only white space is
//!   blank. A single line break never ends a paragraph (nor a sentence), so
//!   hard-wrapped text and headline lines stay with the text that follows.
//! * **Tokens**: words keep inner apostrophes, hyphens, dots, "&" and "@"
//!   ("co-founder", "Amazon.com", "AT&T", "O'Brien"); a possessive "'s" or
//!   "’s" is a token of its own ("OpenAI" + "’s"; "it's" gives "it" + "'s" the
//!   same way). Known abbreviations, dotted acronyms and capital initials keep
//!   their period ("Inc.", "U.S.", "J."). Numbers keep "," and "." between
//!   digits ("1,250,000", "2.5"); letters right after a number are a word of
//!   their own ("2.5bn" gives "2.5" + "bn"). A URL with a scheme is one word.
//!   "..." is one punctuation token; every other punctuation mark or symbol is
//!   one token per character. Currency signs are [`TokenKind::Symbol`].
//! * **Sentences** end at "?" and "!" before a capital, at "." before a
//!   capital or an opening quote or bracket, after any closing quotes or
//!   brackets glued to the end mark, and at every paragraph end. After an
//!   abbreviation such as "Inc.", "U.S." or an initial, a sentence ends only
//!   when a common sentence starter ("The", "It", "Shares", ...) follows;
//!   after titles ("Mr.", "Dr.") and "e.g.", "vs.", never. A capitalised name
//!   then a verb of speech after a closing quote is the quote's attribution
//!   ("“Why now?” Smith asked.") and stays in the sentence.
#![deny(missing_docs)]

mod lexicon;
mod scan;
mod sentence;

use dealwire_core::{Extraction, Stage};

/// Splits an article into paragraphs, sentences and tokens.
///
/// Holds no per-article state: build it once and share it across threads.
#[derive(Clone, Debug, Default)]
pub struct Tokenizer {
    _private: (),
}

impl Tokenizer {
    /// A tokenizer with the built-in rules.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Stage for Tokenizer {
    /// Replaces `doc.paragraphs`, `doc.sentences` and `doc.tokens` with those
    /// of `doc.article.text`.
    fn run(&self, doc: &mut Extraction) {
        let text = doc.article.text.as_str();
        doc.paragraphs.clear();
        doc.sentences.clear();
        doc.tokens.clear();
        scan::paragraphs(text, &mut doc.paragraphs);
        for (p, para) in doc.paragraphs.iter().enumerate() {
            let base = doc.tokens.len();
            scan::tokens(text, para.start(), para.end(), &mut doc.tokens);
            sentence::split(text, &doc.tokens[base..], base, p, &mut doc.sentences);
        }
    }
}
