//! Table-driven money cases from `fixtures/money/*.toml`.
//!
//! Each `[[case]]` has a `text` and either `expect_none = true`, one expected
//! amount written inline (`span`, `value`, optional `high`, `currency`,
//! `qualifier`, `kind`), or a list `amounts = [{ span = ..., value = ... }, ...]`.
//! The tagger must find exactly those amounts, in order.

// Tests fail loudly on a bad fixture or corpus file; that is what unwrap is for here.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::str::FromStr;

use dealwire_core::{Amount, Decimal};
use dealwire_tag::MoneyTagger;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    #[serde(default)]
    expect_none: bool,
    span: Option<String>,
    value: Option<String>,
    high: Option<String>,
    currency: Option<String>,
    qualifier: Option<String>,
    kind: Option<String>,
    #[serde(default)]
    amounts: Vec<Expected>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    span: String,
    value: String,
    high: Option<String>,
    #[serde(default = "usd")]
    currency: String,
    #[serde(default = "exact")]
    qualifier: String,
    #[serde(default = "total")]
    kind: String,
}

fn usd() -> String {
    "USD".into()
}
fn exact() -> String {
    "exact".into()
}
fn total() -> String {
    "total".into()
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/money")
}

fn load() -> Vec<(String, Case)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let file: File =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        cases.extend(file.case.into_iter().map(|c| (name.clone(), c)));
    }
    cases
}

fn expected_of(case: &Case) -> Vec<Expected> {
    let single = case.span.as_ref().map(|span| Expected {
        span: span.clone(),
        value: case
            .value
            .clone()
            .expect("a case with a span needs a value"),
        high: case.high.clone(),
        currency: case.currency.clone().unwrap_or_else(usd),
        qualifier: case.qualifier.clone().unwrap_or_else(exact),
        kind: case.kind.clone().unwrap_or_else(total),
    });
    match (single, case.amounts.is_empty(), case.expect_none) {
        (Some(one), true, false) => vec![one],
        (None, false, false) => case.amounts.clone(),
        (None, true, true) => Vec::new(),
        _ => panic!("case must have exactly one of span/amounts/expect_none: {case:?}"),
    }
}

fn check(text: &str, got: &Amount, want: &Expected) -> Result<(), String> {
    let mut errors = Vec::new();
    let span_text = &text[got.span];
    if span_text != want.span {
        errors.push(format!("span {span_text:?} != {:?}", want.span));
    }
    let value = Decimal::from_str(&want.value).unwrap();
    if got.value != value {
        errors.push(format!("value {} != {value}", got.value));
    }
    let high = want.high.as_deref().map(|h| Decimal::from_str(h).unwrap());
    if got.high != high {
        errors.push(format!("high {:?} != {high:?}", got.high));
    }
    if got.currency.as_str() != want.currency {
        errors.push(format!("currency {} != {}", got.currency, want.currency));
    }
    if got.qualifier.as_str() != want.qualifier {
        errors.push(format!(
            "qualifier {} != {}",
            got.qualifier.as_str(),
            want.qualifier
        ));
    }
    if got.kind.as_str() != want.kind {
        errors.push(format!("kind {} != {}", got.kind.as_str(), want.kind));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

#[test]
fn every_fixture_case_holds() {
    let tagger = MoneyTagger::new();
    let cases = load();
    assert!(
        cases.len() >= 160,
        "only {} cases in fixtures/money",
        cases.len()
    );
    let mut failures = Vec::new();
    for (file, case) in &cases {
        let want = expected_of(case);
        let got = tagger.find_amounts(&case.text);
        if got.len() != want.len() {
            let found: Vec<&str> = got.iter().map(|a| &case.text.as_str()[a.span]).collect();
            failures.push(format!(
                "{file}: {:?}: found {found:?}, want {} amount(s)",
                case.text,
                want.len()
            ));
            continue;
        }
        for (g, w) in got.iter().zip(&want) {
            if let Err(e) = check(&case.text, g, w) {
                failures.push(format!("{file}: {:?}: {e}", case.text));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn stage_sets_sentence_indices() {
    use dealwire_core::{Article, Extraction, Sentence, Stage};

    let text = "Acme raised $5 million. It then paid €2bn for Beta.";
    let mut doc = Extraction::new(Article::new("t", text));
    let second = text.find("It").unwrap();
    doc.sentences = vec![
        Sentence {
            span: dealwire_core::Span::new(0, second - 1),
            paragraph: 0,
            token_start: 0,
            token_end: 0,
        },
        Sentence {
            span: dealwire_core::Span::new(second, text.len()),
            paragraph: 0,
            token_start: 0,
            token_end: 0,
        },
    ];
    MoneyTagger::new().run(&mut doc);
    let got: Vec<(&str, usize)> = doc
        .amounts
        .iter()
        .map(|a| (&text[a.span], a.sentence))
        .collect();
    assert_eq!(got, vec![("$5 million", 0), ("€2bn", 1)]);
}

#[test]
fn tagger_is_shareable() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<MoneyTagger>();
}
