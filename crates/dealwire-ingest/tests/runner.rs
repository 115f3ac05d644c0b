//! The batch runner: accounting, panics, resume after a crash, stop flag.

#![allow(clippy::unwrap_used)] // in tests a failed unwrap is a failed test

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use dealwire_core::{Extraction, Mention, MentionKind, MentionMethod, Reject, Span, Stage};
use dealwire_ingest::{IngestError, Input, RunOptions, RunSummary, Runner, SeenIds, Sink, Written};

/// Marks each "Acme" as a mention; panics on "BOOM"; sets a stop flag on "STOP".
struct TestStage {
    stop: Option<Arc<AtomicBool>>,
}

impl Stage for TestStage {
    fn run(&self, doc: &mut Extraction) {
        assert!(!doc.text().contains("BOOM"), "stage exploded");
        if doc.text().contains("STOP") {
            if let Some(s) = &self.stop {
                s.store(true, Ordering::SeqCst);
            }
        }
        let spans: Vec<Span> = doc
            .text()
            .match_indices("Acme")
            .map(|(i, m)| Span::new(i, i + m.len()))
            .collect();
        for span in spans {
            doc.mentions.push(Mention {
                span,
                entity: 0,
                sentence: 0,
                kind: MentionKind::Name,
                method: MentionMethod::Gazetteer,
                confidence: 1.0,
            });
        }
    }
}

/// Keeps rows in memory; "commits" them in batches like part files, and can
/// fail after a number of articles to simulate a crash (uncommitted rows lost).
#[derive(Default)]
struct MemSink {
    /// Shared so that a test can see what a crashed run left behind.
    committed: Arc<Mutex<Vec<(String, String)>>>,
    pending: Vec<(String, String)>,
    rejects: Vec<Reject>,
    batch: usize,
    fail_after: Option<usize>,
    written: usize,
}

type Rows = Vec<(String, String)>;

#[derive(Debug, thiserror::Error)]
#[error("simulated crash")]
struct Crash;

impl Sink for MemSink {
    type Error = Crash;
    type Output = (Rows, Vec<Reject>);

    fn write_article(&mut self, doc: &Extraction, sha: &str) -> Result<Written, Crash> {
        if self.fail_after == Some(self.written) {
            return Err(Crash);
        }
        if doc.text().contains("REFUSE") {
            return Ok(Written::Refused("refused by the sink".to_owned()));
        }
        self.written += 1;
        self.pending.push((doc.article.id.clone(), sha.to_owned()));
        if self.batch > 0 && self.pending.len() >= self.batch {
            self.committed.lock().unwrap().append(&mut self.pending);
        }
        Ok(Written::Stored)
    }

    fn write_reject(&mut self, r: &Reject) -> Result<(), Crash> {
        self.rejects.push(r.clone());
        Ok(())
    }

    fn finish(mut self) -> Result<Self::Output, Crash> {
        let mut rows = self.committed.lock().unwrap();
        rows.append(&mut self.pending);
        Ok((rows.clone(), self.rejects))
    }
}

fn corpus(dir: &std::path::Path, n: usize) -> Vec<Input> {
    let p = dir.join("in.jsonl");
    let mut f = std::fs::File::create(&p).unwrap();
    for i in 0..n {
        writeln!(
            f,
            "{{\"id\":\"a{i}\",\"text\":\"Acme and Acme Labs deal number {i}.\"}}"
        )
        .unwrap();
        if i % 10 == 0 {
            writeln!(f, "not json {i}").unwrap();
        }
    }
    dealwire_ingest::collect_inputs(&[p]).unwrap()
}

fn run(
    inputs: &[Input],
    threads: usize,
    sink: MemSink,
    seen: SeenIds,
) -> Result<(RunSummary, (Rows, Vec<Reject>)), IngestError> {
    Runner::new(&TestStage { stop: None })
        .options(RunOptions {
            threads,
            ..RunOptions::default()
        })
        .seen(seen)
        .run(inputs, sink)
}

/// A seen set of `done` (id, hex content hash) pairs from an earlier run.
fn earlier(seen: SeenIds, done: &[(String, String)]) -> SeenIds {
    let mut seen = seen;
    for (id, hash) in done {
        assert!(seen.add_done(id, hash).unwrap(), "{hash} is a hash");
    }
    seen
}

#[test]
fn every_record_is_written_or_rejected_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = corpus(dir.path(), 200);
    let mut sets = Vec::new();
    for threads in [1, 2, 4] {
        let (s, (rows, rejects)) =
            run(&inputs, threads, MemSink::default(), SeenIds::in_memory()).unwrap();
        assert_eq!(s.articles, 200);
        assert_eq!(s.mentions, 400);
        assert_eq!(s.rejects, 20);
        assert_eq!(
            s.rejects_by_code,
            BTreeMap::from([("not_json".to_owned(), 20)])
        );
        assert_eq!(rejects.len(), 20);
        assert!(!s.interrupted);
        let ids: BTreeSet<String> = rows.iter().map(|r| r.0.clone()).collect();
        assert_eq!(ids.len(), rows.len(), "no duplicate rows");
        sets.push(rows.into_iter().collect::<BTreeSet<_>>());
    }
    assert_eq!(sets[0], sets[1]);
    assert_eq!(sets[0], sets[2]);
}

#[test]
fn a_panicking_stage_rejects_one_article_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("in.jsonl");
    std::fs::write(
        &p,
        "{\"id\":\"a\",\"text\":\"fine\"}\n{\"id\":\"b\",\"text\":\"BOOM\"}\n{\"id\":\"c\",\"text\":\"fine too\"}\n{\"id\":\"d\",\"text\":\"REFUSE\"}\n",
    )
    .unwrap();
    let inputs = dealwire_ingest::collect_inputs(&[p]).unwrap();
    let (s, (rows, rejects)) = run(&inputs, 2, MemSink::default(), SeenIds::in_memory()).unwrap();
    assert_eq!(s.articles, 2);
    assert_eq!(rows.len(), 2);
    assert_eq!(rejects.len(), 2);
    let refused = rejects.iter().find(|r| r.code == "bad_extraction").unwrap();
    assert_eq!(
        (refused.article_id.as_deref(), refused.line),
        (Some("d"), Some(4))
    );
    let rejects: Vec<&Reject> = rejects
        .iter()
        .filter(|r| r.code != "bad_extraction")
        .collect();
    assert_eq!(rejects[0].code, "pipeline_panic");
    assert_eq!(rejects[0].article_id.as_deref(), Some("b"));
    assert_eq!(rejects[0].line, Some(2));
    assert!(rejects[0].reason.contains("stage exploded"));
}

#[test]
fn a_crashed_run_resumes_to_the_same_rows_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = corpus(dir.path(), 100);
    let (_, (full, _)) = run(&inputs, 2, MemSink::default(), SeenIds::in_memory()).unwrap();
    let full: BTreeSet<_> = full.into_iter().collect();

    for crash_at in [0, 7, 42, 99] {
        let committed = Arc::new(Mutex::new(Vec::new()));
        let crashing = MemSink {
            committed: Arc::clone(&committed),
            batch: 10,
            fail_after: Some(crash_at),
            ..MemSink::default()
        };
        let err = run(&inputs, 2, crashing, SeenIds::in_memory());
        assert!(matches!(err, Err(IngestError::Sink(_))));
        // Only whole batches survive the crash, like finished part files.
        let left = committed.lock().unwrap().clone();
        assert_eq!(left.len(), (crash_at / 10) * 10);
        // A set that spills every few ids finds them on disk as it would in memory.
        let spill = SeenIds::spilling(dir.path().join("seen"), 3).unwrap();
        let seen = earlier(spill, &left);
        let (s, (rest, _)) = run(&inputs, 2, MemSink::default(), seen).unwrap();
        assert_eq!(s.skipped, left.len() as u64);
        assert_eq!(s.articles, (100 - left.len()) as u64);
        let mut all = left;
        all.extend(rest);
        let n = all.len();
        let all: BTreeSet<_> = all.into_iter().collect();
        assert_eq!(n, all.len(), "no duplicates after resume");
        assert_eq!(all, full);
    }
}

#[test]
fn same_id_with_other_content_is_a_duplicate_id_reject() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("in.jsonl");
    std::fs::write(
        &p,
        "{\"id\":\"x\",\"text\":\"first\"}\n{\"id\":\"x\",\"text\":\"first\"}\n{\"id\":\"x\",\"text\":\"second\"}\n{\"id\":\"y\",\"text\":\"new\"}\n",
    )
    .unwrap();
    let inputs = dealwire_ingest::collect_inputs(&[p]).unwrap();
    let (s, (rows, rejects)) = run(&inputs, 1, MemSink::default(), SeenIds::in_memory()).unwrap();
    assert_eq!((s.articles, s.duplicates, s.rejects), (2, 1, 1));
    assert_eq!(rows.len(), 2);
    assert_eq!(rejects[0].code, "duplicate_id");
    assert_eq!(rejects[0].line, Some(3));
    assert!(rejects[0].reason.contains("earlier in this run"));

    // Against an earlier run's output.
    let done = [
        (
            "y".to_owned(),
            dealwire_ingest::hex(&dealwire_ingest::content_sha256("old")),
        ),
        (
            "x".to_owned(),
            dealwire_ingest::hex(&dealwire_ingest::content_sha256("first")),
        ),
    ];
    let seen = earlier(SeenIds::in_memory(), &done);
    let (s, (rows, rejects)) = run(&inputs, 1, MemSink::default(), seen).unwrap();
    assert_eq!((s.articles, s.skipped, s.rejects), (0, 2, 2));
    assert!(rows.is_empty());
    assert!(rejects.iter().all(|r| r.code == "duplicate_id"));
    assert!(rejects.iter().any(|r| r.reason.contains("an earlier run")));
}

#[test]
fn the_stop_flag_ends_the_run_cleanly_with_what_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("in.jsonl");
    let mut f = std::fs::File::create(&p).unwrap();
    writeln!(f, "{{\"id\":\"s\",\"text\":\"STOP\"}}").unwrap();
    for i in 0..5000 {
        writeln!(f, "{{\"id\":\"a{i}\",\"text\":\"Acme {i}\"}}").unwrap();
    }
    drop(f);
    let inputs = dealwire_ingest::collect_inputs(&[p]).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let (s, (rows, _)) = Runner::new(&TestStage {
        stop: Some(Arc::clone(&stop)),
    })
    .options(RunOptions {
        threads: 1,
        ..RunOptions::default()
    })
    .stop_flag(stop)
    .run(&inputs, MemSink::default())
    .unwrap();
    assert!(s.interrupted);
    assert!(s.articles >= 1 && s.articles < 5001, "{}", s.articles);
    assert_eq!(rows.len() as u64, s.articles, "everything read was written");
}

#[test]
fn a_spill_folder_that_fails_stops_the_run_with_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = corpus(dir.path(), 50);
    let spill = dir.path().join("seen");
    let seen = SeenIds::spilling(spill.clone(), 3).unwrap();
    // The folder is gone when the set first spills.
    std::fs::remove_dir(&spill).unwrap();
    let err = run(&inputs, 2, MemSink::default(), seen);
    assert!(matches!(err, Err(IngestError::Seen(_))), "{err:?}");
}
