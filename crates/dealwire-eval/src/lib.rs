//! Scoring of dealwire extractions against gold annotations.
#![deny(missing_docs)]
