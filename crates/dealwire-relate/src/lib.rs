//! Relate stage of dealwire: typed, directed relations with amount, status and evidence.
#![deny(missing_docs)]

use dealwire_core::{Extraction, Stage};

/// Decides the relations between the tagged entities of an article.
#[derive(Clone, Debug, Default)]
pub struct Resolver {}

impl Resolver {
    /// Compiles the relation rules.
    pub fn new() -> Self {
        Self {}
    }
}

impl Stage for Resolver {
    fn run(&self, _doc: &mut Extraction) {}
}
