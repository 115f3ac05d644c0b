//! A hand-built extraction shared by the integration tests.
#![allow(
    dead_code,
    reason = "each test binary uses a different part of this module"
)]

use std::str::FromStr;

use chrono::{DateTime, TimeZone, Utc};
use dealwire_core::{
    Amount, AmountKind, Article, Currency, Decimal, Entity, EntityRole, EntityType, Extraction,
    Mention, MentionKind, MentionMethod, Qualifier, Relation, RelationType, Sentence, Span, Status,
};
use dealwire_store::ArticleMeta;

pub const TEXT: &str = "Zürich-based Nordwind AG said Acme Cloud will invest $1.4 trillion in it. \
Nordwind’s rival Bergström Labs bought a 49.5% stake in Öresund Data at a €2.5bn valuation, \
paying about $0.5 a share. Talks on a $10-$12 billion deal continue.";

pub const SHA: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/// Span of the `nth` (0-based) occurrence of `needle` in `TEXT`, checked.
pub fn span_of(needle: &str, nth: usize) -> Span {
    let start = TEXT
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the text"));
    let span = Span::checked(TEXT, start, start + needle.len()).unwrap();
    assert_eq!(&TEXT[span], needle);
    span
}

pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

pub fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn entity(id: &str, name: &str, entity_type: EntityType) -> Entity {
    Entity {
        id: id.to_owned(),
        name: name.to_owned(),
        entity_type,
        role: EntityRole::Party,
        parent_id: None,
        parent_name: None,
    }
}

fn mention(
    text: &str,
    nth: usize,
    entity: usize,
    sentence: usize,
    kind: MentionKind,
    method: MentionMethod,
    confidence: f32,
) -> Mention {
    Mention {
        span: span_of(text, nth),
        entity,
        sentence,
        kind,
        method,
        confidence,
    }
}

fn amount(
    text: &str,
    value: &str,
    high: Option<&str>,
    currency: Currency,
    qualifier: Qualifier,
    kind: AmountKind,
    sentence: usize,
) -> Amount {
    Amount {
        span: span_of(text, 0),
        value: dec(value),
        high: high.map(dec),
        currency,
        qualifier,
        kind,
        sentence,
    }
}

/// The three sentences of `TEXT`.
pub fn sentence_spans() -> [Span; 3] {
    let first_end = TEXT.find(" Nordwind’s").unwrap();
    let second_start = first_end + 1;
    let second_end = TEXT.find(" Talks").unwrap();
    [
        Span::new(0, first_end),
        Span::new(second_start, second_end),
        Span::new(second_end + 1, TEXT.len()),
    ]
}

/// One article with entities, mentions, amounts (a trillion, a half, a range)
/// and relations with amount, stake and valuation.
pub fn sample() -> Extraction {
    let mut article = Article::new("art-1", TEXT);
    article.title = Some("Nordwind lands a trillion".to_owned());
    article.url = Some("https://news.example/nordwind".to_owned());
    article.source = Some("Example Wire".to_owned());
    article.published = Some(utc("2025-03-04T05:06:07Z"));
    let mut doc = Extraction::new(article);
    doc.sentences = sentence_spans()
        .into_iter()
        .map(|span| Sentence {
            span,
            paragraph: 0,
            token_start: 0,
            token_end: 0,
        })
        .collect();
    let mut acme = entity("dw:acme-cloud", "Acme Cloud", EntityType::Org);
    acme.parent_id = Some("dw:acme".to_owned());
    acme.parent_name = Some("Acme Corp".to_owned());
    let mut zurich = entity("dw:zurich", "Zürich", EntityType::Gpe);
    zurich.role = EntityRole::Regulator;
    doc.entities = vec![
        entity("dw:nordwind", "Nordwind AG", EntityType::Org),
        acme,
        entity("x:bergstrom-labs", "Bergström Labs", EntityType::Org),
        entity("x:oresund-data", "Öresund Data", EntityType::Org),
        zurich,
    ];
    use MentionKind as K;
    use MentionMethod as M;
    doc.mentions = vec![
        mention("Zürich", 0, 4, 0, K::Name, M::Government, 0.5),
        mention("Nordwind AG", 0, 0, 0, K::Name, M::Gazetteer, 1.0),
        mention("Acme Cloud", 0, 1, 0, K::Name, M::Gazetteer, 0.75),
        mention("it", 0, 0, 0, K::Pronoun, M::Pronoun, 0.25),
        mention("Nordwind", 1, 0, 1, K::Name, M::ShortName, 0.875),
        mention("Bergström Labs", 0, 2, 1, K::Name, M::Suffix, 0.625),
        mention("Öresund Data", 0, 3, 1, K::Name, M::Context, 0.5),
    ];
    doc.amounts = vec![
        amount(
            "$1.4 trillion",
            "1400000000000",
            None,
            Currency::USD,
            Qualifier::Exact,
            AmountKind::Total,
            0,
        ),
        amount(
            "€2.5bn",
            "2500000000",
            None,
            Currency::EUR,
            Qualifier::Exact,
            AmountKind::Total,
            1,
        ),
        amount(
            "$0.5",
            "0.5",
            None,
            Currency::USD,
            Qualifier::Approx,
            AmountKind::PerUnit,
            1,
        ),
        amount(
            "$10-$12 billion",
            "10000000000",
            Some("12000000000"),
            Currency::USD,
            Qualifier::Range,
            AmountKind::Total,
            2,
        ),
    ];
    let [s0, s1, s2] = sentence_spans();
    let relation = |relation_type, subject, object, sentence, evidence, method| Relation {
        relation_type,
        subject,
        object,
        amount: None,
        stake_pct: None,
        valuation: None,
        status: Status::Announced,
        confidence: 0.5,
        sentence,
        evidence,
        method,
    };
    doc.relations = vec![
        Relation {
            amount: Some(0),
            confidence: 0.875,
            ..relation(RelationType::Investor, 1, 0, 0, s0, "pattern:invest")
        },
        Relation {
            stake_pct: Some(dec("49.5")),
            valuation: Some(1),
            ..relation(RelationType::Investor, 2, 3, 1, s1, "pattern:stake")
        },
        Relation {
            status: Status::Background,
            ..relation(RelationType::Rival, 0, 2, 1, s1, "pattern:rival")
        },
        Relation {
            amount: Some(3),
            status: Status::Rumored,
            ..relation(RelationType::Acquirer, 2, 3, 2, s2, "pattern:talks")
        },
    ];
    doc
}

pub fn meta() -> ArticleMeta {
    ArticleMeta {
        content_sha256: SHA.to_owned(),
        pipeline: "default@0.1.0".to_owned(),
        processed_at: Utc.with_ymd_and_hms(2025, 3, 5, 0, 0, 0).unwrap()
            + chrono::Duration::microseconds(123_456),
    }
}

/// A small article `id` with `mentions` mentions of one entity.
pub fn filler(id: &str, mentions: usize) -> Extraction {
    let text = "Acme Cloud. ".repeat(mentions.max(1));
    let mut doc = Extraction::new(Article::new(id, text));
    doc.entities = vec![entity("dw:acme-cloud", "Acme Cloud", EntityType::Org)];
    doc.mentions = (0..mentions)
        .map(|i| Mention {
            span: Span::new(i * 12, i * 12 + 10),
            entity: 0,
            sentence: i,
            kind: MentionKind::Name,
            method: MentionMethod::Gazetteer,
            confidence: 1.0,
        })
        .collect();
    doc
}
