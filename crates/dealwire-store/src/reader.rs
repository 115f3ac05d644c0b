//! Reading complete part files back.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use arrow::array::{Array, RecordBatch, StringArray};
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};

use crate::{StoreError, Table};

/// The `*.parquet` files of a folder, sorted by name; none when it does not exist.
/// Temporary parts (`.part-...parquet.tmp`) never match.
pub(crate) fn part_files(folder: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(StoreError::Io {
                path: folder.to_owned(),
                source,
            });
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|source| StoreError::Io {
                path: folder.to_owned(),
                source,
            })?
            .path();
        let visible = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| !n.starts_with('.') && n.ends_with(".parquet"));
        if visible && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The complete part files of `table` under `dir`, sorted by name.
///
/// A missing folder is an empty table. Parts of `mentions`, `amounts` and
/// `relations` count only when the `articles` part of the same name exists,
/// since that part is renamed last.
pub fn committed_parts(dir: &Path, table: Table) -> Result<Vec<PathBuf>, StoreError> {
    let files = part_files(&dir.join(table.name()))?;
    if !table.follows_articles() {
        return Ok(files);
    }
    let articles: HashSet<_> = part_files(&dir.join(Table::Articles.name()))?
        .into_iter()
        .filter_map(|p| p.file_name().map(ToOwned::to_owned))
        .collect();
    Ok(files
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| articles.contains(n)))
        .collect())
}

fn open(path: &Path) -> Result<ParquetRecordBatchReaderBuilder<File>, StoreError> {
    let file = File::open(path).map_err(|source| StoreError::Io {
        path: path.to_owned(),
        source,
    })?;
    ParquetRecordBatchReaderBuilder::try_new(file).map_err(|source| StoreError::Parquet {
        path: path.to_owned(),
        source,
    })
}

fn batches(path: &Path, reader: ParquetRecordBatchReader) -> Result<Vec<RecordBatch>, StoreError> {
    reader
        .map(|batch| {
            batch.map_err(|source| StoreError::Decode {
                path: path.to_owned(),
                source,
            })
        })
        .collect()
}

fn build(
    path: &Path,
    builder: ParquetRecordBatchReaderBuilder<File>,
) -> Result<ParquetRecordBatchReader, StoreError> {
    builder.build().map_err(|source| StoreError::Parquet {
        path: path.to_owned(),
        source,
    })
}

/// Every row of `table` under `dir`, from its complete parts in name order.
///
/// Batches keep the types the parts were written with (dictionary columns
/// stay dictionaries). A table with no part yields no batch.
pub fn read_table(dir: &Path, table: Table) -> Result<Vec<RecordBatch>, StoreError> {
    let mut out = Vec::new();
    for path in committed_parts(dir, table)? {
        let reader = build(&path, open(&path)?)?;
        out.extend(batches(&path, reader)?);
    }
    Ok(out)
}

/// `article_id` → `content_sha256` of every article in the complete `articles`
/// parts under `dir`, so that a rerun skips articles already written.
///
/// When an id occurs twice, the later part wins. The map holds every id; a
/// large output is better read with [`for_each_done_article`].
pub fn read_done_articles(dir: &Path) -> Result<HashMap<String, String>, StoreError> {
    let mut done = HashMap::new();
    for_each_done_article(dir, |id, hash| {
        done.insert(id.to_owned(), hash.to_owned());
    })?;
    Ok(done)
}

/// Calls `f` with the `article_id` and `content_sha256` of every article in
/// the complete `articles` parts under `dir`, part by part in the order of
/// [`committed_parts`], holding one record batch of two columns at a time.
pub fn for_each_done_article(dir: &Path, mut f: impl FnMut(&str, &str)) -> Result<(), StoreError> {
    const COLUMNS: [&str; 2] = ["article_id", "content_sha256"];
    for path in committed_parts(dir, Table::Articles)? {
        let builder = open(&path)?;
        let mut roots = Vec::with_capacity(COLUMNS.len());
        for column in COLUMNS {
            let index =
                builder
                    .schema()
                    .index_of(column)
                    .map_err(|_| StoreError::MissingColumn {
                        path: path.clone(),
                        column,
                    })?;
            roots.push(index);
        }
        let mask = ProjectionMask::roots(builder.parquet_schema(), roots);
        let reader = build(&path, builder.with_projection(mask))?;
        for batch in reader {
            let batch = batch.map_err(|source| StoreError::Decode {
                path: path.clone(),
                source,
            })?;
            let [ids, hashes] = COLUMNS.map(|column| {
                batch
                    .column_by_name(column)
                    .and_then(|c| c.as_any().downcast_ref::<StringArray>())
                    .ok_or_else(|| StoreError::MissingColumn {
                        path: path.clone(),
                        column,
                    })
            });
            let (ids, hashes) = (ids?, hashes?);
            for i in 0..batch.num_rows() {
                if ids.is_valid(i) && hashes.is_valid(i) {
                    f(ids.value(i), hashes.value(i));
                }
            }
        }
    }
    Ok(())
}
