//! Criterion bench of the entity tagger: gazetteer build time, and tagging
//! throughput in bytes per second over a synthetic news text.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dealwire_core::{Article, Extraction, Stage};
use dealwire_tag::{EntityTagger, Gazetteer};

const PARAGRAPH: &str = "Microsoft Corp. agreed to invest $10 billion in OpenAI, the ChatGPT maker, \
people familiar said. Amazon Web Services (AWS) and Nvidia (NASDAQ: NVDA) will supply chips. \
The round was led by Pellwater Ventures, and fintech start-up Zephlo raised $15 million. \
Chief Executive Sam Altman said the company would expand. Its shares are not listed.\n\n";

fn bench(c: &mut Criterion) {
    c.bench_function("entity/build_embedded", |b| {
        b.iter(|| EntityTagger::new(Gazetteer::embedded().expect("gazetteer")).expect("tagger"))
    });
    let tagger = EntityTagger::new(Gazetteer::embedded().expect("gazetteer")).expect("tagger");
    let text = PARAGRAPH.repeat(50);
    let mut doc = Extraction::new(Article::new("bench", text.as_str()));
    tagger.run(&mut doc);
    // 12 mentions per paragraph: a change here is a change in results.
    assert_eq!(doc.mentions.len(), 12 * 50, "mention count changed");
    let mut group = c.benchmark_group("entity");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("tag", |b| {
        b.iter(|| {
            let mut doc = Extraction::new(Article::new("bench", black_box(text.as_str())));
            tagger.run(&mut doc);
            doc.mentions.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
