//! Checks on the gold corpus in `../shared/corpus` (skipped when absent).
//!
//! Only behaviour that must hold on any news text is checked: no split right
//! after a title or "e.g.", splits after soft abbreviations only before a
//! sentence starter, no sentence that starts in lower case after a period,
//! and plausible sentence lengths.

use std::path::Path;

use dealwire_core::{Article, Extraction, Stage};
use dealwire_text::Tokenizer;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

/// Abbreviations after which no sentence may end.
const NEVER: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "vs.", "e.g.", "i.e.", "approx.",
];

/// Abbreviations after which a sentence may end only before a common starter.
const SOFT: &[&str] = &[
    "Inc.", "Corp.", "Co.", "Ltd.", "Bros.", "U.S.", "U.K.", "U.N.", "E.U.", "St.", "No.", "Jan.",
    "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
];

/// A sentence may start with one of these after a soft abbreviation.
const STARTERS: &[&str] = &[
    "The", "It", "A", "An", "This", "That", "He", "She", "They", "We", "In", "On", "But", "And",
    "However", "Its", "Their", "Shares",
];

type Loaded = Result<Option<Vec<serde_json::Value>>, Box<dyn std::error::Error>>;

/// Every gold record, or `None` when the corpus folder is absent.
fn load() -> Loaded {
    let dir = Path::new(CORPUS);
    if !dir.is_dir() {
        eprintln!("note: {CORPUS} is absent; corpus checks skipped");
        return Ok(None);
    }
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "jsonl") {
            paths.push(path);
        }
    }
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        for line in std::fs::read_to_string(&path)?.lines() {
            if !line.trim().is_empty() {
                out.push(serde_json::from_str(line)?);
            }
        }
    }
    Ok(Some(out))
}

fn articles(records: &[serde_json::Value]) -> Vec<(String, String)> {
    records
        .iter()
        .map(|v| {
            let id = v["id"].as_str().unwrap_or("?").to_owned();
            let text = v["text"].as_str().unwrap_or_default().to_owned();
            (id, text)
        })
        .collect()
}

#[test]
fn corpus_sentences_are_sane() {
    let Some(records) = load().unwrap() else {
        return;
    };
    let articles = articles(&records);
    assert!(!articles.is_empty());
    let tokenizer = Tokenizer::new();
    let mut problems = Vec::new();
    let (mut sentences, mut bytes) = (0usize, 0usize);
    for (id, text) in &articles {
        let mut doc = Extraction::new(Article::new(id.as_str(), text.as_str()));
        tokenizer.run(&mut doc);
        let text = text.as_str();
        assert!(doc.sentences.len() >= doc.paragraphs.len(), "{id}");
        // A full stop, question or exclamation mark followed by a space and a
        // capital is a lower bound on the real sentence count, up to abbreviations.
        let marks = text.matches(". ").count() + text.matches("? ").count();
        assert!(
            doc.sentences.len() * 2 >= marks,
            "{id}: {} sentences for {marks} end marks",
            doc.sentences.len()
        );
        for (i, s) in doc.sentences.iter().enumerate() {
            let st = &text[s.span];
            sentences += 1;
            bytes += st.len();
            let next = doc
                .sentences
                .get(i + 1)
                .filter(|n| n.paragraph == s.paragraph);
            let next_word = next.map(|n| {
                text[n.span]
                    .trim_start_matches(['“', '"', '‘', '(', '['])
                    .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                    .next()
                    .unwrap_or_default()
            });
            if NEVER.iter().any(|a| st.ends_with(&format!(" {a}"))) && next.is_some() {
                problems.push(format!("{id}: split after title: {st:?}"));
            }
            if let Some(w) = next_word {
                if SOFT.iter().any(|a| st.ends_with(&format!(" {a}"))) && !STARTERS.contains(&w) {
                    problems.push(format!("{id}: split after abbreviation: {st:?} | {w}"));
                }
                // "xAI" and "iPhone" may open a sentence; plain lower case may not.
                if st.ends_with('.') && !w.is_empty() && w.chars().all(|c| !c.is_uppercase()) {
                    problems.push(format!("{id}: next sentence starts in lower case: {st:?}"));
                }
            }
            if st.len() > 1500 {
                problems.push(format!("{id}: {}-byte sentence", st.len()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let mean = bytes / sentences.max(1);
    eprintln!(
        "{} articles, {sentences} sentences, mean {mean} bytes",
        articles.len()
    );
    assert!(
        (40..=400).contains(&mean),
        "mean sentence length {mean} bytes"
    );
}

/// Most gold evidence strings are one sentence or a piece of one; a handful
/// legitimately span two, so the bar is a share, not all of them.
#[test]
fn gold_evidence_mostly_within_one_sentence() {
    let Some(records) = load().unwrap() else {
        return;
    };
    let tokenizer = Tokenizer::new();
    let (mut inside, mut total) = (0usize, 0usize);
    let mut outside = Vec::new();
    for v in &records {
        let text = v["text"].as_str().unwrap_or_default();
        let mut doc = Extraction::new(Article::new("g", text));
        tokenizer.run(&mut doc);
        let relations = v["relations"].as_array().cloned().unwrap_or_default();
        for r in relations {
            let Some(ev) = r["evidence"].as_str() else {
                continue;
            };
            let Some(at) = text.find(ev) else { continue };
            let end = at + ev.trim_end_matches(['.', ' ']).len();
            total += 1;
            match doc.sentence_at(at) {
                Some(i) if doc.sentences[i].span.end() >= end => inside += 1,
                _ => outside.push(ev.to_owned()),
            }
        }
    }
    eprintln!("{inside} of {total} evidence strings inside one sentence");
    for ev in &outside {
        eprintln!("  across sentences: {ev:?}");
    }
    assert!(total > 0);
    assert!(inside * 100 >= total * 90, "{inside} of {total}");
}
