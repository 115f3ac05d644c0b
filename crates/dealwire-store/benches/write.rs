//! Throughput of [`dealwire_store::OutputWriter`]: articles with about the
//! mentions, amounts and relations of a news story, written as Parquet.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dealwire_core::{
    Amount, AmountKind, Article, Currency, Decimal, Entity, EntityRole, EntityType, Extraction,
    Mention, MentionKind, MentionMethod, Qualifier, Relation, RelationType, Span, Status,
};
use dealwire_store::{ArticleMeta, OutputWriter, WriterOptions};

const ARTICLES: usize = 2_000;
const SENTENCE: &str = "Acme Cloud will invest $4 billion in Nordwind AG, the companies said. ";

/// An article of 20 sentences, each with two mentions, one amount and one relation.
fn article(i: usize) -> Extraction {
    let mut doc = Extraction::new(Article::new(format!("bench-{i}"), SENTENCE.repeat(20)));
    doc.article.title = Some(format!("Deal number {i}"));
    let entity = |id: &str, name: &str| Entity {
        id: id.to_owned(),
        name: name.to_owned(),
        entity_type: EntityType::Org,
        role: EntityRole::Party,
        parent_id: None,
        parent_name: None,
    };
    doc.entities = vec![
        entity("dw:acme-cloud", "Acme Cloud"),
        entity("dw:nordwind", "Nordwind AG"),
    ];
    for s in 0..20 {
        let base = s * SENTENCE.len();
        for (entity, start, end) in [(0, 0, 10), (1, 38, 49)] {
            doc.mentions.push(Mention {
                span: Span::new(base + start, base + end),
                entity,
                sentence: s,
                kind: MentionKind::Name,
                method: MentionMethod::Gazetteer,
                confidence: 0.9,
            });
        }
        doc.amounts.push(Amount {
            span: Span::new(base + 23, base + 33),
            value: Decimal::from(4_000_000_000_i64),
            high: None,
            currency: Currency::USD,
            qualifier: Qualifier::Exact,
            kind: AmountKind::Total,
            sentence: s,
        });
        doc.relations.push(Relation {
            relation_type: RelationType::Investor,
            subject: 0,
            object: 1,
            amount: Some(s),
            stake_pct: None,
            valuation: None,
            status: Status::Announced,
            confidence: 0.8,
            sentence: s,
            evidence: Span::new(base, base + SENTENCE.len() - 1),
            method: "bench",
        });
    }
    doc
}

fn write(c: &mut Criterion) {
    let docs: Vec<Extraction> = (0..ARTICLES).map(article).collect();
    let meta = ArticleMeta {
        content_sha256: "ab".repeat(32),
        pipeline: "bench".to_owned(),
        processed_at: chrono::Utc::now(),
    };
    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    group.throughput(Throughput::Elements(ARTICLES as u64));
    group.bench_function("write_articles", |b| {
        b.iter(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let mut writer =
                OutputWriter::create(dir.path(), WriterOptions::default()).expect("writer");
            for doc in &docs {
                writer.write_article(doc, &meta).expect("write");
            }
            let summary = writer.finish().expect("finish");
            assert_eq!(summary.relations, (ARTICLES * 20) as u64);
            black_box(summary)
        });
    });
    group.finish();
}

criterion_group!(benches, write);
criterion_main!(benches);
