//! Sentence embedders and the feature vectors the head reads.

use crate::{BertError, MarkedPair};

/// Turns sentences into fixed-size vectors. Implementations are shared across
/// threads by the stage.
pub trait Embedder: Send + Sync {
    /// One vector per sentence, in order, all of the same size.
    fn embed(&self, sentences: &[String]) -> Result<Vec<Vec<f32>>, BertError>;
}

impl<E: Embedder + ?Sized> Embedder for Box<E> {
    fn embed(&self, sentences: &[String]) -> Result<Vec<Vec<f32>>, BertError> {
        (**self).embed(sentences)
    }
}

impl<E: Embedder + ?Sized> Embedder for std::sync::Arc<E> {
    fn embed(&self, sentences: &[String]) -> Result<Vec<Vec<f32>>, BertError> {
        (**self).embed(sentences)
    }
}

/// Features of marked pairs: the embedding of the whole marked sentence followed
/// by the embedding of its core (`[E1] … [E2]`), in one embedder call.
pub fn featurize<E: Embedder + ?Sized>(
    embedder: &E,
    pairs: &[&MarkedPair],
) -> Result<Vec<Vec<f32>>, BertError> {
    let texts: Vec<String> = pairs
        .iter()
        .flat_map(|p| [p.sentence.clone(), p.core.clone()])
        .collect();
    let vectors = embedder.embed(&texts)?;
    if vectors.len() != texts.len() {
        return Err(BertError::EmbeddingCount {
            expected: texts.len(),
            got: vectors.len(),
        });
    }
    let dim = vectors.first().map_or(0, Vec::len);
    if let Some(bad) = vectors.iter().find(|v| v.len() != dim) {
        return Err(BertError::Dimension {
            expected: dim,
            got: bad.len(),
        });
    }
    Ok(vectors.chunks_exact(2).map(|two| two.concat()).collect())
}
