//! The buffer that flows through the stages, and the stage trait.

use serde::Serialize;

use crate::{Amount, Article, Entity, Mention, Relation, Sentence, Span, Token};

/// Everything the pipeline knows about one article.
///
/// Each stage reads what earlier stages wrote and appends its own part:
/// tokenize fills `paragraphs`, `sentences` and `tokens`; tag fills `entities`,
/// `mentions` and `amounts`; relate fills `relations`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Extraction {
    /// The input article.
    pub article: Article,
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens, in text order.
    pub tokens: Vec<Token>,
    /// Entities; mentions and relations refer to them by index.
    pub entities: Vec<Entity>,
    /// Mentions, sorted by position once the tag stage is done.
    pub mentions: Vec<Mention>,
    /// Amounts, in text order.
    pub amounts: Vec<Amount>,
    /// Relations.
    pub relations: Vec<Relation>,
}

impl Extraction {
    /// A fresh buffer for `article`.
    pub fn new(article: Article) -> Self {
        Self {
            article,
            ..Self::default()
        }
    }

    /// The article text.
    pub fn text(&self) -> &str {
        &self.article.text
    }

    /// Index of the sentence that holds byte offset `byte`, if any.
    pub fn sentence_at(&self, byte: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end() <= byte);
        (i < self.sentences.len() && self.sentences[i].span.start() <= byte).then_some(i)
    }

    /// The tokens of sentence `index` (empty when out of range).
    pub fn sentence_tokens(&self, index: usize) -> &[Token] {
        self.sentences
            .get(index)
            .and_then(|s| self.tokens.get(s.token_start..s.token_end))
            .unwrap_or(&[])
    }

    /// The mentions that lie in sentence `index`, in text order.
    pub fn sentence_mentions(&self, index: usize) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.sentence == index)
    }

    /// The amounts that lie in sentence `index`, in text order.
    pub fn sentence_amounts(&self, index: usize) -> impl Iterator<Item = (usize, &Amount)> {
        self.amounts
            .iter()
            .enumerate()
            .filter(move |(_, a)| a.sentence == index)
    }
}

/// One stage of the pipeline: reads the buffer, appends its own results.
///
/// A stage is built once, holds only immutable compiled data, and is shared
/// across threads.
pub trait Stage: Send + Sync {
    /// Runs the stage on one article's buffer.
    fn run(&self, doc: &mut Extraction);
}

impl<S: Stage + ?Sized> Stage for Box<S> {
    fn run(&self, doc: &mut Extraction) {
        (**self).run(doc);
    }
}

impl<S: Stage + ?Sized> Stage for std::sync::Arc<S> {
    fn run(&self, doc: &mut Extraction) {
        (**self).run(doc);
    }
}
