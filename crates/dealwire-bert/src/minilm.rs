//! all-MiniLM-L6-v2 through rust-bert (the `bert` feature).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rust_bert::pipelines::common::ModelType;
use rust_bert::pipelines::sentence_embeddings::{
    SentenceEmbeddingsConfig, SentenceEmbeddingsModel,
};
use rust_bert::resources::LocalResource;

use crate::{BertError, Embedder};

/// Sentence embeddings from a local sentence-transformers folder (as fetched by
/// `models/setup-bert.sh`), on the CPU. Vectors are mean-pooled and L2-normalised.
pub struct MiniLmEmbedder {
    // rust-bert's model is not Sync; calls are serialised, and libtorch
    // parallelises inside each call instead.
    model: Mutex<SentenceEmbeddingsModel>,
    batch_size: usize,
}

impl std::fmt::Debug for MiniLmEmbedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MiniLmEmbedder")
            .field("batch_size", &self.batch_size)
            .finish_non_exhaustive()
    }
}

fn resource(dir: &Path, name: &str) -> Result<Box<LocalResource>, BertError> {
    let local_path: PathBuf = dir.join(name);
    if !local_path.is_file() {
        return Err(BertError::Model(format!(
            "missing {}",
            local_path.display()
        )));
    }
    Ok(Box::new(LocalResource { local_path }))
}

impl MiniLmEmbedder {
    /// Loads the model from `dir`, reading `model.safetensors` directly.
    pub fn new(dir: &Path) -> Result<Self, BertError> {
        let config = SentenceEmbeddingsConfig {
            modules_config_resource: resource(dir, "modules.json")?,
            transformer_type: ModelType::Bert,
            transformer_config_resource: resource(dir, "config.json")?,
            transformer_weights_resource: resource(dir, "model.safetensors")?,
            pooling_config_resource: resource(dir, "1_Pooling/config.json")?,
            dense_config_resource: None,
            dense_weights_resource: None,
            sentence_bert_config_resource: resource(dir, "sentence_bert_config.json")?,
            tokenizer_config_resource: resource(dir, "tokenizer_config.json")?,
            tokenizer_vocab_resource: resource(dir, "vocab.txt")?,
            tokenizer_merges_resource: None,
            device: tch::Device::Cpu,
            kind: None,
        };
        let model =
            SentenceEmbeddingsModel::new(config).map_err(|e| BertError::Model(e.to_string()))?;
        Ok(Self {
            model: Mutex::new(model),
            batch_size: 64,
        })
    }

    /// Sets how many sentences go through the model at once (default 64).
    pub fn with_batch_size(mut self, batch_size: usize) -> Self {
        self.batch_size = batch_size.max(1);
        self
    }

    /// Sets libtorch's intra-op thread count for the whole process.
    pub fn set_threads(threads: usize) {
        tch::set_num_threads(i32::try_from(threads.max(1)).unwrap_or(i32::MAX));
    }
}

impl Embedder for MiniLmEmbedder {
    fn embed(&self, sentences: &[String]) -> Result<Vec<Vec<f32>>, BertError> {
        // Batches of similar length waste less padding; results go back in input order.
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        order.sort_by_key(|&i| (sentences[i].len(), i));
        let model = self
            .model
            .lock()
            .map_err(|_| BertError::Model("the model lock is poisoned".to_owned()))?;
        let mut out = vec![Vec::new(); sentences.len()];
        for chunk in order.chunks(self.batch_size) {
            let texts: Vec<&str> = chunk.iter().map(|&i| sentences[i].as_str()).collect();
            let vectors = model
                .encode(&texts)
                .map_err(|e| BertError::Model(e.to_string()))?;
            if vectors.len() != texts.len() {
                return Err(BertError::EmbeddingCount {
                    expected: texts.len(),
                    got: vectors.len(),
                });
            }
            for (&i, v) in chunk.iter().zip(vectors) {
                out[i] = v;
            }
        }
        Ok(out)
    }
}
