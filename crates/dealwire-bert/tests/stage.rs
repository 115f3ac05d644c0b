//! The stage end to end with a fake embedder (no libtorch): candidate selection,
//! the combination policy, batching across articles and determinism.
// Helpers outside #[test] functions build fixtures; a panic there is a test failure.
#![allow(clippy::unwrap_used)]

use dealwire_bert::{
    BertError, Embedder, Label, Policy, RelationStage, SoftmaxHead, TrainConfig, candidates,
    featurize, parse_marked_line,
};
use dealwire_core::{
    Amount, AmountKind, Article, Currency, Decimal, Entity, EntityRole, EntityType, Extraction,
    Mention, MentionKind, MentionMethod, Qualifier, Relation, RelationType, Sentence, Span, Stage,
    Status,
};

/// Bag of lower-cased words hashed into 64 buckets: enough for keyword-level tests.
struct BagOfWords;

impl Embedder for BagOfWords {
    fn embed(&self, sentences: &[String]) -> Result<Vec<Vec<f32>>, BertError> {
        Ok(sentences
            .iter()
            .map(|s| {
                let mut v = vec![0f32; 64];
                for w in s.split(|c: char| !c.is_alphanumeric() && c != '[' && c != ']') {
                    if w.is_empty() {
                        continue;
                    }
                    let h = w.to_lowercase().bytes().fold(2166136261u32, |h, b| {
                        (h ^ u32::from(b)).wrapping_mul(16777619)
                    });
                    v[(h % 64) as usize] += 1.0;
                }
                v
            })
            .collect())
    }
}

const TRAIN: &[&str] = &[
    "investor(1,2)\t[[Aster]] invested $10 million in [[Birch]].",
    "investor(1,2)\t[[Cobalt]] invested heavily in [[Dune]] last year.",
    "investor(1,2)\t[[Elm]] has invested in [[Fjord]].",
    "investor(2,1)\t[[Gale]] raised money from [[Harbor]].",
    "investor(2,1)\t[[Iris]] raised $5 million from [[Jade]] and others.",
    "investor(2,1)\t[[Kelp]] raised a round from [[Lark]].",
    "rival\t[[Moss]] competes with [[Nook]].",
    "rival\t[[Oak]] competes fiercely with [[Pine]] in Europe.",
    "rival\t[[Quill]] still competes with [[Reed]].",
    "none\t[[Sage]] shares fell while [[Tern]] shares rose.",
    "none\t[[Umber]] shares rose and [[Vale]] shares slipped.",
    "none\t[[Wren]] shares were flat; [[Yew]] shares fell.",
];

fn head() -> SoftmaxHead {
    let (labels, pairs): (Vec<Label>, Vec<_>) =
        TRAIN.iter().map(|l| parse_marked_line(l).unwrap()).unzip();
    let refs: Vec<_> = pairs.iter().collect();
    let features = featurize(&BagOfWords, &refs).unwrap();
    SoftmaxHead::train(&features, &labels, &TrainConfig::default()).unwrap()
}

fn stage() -> RelationStage<BagOfWords> {
    RelationStage::new(BagOfWords, head(), Policy::default()).unwrap()
}

/// A tagged article: one sentence per `.`-terminated piece, every listed name an ORG mention.
fn doc(id: &str, text: &str, names: &[&str]) -> Extraction {
    let mut d = Extraction::new(Article::new(id, text));
    let mut start = 0;
    for piece in text.split_inclusive(". ") {
        let trimmed = piece.trim_end();
        d.sentences.push(Sentence {
            span: Span::new(start, start + trimmed.len()),
            paragraph: 0,
            token_start: 0,
            token_end: 0,
        });
        start += piece.len();
    }
    for (i, name) in names.iter().enumerate() {
        d.entities.push(Entity {
            id: format!("e{i}"),
            name: (*name).to_owned(),
            entity_type: EntityType::Org,
            role: EntityRole::Party,
            parent_id: None,
            parent_name: None,
        });
        for (at, m) in text.match_indices(name) {
            let span = Span::new(at, at + m.len());
            d.mentions.push(Mention {
                span,
                entity: i,
                sentence: d.sentence_at(at).unwrap(),
                kind: MentionKind::Name,
                method: MentionMethod::Gazetteer,
                confidence: 1.0,
            });
        }
    }
    d.mentions.sort_by_key(|m| m.span);
    d
}

fn rule(
    d: &Extraction,
    t: RelationType,
    s: usize,
    o: usize,
    sentence: usize,
    confidence: f32,
) -> Relation {
    Relation {
        relation_type: t,
        subject: s,
        object: o,
        amount: None,
        stake_pct: None,
        valuation: None,
        status: Status::Announced,
        confidence,
        sentence,
        evidence: d.sentences[sentence].span,
        method: "rule_test",
    }
}

fn described(d: &Extraction) -> Vec<String> {
    d.relations
        .iter()
        .map(|r| {
            format!(
                "{} {} -> {} [{}] {}",
                r.relation_type.as_str(),
                d.entities[r.subject].name,
                d.entities[r.object].name,
                r.method,
                &d.text()[r.evidence]
            )
        })
        .collect()
}

#[test]
fn picks_pairs_the_rules_did_not_settle() {
    let mut d = doc(
        "a",
        "Northwind invested in Contoso. Fabrikam competes with Tailspin. Litware and Proseware and Northwind met.",
        &[
            "Northwind",
            "Contoso",
            "Fabrikam",
            "Tailspin",
            "Litware",
            "Proseware",
        ],
    );
    let settled = rule(&d, RelationType::Rival, 2, 3, 1, 0.95);
    d.relations.push(settled);
    let policy = Policy::default();
    let got: Vec<(usize, usize, usize, String)> = candidates(&d, 0, &policy)
        .into_iter()
        .map(|c| (c.sentence, c.first, c.second, c.pair.core))
        .collect();
    assert_eq!(
        got,
        [
            (0, 0, 1, "[E1] invested in [E2]".to_owned()),
            (2, 4, 5, "[E1] and [E2]".to_owned()),
            (2, 4, 0, "[E1] and Proseware and [E2]".to_owned()),
            (2, 5, 0, "[E1] and [E2]".to_owned()),
        ]
    );
    let few = Policy {
        max_parties: 2,
        ..Policy::default()
    };
    assert_eq!(
        candidates(&d, 0, &few).len(),
        1,
        "the three-party sentence is skipped"
    );
    // A weak rule leaves the pair open to the model.
    d.relations[0].confidence = 0.3;
    assert_eq!(candidates(&d, 0, &policy).len(), 5);
}

#[test]
fn adds_missed_relations_with_direction_and_amount() {
    let mut d = doc(
        "b",
        "Quartz raised $20 million from Basalt. Quartz shares fell while Basalt shares rose.",
        &["Quartz", "Basalt"],
    );
    d.amounts.push(Amount {
        span: Span::new(14, 25),
        value: Decimal::from(20_000_000),
        high: None,
        currency: Currency::USD,
        qualifier: Qualifier::Exact,
        kind: AmountKind::Total,
        sentence: 0,
    });
    let report = stage().run_batch(std::slice::from_mut(&mut d)).unwrap();
    assert_eq!(
        (report.candidates, report.added, report.tie_breaks),
        (2, 1, 0)
    );
    assert_eq!(
        described(&d),
        ["investor Basalt -> Quartz [bert] Quartz raised $20 million from Basalt."]
    );
    assert_eq!(d.relations[0].amount, Some(0));
    assert!(d.relations[0].confidence >= Policy::default().add_threshold);
}

#[test]
fn breaks_ties_between_conflicting_rules() {
    let mut d = doc("c", "Granite competes with Marble.", &["Granite", "Marble"]);
    let a = rule(&d, RelationType::Partner, 0, 1, 0, 0.9);
    let b = rule(&d, RelationType::Rival, 1, 0, 0, 0.9);
    d.relations.extend([a, b]);
    let report = stage().run_batch(std::slice::from_mut(&mut d)).unwrap();
    assert_eq!((report.added, report.tie_breaks), (0, 1));
    assert_eq!(
        described(&d),
        ["rival Marble -> Granite [bert_tiebreak] Granite competes with Marble."]
    );
}

#[test]
fn does_not_duplicate_what_the_rules_found_elsewhere() {
    let mut d = doc(
        "d",
        "Cedar invested in Spruce. Cedar invested again in Spruce.",
        &["Cedar", "Spruce"],
    );
    let first = rule(&d, RelationType::Investor, 0, 1, 0, 0.95);
    d.relations.push(first);
    let report = stage().run_batch(std::slice::from_mut(&mut d)).unwrap();
    assert_eq!((report.candidates, report.added), (1, 0));
    assert_eq!(d.relations.len(), 1);
}

#[test]
fn batch_equals_one_by_one_and_repeats_exactly() {
    let texts = [
        (
            "e1",
            "Onyx invested in Pearl. Topaz competes with Onyx.",
            ["Onyx", "Pearl", "Topaz"],
        ),
        (
            "e2",
            "Amber raised money from Coral. Coral shares rose.",
            ["Amber", "Coral", "Jet"],
        ),
    ];
    let fresh = || {
        texts
            .iter()
            .map(|(id, t, n)| doc(id, t, n))
            .collect::<Vec<_>>()
    };
    let s = stage();
    let mut batch = fresh();
    s.run_batch(&mut batch).unwrap();
    let mut single = fresh();
    for d in &mut single {
        s.run(d);
    }
    let mut again = fresh();
    s.run_batch(&mut again).unwrap();
    let all = |ds: &[Extraction]| ds.iter().flat_map(described).collect::<Vec<_>>();
    assert_eq!(all(&batch), all(&single));
    assert_eq!(all(&batch), all(&again));
    assert_eq!(
        all(&batch),
        [
            "investor Onyx -> Pearl [bert] Onyx invested in Pearl.",
            "rival Topaz -> Onyx [bert] Topaz competes with Onyx.",
            "investor Coral -> Amber [bert] Amber raised money from Coral.",
        ]
    );
}

#[test]
fn refuses_a_head_of_another_size() {
    struct Tiny;
    impl Embedder for Tiny {
        fn embed(&self, s: &[String]) -> Result<Vec<Vec<f32>>, BertError> {
            Ok(vec![vec![1.0; 3]; s.len()])
        }
    }
    match RelationStage::new(Tiny, head(), Policy::default()) {
        Err(BertError::Dimension {
            expected: 128,
            got: 6,
        }) => {}
        other => panic!("expected a size mismatch, got {other:?}"),
    }
}
