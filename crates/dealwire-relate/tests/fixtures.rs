//! Table-driven relation cases from `fixtures/relate/*.toml`.

mod support;

use dealwire_core::{Extraction, RelationType, Stage, Status};
use dealwire_relate::Resolver;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    published: Option<String>,
    #[serde(default)]
    expect: Vec<String>,
    #[serde(default)]
    forbid: Vec<String>,
    /// When false, relations beyond `expect` are allowed.
    #[serde(default = "yes")]
    only: bool,
}

fn yes() -> bool {
    true
}

fn load() -> Vec<(String, Case)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/relate");
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/relate exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let file: File = toml::from_str(&std::fs::read_to_string(&path).expect("readable fixture"))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let stem = path
            .file_stem()
            .expect("file name")
            .to_string_lossy()
            .into_owned();
        out.extend(file.case.into_iter().map(|c| (stem.clone(), c)));
    }
    out
}

/// A relation as the fixtures write it.
#[derive(Debug, PartialEq)]
struct Row {
    ty: RelationType,
    subject: String,
    object: String,
    amount: Option<String>,
    status: Status,
}

fn rows(doc: &Extraction) -> Vec<Row> {
    doc.relations
        .iter()
        .map(|r| Row {
            ty: r.relation_type,
            subject: doc.entities[r.subject].name.clone(),
            object: doc.entities[r.object].name.clone(),
            amount: r.amount.map(|a| doc.text()[doc.amounts[a].span].to_owned()),
            status: r.status,
        })
        .collect()
}

fn parse_row(line: &str) -> Row {
    let f: Vec<&str> = line.split('|').map(str::trim).collect();
    assert!(f.len() == 3 || f.len() == 5, "bad row {line:?}");
    Row {
        ty: RelationType::from_label(f[0]).unwrap_or_else(|| panic!("bad type in {line:?}")),
        subject: f[1].to_owned(),
        object: f[2].to_owned(),
        amount: f.get(3).filter(|a| **a != "-").map(|a| (*a).to_owned()),
        status: f.get(4).map_or(Status::Announced, |s| {
            Status::from_label(s).expect("status")
        }),
    }
}

fn same_parties(a: &Row, b: &Row) -> bool {
    a.ty == b.ty
        && ((a.subject == b.subject && a.object == b.object)
            || (!a.ty.is_directed() && a.subject == b.object && a.object == b.subject))
}

#[test]
fn relate_fixtures() {
    let resolver = Resolver::new();
    let cases = load();
    let mut failures = Vec::new();
    for (file, case) in &cases {
        let mut doc = support::build(&case.text, case.published.as_deref());
        resolver.run(&mut doc);
        let got = rows(&doc);
        let mut problems = Vec::new();
        let mut matched = vec![false; got.len()];
        for line in &case.expect {
            let want = parse_row(line);
            match got.iter().position(|g| same_parties(g, &want)) {
                Some(i) => {
                    matched[i] = true;
                    let g = &got[i];
                    if g.amount != want.amount || g.status != want.status {
                        problems.push(format!(
                            "{line}: got amount {:?}, status {:?}",
                            g.amount, g.status
                        ));
                    }
                }
                None => problems.push(format!("missing {line}")),
            }
        }
        for line in &case.forbid {
            let bad = parse_row(line);
            if got.iter().any(|g| same_parties(g, &bad)) {
                problems.push(format!("forbidden {line}"));
            }
        }
        if case.only {
            for (g, m) in got.iter().zip(&matched) {
                if !m {
                    problems.push(format!("extra {g:?}"));
                }
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{file}/{}: {}", case.name, problems.join("; ")));
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
fn enough_fixture_cases() {
    let cases = load();
    assert!(cases.len() >= 130, "only {} cases", cases.len());
    let mut names: Vec<&str> = cases.iter().map(|(_, c)| c.name.as_str()).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "duplicate case names");
}

#[test]
fn helper_marks_spans() {
    let doc = support::build(
        "[Amazon] invested {$4 billion} in [it|Anthropic]. Next one.",
        None,
    );
    assert_eq!(&doc.text()[doc.mentions[0].span], "Amazon");
    assert_eq!(&doc.text()[doc.amounts[0].span], "$4 billion");
    assert_eq!(&doc.text()[doc.mentions[1].span], "it");
    assert_eq!(doc.mentions[1].kind, dealwire_core::MentionKind::Pronoun);
    assert_eq!(doc.sentences.len(), 2);
    assert_eq!(&doc.text()[doc.sentences[1].span], "Next one.");
}
