//! The whole default pipeline on arbitrary and news-like text: no panic, and
//! every span and index it returns is valid for the article.
//!
//! `PROPTEST_CASES=N cargo test --release -p dealwire --test pipeline_props`
//! runs longer (default 300 cases per property).

use std::sync::LazyLock;

use dealwire::{Article, Pipeline};
use proptest::prelude::*;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| match Pipeline::builder().build() {
    Ok(p) => p,
    Err(e) => panic!("default pipeline builds: {e}"),
});

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

/// Runs the pipeline and checks the invariants of its output.
fn check(text: &str) {
    let x = PIPELINE.extract(&Article::new("p", text));
    let body = x.text();
    assert_eq!(body, text);
    for s in &x.sentences {
        assert!(
            body.get(s.span.start()..s.span.end()).is_some(),
            "sentence {s:?}"
        );
    }
    for m in &x.mentions {
        assert!(
            body.get(m.span.start()..m.span.end()).is_some(),
            "mention {m:?}"
        );
        assert!(m.entity < x.entities.len());
        assert!(m.span.start() < m.span.end());
    }
    for a in &x.amounts {
        assert!(
            body.get(a.span.start()..a.span.end()).is_some(),
            "amount {a:?}"
        );
    }
    for r in &x.relations {
        assert!(r.subject < x.entities.len() && r.object < x.entities.len());
        assert_ne!(r.subject, r.object, "{r:?}");
        assert!(r.amount.is_none_or(|a| a < x.amounts.len()));
        assert!(r.valuation.is_none_or(|a| a < x.amounts.len()));
        assert!(r.sentence < x.sentences.len().max(1));
        assert!(
            body.get(r.evidence.start()..r.evidence.end()).is_some(),
            "evidence {r:?}"
        );
    }
}

/// Fragments of business prose (our own words), joined at random: names,
/// amounts, deal verbs, punctuation, possessives and pronouns in odd orders.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Acme Robotics Inc. ".to_owned()),
        Just("Nvidia ".to_owned()),
        Just("Brellow Compute, a cloud start-up, ".to_owned()),
        Just("agreed to acquire ".to_owned()),
        Just("invested $2 billion in ".to_owned()),
        Just("raised €45m in a round led by ".to_owned()),
        Just("its ".to_owned()),
        Just("it ".to_owned()),
        Just("the company ".to_owned()),
        Just("the two companies ".to_owned()),
        Just("'s ".to_owned()),
        Just(", ".to_owned()),
        Just(". ".to_owned()),
        Just("; ".to_owned()),
        Just("and ".to_owned()),
        Just("rival ".to_owned()),
        Just("supplier to ".to_owned()),
        Just("a unit of ".to_owned()),
        Just("EQT-owned ".to_owned()),
        Just("in talks with ".to_owned()),
        Just("“".to_owned()),
        Just("’s ".to_owned()),
        Just("U.S. ".to_owned()),
        Just("51% stake in ".to_owned()),
        Just("\n\n".to_owned()),
        "[a-zA-Z0-9 ,.'$€%-]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn news_like_text(text in newsish()) {
        check(&text);
    }
}
