//! Entity tagging: gazetteer names, unknown companies, people, governments, references back.

use dealwire_core::{Extraction, Stage};

use crate::BuildError;

/// The list of known entities the tagger matches.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// The gazetteer bundled with dealwire (embedded in the binary).
    pub fn embedded() -> Result<Self, BuildError> {
        Ok(Self {})
    }

    /// A gazetteer read from a file.
    pub fn from_path(_path: &std::path::Path) -> Result<Self, BuildError> {
        Ok(Self {})
    }
}

/// Finds entity mentions.
#[derive(Debug)]
pub struct EntityTagger {}

impl EntityTagger {
    /// Compiles a tagger over `gazetteer`.
    pub fn new(_gazetteer: Gazetteer) -> Result<Self, BuildError> {
        Ok(Self {})
    }
}

impl Stage for EntityTagger {
    fn run(&self, _doc: &mut Extraction) {}
}
