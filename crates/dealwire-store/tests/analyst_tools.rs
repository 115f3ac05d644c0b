//! Reads every table with pyarrow and DuckDB (tests/analyst_tools.py), so the
//! contract is proven by the tools analysts use, not only by our reader.
//!
//! The Python comes from `DEALWIRE_PYTHON`, else the workspace's `.venv`
//! (`python3 -m venv .venv && .venv/bin/pip install pyarrow duckdb`). Without
//! one the test prints a note and passes, except under CI (env `CI` set),
//! where it fails.
#![allow(clippy::unwrap_used)] // in tests a failed unwrap is a failed test

mod common;

use std::path::PathBuf;
use std::process::Command;

use dealwire_core::Reject;
use dealwire_store::{OutputWriter, WriterOptions};

fn python() -> Option<PathBuf> {
    let path = match std::env::var_os("DEALWIRE_PYTHON") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../.venv/bin/python"
        )),
    };
    path.exists().then_some(path)
}

#[test]
fn pyarrow_and_duckdb_read_every_table() {
    let Some(python) = python() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but no Python with pyarrow and duckdb: set DEALWIRE_PYTHON or create .venv"
        );
        eprintln!("skipped: no DEALWIRE_PYTHON and no .venv/bin/python in the workspace");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut writer = OutputWriter::create(dir.path(), WriterOptions::default()).unwrap();
    writer
        .write_article(&common::sample(), &common::meta())
        .unwrap();
    writer
        .write_article(&common::filler("art-2", 2), &common::meta())
        .unwrap();
    writer
        .write_reject(&Reject {
            source: "input.jsonl".to_owned(),
            line: Some(7),
            article_id: None,
            code: "not_json".to_owned(),
            reason: "expected value at line 1 column 1".to_owned(),
        })
        .unwrap();
    writer.finish().unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/analyst_tools.py");
    let output = Command::new(&python)
        .arg(script)
        .arg(dir.path())
        .arg(common::TEXT)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{} {script} failed\nstdout:\n{stdout}\nstderr:\n{stderr}",
        python.display()
    );
    assert!(stdout.contains("checks passed"), "{stdout}");
    println!("{stdout}");
}
