//! Throughput of the money tagger over generated news-like text.
//!
//! The text mixes sentences with amounts in many notations and sentences with
//! distractors (years, percentages, share counts); the bench asserts the number
//! of amounts found so that a change in results shows up here too.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dealwire_tag::MoneyTagger;

const WITH_MONEY: &[&str] = &[
    "The acquirer agreed to pay ${n} billion in cash for the software maker, the companies said.",
    "Analysts said the offer of about €{n}bn valued the group at a premium of {n}% to Friday's close.",
    "Holders will receive ${n}.25 a share, and the deal is expected to close in the second half of 2026.",
    "The lender set aside £{n}m for misconduct charges, up from a year earlier.",
    "Revenue in the quarter rose {n}% to US${n}.4 billion, ahead of the ${n}-{m} billion analysts expected.",
    "The chipmaker will invest up to ₹{n},000 crore in a new plant in the state.",
    "The fund raised {n} billion yen from pension investors and plans to deploy it over three years.",
];

const WITHOUT_MONEY: &[&str] = &[
    "The company, founded in 2011, employs {n},000 people in {n} countries and sold {n} million units.",
    "Its shares rose {n}% in early trading after the Series B round, which was led by two funds.",
    "The regulator said in a statement on Monday that its review would take at least {n} weeks.",
];

/// Builds about `bytes` of text and returns it with the number of amounts it holds.
fn news(bytes: usize) -> (String, usize) {
    let mut text = String::with_capacity(bytes + 200);
    let mut expected = 0;
    let mut i = 0usize;
    while text.len() < bytes {
        let n = 2 + (i * 7) % 90;
        let m = n + 3;
        let (template, count) = if i % 3 == 2 {
            (WITHOUT_MONEY[i % WITHOUT_MONEY.len()], 0)
        } else {
            let t = WITH_MONEY[i % WITH_MONEY.len()];
            // The revenue sentence holds one amount and one range.
            (t, if t.contains("{m}") { 2 } else { 1 })
        };
        text.push_str(
            &template
                .replace("{n}", &n.to_string())
                .replace("{m}", &m.to_string()),
        );
        text.push_str(if i % 4 == 3 { "\n\n" } else { " " });
        expected += count;
        i += 1;
    }
    (text, expected)
}

fn bench_money(c: &mut Criterion) {
    let tagger = MoneyTagger::new();
    let (text, expected) = news(256 * 1024);
    assert_eq!(tagger.find_amounts(&text).len(), expected);
    let mut group = c.benchmark_group("money");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("find_amounts_256k", |b| {
        b.iter(|| {
            let found = tagger.find_amounts(black_box(&text));
            assert_eq!(found.len(), expected);
            found
        })
    });
    group.finish();
}

criterion_group!(benches, bench_money);
criterion_main!(benches);
