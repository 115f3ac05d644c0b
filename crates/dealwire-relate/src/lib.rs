//! Relate stage of dealwire: typed, directed relations with amount, status and evidence.
#![deny(missing_docs)]
