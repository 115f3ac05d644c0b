//! Amount F1 of the money tagger on the gold corpus in `../shared/corpus`.
//!
//! Scored with the spec's amount rule: a prediction matches a gold amount when
//! its span overlaps an occurrence of the gold text, its value is within 0.5%
//! and the currency is the same. A second prediction of a gold text that gold
//! lists once is neither credited nor penalised. Skips when the corpus is absent.

// Tests fail loudly on a bad fixture or corpus file; that is what unwrap is for here.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::str::FromStr;

use dealwire_core::{Decimal, Span};
use dealwire_tag::MoneyTagger;
use serde::Deserialize;

#[derive(Deserialize)]
struct Article {
    id: String,
    text: String,
    #[serde(default)]
    amounts: Vec<GoldAmount>,
}

#[derive(Deserialize)]
struct GoldAmount {
    text: String,
    value: serde_json::Number,
    currency: String,
}

fn decimal(n: &serde_json::Number) -> Decimal {
    let s = n.to_string();
    Decimal::from_str(&s)
        .or_else(|_| Decimal::from_scientific(&s))
        .unwrap()
}

fn close(got: Decimal, want: Decimal) -> bool {
    (got - want).abs() * Decimal::from(200) <= want.abs()
}

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    report: Vec<String>,
}

fn score_article(tagger: &MoneyTagger, art: &Article, score: &mut Score) {
    let predicted = tagger.find_amounts(&art.text);
    let gold_spans: Vec<Vec<Span>> = art
        .amounts
        .iter()
        .map(|g| {
            art.text
                .match_indices(&g.text)
                .map(|(i, s)| Span::new(i, i + s.len()))
                .collect()
        })
        .collect();
    let matches = |p: &dealwire_core::Amount, gi: usize| {
        let g = &art.amounts[gi];
        gold_spans[gi].iter().any(|s| s.overlaps(p.span))
            && close(p.value, decimal(&g.value))
            && p.currency.as_str() == g.currency
    };
    let mut used = vec![false; art.amounts.len()];
    for p in &predicted {
        if let Some(gi) = (0..art.amounts.len()).find(|&gi| !used[gi] && matches(p, gi)) {
            used[gi] = true;
            score.tp += 1;
        } else if (0..art.amounts.len()).any(|gi| matches(p, gi)) {
            // A repeat of a gold text listed once: ignored.
        } else {
            score.fp += 1;
            score.report.push(format!(
                "{} FALSE POSITIVE {:?} value {} {}",
                art.id,
                &art.text[p.span.range()],
                p.value,
                p.currency
            ));
        }
    }
    for (gi, g) in art.amounts.iter().enumerate() {
        if !used[gi] {
            score.fn_ += 1;
            score.report.push(format!(
                "{} MISS {:?} value {} {}",
                art.id, g.text, g.value, g.currency
            ));
        }
    }
}

#[test]
fn amount_f1_on_gold_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("note: {} is absent; corpus test skipped", dir.display());
        return;
    };
    let mut files: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let tagger = MoneyTagger::new();
    let mut score = Score::default();
    let mut articles = 0;
    for path in files {
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            if line.trim().is_empty() {
                continue;
            }
            let art: Article = serde_json::from_str(line).unwrap();
            score_article(&tagger, &art, &mut score);
            articles += 1;
        }
    }
    if articles == 0 {
        eprintln!(
            "note: no articles in {}; corpus test skipped",
            dir.display()
        );
        return;
    }
    let p = score.tp as f64 / (score.tp + score.fp).max(1) as f64;
    let r = score.tp as f64 / (score.tp + score.fn_).max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "money corpus: {articles} articles, tp {} fp {} fn {}; P {p:.4} R {r:.4} F1 {f1:.4}",
        score.tp, score.fp, score.fn_
    );
    for line in &score.report {
        println!("  {line}");
    }
    assert!(f1 >= 0.97, "amount F1 {f1:.4} < 0.97");
}

#[test]
fn value_tolerance_is_half_a_percent() {
    let gold = Decimal::from(1000);
    assert!(close(Decimal::from(1005), gold));
    assert!(!close(Decimal::from(1006), gold));
}
