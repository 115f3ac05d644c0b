//! The training-data format of `models/relations-train/*.tsv`.
//!
//! One example per line: a label, a tab, and a sentence whose two parties are
//! written `[[Name]]`. Marks with the same name are the same party; exactly two
//! names must be marked. The label reads the parties in text order: `1` is the
//! party marked first. Lines starting with `#` and blank lines are skipped.
//!
//! ```text
//! investor(1,2)<TAB>[[Sequoia]] led a $60 million round in [[Brightloop]].
//! acquirer(2,1)<TAB>[[Brightloop]] was bought by [[Oracle]] last year.
//! rival<TAB>[[Lyft]] and [[Uber]] are fighting for drivers.
//! none<TAB>[[Apple]] shares rose while [[Samsung]] reported earnings.
//! ```

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::{BertError, Label, MarkedPair, mark};

/// One labelled marked pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// What the head should predict.
    pub label: Label,
    /// The marked views.
    pub pair: MarkedPair,
    /// Where it came from (`file:line`, or `article id:sentence`).
    pub origin: String,
}

/// A sentence with its `[[ ]]` marks taken out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkedText {
    /// The text without the brackets.
    pub text: String,
    /// Byte ranges of the party marked first.
    pub first: Vec<Range<usize>>,
    /// Byte ranges of the other party.
    pub second: Vec<Range<usize>>,
}

/// Parses a sentence with two `[[ ]]`-marked parties.
pub fn parse_marked(sentence: &str) -> Result<MarkedText, String> {
    let mut text = String::with_capacity(sentence.len());
    let mut names: Vec<&str> = Vec::new();
    let mut ranges: [Vec<Range<usize>>; 2] = [Vec::new(), Vec::new()];
    let mut rest = sentence;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after
            .find("]]")
            .ok_or_else(|| "a [[ without its ]]".to_owned())?;
        let name = &after[..close];
        if name.is_empty() || name.contains("[[") {
            return Err("an empty or nested [[ ]] mark".to_owned());
        }
        let party = match names.iter().position(|n| *n == name) {
            Some(p) => p,
            None if names.len() < 2 => {
                names.push(name);
                names.len() - 1
            }
            None => return Err("more than two parties are marked".to_owned()),
        };
        ranges[party].push(text.len()..text.len() + name.len());
        text.push_str(name);
        rest = &after[close + 2..];
    }
    if rest.contains("]]") {
        return Err("a ]] without its [[".to_owned());
    }
    text.push_str(rest);
    if names.len() != 2 {
        return Err(format!(
            "exactly two parties must be marked, found {}",
            names.len()
        ));
    }
    let [first, second] = ranges;
    Ok(MarkedText {
        text,
        first,
        second,
    })
}

/// Parses one `label<TAB>sentence` line into an example.
pub fn parse_marked_line(line: &str) -> Result<(Label, MarkedPair), String> {
    let (label, sentence) = line
        .split_once('\t')
        .ok_or_else(|| "expected LABEL<TAB>SENTENCE".to_owned())?;
    let label: Label = label.parse().map_err(|e| format!("{e}"))?;
    let MarkedText {
        text,
        first,
        second,
    } = parse_marked(sentence.trim())?;
    // parse_marked lists the first-marked party first, so mark() never swaps them.
    let (pair, _) = mark(&text, &first, &second).map_err(|e| e.to_string())?;
    Ok((label, pair))
}

/// Reads training examples from files and folders: `*.tsv` in the marked format,
/// `*.jsonl` in the gold format. Folders are read in file-name order.
pub fn load_examples(paths: &[PathBuf]) -> Result<Vec<Example>, BertError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|source| BertError::Io {
                path: path.clone(),
                source,
            })?;
            let mut inside: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| has_extension(p, "tsv") || has_extension(p, "jsonl"))
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(path.clone());
        }
    }
    let mut examples = Vec::new();
    for file in files {
        if has_extension(&file, "jsonl") {
            for article in crate::read_gold(&file)? {
                examples.extend(crate::gold_examples(&article));
            }
        } else {
            examples.extend(read_marked_file(&file)?);
        }
    }
    Ok(examples)
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension().is_some_and(|e| e == ext)
}

fn read_marked_file(path: &Path) -> Result<Vec<Example>, BertError> {
    let text = std::fs::read_to_string(path).map_err(|source| BertError::Io {
        path: path.to_owned(),
        source,
    })?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (label, pair) = parse_marked_line(line).map_err(|reason| BertError::Data {
            path: path.to_owned(),
            line: i + 1,
            reason,
        })?;
        out.push(Example {
            label,
            pair,
            origin: format!("{name}:{}", i + 1),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use dealwire_core::RelationType;

    use super::*;
    use crate::Party;

    #[test]
    fn parses_a_marked_line() {
        let (label, pair) =
            parse_marked_line("acquirer(2,1)\t[[Brightloop]] was bought by [[Oracle]] in May.")
                .unwrap();
        assert_eq!(
            label,
            Label::relation(RelationType::Acquirer, Party::Second)
        );
        assert_eq!(pair.sentence, "[E1] was bought by [E2] in May.");
        assert_eq!(pair.core, "[E1] was bought by [E2]");
    }

    #[test]
    fn repeated_names_are_one_party() {
        let MarkedText {
            text,
            first: a,
            second: b,
        } = parse_marked("[[Kite]] said [[Hale]] owns [[Kite]] now.").unwrap();
        assert_eq!(text, "Kite said Hale owns Kite now.");
        assert_eq!(
            a.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(),
            ["Kite", "Kite"]
        );
        assert_eq!(&text[b[0].clone()], "Hale");
    }

    #[test]
    fn rejects_malformed_lines() {
        for bad in [
            "investor(1,2) no tab here",
            "investor(1,2)\tOnly [[One]] party.",
            "investor(1,2)\t[[A]] and [[B]] and [[C]].",
            "investor(1,2)\t[[A]] and [[B.",
            "investor(1,2)\t[[A]] and B]].",
            "acquirer\t[[A]] bought [[B]].",
            "buyer(1,2)\t[[A]] bought [[B]].",
        ] {
            assert!(parse_marked_line(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn reads_files_with_comments_and_reports_line_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("a.tsv");
        std::fs::write(
            &good,
            "# comment\n\nrival\t[[Lyft]] competes with [[Uber]].\n",
        )
        .unwrap();
        let examples = load_examples(&[dir.path().to_owned()]).unwrap();
        assert_eq!(examples.len(), 1);
        assert_eq!(examples[0].origin, "a.tsv:3");
        std::fs::write(dir.path().join("b.tsv"), "none\tno marks\n").unwrap();
        let err = load_examples(&[dir.path().to_owned()])
            .unwrap_err()
            .to_string();
        assert!(
            err.ends_with("b.tsv:1: exactly two parties must be marked, found 0"),
            "{err}"
        );
    }
}
