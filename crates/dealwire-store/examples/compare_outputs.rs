//! Compares the tables of two output folders row by row, for checking that a
//! change to the writer keeps the table contents.
//!
//! ```text
//! cargo run --release -p dealwire-store --example compare_outputs -- OLD_DIR NEW_DIR
//! ```
//!
//! Each table's complete parts are read back and concatenated; the two sides
//! must have the same schema and the same rows in the same order, which holds
//! for two single-thread runs over the same input. The times a row was written
//! (`processed_at`, `rejected_at`) differ from run to run and are left out.
//! Exits with status 1 at the first difference.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use arrow::array::{Array, RecordBatch};
use arrow::compute::concat_batches;
use dealwire_store::{Table, read_table, schema};

/// Columns stamped with the time of writing, so never equal across runs.
const CLOCK_COLUMNS: [&str; 2] = ["processed_at", "rejected_at"];

/// A table's rows as one batch, under the schema read from its first part
/// (the documented one when the table has no parts).
fn table(dir: &Path, table: Table) -> Result<RecordBatch, Box<dyn std::error::Error>> {
    let batches = read_table(dir, table)?;
    let schema = batches
        .first()
        .map_or_else(|| schema(table), RecordBatch::schema);
    Ok(concat_batches(&schema, &batches)?)
}

fn compare(old: &Path, new: &Path) -> Result<bool, Box<dyn std::error::Error>> {
    let mut same = true;
    for t in Table::ALL {
        let (a, b) = (table(old, t)?, table(new, t)?);
        if a.schema() != b.schema() {
            println!("{t}: schemas differ");
            same = false;
            continue;
        }
        if a.num_rows() != b.num_rows() {
            println!("{t}: {} rows vs {}", a.num_rows(), b.num_rows());
            same = false;
            continue;
        }
        let mut differing = Vec::new();
        for (i, field) in a.schema().fields().iter().enumerate() {
            if CLOCK_COLUMNS.contains(&field.name().as_str()) {
                continue;
            }
            let (x, y) = (a.column(i), b.column(i));
            if x.to_data() != y.to_data() {
                differing.push(field.name().clone());
            }
        }
        if differing.is_empty() {
            println!("{t}: {} rows, same", a.num_rows());
        } else {
            println!("{t}: columns differ: {}", differing.join(", "));
            same = false;
        }
    }
    Ok(same)
}

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [old, new] = args.as_slice() else {
        eprintln!("usage: compare_outputs OLD_DIR NEW_DIR");
        return ExitCode::from(2);
    };
    match compare(old, new) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
