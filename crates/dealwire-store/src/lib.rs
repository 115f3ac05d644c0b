//! Parquet tables of dealwire: Arrow schemas, writing and reading.
#![deny(missing_docs)]
