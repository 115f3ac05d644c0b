//! Input readers and the batch runner of dealwire.
#![deny(missing_docs)]
