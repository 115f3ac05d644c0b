//! `dealwire extract`: run a pipeline over articles and write the Parquet tables.

use std::cell::Cell;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use dealwire::{Extraction, Pipeline, Reject};
use dealwire_ingest::{
    DEFAULT_MAX_ARTICLE_BYTES, DEFAULT_MEMORY_ENTRIES, Progress, ReadOptions, RunOptions, Runner,
    SeenIds, Sink, Snapshot, Written, collect_inputs,
};
use dealwire_store::{ArticleMeta, OutputWriter, StoreError, WriteSummary, WriterOptions};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Exit code of a run stopped with Ctrl-C (128 + SIGINT), as shells do.
const EXIT_INTERRUPTED: i32 = 130;

/// Arguments of `dealwire extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Input files or folders (`-` for standard input): JSON Lines or `.txt`,
    /// optionally `.gz` or `.zst`; folders are read recursively.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output folder; one sub-folder of Parquet part files per table. Articles
    /// already in it (same id and content) are skipped, so a rerun resumes.
    #[arg(long)]
    pub out: PathBuf,
    /// Pipeline file (TOML); default: the built-in default pipeline.
    #[arg(long)]
    pub pipeline: Option<PathBuf>,
    /// Worker threads; 0 means one per core.
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// No progress display (the final summary is still printed).
    #[arg(long, short)]
    pub quiet: bool,
    /// Largest input record in bytes; larger ones are rejected as `too_large`.
    #[arg(long, default_value_t = DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,
    /// Articles per Parquet part file.
    #[arg(long)]
    pub rows_per_part: Option<usize>,
}

/// Runs `dealwire extract`.
///
/// Exits the process with code 130 when stopped by Ctrl-C, after the output
/// is completed and the summary printed.
pub fn run(args: ExtractArgs) -> anyhow::Result<()> {
    // First, so that Ctrl-C while the pipeline builds also stops cleanly.
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        ctrlc::set_handler(move || {
            if stop.swap(true, Ordering::SeqCst) {
                // A second Ctrl-C: the user does not want to wait. Parts in
                // progress keep their temporary names and are ignored.
                std::process::exit(EXIT_INTERRUPTED);
            }
            eprintln!("stopping: finishing articles in flight (Ctrl-C again to abort)");
        })
        .context("installing the Ctrl-C handler")?;
    }

    let pipeline = match &args.pipeline {
        Some(path) => Pipeline::from_file(path)
            .with_context(|| format!("loading pipeline {}", path.display()))?,
        None => Pipeline::builder()
            .build()
            .context("building the default pipeline")?,
    };
    let inputs = collect_inputs(&args.inputs)?;
    let mut writer_opts = WriterOptions::default();
    if let Some(n) = args.rows_per_part {
        writer_opts.rows_per_part = n;
    }
    let writer = OutputWriter::create(&args.out, writer_opts)
        .with_context(|| format!("creating output in {}", args.out.display()))?;
    let seen = seen_ids(&args.out)?;
    let sink = StoreSink {
        writer,
        meta: ArticleMeta {
            content_sha256: String::new(),
            pipeline: format!("{}@{}", pipeline.name(), env!("CARGO_PKG_VERSION")),
            processed_at: chrono::Utc::now(),
        },
    };

    let display = Display::new(args.quiet);
    let opts = RunOptions {
        threads: args.threads,
        read: ReadOptions {
            max_article_bytes: args.max_article_bytes,
        },
    };
    let (summary, written) = Runner::new(&pipeline)
        .options(opts)
        .seen(seen)
        .stop_flag(Arc::clone(&stop))
        .progress(&display)
        .run(&inputs, sink)
        .with_context(|| format!("writing to {}", args.out.display()))?;
    display.clear();

    eprintln!("{summary}");
    eprintln!(
        "wrote {} part files to {}",
        written.parts.len(),
        args.out.display()
    );
    if summary.rejects > 0 {
        let by_code: Vec<String> = summary
            .rejects_by_code
            .iter()
            .map(|(code, n)| format!("{code}: {n}"))
            .collect();
        eprintln!(
            "rejected {} records (see {}) [{}]",
            summary.rejects,
            args.out.join("rejects").display(),
            by_code.join(", ")
        );
    }
    if summary.interrupted {
        eprintln!("interrupted: rerun the same command to resume");
        std::process::exit(EXIT_INTERRUPTED);
    }
    Ok(())
}

/// The Parquet writer as the runner's sink.
struct StoreSink {
    writer: OutputWriter,
    /// Refilled for every article, so that its strings are not allocated anew.
    meta: ArticleMeta,
}

impl Sink for StoreSink {
    type Error = StoreError;
    type Output = WriteSummary;

    fn write_article(&mut self, doc: &Extraction, sha: &str) -> Result<Written, StoreError> {
        self.meta.content_sha256.clear();
        self.meta.content_sha256.push_str(sha);
        self.meta.processed_at = chrono::Utc::now();
        match self.writer.write_article(doc, &self.meta) {
            Ok(()) => Ok(Written::Stored),
            // The writer refuses the article whole and stays usable.
            Err(e @ (StoreError::BadExtraction { .. } | StoreError::OutOfRange { .. })) => {
                Ok(Written::Refused(e.to_string()))
            }
            Err(e) => Err(e),
        }
    }

    fn write_reject(&mut self, reject: &Reject) -> Result<(), StoreError> {
        self.writer.write_reject(reject)
    }

    fn finish(self) -> Result<WriteSummary, StoreError> {
        self.writer.finish()
    }
}

/// Folder under the output where the set of seen article ids spills; the
/// dot keeps it out of globs over the table folders, and the run removes it.
const SEEN_DIR: &str = ".dealwire-seen";

/// The ids of the articles already in `out`, in a set that spills to
/// [`SEEN_DIR`] past [`DEFAULT_MEMORY_ENTRIES`] ids, so that memory stays
/// bounded however much an earlier run wrote.
fn seen_ids(out: &Path) -> anyhow::Result<SeenIds> {
    let dir = out.join(SEEN_DIR);
    let mut seen = SeenIds::spilling(dir.clone(), DEFAULT_MEMORY_ENTRIES)
        .with_context(|| format!("creating {}", dir.display()))?;
    let mut failure = None;
    dealwire_store::for_each_done_article(out, |id, hash| {
        if failure.is_none() {
            // A hash that is not hex cannot match any text: such a row is left out.
            if let Err(e) = seen.add_done(id, hash) {
                failure = Some(e);
            }
        }
    })
    .with_context(|| format!("reading finished articles in {}", out.display()))?;
    match failure {
        Some(e) => Err(e).with_context(|| format!("writing to {}", dir.display())),
        None => Ok(seen),
    }
}

/// Progress on stderr: a bar on a terminal, a log line every few seconds
/// otherwise, nothing with `--quiet`.
enum Display {
    Quiet,
    Bar(ProgressBar),
    Lines { last: Cell<Instant> },
}

/// Time between two plain progress lines.
const LOG_EVERY: Duration = Duration::from_secs(5);

impl Display {
    fn new(quiet: bool) -> Self {
        if quiet {
            Display::Quiet
        } else if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            Display::Bar(bar)
        } else {
            Display::Lines {
                last: Cell::new(Instant::now()),
            }
        }
    }

    fn clear(&self) {
        if let Display::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}

fn rates(s: &Snapshot) -> String {
    let secs = s.elapsed.as_secs_f64().max(1e-9);
    format!(
        "{} articles ({:.0}/s), {:.1} MB/s, {} rejected, {} skipped",
        s.articles,
        s.articles as f64 / secs,
        s.bytes_read as f64 / 1e6 / secs,
        s.rejects,
        s.skipped
    )
}

impl Progress for Display {
    fn update(&self, s: &Snapshot) {
        match self {
            Display::Quiet => {}
            Display::Bar(bar) => {
                if bar.length().is_none() {
                    let style = match s.total_bytes {
                        Some(total) => {
                            bar.set_length(total);
                            ProgressStyle::with_template(
                                "{wide_bar} {bytes}/{total_bytes} ETA {eta}\n{msg}",
                            )
                        }
                        None => ProgressStyle::with_template("{spinner} {bytes} read\n{msg}"),
                    };
                    if let Ok(style) = style {
                        bar.set_style(style);
                    }
                }
                bar.set_position(s.bytes_read);
                bar.set_message(rates(s));
            }
            Display::Lines { last } => {
                if last.get().elapsed() >= LOG_EVERY {
                    last.set(Instant::now());
                    let pct = s
                        .total_bytes
                        .filter(|&t| t > 0)
                        .map(|t| format!(" [{:.0}%]", s.bytes_read as f64 * 100.0 / t as f64))
                        .unwrap_or_default();
                    eprintln!("progress: {}{pct}", rates(s));
                }
            }
        }
    }
}
