//! Write → read back → compare, with the values and types checked by hand.
#![allow(clippy::unwrap_used)] // in tests a failed unwrap is a failed test

mod common;

use arrow::array::{
    Array, ArrayRef, Decimal128Array, Float32Array, RecordBatch, TimestampMicrosecondArray,
};
use arrow::compute::{cast, concat_batches};
use arrow::datatypes::{DataType, TimeUnit};
use common::{SHA, meta, sample, utc};
use dealwire_store::{OutputWriter, Table, WriterOptions, read_done_articles, read_table, schema};

fn read(dir: &std::path::Path, table: Table) -> RecordBatch {
    let batches = read_table(dir, table).unwrap();
    let batch = concat_batches(&schema(table), &batches).unwrap();
    let fields = batch
        .schema()
        .fields()
        .iter()
        .map(|f| (f.name().clone(), f.data_type().clone(), f.is_nullable()))
        .collect::<Vec<_>>();
    let expected = schema(table)
        .fields()
        .iter()
        .map(|f| (f.name().clone(), f.data_type().clone(), f.is_nullable()))
        .collect::<Vec<_>>();
    assert_eq!(fields, expected, "{table} read back with other columns");
    batch
}

fn column(batch: &RecordBatch, name: &str) -> ArrayRef {
    batch
        .column_by_name(name)
        .unwrap_or_else(|| panic!("no column {name}"))
        .clone()
}

/// Any string or dictionary column as plain strings.
fn strings(batch: &RecordBatch, name: &str) -> Vec<Option<String>> {
    let array = cast(&column(batch, name), &DataType::Utf8).unwrap();
    let array = array
        .as_any()
        .downcast_ref::<arrow::array::StringArray>()
        .unwrap();
    (0..array.len())
        .map(|i| array.is_valid(i).then(|| array.value(i).to_owned()))
        .collect()
}

fn some(values: &[&str]) -> Vec<Option<String>> {
    values.iter().map(|v| Some((*v).to_owned())).collect()
}

fn ints(batch: &RecordBatch, name: &str) -> Vec<i64> {
    let array = cast(&column(batch, name), &DataType::Int64).unwrap();
    let array = array
        .as_any()
        .downcast_ref::<arrow::array::Int64Array>()
        .unwrap();
    assert_eq!(array.null_count(), 0, "{name} has nulls");
    array.values().to_vec()
}

fn decimals(batch: &RecordBatch, name: &str) -> Vec<Option<String>> {
    let array = column(batch, name);
    let array = array.as_any().downcast_ref::<Decimal128Array>().unwrap();
    (0..array.len())
        .map(|i| array.is_valid(i).then(|| array.value_as_string(i)))
        .collect()
}

fn dict_type() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
}

fn write_sample(dir: &std::path::Path) {
    let mut writer = OutputWriter::create(dir, WriterOptions::default()).unwrap();
    writer.write_article(&sample(), &meta()).unwrap();
    let summary = writer.finish().unwrap();
    assert_eq!(
        [
            summary.articles,
            summary.mentions,
            summary.amounts,
            summary.relations,
            summary.rejects
        ],
        [1, 7, 4, 4, 0]
    );
    assert_eq!(
        summary.parts.len(),
        4,
        "no rejects file: {:?}",
        summary.parts
    );
}

#[test]
fn articles_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    write_sample(dir.path());
    let b = read(dir.path(), Table::Articles);
    assert_eq!(b.num_rows(), 1);
    assert_eq!(strings(&b, "article_id"), some(&["art-1"]));
    assert_eq!(strings(&b, "title"), some(&["Nordwind lands a trillion"]));
    assert_eq!(strings(&b, "url"), some(&["https://news.example/nordwind"]));
    assert_eq!(strings(&b, "source"), some(&["Example Wire"]));
    assert_eq!(strings(&b, "content_sha256"), some(&[SHA]));
    assert_eq!(strings(&b, "pipeline"), some(&["default@0.1.0"]));
    assert_eq!(ints(&b, "text_chars"), [234]);
    assert_eq!(ints(&b, "text_bytes"), [241]);
    assert_eq!(ints(&b, "sentence_count"), [3]);
    assert_eq!(ints(&b, "entity_count"), [5]);
    assert_eq!(ints(&b, "mention_count"), [7]);
    assert_eq!(ints(&b, "amount_count"), [4]);
    assert_eq!(ints(&b, "relation_count"), [4]);
    let utc_us = DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into()));
    for (name, expected) in [
        ("published_at", utc("2025-03-04T05:06:07Z")),
        ("processed_at", utc("2025-03-05T00:00:00.123456Z")),
    ] {
        let array = column(&b, name);
        assert_eq!(array.data_type(), &utc_us);
        let array = array
            .as_any()
            .downcast_ref::<TimestampMicrosecondArray>()
            .unwrap();
        assert_eq!(array.value(0), expected.timestamp_micros(), "{name}");
    }
    assert_eq!(column(&b, "source").data_type(), &dict_type());
    assert_eq!(column(&b, "title").data_type(), &DataType::Utf8);
}

#[test]
fn articles_without_optional_fields_hold_nulls() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = OutputWriter::create(dir.path(), WriterOptions::default()).unwrap();
    let bare = dealwire_core::Extraction::new(dealwire_core::Article::new("bare", "No deal here."));
    writer.write_article(&bare, &meta()).unwrap();
    let summary = writer.finish().unwrap();
    assert_eq!(
        summary.parts.len(),
        1,
        "only articles has rows: {:?}",
        summary.parts
    );
    let b = read(dir.path(), Table::Articles);
    for name in ["title", "url", "source", "published_at"] {
        assert!(column(&b, name).is_null(0), "{name}");
    }
    assert_eq!(ints(&b, "text_chars"), [13]);
    for table in [
        Table::Mentions,
        Table::Amounts,
        Table::Relations,
        Table::Rejects,
    ] {
        assert!(read_table(dir.path(), table).unwrap().is_empty(), "{table}");
    }
}

#[test]
fn mentions_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    write_sample(dir.path());
    let b = read(dir.path(), Table::Mentions);
    assert_eq!(b.num_rows(), 7);
    assert_eq!(
        strings(&b, "mention_id"),
        some(&[
            "art-1:m0", "art-1:m1", "art-1:m2", "art-1:m3", "art-1:m4", "art-1:m5", "art-1:m6"
        ])
    );
    assert_eq!(
        strings(&b, "text"),
        some(&[
            "Zürich",
            "Nordwind AG",
            "Acme Cloud",
            "it",
            "Nordwind",
            "Bergström Labs",
            "Öresund Data"
        ])
    );
    assert_eq!(
        strings(&b, "entity_id")[2],
        Some("dw:acme-cloud".to_owned())
    );
    assert_eq!(
        strings(&b, "entity_name")[5],
        Some("Bergström Labs".to_owned())
    );
    assert_eq!(
        strings(&b, "entity_type"),
        some(&["GPE", "ORG", "ORG", "ORG", "ORG", "ORG", "ORG"])
    );
    assert_eq!(
        strings(&b, "entity_role"),
        some(&[
            "regulator",
            "party",
            "party",
            "party",
            "party",
            "party",
            "party"
        ])
    );
    let parent = strings(&b, "parent_entity_id");
    assert_eq!(parent[2], Some("dw:acme".to_owned()));
    assert_eq!(parent.iter().filter(|p| p.is_none()).count(), 6);
    assert_eq!(
        strings(&b, "parent_entity_name")[2],
        Some("Acme Corp".to_owned())
    );
    assert_eq!(ints(&b, "start_byte"), [0, 14, 31, 71, 75, 94, 134]);
    assert_eq!(ints(&b, "end_byte"), [7, 25, 41, 73, 83, 109, 147]);
    assert_eq!(ints(&b, "start_char"), [0, 13, 30, 70, 74, 91, 130]);
    assert_eq!(ints(&b, "end_char"), [6, 24, 40, 72, 82, 105, 142]);
    assert_eq!(ints(&b, "sentence_index"), [0, 0, 0, 0, 1, 1, 1]);
    assert_eq!(
        strings(&b, "kind"),
        some(&["name", "name", "name", "pronoun", "name", "name", "name"])
    );
    assert_eq!(
        strings(&b, "method"),
        some(&[
            "government",
            "gazetteer",
            "gazetteer",
            "pronoun",
            "short_name",
            "suffix",
            "context"
        ])
    );
    let confidence = column(&b, "confidence");
    let confidence = confidence.as_any().downcast_ref::<Float32Array>().unwrap();
    assert_eq!(
        confidence.values().to_vec(),
        [0.5, 1.0, 0.75, 0.25, 0.875, 0.625, 0.5]
    );
    assert_eq!(column(&b, "entity_type").data_type(), &dict_type());
    assert_eq!(column(&b, "text").data_type(), &DataType::Utf8);
    // Character offsets are the ones Python slicing uses.
    let chars: Vec<char> = common::TEXT.chars().collect();
    let text: String = chars[91..105].iter().collect();
    assert_eq!(text, "Bergström Labs");
}

#[test]
fn amounts_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    write_sample(dir.path());
    let b = read(dir.path(), Table::Amounts);
    assert_eq!(
        strings(&b, "amount_id"),
        some(&["art-1:a0", "art-1:a1", "art-1:a2", "art-1:a3"])
    );
    assert_eq!(
        strings(&b, "text"),
        some(&["$1.4 trillion", "€2.5bn", "$0.5", "$10-$12 billion"])
    );
    assert_eq!(
        column(&b, "value").data_type(),
        &DataType::Decimal128(38, 4)
    );
    assert_eq!(column(&b, "high").data_type(), &DataType::Decimal128(38, 4));
    assert_eq!(
        decimals(&b, "value"),
        some(&[
            "1400000000000.0000",
            "2500000000.0000",
            "0.5000",
            "10000000000.0000"
        ])
    );
    assert_eq!(
        decimals(&b, "high"),
        [None, None, None, Some("12000000000.0000".to_owned())]
    );
    assert_eq!(strings(&b, "currency"), some(&["USD", "EUR", "USD", "USD"]));
    assert_eq!(
        strings(&b, "qualifier"),
        some(&["exact", "exact", "approx", "range"])
    );
    assert_eq!(
        strings(&b, "kind"),
        some(&["total", "total", "per_unit", "total"])
    );
    assert_eq!(ints(&b, "start_byte"), [54, 153, 186, 211]);
    assert_eq!(ints(&b, "end_byte"), [67, 161, 190, 226]);
    assert_eq!(ints(&b, "start_char"), [53, 148, 179, 204]);
    assert_eq!(ints(&b, "end_char"), [66, 154, 183, 219]);
    assert_eq!(ints(&b, "sentence_index"), [0, 1, 1, 2]);
    assert_eq!(column(&b, "currency").data_type(), &dict_type());
}

#[test]
fn relations_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    write_sample(dir.path());
    let b = read(dir.path(), Table::Relations);
    assert_eq!(
        strings(&b, "relation_id"),
        some(&["art-1:r0", "art-1:r1", "art-1:r2", "art-1:r3"])
    );
    assert_eq!(
        strings(&b, "relation_type"),
        some(&["investor", "investor", "rival", "acquirer"])
    );
    assert_eq!(
        strings(&b, "subject_id"),
        some(&[
            "dw:acme-cloud",
            "x:bergstrom-labs",
            "dw:nordwind",
            "x:bergstrom-labs"
        ])
    );
    assert_eq!(
        strings(&b, "subject_name"),
        some(&[
            "Acme Cloud",
            "Bergström Labs",
            "Nordwind AG",
            "Bergström Labs"
        ])
    );
    assert_eq!(
        strings(&b, "object_name"),
        some(&[
            "Nordwind AG",
            "Öresund Data",
            "Bergström Labs",
            "Öresund Data"
        ])
    );
    assert_eq!(
        strings(&b, "object_id"),
        some(&[
            "dw:nordwind",
            "x:oresund-data",
            "x:bergstrom-labs",
            "x:oresund-data"
        ])
    );
    assert_eq!(
        strings(&b, "amount_id"),
        [
            Some("art-1:a0".to_owned()),
            None,
            None,
            Some("art-1:a3".to_owned())
        ]
    );
    assert_eq!(
        decimals(&b, "amount_value"),
        [
            Some("1400000000000.0000".to_owned()),
            None,
            None,
            Some("10000000000.0000".to_owned())
        ]
    );
    assert_eq!(
        strings(&b, "amount_currency"),
        [Some("USD".to_owned()), None, None, Some("USD".to_owned())]
    );
    assert_eq!(
        column(&b, "stake_pct").data_type(),
        &DataType::Decimal128(9, 4)
    );
    assert_eq!(
        decimals(&b, "stake_pct"),
        [None, Some("49.5000".to_owned()), None, None]
    );
    assert_eq!(
        decimals(&b, "valuation_value"),
        [None, Some("2500000000.0000".to_owned()), None, None]
    );
    assert_eq!(
        strings(&b, "valuation_currency"),
        [None, Some("EUR".to_owned()), None, None]
    );
    assert_eq!(
        strings(&b, "valuation_amount_id"),
        [None, Some("art-1:a1".to_owned()), None, None]
    );
    assert_eq!(
        strings(&b, "status"),
        some(&["announced", "announced", "background", "rumored"])
    );
    assert_eq!(ints(&b, "sentence_index"), [0, 1, 1, 2]);
    assert_eq!(ints(&b, "evidence_start_byte"), [0, 75, 75, 200]);
    assert_eq!(ints(&b, "evidence_end_byte"), [74, 199, 199, 241]);
    assert_eq!(ints(&b, "evidence_start_char"), [0, 74, 74, 193]);
    assert_eq!(ints(&b, "evidence_end_char"), [73, 192, 192, 234]);
    let evidence = strings(&b, "evidence");
    assert_eq!(
        evidence[3].as_deref(),
        Some("Talks on a $10-$12 billion deal continue.")
    );
    assert!(
        evidence[0]
            .as_deref()
            .is_some_and(|e| e.starts_with("Zürich-based") && e.ends_with("in it."))
    );
    assert_eq!(
        strings(&b, "method"),
        some(&[
            "pattern:invest",
            "pattern:stake",
            "pattern:rival",
            "pattern:talks"
        ])
    );
    let confidence = column(&b, "confidence");
    let confidence = confidence.as_any().downcast_ref::<Float32Array>().unwrap();
    assert_eq!(confidence.values().to_vec(), [0.875, 0.5, 0.5, 0.5]);
    assert_eq!(column(&b, "evidence").data_type(), &DataType::Utf8);
    assert_eq!(column(&b, "status").data_type(), &dict_type());
}

#[test]
fn rejects_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = OutputWriter::create(dir.path(), WriterOptions::default()).unwrap();
    let before = chrono::Utc::now();
    for (line, id, code) in [
        (Some(3), None, "not_json"),
        (None, Some("a9"), "empty_text"),
    ] {
        writer
            .write_reject(&dealwire_core::Reject {
                source: "in.jsonl".to_owned(),
                line,
                article_id: id.map(str::to_owned),
                code: code.to_owned(),
                reason: format!("reason {code}"),
            })
            .unwrap();
    }
    let summary = writer.finish().unwrap();
    assert_eq!(
        (summary.rejects, summary.articles, summary.parts.len()),
        (2, 0, 1)
    );
    let b = read(dir.path(), Table::Rejects);
    assert_eq!(strings(&b, "source_file"), some(&["in.jsonl", "in.jsonl"]));
    assert_eq!(strings(&b, "article_id"), [None, Some("a9".to_owned())]);
    assert_eq!(strings(&b, "code"), some(&["not_json", "empty_text"]));
    assert_eq!(
        strings(&b, "reason"),
        some(&["reason not_json", "reason empty_text"])
    );
    let line = column(&b, "line");
    assert!(line.is_valid(0) && line.is_null(1));
    let at = column(&b, "rejected_at");
    let at = at
        .as_any()
        .downcast_ref::<TimestampMicrosecondArray>()
        .unwrap();
    assert!(
        at.value(0) >= before.timestamp_micros()
            && at.value(1) <= chrono::Utc::now().timestamp_micros()
    );
    assert!(read_done_articles(dir.path()).unwrap().is_empty());
}

#[test]
fn done_articles_span_runs() {
    let dir = tempfile::tempdir().unwrap();
    write_sample(dir.path());
    let mut writer = OutputWriter::create(dir.path(), WriterOptions::default()).unwrap();
    let mut other = meta();
    other.content_sha256 = "f".repeat(64);
    writer
        .write_article(&common::filler("art-2", 2), &other)
        .unwrap();
    writer.finish().unwrap();
    let done = read_done_articles(dir.path()).unwrap();
    assert_eq!(done.len(), 2);
    assert_eq!(done["art-1"], SHA);
    assert_eq!(done["art-2"], "f".repeat(64));
    let parts = std::fs::read_dir(dir.path().join("mentions"))
        .unwrap()
        .count();
    assert_eq!(parts, 2, "a second run adds files");
    assert_eq!(read(dir.path(), Table::Mentions).num_rows(), 9);
}

#[test]
fn bad_extraction_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = OutputWriter::create(dir.path(), WriterOptions::default()).unwrap();
    let mut doc = sample();
    doc.relations[2].object = 17;
    let err = writer.write_article(&doc, &meta()).unwrap_err();
    assert!(
        matches!(&err, dealwire_store::StoreError::BadExtraction { article_id, what: "relation", index: 2, .. } if article_id == "art-1"),
        "{err}"
    );
    let mut doc = sample();
    doc.relations[1].stake_pct = Some(common::dec("123456"));
    let err = writer.write_article(&doc, &meta()).unwrap_err();
    assert!(
        matches!(
            err,
            dealwire_store::StoreError::OutOfRange {
                column: "stake_pct",
                ..
            }
        ),
        "{err}"
    );
    let mut doc = sample();
    doc.mentions[0].span = dealwire_core::Span::new(2, 4);
    assert!(
        writer.write_article(&doc, &meta()).is_err(),
        "span inside a character"
    );
    writer.write_article(&sample(), &meta()).unwrap();
    let summary = writer.finish().unwrap();
    assert_eq!(
        [summary.articles, summary.mentions, summary.relations],
        [1, 7, 4]
    );
    assert_eq!(
        read(dir.path(), Table::Mentions).num_rows(),
        7,
        "refused articles left no rows"
    );
    assert_eq!(read(dir.path(), Table::Relations).num_rows(), 4);
}
