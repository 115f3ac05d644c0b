//! Golden tables: the amounts and relations of the sample article as an
//! analyst sees them printed. The expected text was written by hand.
#![allow(clippy::unwrap_used)] // in tests a failed unwrap is a failed test

mod common;

use arrow::util::pretty::pretty_format_batches;
use dealwire_store::{OutputWriter, Table, WriterOptions, read_table};

fn printed(table: Table, columns: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = OutputWriter::create(dir.path(), WriterOptions::default()).unwrap();
    writer
        .write_article(&common::sample(), &common::meta())
        .unwrap();
    writer.finish().unwrap();
    let batches: Vec<_> = read_table(dir.path(), table)
        .unwrap()
        .iter()
        .map(|b| {
            let schema = b.schema();
            let indices: Vec<usize> = columns
                .iter()
                .map(|c| schema.index_of(c).unwrap())
                .collect();
            b.project(&indices).unwrap()
        })
        .collect();
    pretty_format_batches(&batches).unwrap().to_string()
}

#[test]
fn amounts_table() {
    let expected = "\
+-----------+-----------------+--------------------+------------------+----------+-----------+----------+------------+----------+------------+----------+
| amount_id | text            | value              | high             | currency | qualifier | kind     | start_byte | end_byte | start_char | end_char |
+-----------+-----------------+--------------------+------------------+----------+-----------+----------+------------+----------+------------+----------+
| art-1:a0  | $1.4 trillion   | 1400000000000.0000 |                  | USD      | exact     | total    | 54         | 67       | 53         | 66       |
| art-1:a1  | €2.5bn          | 2500000000.0000    |                  | EUR      | exact     | total    | 153        | 161      | 148        | 154      |
| art-1:a2  | $0.5            | 0.5000             |                  | USD      | approx    | per_unit | 186        | 190      | 179        | 183      |
| art-1:a3  | $10-$12 billion | 10000000000.0000   | 12000000000.0000 | USD      | range     | total    | 211        | 226      | 204        | 219      |
+-----------+-----------------+--------------------+------------------+----------+-----------+----------+------------+----------+------------+----------+";
    let columns = [
        "amount_id",
        "text",
        "value",
        "high",
        "currency",
        "qualifier",
        "kind",
        "start_byte",
        "end_byte",
        "start_char",
        "end_char",
    ];
    assert_eq!(printed(Table::Amounts, &columns), expected);
}

#[test]
fn relations_table() {
    let expected = "\
+---------------+----------------+----------------+-----------+--------------------+-----------------+-----------+-----------------+------------+
| relation_type | subject_name   | object_name    | amount_id | amount_value       | amount_currency | stake_pct | valuation_value | status     |
+---------------+----------------+----------------+-----------+--------------------+-----------------+-----------+-----------------+------------+
| investor      | Acme Cloud     | Nordwind AG    | art-1:a0  | 1400000000000.0000 | USD             |           |                 | announced  |
| investor      | Bergström Labs | Öresund Data   |           |                    |                 | 49.5000   | 2500000000.0000 | announced  |
| rival         | Nordwind AG    | Bergström Labs |           |                    |                 |           |                 | background |
| acquirer      | Bergström Labs | Öresund Data   | art-1:a3  | 10000000000.0000   | USD             |           |                 | rumored    |
+---------------+----------------+----------------+-----------+--------------------+-----------------+-----------+-----------------+------------+";
    let columns = [
        "relation_type",
        "subject_name",
        "object_name",
        "amount_id",
        "amount_value",
        "amount_currency",
        "stake_pct",
        "valuation_value",
        "status",
    ];
    assert_eq!(printed(Table::Relations, &columns), expected);
}
