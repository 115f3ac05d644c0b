//! The dealwire command.

fn main() {}
