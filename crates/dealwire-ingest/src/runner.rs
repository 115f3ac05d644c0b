//! The batch runner: reader thread → worker pool → one writer, with bounded queues.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender, bounded};
use dealwire_core::{Article, Extraction, Reject, Stage};

use crate::read::{ReadOptions, Records, content_sha256, hex};
use crate::seen::{Entry, SeenIds, fingerprint, id_key};
use crate::{IngestError, Input, RejectCode};

/// What a [`Sink`] did with one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    /// Its rows are in the output.
    Stored,
    /// The sink refused the extraction (a span or index that does not fit, a
    /// value too large for its column) and wrote nothing of it; the runner
    /// turns this into a `bad_extraction` reject and goes on.
    Refused(String),
}

/// Where the runner puts its results: the Parquet writer in the CLI, a
/// vector in tests. Called from one thread only.
pub trait Sink {
    /// The sink's own error (disk full, folder unwritable...); it stops the run.
    type Error: std::error::Error + Send + Sync + 'static;
    /// What the sink reports when it is finished.
    type Output;
    /// Writes one processed article. `content_sha256` is the lower-case hex
    /// SHA-256 of the article text, to be stored for [`SeenIds::add_done`].
    fn write_article(
        &mut self,
        doc: &Extraction,
        content_sha256: &str,
    ) -> Result<Written, Self::Error>;
    /// Writes one reject.
    fn write_reject(&mut self, reject: &Reject) -> Result<(), Self::Error>;
    /// Completes the output.
    fn finish(self) -> Result<Self::Output, Self::Error>;
}

/// Counters at one moment of a run, for progress displays.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// Articles written.
    pub articles: u64,
    /// Records rejected.
    pub rejects: u64,
    /// Articles skipped because they were already written.
    pub skipped: u64,
    /// Input bytes read (after decompression).
    pub bytes_read: u64,
    /// Total input bytes, when every input is a plain file.
    pub total_bytes: Option<u64>,
    /// Time since the start.
    pub elapsed: Duration,
}

/// Receives progress a few times a second, on the writer thread.
pub trait Progress {
    /// Called with the current counters.
    fn update(&self, snapshot: &Snapshot);
}

/// No progress display.
impl Progress for () {
    fn update(&self, _: &Snapshot) {}
}

/// How a run goes.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Worker threads running the pipeline; 0 means one per core.
    pub threads: usize,
    /// Reader limits.
    pub read: ReadOptions,
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunSummary {
    /// Articles processed and written.
    pub articles: u64,
    /// Mentions found in them.
    pub mentions: u64,
    /// Amounts found in them.
    pub amounts: u64,
    /// Relations found in them.
    pub relations: u64,
    /// Records rejected.
    pub rejects: u64,
    /// Rejects by code.
    pub rejects_by_code: BTreeMap<String, u64>,
    /// Articles skipped because an earlier run already wrote them.
    pub skipped: u64,
    /// Exact repeats (same id, same text) within this run, written once.
    pub duplicates: u64,
    /// Articles kept with no date because `published` could not be read.
    pub bad_dates: u64,
    /// Input bytes read (after decompression).
    pub bytes_read: u64,
    /// Wall-clock time.
    pub elapsed: Duration,
    /// Whether the run was stopped early (Ctrl-C) rather than reading all input.
    pub interrupted: bool,
}

impl RunSummary {
    /// Input megabytes (10^6 bytes) per second.
    pub fn mb_per_s(&self) -> f64 {
        self.bytes_read as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Articles written per second.
    pub fn articles_per_s(&self) -> f64 {
        self.articles as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

impl std::fmt::Display for RunSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} articles, {} mentions, {} amounts, {} relations",
            self.articles, self.mentions, self.amounts, self.relations
        )?;
        write!(
            f,
            "{} rejected, {} skipped (already written), {} exact duplicates",
            self.rejects, self.skipped, self.duplicates
        )?;
        if self.bad_dates > 0 {
            write!(
                f,
                ", {} kept with no date (unreadable `published`)",
                self.bad_dates
            )?;
        }
        writeln!(f)?;
        write!(
            f,
            "{:.1} MB in {:.2} s: {:.1} MB/s, {:.0} articles/s{}",
            self.bytes_read as f64 / 1e6,
            self.elapsed.as_secs_f64(),
            self.mb_per_s(),
            self.articles_per_s(),
            if self.interrupted {
                " (interrupted)"
            } else {
                ""
            }
        )
    }
}

/// Runs a [`Stage`] (usually `dealwire::Pipeline`) over inputs into a [`Sink`].
///
/// One reader thread parses records in input order, drops those already
/// written and sends the rest, in batches of up to [`BATCH_ARTICLES`] articles
/// or [`BATCH_BYTES`] of text, through a bounded queue to `threads` workers; a
/// second bounded queue carries their results to the calling thread, the only
/// one that touches the sink. Memory is bounded by the queue sizes (a few
/// batches per worker) plus the [`SeenIds`] set of article ids for duplicate
/// detection, which [`SeenIds::spilling`] bounds. Output order is completion
/// order, which may differ from input order when `threads > 1`.
pub struct Runner<'a, P: ?Sized> {
    stage: &'a P,
    opts: RunOptions,
    seen: SeenIds,
    stop: Arc<AtomicBool>,
    progress: &'a dyn Progress,
    progress_every: Duration,
}

impl<P: ?Sized> std::fmt::Debug for Runner<'_, P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runner")
            .field("opts", &self.opts)
            .field("seen", &self.seen)
            .field("stop", &self.stop)
            .finish_non_exhaustive()
    }
}

/// Most articles the reader puts in one batch. Handing articles over in
/// batches rather than one by one keeps the threads from waking each other
/// for every article, which costs most when they share one core.
pub const BATCH_ARTICLES: usize = 64;

/// Most article text (in bytes) in one batch, unless its one article is
/// larger. With the queue lengths this bounds the text in flight.
pub const BATCH_BYTES: usize = 256 * 1024;

struct Work {
    article: Article,
    content: [u8; 32],
    source: Arc<str>,
    line: Option<u64>,
}

enum Output {
    Article(Box<Extraction>, [u8; 32], Arc<str>, Option<u64>),
    Reject(Reject),
}

/// What the reader thread shares with the writer thread while it runs.
#[derive(Default)]
struct Live {
    bytes_read: AtomicU64,
    skipped: AtomicU64,
}

#[derive(Default)]
struct ReaderStats {
    skipped: u64,
    duplicates: u64,
    bad_dates: u64,
}

impl<'a, P: Stage + ?Sized> Runner<'a, P> {
    /// A runner of `stage` with default options.
    pub fn new(stage: &'a P) -> Self {
        Self {
            stage,
            opts: RunOptions::default(),
            seen: SeenIds::in_memory(),
            stop: Arc::new(AtomicBool::new(false)),
            progress: &(),
            progress_every: Duration::from_millis(200),
        }
    }

    /// Sets the options.
    pub fn options(mut self, opts: RunOptions) -> Self {
        self.opts = opts;
        self
    }

    /// The ids seen before the run: articles an earlier run wrote, which
    /// the run skips when it meets them again with the same content and
    /// rejects as `duplicate_id` with other content. The run adds every id it
    /// reads. The default set is empty and in memory.
    pub fn seen(mut self, seen: SeenIds) -> Self {
        self.seen = seen;
        self
    }

    /// A flag that stops reading when set (for Ctrl-C): articles already read
    /// are finished and written, then the sink is finished.
    pub fn stop_flag(mut self, stop: Arc<AtomicBool>) -> Self {
        self.stop = stop;
        self
    }

    /// A progress display.
    pub fn progress(mut self, progress: &'a dyn Progress) -> Self {
        self.progress = progress;
        self
    }

    /// Runs over `inputs` (in order) into `sink`.
    ///
    /// Bad records become rejects and never stop the run; only a sink error,
    /// a failure of the seen set's spill folder or a failure to start threads
    /// does.
    pub fn run<S: Sink>(
        self,
        inputs: &[Input],
        mut sink: S,
    ) -> Result<(RunSummary, S::Output), IngestError> {
        let start = Instant::now();
        let threads = match self.opts.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        let total_bytes = inputs.iter().map(Input::plain_size).sum::<Option<u64>>();
        let live = Live::default();
        let seen = self.seen;
        let mut summary = RunSummary::default();
        let stage = self.stage;
        let stop = &*self.stop;
        let read_opts = self.opts.read;

        let outcome = std::thread::scope(|s| -> Result<ReaderStats, IngestError> {
            // A few batches per worker keep every core busy while bounding memory.
            let (work_tx, work_rx) = bounded::<Vec<Work>>(threads * 2);
            let (out_tx, out_rx) = bounded::<Vec<Output>>(threads * 4);
            let reader = {
                let out_tx = out_tx.clone();
                let live = &live;
                std::thread::Builder::new()
                    .name("dealwire-reader".into())
                    .spawn_scoped(s, move || {
                        read_all(inputs, read_opts, seen, &work_tx, &out_tx, stop, live)
                    })
                    .map_err(IngestError::Thread)?
            };
            for i in 0..threads {
                let work_rx = work_rx.clone();
                let out_tx = out_tx.clone();
                std::thread::Builder::new()
                    .name(format!("dealwire-worker-{i}"))
                    .spawn_scoped(s, move || work(stage, &work_rx, &out_tx))
                    .map_err(IngestError::Thread)?;
            }
            drop(out_tx);
            drop(work_rx);

            let mut last = Instant::now();
            let mut failure = None;
            'receive: loop {
                let batch = match out_rx.recv_timeout(self.progress_every) {
                    Ok(batch) => batch,
                    Err(RecvTimeoutError::Timeout) => Vec::new(),
                    Err(RecvTimeoutError::Disconnected) => break,
                };
                for out in batch {
                    if let Err(e) = store(out, &mut sink, &mut summary) {
                        failure = Some(e);
                        break 'receive;
                    }
                }
                if last.elapsed() >= self.progress_every {
                    last = Instant::now();
                    self.progress.update(&Snapshot {
                        articles: summary.articles,
                        rejects: summary.rejects,
                        skipped: live.skipped.load(Ordering::Relaxed),
                        bytes_read: live.bytes_read.load(Ordering::Relaxed),
                        total_bytes,
                        elapsed: start.elapsed(),
                    });
                }
            }
            if let Some(e) = failure {
                // Dropping the receiver makes every pending send fail, so the
                // workers and the reader wind down on their own.
                stop.store(true, Ordering::SeqCst);
                drop(out_rx);
                let _ = reader.join();
                return Err(IngestError::Sink(Box::new(e)));
            }
            reader.join().map_err(|_| IngestError::Panicked)?
        })?;

        let output = sink.finish().map_err(|e| IngestError::Sink(Box::new(e)))?;
        summary.skipped = outcome.skipped;
        summary.duplicates = outcome.duplicates;
        summary.bad_dates = outcome.bad_dates;
        summary.bytes_read = live.bytes_read.load(Ordering::Relaxed);
        summary.interrupted = self.stop.load(Ordering::SeqCst);
        summary.elapsed = start.elapsed();
        Ok((summary, output))
    }
}

/// Hands one result to the sink and counts it; only a sink error stops the run.
fn store<S: Sink>(out: Output, sink: &mut S, summary: &mut RunSummary) -> Result<(), S::Error> {
    let reject = match out {
        Output::Article(doc, content, source, line) => {
            match sink.write_article(&doc, &hex(&content))? {
                Written::Stored => {
                    summary.articles += 1;
                    summary.mentions += doc.mentions.len() as u64;
                    summary.amounts += doc.amounts.len() as u64;
                    summary.relations += doc.relations.len() as u64;
                    return Ok(());
                }
                Written::Refused(reason) => RejectCode::BadExtraction.reject(
                    &source,
                    line,
                    Some(doc.article.id.clone()),
                    reason,
                ),
            }
        }
        Output::Reject(r) => r,
    };
    summary.rejects += 1;
    *summary
        .rejects_by_code
        .entry(reject.code.clone())
        .or_default() += 1;
    tracing::debug!(source = %reject.source, line = ?reject.line, code = %reject.code, reason = %reject.reason, "rejected");
    sink.write_reject(&reject)
}

/// What the reader has read and not yet sent: the next batch of work and
/// the rejects found meanwhile.
#[derive(Default)]
struct Pending {
    work: Vec<Work>,
    text_bytes: usize,
    rejects: Vec<Output>,
}

impl Pending {
    fn full(&self) -> bool {
        self.work.len() >= BATCH_ARTICLES
            || self.text_bytes >= BATCH_BYTES
            || self.rejects.len() >= BATCH_ARTICLES
    }

    /// Sends what is pending; false when the receivers are gone.
    fn send(&mut self, work_tx: &Sender<Vec<Work>>, out_tx: &Sender<Vec<Output>>) -> bool {
        self.text_bytes = 0;
        let work_ok = self.work.is_empty() || work_tx.send(std::mem::take(&mut self.work)).is_ok();
        let rejects_ok =
            self.rejects.is_empty() || out_tx.send(std::mem::take(&mut self.rejects)).is_ok();
        work_ok && rejects_ok
    }
}

#[allow(clippy::too_many_arguments)] // private plumbing of one thread
fn read_all(
    inputs: &[Input],
    opts: ReadOptions,
    mut seen: SeenIds,
    work_tx: &Sender<Vec<Work>>,
    out_tx: &Sender<Vec<Output>>,
    stop: &AtomicBool,
    live: &Live,
) -> Result<ReaderStats, IngestError> {
    let mut stats = ReaderStats::default();
    let mut pending = Pending::default();
    let mut base = 0;
    'inputs: for input in inputs {
        let source: Arc<str> = Arc::from(input.name());
        let mut records = Records::open(input, opts);
        while let Some(record) = records.next() {
            live.bytes_read
                .store(base + records.bytes(), Ordering::Relaxed);
            match record {
                Err(reject) => pending.rejects.push(Output::Reject(reject)),
                Ok(article) => {
                    let content = content_sha256(&article.text);
                    let key = id_key(&article.id);
                    let prev = match seen.get(key) {
                        Ok(prev) => prev,
                        Err(e) => return Err(fail(e, stop)),
                    };
                    match prev {
                        Some(prev) if prev.content == fingerprint(&content) => {
                            if prev.earlier_run {
                                stats.skipped += 1;
                                live.skipped.fetch_add(1, Ordering::Relaxed);
                            } else {
                                stats.duplicates += 1;
                            }
                        }
                        Some(prev) => {
                            let when = if prev.earlier_run {
                                "an earlier run"
                            } else {
                                "earlier in this run"
                            };
                            let reject = RejectCode::DuplicateId.reject(
                                &source,
                                records.line(),
                                Some(article.id),
                                format!("id already written by {when} with different content"),
                            );
                            pending.rejects.push(Output::Reject(reject));
                        }
                        None => {
                            let entry = Entry {
                                content: fingerprint(&content),
                                earlier_run: false,
                            };
                            if let Err(e) = seen.insert(key, entry) {
                                return Err(fail(e, stop));
                            }
                            pending.text_bytes += article.text.len();
                            pending.work.push(Work {
                                article,
                                content,
                                source: Arc::clone(&source),
                                line: records.line(),
                            });
                        }
                    }
                }
            }
            let sent = !pending.full() || pending.send(work_tx, out_tx);
            if !sent || stop.load(Ordering::SeqCst) {
                base += records.bytes();
                stats.bad_dates += records.bad_dates();
                break 'inputs;
            }
        }
        base += records.bytes();
        stats.bad_dates += records.bad_dates();
    }
    // What is left goes out even after a stop: it has been read, so it is
    // finished and written like the rest.
    pending.send(work_tx, out_tx);
    live.bytes_read.store(base, Ordering::Relaxed);
    Ok(stats)
}

/// Stops the run on a failure of the seen set: the articles already sent are
/// finished and written, the rest of the input is not read.
fn fail(e: std::io::Error, stop: &AtomicBool) -> IngestError {
    stop.store(true, Ordering::SeqCst);
    IngestError::Seen(e)
}

fn work<P: Stage + ?Sized>(stage: &P, work_rx: &Receiver<Vec<Work>>, out_tx: &Sender<Vec<Output>>) {
    for batch in work_rx {
        let done = batch.into_iter().map(|item| process(stage, item)).collect();
        if out_tx.send(done).is_err() {
            return;
        }
    }
}

fn process<P: Stage + ?Sized>(stage: &P, item: Work) -> Output {
    let id = item.article.id.clone();
    let mut doc = Extraction::new(item.article);
    // The stages only read shared, immutable data, so a panic cannot leave
    // anything half-updated that a later article would see.
    match catch_unwind(AssertUnwindSafe(|| stage.run(&mut doc))) {
        Ok(()) => Output::Article(Box::new(doc), item.content, item.source, item.line),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Output::Reject(RejectCode::PipelinePanic.reject(
                &item.source,
                item.line,
                Some(id),
                format!("pipeline panicked: {what}"),
            ))
        }
    }
}
