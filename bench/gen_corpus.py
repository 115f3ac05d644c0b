#!/usr/bin/env python3
"""Generate a synthetic business-news corpus (JSON Lines) for benchmarks.

Every sentence comes from templates written for this benchmark, filled with
made-up and well-known company names, amounts and phrasings. The output is
deterministic for a given --seed.

    python3 bench/gen_corpus.py --articles 200000 --out /tmp/dw-bench/corpus.jsonl
"""

import argparse
import json
import random

PREFIXES = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Proseware",
            "Woodgrove", "Wingtip", "Alpine", "Coho", "Adatum", "Trey", "Lucerne",
            "Margie", "Humongous", "Blue Yonder", "Graphic", "Fourth", "Southridge",
            "Datum", "Relecloud", "VanArsdel", "Bellows", "Wide World", "Tasmanian",
            "Granite", "Silverline", "Redwood", "Harbor", "Summit", "Kestrel", "Orion"]
CORES = ["Traders", "Robotics", "Systems", "Energy", "Logistics", "Bank", "Foods",
         "Networks", "Pharma", "Capital", "Materials", "Semiconductor", "Motors",
         "Health", "Analytics", "Aerospace", "Media", "Retail", "Software", "Labs"]
SUFFIXES = ["Inc.", "Corp.", "Ltd.", "plc", "LLC", "AG", "SA", "Holdings", "Group", ""]
KNOWN = ["Microsoft", "Amazon", "Alphabet", "Nvidia", "Apple", "Meta Platforms",
         "Oracle", "Intel", "Siemens", "Toyota", "Samsung Electronics", "Nestle",
         "BlackRock", "SoftBank", "Pfizer", "Shell", "Unilever", "Visa"]
CURRENCIES = [("$", ""), ("€", ""), ("£", ""), ("", " yen"), ("US$", "")]
SCALES = ["million", "billion", "mn", "bn"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
PEOPLE = ["Maria Lopez", "John Chen", "Aisha Khan", "Peter Novak", "Yuki Tanaka",
          "Olivia Brown", "Samuel Okafor", "Elena Rossi"]

DEAL_SENTENCES = [
    "{a} said on {day} it agreed to acquire {b} for {amt} in cash.",
    "{a} will buy {b} in a deal valued at about {amt}, the companies said.",
    "{b} raised {amt} in a funding round led by {a}.",
    "{a} invested {amt} in {b}, taking a {pct}% stake.",
    "{a} and {b} signed a multiyear partnership to build data centers worth up to {amt}.",
    "{a} is in talks to buy {b}, people familiar with the matter said.",
    "{a} denied a report that it planned to acquire {b}.",
    "{a} called off its {amt} bid for {b} after regulators raised concerns.",
    "{a} will supply chips to {b} under a contract worth more than {amt}.",
    "{b}, a unit of {a}, said revenue rose {pct}% in the quarter.",
    "{a} competes with {b} in the market for cloud software.",
    "Shares of {b} jumped {pct}% after {a} offered {amt} for the company.",
]
FILLER = [
    "The deal is expected to close in the second half of the year, subject to approvals.",
    "Analysts said the move would strengthen its position in Europe and Asia.",
    "\"This is an important step for our customers,\" said Chief Executive {person}.",
    "The company did not disclose further financial terms.",
    "Revenue for the year is expected to reach {amt}, according to a filing.",
    "Its shares have risen {pct}% since January.",
    "The transaction was approved by the boards of both companies.",
    "{a} employs about {n},000 people in {m} countries.",
]


def company(rng):
    if rng.random() < 0.3:
        return rng.choice(KNOWN)
    name = f"{rng.choice(PREFIXES)} {rng.choice(CORES)}"
    suffix = rng.choice(SUFFIXES)
    return f"{name} {suffix}".strip()


def amount(rng):
    pre, post = rng.choice(CURRENCIES)
    value = rng.choice([rng.randint(1, 999), round(rng.uniform(1, 99), 1)])
    return f"{pre}{value} {rng.choice(SCALES)}{post}".replace(" bn", "bn").replace(" mn", "mn")


def fill(rng, template, a, b):
    return template.format(a=a, b=b, amt=amount(rng), day=rng.choice(DAYS),
                           pct=rng.randint(1, 60), person=rng.choice(PEOPLE),
                           n=rng.randint(1, 300), m=rng.randint(2, 90))


def article(rng, i, paragraphs):
    a, b = company(rng), company(rng)
    paras = []
    for p in range(paragraphs):
        sents = [fill(rng, rng.choice(DEAL_SENTENCES), a, b) if p == 0 or rng.random() < 0.4
                 else fill(rng, rng.choice(FILLER), a, b)]
        sents += [fill(rng, rng.choice(FILLER), a, b) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.3:
            a, b = b, company(rng)
        paras.append(" ".join(sents))
    title = fill(rng, rng.choice(DEAL_SENTENCES), a, b).rstrip(".")
    return {
        "id": f"bench-{i:08d}",
        "title": title,
        "text": "\n\n".join(paras),
        "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "source": "Synthetic Wire",
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200_000)
    ap.add_argument("--paragraphs", type=int, default=6,
                    help="mean paragraphs per article (sets the corpus size)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    size = 0
    with open(args.out, "w", encoding="utf-8") as f:
        for i in range(args.articles):
            n = max(1, int(rng.gauss(args.paragraphs, args.paragraphs / 3)))
            line = json.dumps(article(rng, i, n), ensure_ascii=False) + "\n"
            size += len(line.encode("utf-8"))
            f.write(line)
    print(f"wrote {args.articles} articles, {size / 1e6:.1f} MB to {args.out}")


if __name__ == "__main__":
    main()
