//! Part files: atomic renames, metadata, row groups, rolling and recovery.
#![allow(clippy::unwrap_used)] // in tests a failed unwrap is a failed test

mod common;

use std::fs::File;
use std::path::{Path, PathBuf};

use common::{filler, meta, sample};
use dealwire_store::{
    OutputWriter, SCHEMA_VERSION, StoreError, Table, WriterOptions, committed_parts,
    read_done_articles, read_table,
};
use parquet::file::reader::{FileReader, SerializedFileReader};

/// Every file under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for table in Table::ALL {
        let Ok(entries) = std::fs::read_dir(dir.join(table.name())) else {
            continue;
        };
        for entry in entries {
            out.push(format!(
                "{}/{}",
                table.name(),
                entry.unwrap().file_name().to_string_lossy()
            ));
        }
    }
    out.sort();
    out
}

fn rows(dir: &Path, table: Table) -> usize {
    read_table(dir, table)
        .unwrap()
        .iter()
        .map(|b| b.num_rows())
        .sum()
}

fn reader(path: &PathBuf) -> SerializedFileReader<File> {
    SerializedFileReader::new(File::open(path).unwrap()).unwrap()
}

#[test]
fn dropped_writer_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let opts = WriterOptions {
        batch_rows: 1,
        ..WriterOptions::default()
    };
    let mut writer = OutputWriter::create(dir.path(), opts).unwrap();
    writer.write_article(&sample(), &meta()).unwrap();
    let during = files(dir.path());
    assert_eq!(during.len(), 4, "{during:?}");
    for name in &during {
        let file = name.rsplit('/').next().unwrap();
        assert!(
            file.starts_with(".part-") && file.ends_with(".parquet.tmp"),
            "{name}"
        );
    }
    assert!(
        committed_parts(dir.path(), Table::Articles)
            .unwrap()
            .is_empty()
    );
    drop(writer);
    assert_eq!(files(dir.path()), Vec::<String>::new());
    assert!(read_done_articles(dir.path()).unwrap().is_empty());
}

#[test]
fn finished_parts_carry_metadata_and_zstd() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = OutputWriter::create(dir.path(), WriterOptions::default()).unwrap();
    let run = writer.run_id().to_owned();
    writer.write_article(&sample(), &meta()).unwrap();
    let summary = writer.finish().unwrap();
    let names: Vec<String> = files(dir.path());
    let expected: Vec<String> = ["amounts", "articles", "mentions", "relations"]
        .iter()
        .map(|t| format!("{t}/part-{run}-00000.parquet"))
        .collect();
    assert_eq!(names, expected);
    assert_eq!(
        summary.parts.last().unwrap(),
        &dir.path()
            .join("articles")
            .join(format!("part-{run}-00000.parquet")),
        "articles renamed last"
    );
    for table in [
        Table::Articles,
        Table::Mentions,
        Table::Amounts,
        Table::Relations,
    ] {
        let path = &committed_parts(dir.path(), table).unwrap()[0];
        let reader = reader(path);
        let meta = reader.metadata();
        let kv = meta.file_metadata().key_value_metadata().unwrap();
        let get = |key: &str| {
            kv.iter()
                .find(|k| k.key == key)
                .and_then(|k| k.value.clone())
        };
        assert_eq!(
            get("dealwire.schema_version").as_deref(),
            Some(SCHEMA_VERSION)
        );
        assert_eq!(get("dealwire.table").as_deref(), Some(table.name()));
        let row_group = meta.row_group(0);
        for column in row_group.columns() {
            assert!(
                matches!(column.compression(), parquet::basic::Compression::ZSTD(_)),
                "{table}.{}",
                column.column_path()
            );
            assert!(
                column.statistics().is_some(),
                "{table}.{} has statistics",
                column.column_path()
            );
            let name = column.column_path().string();
            let dictionary = dealwire_store::columns(table)
                .iter()
                .find(|c| c.name == name)
                .unwrap()
                .ty
                == dealwire_store::ColumnType::Dict;
            assert_eq!(
                column.dictionary_page_offset().is_some(),
                dictionary,
                "{table}.{name} dictionary encoding"
            );
        }
    }
}

#[test]
fn tiny_row_groups_keep_memory_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let opts = WriterOptions {
        row_group_bytes: 4_096,
        batch_rows: 256,
        ..WriterOptions::default()
    };
    let mut writer = OutputWriter::create(dir.path(), opts).unwrap();
    for i in 0..200 {
        writer
            .write_article(&filler(&format!("f{i}"), 30), &meta())
            .unwrap();
    }
    let summary = writer.finish().unwrap();
    assert_eq!((summary.articles, summary.mentions), (200, 6_000));
    let parts = committed_parts(dir.path(), Table::Mentions).unwrap();
    assert_eq!(parts.len(), 1);
    let reader = reader(&parts[0]);
    let groups = reader.metadata().row_groups();
    assert!(groups.len() >= 10, "only {} row groups", groups.len());
    assert_eq!(groups.iter().map(|g| g.num_rows()).sum::<i64>(), 6_000);
    assert!(
        groups.iter().all(|g| g.num_rows() < 6_000 / 5),
        "{:?}",
        groups.iter().map(|g| g.num_rows()).collect::<Vec<_>>()
    );
    assert_eq!(rows(dir.path(), Table::Mentions), 6_000);
}

#[test]
fn parts_roll_together_every_rows_per_part_articles() {
    let dir = tempfile::tempdir().unwrap();
    let opts = WriterOptions {
        rows_per_part: 2,
        batch_rows: 1,
        ..WriterOptions::default()
    };
    let mut writer = OutputWriter::create(dir.path(), opts).unwrap();
    for i in 0..5 {
        writer
            .write_article(&filler(&format!("f{i}"), i + 1), &meta())
            .unwrap();
        if i == 2 {
            assert_eq!(
                committed_parts(dir.path(), Table::Articles).unwrap().len(),
                1,
                "first part done after 2 articles"
            );
        }
    }
    let summary = writer.finish().unwrap();
    let articles = committed_parts(dir.path(), Table::Articles).unwrap();
    let mentions = committed_parts(dir.path(), Table::Mentions).unwrap();
    assert_eq!(articles.len(), 3);
    let name = |p: &PathBuf| p.file_name().unwrap().to_owned();
    assert_eq!(
        articles.iter().map(name).collect::<Vec<_>>(),
        mentions.iter().map(name).collect::<Vec<_>>()
    );
    let per_part: Vec<i64> = mentions
        .iter()
        .map(|p| reader(p).metadata().file_metadata().num_rows())
        .collect();
    assert_eq!(per_part, [1 + 2, 3 + 4, 5]);
    assert_eq!(summary.parts.len(), 6);
    assert_eq!(rows(dir.path(), Table::Articles), 5);
}

#[test]
fn orphaned_parts_are_ignored_then_removed() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = OutputWriter::create(dir.path(), WriterOptions::default()).unwrap();
    writer.write_article(&sample(), &meta()).unwrap();
    writer.finish().unwrap();
    // A run killed after renaming its mentions part, before its articles part.
    let part = &committed_parts(dir.path(), Table::Mentions).unwrap()[0];
    let orphan = dir
        .path()
        .join("mentions/part-19700101T000000000000Z-1-0-00000.parquet");
    std::fs::copy(part, &orphan).unwrap();
    assert_eq!(
        rows(dir.path(), Table::Mentions),
        7,
        "the orphan does not count"
    );
    let writer = OutputWriter::create(dir.path(), WriterOptions::default()).unwrap();
    assert!(!orphan.exists(), "create removes it");
    assert!(part.exists());
    drop(writer);
    assert_eq!(rows(dir.path(), Table::Mentions), 7);
}

#[test]
fn empty_run_and_missing_folder_read_as_empty() {
    let dir = tempfile::tempdir().unwrap();
    let summary = OutputWriter::create(dir.path(), WriterOptions::default())
        .unwrap()
        .finish()
        .unwrap();
    assert_eq!(summary, dealwire_store::WriteSummary::default());
    assert_eq!(files(dir.path()), Vec::<String>::new());
    for table in Table::ALL {
        assert!(dir.path().join(table.name()).is_dir());
        assert!(read_table(dir.path(), table).unwrap().is_empty());
        assert!(
            read_table(&dir.path().join("nowhere"), table)
                .unwrap()
                .is_empty()
        );
    }
}

#[test]
fn bad_options_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (opts, option) in [
        (
            WriterOptions {
                rows_per_part: 0,
                ..WriterOptions::default()
            },
            "rows_per_part",
        ),
        (
            WriterOptions {
                row_group_bytes: 0,
                ..WriterOptions::default()
            },
            "row_group_bytes",
        ),
        (
            WriterOptions {
                batch_rows: 0,
                ..WriterOptions::default()
            },
            "batch_rows",
        ),
        (
            WriterOptions {
                zstd_level: 40,
                ..WriterOptions::default()
            },
            "zstd_level",
        ),
    ] {
        let err = OutputWriter::create(dir.path(), opts).err().unwrap();
        assert!(
            matches!(err, StoreError::BadOption { option: o, .. } if o == option),
            "{err}"
        );
    }
}

#[test]
fn unwritable_folder_is_an_io_error_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("out");
    std::fs::write(&blocker, b"a file, not a folder").unwrap();
    let err = OutputWriter::create(&blocker, WriterOptions::default())
        .err()
        .unwrap();
    match err {
        StoreError::Io { path, .. } => assert!(path.starts_with(&blocker), "{}", path.display()),
        other => panic!("{other}"),
    }
}
