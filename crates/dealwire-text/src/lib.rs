//! Tokenize stage of dealwire: paragraphs, sentences and word tokens with byte spans.
#![deny(missing_docs)]
