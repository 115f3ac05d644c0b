//! ORG entity precision, recall and F1 over the annotated corpus, scored by the
//! rule of `shared/spec/gold-format.md`. Skips when the corpus is absent.

use std::collections::BTreeSet;
use std::path::Path;

use dealwire_core::{Article, EntityType, Extraction, Stage};
use dealwire_tag::{EntityTagger, Gazetteer};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
const LEGAL: &[&str] = &[
    "inc.", "inc", "corp.", "corp", "ltd.", "ltd", "llc", "plc", "ag", "sa", "gmbh", "co.",
];

fn norm(s: &str) -> String {
    let mut s = s.trim().to_lowercase();
    if let Some(r) = s.strip_prefix("the ") {
        s = r.to_owned();
    }
    for p in ["'s", "’s"] {
        if let Some(r) = s.strip_suffix(p) {
            s = r.to_owned();
        }
    }
    if let Some((head, last)) = s.rsplit_once(' ') {
        if LEGAL.contains(&last) {
            s = head.trim_end_matches(',').to_owned();
        }
    }
    s
}

/// Maximum one-to-one matching (Kuhn's augmenting paths).
fn matching(edges: &[Vec<usize>], n_gold: usize) -> usize {
    fn try_assign(
        p: usize,
        edges: &[Vec<usize>],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for &g in &edges[p] {
            if !seen[g] {
                seen[g] = true;
                if owner[g].is_none_or(|o| try_assign(o, edges, seen, owner)) {
                    owner[g] = Some(p);
                    return true;
                }
            }
        }
        false
    }
    let mut owner = vec![None; n_gold];
    (0..edges.len())
        .filter(|&p| try_assign(p, edges, &mut vec![false; n_gold], &mut owner))
        .count()
}

#[test]
fn org_entity_f1_on_corpus() {
    let dir = Path::new(CORPUS);
    if !dir.is_dir() {
        eprintln!("skipped: no corpus at {CORPUS}");
        return;
    }
    let tagger = EntityTagger::new(Gazetteer::embedded().unwrap()).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let (mut tp, mut n_pred, mut n_gold) = (0usize, 0usize, 0usize);
    for file in files {
        for line in std::fs::read_to_string(&file)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = v["id"].as_str().unwrap();
            let text = v["text"].as_str().unwrap();
            let gold: Vec<(String, BTreeSet<String>)> = v["entities"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["type"] == "ORG")
                .map(|e| {
                    let name = e["name"].as_str().unwrap().to_owned();
                    let mut set: BTreeSet<String> = e["aliases"]
                        .as_array()
                        .map(|a| a.iter().filter_map(|x| x.as_str()).map(norm).collect())
                        .unwrap_or_default();
                    set.insert(norm(&name));
                    (name, set)
                })
                .collect();
            let mut doc = Extraction::new(Article::new(id, text));
            tagger.run(&mut doc);
            let preds: Vec<(String, BTreeSet<String>)> = doc
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.entity_type == EntityType::Org)
                .map(|(i, e)| {
                    let mut set: BTreeSet<String> = doc
                        .mentions
                        .iter()
                        .filter(|m| m.entity == i)
                        .map(|m| norm(&text[m.span]))
                        .collect();
                    set.insert(norm(&e.name));
                    (e.name.clone(), set)
                })
                .collect();
            let edges: Vec<Vec<usize>> = preds
                .iter()
                .map(|(_, p)| {
                    gold.iter()
                        .enumerate()
                        .filter(|(_, (_, g))| !p.is_disjoint(g))
                        .map(|(j, _)| j)
                        .collect()
                })
                .collect();
            let hits = matching(&edges, gold.len());
            for (name, p) in &preds {
                if !gold.iter().any(|(_, g)| !p.is_disjoint(g)) {
                    println!("{id} FP  {name:?} {p:?}");
                }
            }
            for (name, g) in &gold {
                if !preds.iter().any(|(_, p)| !p.is_disjoint(g)) {
                    println!("{id} MISS {name:?}");
                }
            }
            if hits < preds.len().min(gold.len()) && preds.len() > hits {
                let dup = preds.len()
                    - hits
                    - preds
                        .iter()
                        .filter(|(_, p)| !gold.iter().any(|(_, g)| !p.is_disjoint(g)))
                        .count();
                if dup > 0 {
                    println!("{id} SPLIT {dup} predicted entities share a gold one");
                }
            }
            tp += hits;
            n_pred += preds.len();
            n_gold += gold.len();
        }
    }
    let p = tp as f64 / n_pred.max(1) as f64;
    let r = tp as f64 / n_gold.max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "ORG entities: tp {tp}, predicted {n_pred}, gold {n_gold}: P {p:.3} R {r:.3} F1 {f1:.3}"
    );
    assert!(f1 >= 0.90, "ORG entity F1 {f1:.3} is below 0.90");
}
