//! `dealwire extract` end to end: exit codes, reject counts, resume, faults.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use dealwire_store::{Table, read_done_articles, read_table};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dealwire"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/ingest"
    ))
    .join(name)
}

fn extract(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    bin()
        .arg("extract")
        .args(inputs)
        .arg("--out")
        .arg(out)
        .args(["--quiet", "--threads", "2"])
        .args(extra)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn rows(out: &Path, table: Table) -> usize {
    read_table(out, table)
        .expect("table reads")
        .iter()
        .map(|b| b.num_rows())
        .sum()
}

#[test]
fn bad_lines_are_rejected_and_counted_and_the_run_exits_0() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let o = extract(&[&fixture("mixed.jsonl")], &out, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("5 articles"), "{err}");
    assert!(err.contains("rejected 4 records"), "{err}");
    assert!(
        err.contains("empty_text: 1, invalid_utf8: 1, not_json: 1, not_object: 1"),
        "{err}"
    );
    assert!(err.contains("1 kept with no date"), "{err}");
    let done = read_done_articles(&out).expect("done set");
    let mut ids: Vec<&str> = done.keys().map(String::as_str).collect();
    ids.sort();
    assert_eq!(ids.len(), 5);
    assert_eq!(&ids[..4], ["fx-1", "fx-2", "fx-3", "fx-5"]);
    assert!(ids[4].starts_with("sha256:"));
    assert_eq!(rows(&out, Table::Articles), 5);
    assert_eq!(rows(&out, Table::Rejects), 4);
}

#[test]
fn a_rerun_skips_what_is_written_and_adds_no_article_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    assert_eq!(
        extract(&[&fixture("mixed.jsonl")], &out, &[]).status.code(),
        Some(0)
    );
    let o = extract(&[&fixture("mixed.jsonl")], &out, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("0 articles"), "{err}");
    assert!(err.contains("5 skipped"), "{err}");
    assert_eq!(rows(&out, Table::Articles), 5);
    // The seen set's spill folder goes with the run.
    let left: Vec<_> = std::fs::read_dir(&out)
        .expect("out")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let mut child = bin()
        .args(["extract", "-", "--quiet", "--out"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"{\"id\":\"s1\",\"text\":\"Acme Corp bought Beta Inc.\"}\nnope\n")
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("rejected 1 records"), "{err}");
    assert!(read_done_articles(&out).expect("done").contains_key("s1"));
}

#[test]
fn a_failed_run_exits_non_zero() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing.jsonl");
    let o = extract(&[&missing], &dir.path().join("out"), &[]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("missing.jsonl"));
    // The output folder cannot be created: a file is in the way.
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").expect("write");
    let o = extract(&[&fixture("mixed.jsonl")], &blocker, &[]);
    assert_ne!(o.status.code(), Some(0));
    assert!(!stderr(&o).contains("panicked"));
}

fn write_corpus(path: &Path, n: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    for i in 0..n {
        writeln!(
            f,
            "{{\"id\":\"k{i}\",\"text\":\"Contoso Ltd. said on Monday it agreed to buy Fabrikam Unit {i} for ${} million. Northwind Traders Inc. will supply parts.\"}}",
            10 + i % 90
        )
        .expect("write");
    }
}

#[test]
fn a_killed_run_resumes_to_the_same_article_rows_without_duplicates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in.jsonl");
    write_corpus(&input, 1500);
    let clean = dir.path().join("clean");
    assert_eq!(
        extract(&[&input], &clean, &["--rows-per-part", "100"])
            .status
            .code(),
        Some(0)
    );
    let want = read_done_articles(&clean).expect("done");
    assert_eq!(want.len(), 1500);

    for delay_ms in [300, 1500] {
        let out = dir.path().join(format!("killed-{delay_ms}"));
        let mut child = bin()
            .arg("extract")
            .arg(&input)
            .arg("--out")
            .arg(&out)
            .args(["--quiet", "--threads", "2", "--rows-per-part", "100"])
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        // SIGKILL: no chance to clean up, like a crash or an OOM kill.
        let _ = child.kill();
        let _ = child.wait();
        let o = extract(&[&input], &out, &["--rows-per-part", "100"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(read_done_articles(&out).expect("done"), want);
        assert_eq!(rows(&out, Table::Articles), 1500, "no duplicate rows");
    }
}

#[test]
fn ctrl_c_finishes_cleanly_with_exit_130_and_a_rerun_completes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in.jsonl");
    write_corpus(&input, 5_000);
    let text = std::fs::read_to_string(&input).expect("read corpus");
    let lines: Vec<&str> = text.lines().collect();
    let out = dir.path().join("out");
    // The input comes through a pipe that stays open, so the run is still
    // waiting for records when the interrupt arrives, however fast it is.
    let mut child = bin()
        .args(["extract", "-", "--out"])
        .arg(&out)
        .args(["--quiet", "--threads", "2", "--rows-per-part", "500"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    for line in &lines[..600] {
        writeln!(stdin, "{line}").expect("write stdin");
    }
    stdin.flush().expect("flush");
    // Interrupt once the first part file is complete: the run is then waiting
    // for more input on the open pipe, so it cannot finish first.
    let articles = out.join("articles");
    let waited = std::time::Instant::now();
    while !std::fs::read_dir(&articles).is_ok_and(|d| {
        d.flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "parquet"))
    }) {
        assert!(
            waited.elapsed() < std::time::Duration::from_secs(300),
            "no part file after 300 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    // stderr is read on its own thread: the pipe stays open until the run has
    // seen the interrupt ("stopping: ..."), however late its handler runs.
    let child_err = child.stderr.take().expect("stderr");
    let (seen_tx, seen_rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        for line in std::io::BufReader::new(child_err).lines() {
            let line = line.expect("stderr line");
            if line.starts_with("stopping:") {
                let _ = seen_tx.send(());
            }
            all.push_str(&line);
            all.push('\n');
        }
        all
    });
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    seen_rx
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("the run reports the interrupt");
    drop(stdin);
    let status = child.wait().expect("wait");
    let err = reader.join().expect("stderr thread");
    assert_eq!(status.code(), Some(130), "{err}");
    assert!(err.contains("(interrupted)"), "{err}");
    let partial = read_done_articles(&out).expect("done").len();
    assert!(partial <= 600, "{partial}");
    assert_eq!(rows(&out, Table::Articles), partial);
    let o = extract(&[&input], &out, &[]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains(&format!("{partial} skipped")));
    assert_eq!(rows(&out, Table::Articles), 5_000);
}

fn codes_line(o: &Output) -> String {
    let err = stderr(o);
    err.lines()
        .find(|l| l.starts_with("rejected"))
        .unwrap_or("")
        .to_owned()
}

#[test]
fn size_limit_rejects_a_10_mb_article_and_can_be_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("big.jsonl");
    let text = "Acme Corp. signed a deal with Beta Inc. ".repeat(10 * 1024 * 1024 / 40 + 1);
    std::fs::write(
        &input,
        format!("{{\"id\":\"big\",\"text\":\"{text}\"}}\n{{\"id\":\"small\",\"text\":\"Gamma Ltd. bought Delta.\"}}\n"),
    )
    .expect("write");
    let o = extract(&[&input], &dir.path().join("a"), &[]);
    assert_eq!(o.status.code(), Some(0));
    assert!(codes_line(&o).contains("[too_large: 1]"), "{}", stderr(&o));
    assert_eq!(rows(&dir.path().join("a"), Table::Articles), 1);
    // The limit is a flag: a lower one rejects the small article too.
    let o = extract(
        &[&fixture("mixed.jsonl")],
        &dir.path().join("b"),
        &["--max-article-bytes", "120"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        codes_line(&o).contains("too_large: 4"),
        "{}",
        codes_line(&o)
    );
}

#[test]
fn hostile_inputs_are_rejected_without_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    // 10,000 company names in one article.
    let names: Vec<String> = (0..10_000)
        .map(|i| format!("Company{i} Holdings Inc."))
        .collect();
    let many = format!(
        "{{\"id\":\"many\",\"text\":\"{} agreed to merge.\"}}\n",
        names.join(", ")
    );
    // A 1 MB line with no spaces.
    let long = format!("{{\"id\":\"long\",\"text\":\"{}\"}}\n", "x".repeat(1 << 20));
    // Deeply nested JSON in a field we read.
    let deep = format!(
        "{{\"id\":\"deep\",\"text\":\"t\",\"published\":{}{}}}\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    std::fs::write(d.join("a.jsonl"), [many, long, deep].concat()).expect("write");
    // Binary garbage.
    let garbage: Vec<u8> = (0u32..100_000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(d.join("b.jsonl"), garbage).expect("write");
    // A truncated gzip file: its first records are kept.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..3000 {
        writeln!(
            gz,
            "{{\"id\":\"g{i}\",\"text\":\"Acme {i} bought Beta {}.\"}}",
            i * 3
        )
        .expect("gz");
    }
    let gz = gz.finish().expect("gz");
    std::fs::write(d.join("c.jsonl.gz"), &gz[..gz.len() / 2]).expect("write");
    // An empty file.
    std::fs::write(d.join("d.jsonl"), "").expect("write");

    let o = extract(&[d], &d.join("out"), &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let line = codes_line(&o);
    assert!(line.contains("not_json"), "{line}");
    assert!(line.contains("truncated: 1"), "{line}");
    assert!(!err.contains("panicked"), "{err}");
    let done = read_done_articles(&d.join("out")).expect("done");
    assert!(done.contains_key("many") && done.contains_key("long"));
    assert!(!done.contains_key("deep"));
    let kept_gz = done.keys().filter(|k| k.starts_with('g')).count();
    assert!(kept_gz > 100 && kept_gz < 3000, "{kept_gz}");
}
