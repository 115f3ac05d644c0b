//! End-to-end runs of `dealwire eval` on the gold fixture in `fixtures/eval/`.

// The helpers below are test code too: a panic in them is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dealwire(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dealwire"))
        .current_dir(repo())
        .args(args)
        .output()
        .unwrap()
}

fn json_of(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

const GOLD: &str = "fixtures/eval/mini-gold.jsonl";

#[test]
fn json_report_has_every_figure() {
    let report = json_of(&dealwire(&["eval", GOLD, "--json"]));
    assert_eq!(report["articles"], 2);
    assert!(report["pipeline"].is_string());
    for key in ["entities", "amounts", "relations", "relation_amount"] {
        for field in ["tp", "fp", "fn", "ignored", "precision", "recall", "f1"] {
            assert!(report[key][field].is_number(), "{key}.{field}");
        }
    }
    // Whatever the pipeline finds, every required gold item is a hit or a miss:
    // 6 ORG entities, 2 amounts, 4 required relations (one line is optional).
    let total =
        |key: &str| report[key]["tp"].as_u64().unwrap() + report[key]["fn"].as_u64().unwrap();
    assert_eq!(total("entities"), 6);
    assert_eq!(total("amounts"), 2);
    assert_eq!(total("relations"), 4);
    assert_eq!(total("relation_amount"), 4);
    assert!(report["status"]["accuracy"].is_number());
    assert_eq!(report["per_type"].as_array().unwrap().len(), 6);
    assert_eq!(
        report["details"].as_array().unwrap().len(),
        0,
        "details only with --verbose"
    );
}

#[test]
fn verbose_json_lists_missed_relations() {
    let report = json_of(&dealwire(&["eval", GOLD, "--json", "--verbose"]));
    let missed: usize = report["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["missed"].as_array().unwrap().len())
        .sum();
    assert_eq!(missed as u64, report["relations"]["fn"].as_u64().unwrap());
}

#[test]
fn table_with_a_pipeline_file() {
    let out = dealwire(&[
        "eval",
        GOLD,
        "--pipeline",
        "pipelines/default.toml",
        "--verbose",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("articles: 2"), "{table}");
    assert!(table.contains("relation+amount"), "{table}");
    assert!(table.contains("status accuracy:"), "{table}");
}

#[test]
fn bad_gold_line_fails_with_file_and_line() {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("eval-cli-bad.jsonl");
    let good = std::fs::read_to_string(repo().join(GOLD)).unwrap();
    let first = good.lines().next().unwrap();
    std::fs::write(&path, format!("{first}\n{{\"id\": 3\n")).unwrap();
    let out = dealwire(&["eval", path.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("eval-cli-bad.jsonl:2:"), "{err}");
}
