//! Throughput of the relate stage alone, on the gold corpus articles already
//! tokenized and tagged by the real stages (skipped when the corpus is absent).

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use dealwire_core::{Extraction, Stage};
use dealwire_relate::Resolver;
use dealwire_tag::{EntityTagger, Gazetteer, MoneyTagger};
use dealwire_text::Tokenizer;

/// Relations the resolver finds on the corpus; a change in results shows up here.
const EXPECTED_RELATIONS: usize = 174;

fn tagged_corpus() -> Vec<Extraction> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let tokenizer = Tokenizer::new();
    let tagger = EntityTagger::new(Gazetteer::embedded().expect("gazetteer")).expect("tagger");
    let money = MoneyTagger::new();
    let mut docs = Vec::new();
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
    {
        for gold in dealwire_eval::read_gold(path).expect("gold file") {
            let mut doc = Extraction::new(gold.to_article());
            tokenizer.run(&mut doc);
            tagger.run(&mut doc);
            money.run(&mut doc);
            docs.push(doc);
        }
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = tagged_corpus();
    if docs.is_empty() {
        println!("skipped: no corpus");
        return;
    }
    let resolver = Resolver::new();
    let total: usize = docs
        .iter()
        .map(|d| {
            let mut d = d.clone();
            resolver.run(&mut d);
            d.relations.len()
        })
        .sum();
    assert_eq!(total, EXPECTED_RELATIONS, "relation count changed");
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let mut group = c.benchmark_group("relate");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus", |b| {
        b.iter_batched(
            || docs.clone(),
            |mut docs| {
                for d in &mut docs {
                    resolver.run(d);
                }
                docs
            },
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
