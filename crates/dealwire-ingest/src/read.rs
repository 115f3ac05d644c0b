//! Record readers: JSON Lines and plain-text articles.

use std::io::{BufRead, Read};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use dealwire_core::{Article, Reject};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::RejectCode;
use crate::input::{Compression, Format, Input};

/// One input record: an article, or the reason it could not be read.
pub type Record = Result<Article, Reject>;

/// Default limit on one raw record (a JSON line or a text file): 5 MiB.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 5 * 1024 * 1024;

/// How records are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest raw record, in bytes after decompression; larger ones are
    /// rejected as `too_large` without being held in memory.
    pub max_article_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The id given to an article whose input has none: `sha256:` and the first
/// 16 hex digits of the SHA-256 of its text, so it is stable across runs.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut id = String::with_capacity(7 + 16);
    id.push_str("sha256:");
    push_hex(&mut id, &digest[..8]);
    id
}

/// SHA-256 of the article text: the `content_sha256` used to tell a rerun of
/// the same article from a different article with the same id.
pub fn content_sha256(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

/// Lower-case hex of a digest.
pub fn hex(digest: &[u8]) -> String {
    let mut s = String::with_capacity(digest.len() * 2);
    push_hex(&mut s, digest);
    s
}

/// Table look-ups rather than `{:02x}`: the writer formats a digest for every
/// article, and the formatting machinery costs a hundred times more.
fn push_hex(s: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for &b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
}

/// Parses a `published` value: a date (`2025-11-03`, midnight UTC), an
/// RFC 3339 time (converted to UTC), a time without offset (taken as UTC), or
/// an RFC 2822 time. `None` when it is none of these.
pub fn parse_published(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t.and_utc());
        }
    }
    DateTime::parse_from_rfc2822(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawId {
    Text(String),
    Int(i64),
}

#[derive(Deserialize)]
struct RawArticle {
    id: Option<RawId>,
    title: Option<String>,
    text: Option<String>,
    body: Option<String>,
    // Any JSON type: a wrong one is a bad date (kept as null), not a bad record.
    published: Option<serde_json::Value>,
    url: Option<String>,
    source: Option<String>,
}

/// What happened to one line read.
enum Line {
    Eof,
    /// The line (without its newline) is in the buffer.
    Ok,
    /// The line was longer than the limit; its bytes were skipped.
    TooLong(u64),
    /// The underlying reader failed (a truncated or corrupt stream).
    Failed(std::io::Error),
}

/// Reads JSON Lines: one article object per line.
///
/// Blank lines are skipped (and counted); every other line becomes exactly one
/// [`Record`]. `\r\n` endings and a UTF-8 byte-order mark are accepted. Lines
/// are read with a size cap, so a huge line never sits in memory whole.
#[derive(Debug)]
pub struct JsonlReader<R> {
    reader: R,
    source: String,
    opts: ReadOptions,
    compression: Compression,
    buf: Vec<u8>,
    line: u64,
    blank_lines: u64,
    bad_dates: u64,
    bytes: u64,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader of `reader`, naming `source` in rejects. `compression` only
    /// chooses the reject code of a read failure (`truncated` for compressed
    /// streams, `unreadable` otherwise).
    pub fn new(
        reader: R,
        source: impl Into<String>,
        opts: ReadOptions,
        compression: Compression,
    ) -> Self {
        Self {
            reader,
            source: source.into(),
            opts,
            compression,
            buf: Vec::new(),
            line: 0,
            blank_lines: 0,
            bad_dates: 0,
            bytes: 0,
            done: false,
        }
    }

    /// Lines read so far, blank ones included.
    pub fn lines(&self) -> u64 {
        self.line
    }

    /// Blank (empty or white-space) lines skipped so far.
    pub fn blank_lines(&self) -> u64 {
        self.blank_lines
    }

    /// Articles kept with no date because `published` could not be read.
    pub fn bad_dates(&self) -> u64 {
        self.bad_dates
    }

    /// Bytes consumed so far (after decompression).
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    fn read_line(&mut self) -> Line {
        self.buf.clear();
        let limit = self.opts.max_article_bytes;
        let mut skipped: u64 = 0;
        let mut any = false;
        loop {
            let avail = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Line::Failed(e),
            };
            if avail.is_empty() {
                if !any {
                    return Line::Eof;
                }
                break;
            }
            any = true;
            let (chunk, used, end) = match avail.iter().position(|&b| b == b'\n') {
                Some(i) => (&avail[..i], i + 1, true),
                None => (avail, avail.len(), false),
            };
            if skipped > 0 || self.buf.len() + chunk.len() > limit {
                skipped += (self.buf.len() + chunk.len()) as u64;
                self.buf.clear();
            } else {
                self.buf.extend_from_slice(chunk);
            }
            self.reader.consume(used);
            self.bytes += used as u64;
            if end {
                break;
            }
        }
        if skipped > 0 {
            Line::TooLong(skipped)
        } else {
            Line::Ok
        }
    }

    fn reject(&self, code: RejectCode, id: Option<String>, reason: impl Into<String>) -> Reject {
        code.reject(&self.source, Some(self.line), id, reason)
    }

    fn parse(&mut self) -> Option<Record> {
        let mut bytes = self.buf.as_slice();
        if self.line == 1 {
            bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
        }
        bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            self.blank_lines += 1;
            return None;
        }
        // Parsing the checked `&str` rather than the bytes spares serde_json a
        // second UTF-8 check of every string.
        let line = match std::str::from_utf8(bytes) {
            Ok(line) => line,
            Err(e) => {
                return Some(Err(self.reject(
                    RejectCode::InvalidUtf8,
                    None,
                    format!("invalid UTF-8 at byte {}", e.valid_up_to()),
                )));
            }
        };
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        if first != Some(&b'{') {
            let code = match serde_json::from_str::<serde::de::IgnoredAny>(line) {
                Ok(_) => RejectCode::NotObject,
                Err(_) => RejectCode::NotJson,
            };
            let reason = match code {
                RejectCode::NotObject => "valid JSON but not an object".to_owned(),
                _ => "not JSON".to_owned(),
            };
            return Some(Err(self.reject(code, None, reason)));
        }
        let raw: RawArticle = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                let code = match e.classify() {
                    serde_json::error::Category::Data => RejectCode::BadField,
                    _ => RejectCode::NotJson,
                };
                return Some(Err(self.reject(code, None, e.to_string())));
            }
        };
        Some(self.build(raw))
    }

    fn build(&mut self, raw: RawArticle) -> Record {
        let id = match raw.id {
            Some(RawId::Text(s)) if !s.trim().is_empty() => Some(s),
            Some(RawId::Int(n)) => Some(n.to_string()),
            _ => None,
        };
        let text = [raw.text, raw.body]
            .into_iter()
            .flatten()
            .find(|t| !t.trim().is_empty());
        let Some(text) = text else {
            return Err(self.reject(
                RejectCode::EmptyText,
                id,
                "no `text` or `body`, or only white space",
            ));
        };
        let published = match &raw.published {
            None | Some(serde_json::Value::Null) => None,
            Some(v) => {
                let parsed = v.as_str().and_then(parse_published);
                if parsed.is_none() {
                    self.bad_dates += 1;
                    tracing::warn!(
                        source = %self.source,
                        line = self.line,
                        published = %v,
                        "unreadable `published`; article kept with no date"
                    );
                }
                parsed
            }
        };
        Ok(Article {
            id: id.unwrap_or_else(|| content_id(&text)),
            title: raw.title.filter(|t| !t.trim().is_empty()),
            text,
            published,
            url: raw.url,
            source: raw.source,
        })
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            let line = self.read_line();
            match line {
                Line::Eof => self.done = true,
                Line::Failed(e) => {
                    self.done = true;
                    let good = self.line;
                    let (code, what) = match self.compression {
                        Compression::None => (RejectCode::Unreadable, "read error"),
                        c => (RejectCode::Truncated, c.as_str()),
                    };
                    let reason = match code {
                        RejectCode::Truncated => format!(
                            "{what} stream truncated or corrupt after line {good} \
                             (records up to line {good} were kept): {e}"
                        ),
                        _ => format!("{what} after line {good}: {e}"),
                    };
                    return Some(Err(code.reject(&self.source, Some(good + 1), None, reason)));
                }
                Line::TooLong(n) => {
                    self.line += 1;
                    let limit = self.opts.max_article_bytes;
                    return Some(Err(self.reject(
                        RejectCode::TooLarge,
                        None,
                        format!("record of {n} bytes is over the {limit}-byte limit"),
                    )));
                }
                Line::Ok => {
                    self.line += 1;
                    if let Some(record) = self.parse() {
                        return Some(record);
                    }
                }
            }
        }
        None
    }
}

/// Reads a whole plain-text article.
///
/// The first line is the title when it is at most 200 characters and is
/// followed by a blank line; the text is then what follows the blank line.
/// Otherwise the whole file is the text and there is no title. A UTF-8
/// byte-order mark is dropped; line endings are kept as they are.
pub fn read_text_article(
    reader: impl Read,
    source: &str,
    id: &str,
    opts: ReadOptions,
    compression: Compression,
) -> Record {
    let reject = |code: RejectCode, reason: String| {
        Err(code.reject(source, None, Some(id.to_owned()), reason))
    };
    let limit = opts.max_article_bytes;
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    if let Err(e) = reader.take(cap).read_to_end(&mut bytes) {
        return match compression {
            Compression::None => reject(RejectCode::Unreadable, format!("read error: {e}")),
            c => reject(
                RejectCode::Truncated,
                format!("{} stream truncated or corrupt: {e}", c.as_str()),
            ),
        };
    }
    if bytes.len() > limit {
        return reject(
            RejectCode::TooLarge,
            format!("text file over the {limit}-byte limit"),
        );
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return reject(
                RejectCode::InvalidUtf8,
                format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            );
        }
    };
    if text.trim().is_empty() {
        return reject(RejectCode::EmptyText, "empty text file".to_owned());
    }
    let (title, body) = split_title(text);
    Ok(Article {
        id: id.to_owned(),
        title: title.map(str::to_owned),
        text: body.to_owned(),
        ..Article::default()
    })
}

fn split_title(text: &str) -> (Option<&str>, &str) {
    let Some(nl) = text.find('\n') else {
        return (None, text);
    };
    let first = text[..nl].trim_end_matches('\r').trim();
    let rest = &text[nl + 1..];
    let after_blank = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'));
    match after_blank {
        Some(body)
            if !first.is_empty() && first.chars().count() <= 200 && !body.trim().is_empty() =>
        {
            (Some(first), body.trim_start_matches(['\r', '\n']))
        }
        _ => (None, text),
    }
}

/// The records of one input, whatever its format.
#[derive(Debug)]
pub struct Records {
    inner: Inner,
}

enum Inner {
    Lines(JsonlReader<Box<dyn BufRead>>),
    One(Option<Record>, u64),
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Inner::Lines(r) => f
                .debug_struct("Lines")
                .field("source", &r.source)
                .field("line", &r.line)
                .finish(),
            Inner::One(r, _) => f.debug_tuple("One").field(r).finish(),
        }
    }
}

impl Records {
    /// Opens `input`. A file that cannot be opened yields one `unreadable` reject.
    pub fn open(input: &Input, opts: ReadOptions) -> Self {
        let name = input.name();
        let reader = match input.open() {
            Ok(r) => r,
            Err(e) => {
                let reject =
                    RejectCode::Unreadable.reject(&name, None, None, format!("cannot open: {e}"));
                return Self {
                    inner: Inner::One(Some(Err(reject)), 0),
                };
            }
        };
        let inner = match input.format {
            Format::JsonLines => {
                Inner::Lines(JsonlReader::new(reader, name, opts, input.compression))
            }
            Format::Text => {
                let mut counted = CountingRead {
                    inner: reader,
                    count: 0,
                };
                let record =
                    read_text_article(&mut counted, &name, &input.text_id, opts, input.compression);
                Inner::One(Some(record), counted.count)
            }
        };
        Self { inner }
    }

    /// Bytes read so far (after decompression).
    pub fn bytes(&self) -> u64 {
        match &self.inner {
            Inner::Lines(r) => r.bytes(),
            Inner::One(_, n) => *n,
        }
    }

    /// Line number of the last record read (JSON Lines only).
    pub fn line(&self) -> Option<u64> {
        match &self.inner {
            Inner::Lines(r) => Some(r.lines()),
            Inner::One(..) => None,
        }
    }

    /// Articles kept with no date because `published` could not be read.
    pub fn bad_dates(&self) -> u64 {
        match &self.inner {
            Inner::Lines(r) => r.bad_dates(),
            Inner::One(..) => 0,
        }
    }
}

impl Iterator for Records {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        match &mut self.inner {
            Inner::Lines(r) => r.next(),
            Inner::One(r, _) => r.take(),
        }
    }
}

struct CountingRead<R> {
    inner: R,
    count: u64,
}

impl<R: Read> Read for CountingRead<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}
