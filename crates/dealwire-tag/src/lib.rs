//! Tag stage of dealwire: organisations, people, governments and money amounts.
#![deny(missing_docs)]
