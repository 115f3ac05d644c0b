//! dealwire: extract deals from business news into tables. Facade over the pipeline stages.
#![deny(missing_docs)]
