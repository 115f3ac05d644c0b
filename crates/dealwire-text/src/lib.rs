//! Tokenize stage of dealwire: paragraphs, sentences and word tokens with byte spans.
#![deny(missing_docs)]

use dealwire_core::{Extraction, Stage};

/// Splits an article into paragraphs, sentences and tokens.
#[derive(Clone, Debug, Default)]
pub struct Tokenizer {}

impl Tokenizer {
    /// A tokenizer with the built-in rules.
    pub fn new() -> Self {
        Self {}
    }
}

impl Stage for Tokenizer {
    fn run(&self, _doc: &mut Extraction) {}
}
