//! Relation figures on the gold corpus (`../shared/corpus`), with the real
//! tokenize and tag stages in front of the resolver.
//!
//! Run with `--nocapture` to see the report; `DEALWIRE_VERBOSE=1` lists every
//! missed and spurious relation.

use dealwire_core::Stage;

use dealwire_eval::{aggregate, read_gold, score_article};
use dealwire_relate::Resolver;
use dealwire_tag::{EntityTagger, Gazetteer, MoneyTagger};
use dealwire_text::Tokenizer;

#[test]
fn corpus_relation_figures() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("skipped: no corpus at {dir}");
        return;
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    paths.sort();
    let tokenizer = Tokenizer::new();
    let tagger = EntityTagger::new(Gazetteer::embedded().expect("gazetteer")).expect("tagger");
    let money = MoneyTagger::new();
    let resolver = Resolver::new();
    let mut scores = Vec::new();
    for path in &paths {
        for gold in read_gold(path).expect("gold file") {
            let mut doc = dealwire_core::Extraction::new(gold.to_article());
            tokenizer.run(&mut doc);
            tagger.run(&mut doc);
            money.run(&mut doc);
            resolver.run(&mut doc);
            if std::env::var("DEALWIRE_DEBUG").is_ok_and(|id| id == gold.id) {
                dump(&doc);
            }
            scores.push(score_article(&gold, &doc));
        }
    }
    let report = aggregate(&scores);
    let verbose = std::env::var_os("DEALWIRE_VERBOSE").is_some();
    println!("{}", report.render(verbose));
    // A floor well under the measured figure: it catches a broken stage, not a small regression.
    assert!(
        report.relations.f1 >= 0.5,
        "relation F1 {:.3}",
        report.relations.f1
    );
}

/// Prints each sentence with its marked mentions and amounts, for debugging rules.
fn dump(doc: &dealwire_core::Extraction) {
    for (i, s) in doc.sentences.iter().enumerate() {
        let mut marked = String::new();
        let mut at = s.span.start();
        let mut items: Vec<(dealwire_core::Span, String)> = doc
            .mentions
            .iter()
            .filter(|m| m.sentence == i)
            .map(|m| {
                (
                    m.span,
                    format!("{:?}:{}", m.kind, doc.entities[m.entity].name),
                )
            })
            .chain(
                doc.amounts
                    .iter()
                    .filter(|a| a.sentence == i)
                    .map(|a| (a.span, format!("{:?}", a.kind))),
            )
            .collect();
        items.sort_by_key(|(sp, _)| sp.start());
        for (sp, label) in items {
            if sp.start() < at {
                continue;
            }
            marked.push_str(&doc.text()[at..sp.start()]);
            marked.push_str(&format!("[{}|{label}]", &doc.text()[sp]));
            at = sp.end();
        }
        marked.push_str(&doc.text()[at..s.span.end()]);
        println!("S{i}: {marked}");
    }
}
