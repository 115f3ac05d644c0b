//! Finding input files and opening them, decompressing on the fly.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::IngestError;

/// How the records of an input are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    JsonLines,
    /// The whole file is one article's text.
    Text,
}

/// How an input is compressed, from its file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    /// Plain bytes.
    None,
    /// gzip, possibly several members one after the other (`.gz`).
    Gzip,
    /// Zstandard, possibly several frames (`.zst`).
    Zstd,
}

impl Compression {
    /// The format name used in messages.
    pub const fn as_str(self) -> &'static str {
        match self {
            Compression::None => "plain",
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }
}

/// Where an input's bytes come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// Standard input (`-`), read as JSON Lines.
    Stdin,
    /// A file.
    File(PathBuf),
}

/// One input to read: a file (found directly or in a folder) or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// Where the bytes come from.
    pub location: Location,
    /// Record layout.
    pub format: Format,
    /// Compression.
    pub compression: Compression,
    /// Article id for [`Format::Text`] inputs: the path below the folder named
    /// on the command line (or the file name), without its extensions.
    pub text_id: String,
}

/// Folders nested deeper than this are not entered (guards against symlink loops).
const MAX_DEPTH: usize = 64;

impl Input {
    /// An input for one file, its format and compression from its name.
    ///
    /// Names ending in `.txt` (optionally `.txt.gz`, `.txt.zst`) are text
    /// files; everything else is read as JSON Lines.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (compression, stem) = split_compression(&name);
        let format = if has_ext(stem, "txt") {
            Format::Text
        } else {
            Format::JsonLines
        };
        let text_id = strip_ext(stem).to_owned();
        Self {
            location: Location::File(path),
            format,
            compression,
            text_id,
        }
    }

    /// Standard input, read as plain JSON Lines.
    pub fn stdin() -> Self {
        Self {
            location: Location::Stdin,
            format: Format::JsonLines,
            compression: Compression::None,
            text_id: "-".to_owned(),
        }
    }

    /// The name used in the `source` column of rejects: the path, or `-`.
    pub fn name(&self) -> String {
        match &self.location {
            Location::Stdin => "-".to_owned(),
            Location::File(p) => p.display().to_string(),
        }
    }

    /// Size on disk in bytes when it is a regular uncompressed file, for ETAs.
    pub fn plain_size(&self) -> Option<u64> {
        match (&self.location, self.compression) {
            (Location::File(p), Compression::None) => std::fs::metadata(p).ok().map(|m| m.len()),
            _ => None,
        }
    }

    /// Opens the input, decompressing as its name says.
    pub fn open(&self) -> std::io::Result<Box<dyn BufRead>> {
        // Large buffers: reads dominate on fast disks and syscalls are per buffer.
        const BUF: usize = 256 * 1024;
        let raw: Box<dyn Read> = match &self.location {
            Location::Stdin => Box::new(std::io::stdin()),
            Location::File(p) => Box::new(File::open(p)?),
        };
        Ok(match self.compression {
            Compression::None => Box::new(BufReader::with_capacity(BUF, raw)),
            Compression::Gzip => Box::new(BufReader::with_capacity(
                BUF,
                flate2::read::MultiGzDecoder::new(BufReader::with_capacity(BUF, raw)),
            )),
            Compression::Zstd => Box::new(BufReader::with_capacity(
                BUF,
                zstd::stream::read::Decoder::new(raw)?,
            )),
        })
    }
}

/// Expands the inputs named on the command line: `-` is standard input, a
/// file is itself, a folder is every `.jsonl`, `.ndjson`, `.json` and `.txt`
/// file below it (and their `.gz`/`.zst` forms), recursively, sorted by path;
/// hidden files and other extensions in folders are skipped.
///
/// A named input that does not exist is an error: nothing has run yet, and a
/// typo should not look like an empty corpus.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<Input>, IngestError> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Input::stdin());
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|source| IngestError::Input {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk(path, path, 0, &mut out)?;
        } else {
            out.push(Input::file(path));
        }
    }
    Ok(out)
}

fn walk(root: &Path, dir: &Path, depth: usize, out: &mut Vec<Input>) -> Result<(), IngestError> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let err = |source| IngestError::Input {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries = std::fs::read_dir(dir)
        .map_err(err)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(err)?;
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, depth + 1, out)?;
            continue;
        }
        let (_, stem) = split_compression(&name);
        if ["jsonl", "ndjson", "json", "txt"]
            .iter()
            .any(|e| has_ext(stem, e))
        {
            let mut input = Input::file(&path);
            if input.format == Format::Text {
                input.text_id = relative_id(root, &path);
            }
            out.push(input);
        }
    }
    Ok(())
}

/// `root/2025/acme.txt.gz` → `2025/acme`, with `/` separators on every platform.
fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.last_mut() {
        let (_, stem) = split_compression(last);
        *last = strip_ext(stem).to_owned();
    }
    parts.join("/")
}

fn split_compression(name: &str) -> (Compression, &str) {
    if let Some(stem) = name.strip_suffix(".gz") {
        (Compression::Gzip, stem)
    } else if let Some(stem) = name.strip_suffix(".zst") {
        (Compression::Zstd, stem)
    } else {
        (Compression::None, name)
    }
}

fn has_ext(name: &str, ext: &str) -> bool {
    name.len() > ext.len() + 1
        && name.ends_with(ext)
        && name.as_bytes()[name.len() - ext.len() - 1] == b'.'
}

fn strip_ext(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_and_compression_come_from_the_name() {
        let i = Input::file("a/b/news.jsonl.gz");
        assert_eq!(
            (i.format, i.compression),
            (Format::JsonLines, Compression::Gzip)
        );
        let i = Input::file("x/story.txt.zst");
        assert_eq!((i.format, i.compression), (Format::Text, Compression::Zstd));
        assert_eq!(i.text_id, "story");
        let i = Input::file("feed.dat");
        assert_eq!(
            (i.format, i.compression),
            (Format::JsonLines, Compression::None)
        );
    }

    #[test]
    fn folders_are_walked_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        for f in [
            "z.jsonl",
            "a.txt",
            "b/c/deep.txt.gz",
            "b/x.ndjson.zst",
            "notes.md",
            ".hidden.jsonl",
        ] {
            std::fs::write(root.join(f), b"").unwrap();
        }
        let inputs = collect_inputs(&[root.to_path_buf()]).unwrap();
        let names: Vec<String> = inputs
            .iter()
            .map(|i| {
                let Location::File(p) = &i.location else {
                    panic!("file expected")
                };
                p.strip_prefix(root).unwrap().display().to_string()
            })
            .collect();
        assert_eq!(
            names,
            ["a.txt", "b/c/deep.txt.gz", "b/x.ndjson.zst", "z.jsonl"]
        );
        assert_eq!(inputs[1].text_id, "b/c/deep");
        assert_eq!(inputs[0].text_id, "a");
    }

    #[test]
    fn missing_input_is_an_error_and_dash_is_stdin() {
        let err = collect_inputs(&[PathBuf::from("/nonexistent/dealwire/x.jsonl")]);
        assert!(matches!(err, Err(IngestError::Input { .. })));
        let inputs = collect_inputs(&[PathBuf::from("-")]).unwrap();
        assert_eq!(inputs, [Input::stdin()]);
        assert_eq!(inputs[0].name(), "-");
    }
}
