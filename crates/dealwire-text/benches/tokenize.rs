//! Throughput of the tokenize stage on generated news-like text.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dealwire_core::{Article, Extraction, Stage};
use dealwire_text::Tokenizer;

/// One sentence each, mixing the hard cases: abbreviations, decimals,
/// quotes, curly apostrophes, dashes, URLs and non-ASCII names.
const SENTENCES: &[&str] = &[
    "Acme Inc. agreed to buy a 12.5% stake in Northwind Corp. for $1.4 billion in cash.",
    "The deal, announced on Jan. 15, values the U.S. software maker at about 2.5bn euros.",
    "“We are thrilled to join forces with them,” Chief Executive Jane Roe said in a statement.",
    "J.P. Morgan Chase & Co. and Goldman Sachs advised Acme, while Lazard advised the seller.",
    "Shares of Northwind rose 18% to $43.20 in New York, their biggest gain since 2019.",
    "Is the price too high?",
    "Analysts at Société Générale said the offer—roughly 30 times earnings—was rich.",
    "Mr. Smith, who founded the company with Dr. Ana Ruiz, will keep a seat on the board.",
    "Details are posted at https://example.com/investors/deal?id=42 for shareholders.",
    "Globex’s rival bid of 1,250,000 shares, or approx. $900 million, was rejected (again).",
    "Regulators in the U.K. and the E.U. are expected to review the merger... slowly.",
    "It is the No. 2 deal in the sector this year, after Initech’s purchase of Hooli.",
];

fn news(paragraphs: usize) -> (String, usize) {
    let mut text = String::new();
    let mut count = 0;
    // A fixed linear congruential sequence keeps the text the same on every run.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for p in 0..paragraphs {
        if p > 0 {
            text.push_str("\n\n");
        }
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        let n = 3 + (state >> 33) as usize % 4;
        for s in 0..n {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            if s > 0 {
                text.push(' ');
            }
            text.push_str(SENTENCES[(state >> 33) as usize % SENTENCES.len()]);
            count += 1;
        }
    }
    (text, count)
}

fn bench(c: &mut Criterion) {
    let (text, expected) = news(2_000);
    let tokenizer = Tokenizer::new();
    let mut doc = Extraction::new(Article::new("bench", text.as_str()));
    tokenizer.run(&mut doc);
    assert_eq!(doc.sentences.len(), expected);
    assert_eq!(doc.paragraphs.len(), 2_000);

    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("news", |b| {
        b.iter(|| {
            tokenizer.run(&mut doc);
            black_box(doc.sentences.len())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
