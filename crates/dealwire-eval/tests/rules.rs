//! One test per scoring rule of `shared/spec/gold-format.md`, on hand-built
//! extractions of invented articles.

// The helpers below are test code too: a panic in them is a failed test.
#![allow(clippy::unwrap_used)]

use std::str::FromStr;

use dealwire_core::{
    Amount, AmountKind, Article, Currency, Decimal, Entity, EntityRole, EntityType, Extraction,
    Mention, MentionKind, MentionMethod, Qualifier, Relation, RelationType, Span, Status,
};
use dealwire_eval::{ArticleScore, Counts, GoldArticle, aggregate, score_article};
use serde_json::{Value, json};

use RelationType::{Acquirer, Investor, Partner, Rival, Subsidiary, Supplier};

const TEXT: &str = "Zorblax Inc. said it will invest $120 million in Quarnet. \
    Quarnet Cloud, the cloud unit of Quarnet, will supply Zorblax. \
    The company also named Velmora Bio a rival.";

/// A hand-built extraction over one text.
struct Doc {
    ext: Extraction,
}

impl Doc {
    fn new(text: &str) -> Self {
        Self {
            ext: Extraction::new(Article::new("t", text)),
        }
    }

    fn entity(&mut self, name: &str, entity_type: EntityType, parent: Option<&str>) -> usize {
        self.ext.entities.push(Entity {
            id: format!("test:{name}"),
            name: name.to_owned(),
            entity_type,
            role: EntityRole::Party,
            parent_id: parent.map(|p| format!("test:{p}")),
            parent_name: parent.map(str::to_owned),
        });
        self.ext.entities.len() - 1
    }

    /// An ORG entity with a name mention at the first occurrence of `name`, if any.
    fn org(&mut self, name: &str) -> usize {
        let e = self.entity(name, EntityType::Org, None);
        if self.ext.text().contains(name) {
            self.mention(e, name, MentionKind::Name);
        }
        e
    }

    fn mention(&mut self, entity: usize, surface: &str, kind: MentionKind) {
        let start = self.ext.text().find(surface).unwrap();
        let span = Span::checked(self.ext.text(), start, start + surface.len()).unwrap();
        assert_eq!(&self.ext.text()[span], surface);
        self.ext.mentions.push(Mention {
            span,
            entity,
            sentence: 0,
            kind,
            method: MentionMethod::Gazetteer,
            confidence: 1.0,
        });
    }

    /// An amount over the `nth` occurrence of `surface`.
    fn amount_at(&mut self, surface: &str, nth: usize, value: &str, currency: Currency) -> usize {
        let (start, _) = self.ext.text().match_indices(surface).nth(nth).unwrap();
        let span = Span::checked(self.ext.text(), start, start + surface.len()).unwrap();
        self.ext.amounts.push(Amount {
            span,
            value: Decimal::from_str(value).unwrap(),
            high: None,
            currency,
            qualifier: Qualifier::Exact,
            kind: AmountKind::Total,
            sentence: 0,
        });
        self.ext.amounts.len() - 1
    }

    fn amount(&mut self, surface: &str, value: &str, currency: Currency) -> usize {
        self.amount_at(surface, 0, value, currency)
    }

    fn rel(&mut self, t: RelationType, s: usize, o: usize) -> usize {
        self.rel_full(t, s, o, None, Status::Announced)
    }

    fn rel_full(
        &mut self,
        t: RelationType,
        s: usize,
        o: usize,
        amount: Option<usize>,
        status: Status,
    ) -> usize {
        self.ext.relations.push(Relation {
            relation_type: t,
            subject: s,
            object: o,
            amount,
            stake_pct: None,
            valuation: None,
            status,
            confidence: 1.0,
            sentence: 0,
            evidence: Span::new(0, 10),
            method: "test_rule",
        });
        self.ext.relations.len() - 1
    }
}

fn ent(name: &str, aliases: &[&str], parent: Option<&str>) -> Value {
    json!({"name": name, "type": "ORG", "aliases": aliases, "parent": parent})
}

fn line(t: &str, subject: &str, object: &str) -> Value {
    json!({"type": t, "subject": subject, "object": object, "amount": null,
           "status": "announced", "evidence": "", "optional": false})
}

fn with(mut v: Value, key: &str, value: Value) -> Value {
    v[key] = value;
    v
}

fn gold(text: &str, entities: Value, amounts: Value, relations: Value) -> GoldArticle {
    serde_json::from_value(json!({"id": "t", "title": "T", "published": "2024-01-02",
        "source": "test", "text": text, "entities": entities, "amounts": amounts,
        "relations": relations}))
    .unwrap()
}

/// The standard gold entities of [`TEXT`].
fn entities() -> Value {
    json!([
        ent("Zorblax", &["Zorblax Inc.", "Zorblax"], None),
        ent("Quarnet", &["Quarnet"], None),
        ent("Quarnet Cloud", &["Quarnet Cloud"], Some("Quarnet")),
        ent("Velmora Bio", &["Velmora Bio"], Some("Velmora Group")),
    ])
}

fn relations_of(g: &GoldArticle, doc: &Doc) -> Counts {
    score_article(g, &doc.ext).relations
}

fn c(tp: usize, fp: usize, fn_: usize) -> Counts {
    Counts::new(tp, fp, fn_)
}

#[test]
fn names_match_after_case_the_possessive_and_legal_suffix() {
    let g = gold(
        TEXT,
        entities(),
        json!([]),
        json!([line("partner", "Zorblax", "Quarnet")]),
    );
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("The ZORBLAX, Corp.", EntityType::Org, None);
    let q = doc.entity("Quarnet’s", EntityType::Org, None);
    doc.rel(Partner, z, q);
    assert_eq!(relations_of(&g, &doc), c(1, 0, 0));

    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax Systems", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    doc.rel(Partner, z, q);
    assert_eq!(
        relations_of(&g, &doc),
        c(0, 1, 1),
        "a different word is not a suffix"
    );
}

#[test]
fn gold_aliases_match() {
    let text = "Amazon Web Services (AWS) signed a deal with Quarnet.";
    let g = gold(
        text,
        json!([
            ent("Amazon Web Services", &["Amazon Web Services", "AWS"], None),
            ent("Quarnet", &["Quarnet"], None)
        ]),
        json!([]),
        json!([line("partner", "Amazon Web Services", "Quarnet")]),
    );
    let mut doc = Doc::new(text);
    let a = doc.entity("AWS", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    doc.rel(Partner, q, a);
    assert_eq!(relations_of(&g, &doc), c(1, 0, 0));
}

#[test]
fn name_mentions_count_as_names_but_descriptions_do_not() {
    let g = gold(
        TEXT,
        entities(),
        json!([]),
        json!([line("rival", "Zorblax", "Velmora Bio")]),
    );
    // The predicted names match nothing; the name mentions do.
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax Holdings", EntityType::Org, None);
    doc.mention(z, "Zorblax Inc.", MentionKind::Name);
    let v = doc.entity("Velmora Biosciences", EntityType::Org, None);
    doc.mention(v, "Velmora Bio", MentionKind::Name);
    doc.rel(Rival, z, v);
    assert_eq!(relations_of(&g, &doc), c(1, 0, 0));

    // The same spans as descriptions or pronouns do not name the party.
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax Holdings", EntityType::Org, None);
    doc.mention(z, "Zorblax Inc.", MentionKind::Description);
    doc.mention(z, "The company", MentionKind::Description);
    let v = doc.entity("Velmora Biosciences", EntityType::Org, None);
    doc.mention(v, "Velmora Bio", MentionKind::Pronoun);
    doc.rel(Rival, z, v);
    assert_eq!(relations_of(&g, &doc), c(0, 1, 1));
}

#[test]
fn parent_matches_unit_and_unit_matches_parent() {
    // Gold names the unit, the prediction the parent.
    let g = gold(
        TEXT,
        entities(),
        json!([]),
        json!([line("supplier", "Quarnet Cloud", "Zorblax")]),
    );
    let mut doc = Doc::new(TEXT);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    doc.rel(Supplier, q, z);
    assert_eq!(relations_of(&g, &doc), c(1, 0, 0));

    // Gold names the parent, the prediction the unit (a gold unit of it).
    let g = gold(
        TEXT,
        entities(),
        json!([]),
        json!([line("supplier", "Quarnet", "Zorblax")]),
    );
    let mut doc = Doc::new(TEXT);
    let q = doc.entity("Quarnet Cloud", EntityType::Org, None);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    doc.rel(Supplier, q, z);
    assert_eq!(relations_of(&g, &doc), c(1, 0, 0));

    // A unit unknown to gold, whose predicted parent_name is the gold party.
    let mut doc = Doc::new(TEXT);
    let q = doc.entity("Quarnet Robotics", EntityType::Org, Some("Quarnet Inc."));
    let z = doc.entity("Zorblax", EntityType::Org, None);
    doc.rel(Supplier, q, z);
    assert_eq!(relations_of(&g, &doc), c(1, 0, 0));

    // A gold parent that is not itself a gold entity.
    let g = gold(
        TEXT,
        entities(),
        json!([]),
        json!([line("rival", "Zorblax", "Velmora Bio")]),
    );
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let v = doc.entity("Velmora Group", EntityType::Org, None);
    doc.rel(Rival, z, v);
    assert_eq!(relations_of(&g, &doc), c(1, 0, 0));
}

#[test]
fn siblings_are_not_the_same_party() {
    let g = gold(
        TEXT,
        entities(),
        json!([]),
        json!([line("supplier", "Quarnet Cloud", "Zorblax")]),
    );
    let mut doc = Doc::new(TEXT);
    let q = doc.entity("Quarnet Chips", EntityType::Org, Some("Quarnet"));
    let z = doc.entity("Zorblax", EntityType::Org, None);
    doc.rel(Supplier, q, z);
    assert_eq!(relations_of(&g, &doc), c(0, 1, 1));
}

#[test]
fn subsidiary_parties_must_match_exactly() {
    let g = gold(
        TEXT,
        entities(),
        json!([]),
        json!([line("subsidiary", "Quarnet Cloud", "Quarnet")]),
    );
    let mut doc = Doc::new(TEXT);
    let parent = doc.entity("Quarnet", EntityType::Org, None);
    let parent2 = doc.entity("Quarnet", EntityType::Org, None);
    doc.rel(Subsidiary, parent, parent2);
    assert_eq!(relations_of(&g, &doc), c(0, 1, 1), "unit of itself");

    let mut doc = Doc::new(TEXT);
    let unit = doc.entity("Quarnet Cloud", EntityType::Org, None);
    let parent = doc.entity("Quarnet", EntityType::Org, None);
    doc.rel(Subsidiary, unit, parent);
    assert_eq!(relations_of(&g, &doc), c(1, 0, 0));
}

#[test]
fn directed_types_need_the_order_undirected_do_not() {
    let g = gold(
        TEXT,
        entities(),
        json!([]),
        json!([
            line("investor", "Zorblax", "Quarnet"),
            line("rival", "Zorblax", "Velmora Bio")
        ]),
    );
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    let v = doc.entity("Velmora Bio", EntityType::Org, None);
    doc.rel(Investor, q, z);
    doc.rel(Rival, v, z);
    let s = score_article(&g, &doc.ext);
    assert_eq!(s.relations, c(1, 1, 1));
    assert_eq!(s.missed.len(), 1);
    assert_eq!(s.missed[0].relation_type, Investor);
    assert_eq!(s.spurious[0].subject, "Quarnet");

    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    doc.rel(Investor, z, q);
    doc.rel(Acquirer, z, q);
    assert_eq!(
        relations_of(&g, &doc),
        c(1, 1, 1),
        "acquirer is not investor"
    );
}

#[test]
fn alt_types_of_undirected_lines_take_either_order() {
    let partner_alt = with(
        line("partner", "Zorblax", "Quarnet"),
        "alt_types",
        json!(["supplier"]),
    );
    let g = gold(TEXT, entities(), json!([]), json!([partner_alt]));
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    doc.rel(Supplier, q, z);
    assert_eq!(relations_of(&g, &doc), c(1, 0, 0));

    // A directed line with an undirected alt type: the alt type takes either
    // order, the line's own type does not.
    let supplier_alt = with(
        line("supplier", "Quarnet", "Zorblax"),
        "alt_types",
        json!(["partner"]),
    );
    let g = gold(TEXT, entities(), json!([]), json!([supplier_alt]));
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    doc.rel(Partner, z, q);
    assert_eq!(relations_of(&g, &doc), c(1, 0, 0));
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    doc.rel(Supplier, z, q);
    assert_eq!(relations_of(&g, &doc), c(0, 1, 1));

    // Directed line, directed alt type: order counts.
    let investor_alt = with(
        line("investor", "Zorblax", "Quarnet"),
        "alt_types",
        json!(["acquirer"]),
    );
    let g = gold(TEXT, entities(), json!([]), json!([investor_alt]));
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    doc.rel(Acquirer, q, z);
    assert_eq!(relations_of(&g, &doc), c(0, 1, 1));
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    doc.rel(Acquirer, z, q);
    assert_eq!(relations_of(&g, &doc), c(1, 0, 0));
}

#[test]
fn optional_lines_are_neither_required_nor_penalised() {
    let optional = with(
        line("rival", "Zorblax", "Velmora Bio"),
        "optional",
        json!(true),
    );
    let g = gold(
        TEXT,
        entities(),
        json!([]),
        json!([optional, line("investor", "Zorblax", "Quarnet")]),
    );
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    let v = doc.entity("Velmora Bio", EntityType::Org, None);
    doc.rel(Rival, v, z);
    doc.rel(Rival, q, z);
    let s = score_article(&g, &doc.ext);
    assert_eq!(
        s.relations,
        Counts {
            tp: 0,
            fp: 1,
            fn_: 1,
            ignored: 1
        }
    );
    assert_eq!(s.relation_amount.ignored, 1);
    assert_eq!(s.spurious.len(), 1);
    assert_eq!(s.spurious[0].object, "Zorblax");
    assert_eq!(s.spurious[0].subject, "Quarnet");
    assert_eq!(s.missed.len(), 1, "the optional line is not missed");
    assert_eq!(s.status.total, 0);
}

#[test]
fn matching_is_one_to_one_and_maximum() {
    let g = gold(
        TEXT,
        entities(),
        json!([]),
        json!([line("investor", "Zorblax", "Quarnet")]),
    );
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    doc.rel(Investor, z, q);
    doc.rel(Investor, z, q);
    assert_eq!(
        relations_of(&g, &doc),
        c(1, 1, 0),
        "a duplicate is a false positive"
    );

    // The first prediction fits both lines, the second only the first line:
    // a greedy pairing finds one pair, the maximum matching two.
    let partner_alt = with(
        line("partner", "Quarnet", "Zorblax"),
        "alt_types",
        json!(["supplier"]),
    );
    let g = gold(
        TEXT,
        entities(),
        json!([]),
        json!([partner_alt, line("supplier", "Quarnet", "Zorblax")]),
    );
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    doc.rel(Supplier, q, z);
    doc.rel(Partner, z, q);
    assert_eq!(relations_of(&g, &doc), c(2, 0, 0));
}

fn investment_gold(amount: Option<&str>) -> GoldArticle {
    gold(
        TEXT,
        entities(),
        json!([{"text": "$120 million", "value": 120000000, "currency": "USD", "qualifier": "exact"}]),
        json!([with(
            line("investor", "Zorblax", "Quarnet"),
            "amount",
            json!(amount)
        )]),
    )
}

fn investment(value: Option<(&str, Currency)>, status: Status) -> Doc {
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    let a = value.map(|(v, cur)| doc.amount("$120 million", v, cur));
    doc.rel_full(Investor, z, q, a, status);
    doc
}

#[test]
fn relation_amount_needs_value_within_half_a_percent_and_currency() {
    let g = investment_gold(Some("$120 million"));
    for (value, currency, hit) in [
        ("120000000", Currency::USD, true),
        ("120600000", Currency::USD, true),
        ("119400000", Currency::USD, true),
        ("120700000", Currency::USD, false),
        ("12000000", Currency::USD, false),
        ("120000000", Currency::EUR, false),
    ] {
        let doc = investment(Some((value, currency)), Status::Announced);
        let s = score_article(&g, &doc.ext);
        assert_eq!(s.relations, c(1, 0, 0), "{value} {currency}");
        let expected = if hit { c(1, 0, 0) } else { c(0, 1, 1) };
        assert_eq!(s.relation_amount, expected, "{value} {currency}");
    }
    let doc = investment(None, Status::Announced);
    assert_eq!(
        score_article(&g, &doc.ext).relation_amount,
        c(0, 1, 1),
        "amount missing"
    );
}

#[test]
fn null_amount_matches_only_null() {
    let g = investment_gold(None);
    let doc = investment(None, Status::Announced);
    assert_eq!(score_article(&g, &doc.ext).relation_amount, c(1, 0, 0));
    let doc = investment(Some(("120000000", Currency::USD)), Status::Announced);
    let s = score_article(&g, &doc.ext);
    assert_eq!(s.relations, c(1, 0, 0));
    assert_eq!(s.relation_amount, c(0, 1, 1));
}

#[test]
fn status_accuracy_is_over_matched_pairs() {
    let g = gold(
        TEXT,
        entities(),
        json!([]),
        json!([
            line("investor", "Zorblax", "Quarnet"),
            line("rival", "Zorblax", "Velmora Bio")
        ]),
    );
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    let v = doc.entity("Velmora Bio", EntityType::Org, None);
    doc.rel_full(Investor, z, q, None, Status::Rumored);
    doc.rel_full(Rival, z, v, None, Status::Announced);
    doc.rel_full(Acquirer, q, v, None, Status::Announced);
    let s = score_article(&g, &doc.ext);
    assert_eq!(s.relations, c(2, 1, 0));
    assert_eq!((s.status.correct, s.status.total), (1, 2));
}

#[test]
fn duplicate_predictions_prefer_the_pair_that_agrees() {
    let g = investment_gold(Some("$120 million"));
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    let a = doc.amount("$120 million", "120000000", Currency::USD);
    doc.rel_full(Investor, z, q, None, Status::Rumored);
    doc.rel_full(Investor, z, q, Some(a), Status::Announced);
    let s = score_article(&g, &doc.ext);
    assert_eq!(s.relations, c(1, 1, 0));
    assert_eq!(s.relation_amount, c(1, 1, 0));
    assert_eq!((s.status.correct, s.status.total), (1, 1));
}

#[test]
fn entities_count_distinct_predicted_orgs_without_merging() {
    let text = "Exxon Mobil Corp. said Exxon will buy Quarnet Cloud from Jane Doe.";
    let g = gold(
        text,
        json!([ent("Exxon Mobil", &["Exxon Mobil Corp.", "Exxon"], None),
               ent("Quarnet Cloud", &["Quarnet Cloud"], Some("Quarnet")),
               {"name": "Jane Doe", "type": "PERSON", "aliases": ["Jane Doe"]}]),
        json!([]),
        json!([]),
    );
    let mut doc = Doc::new(text);
    doc.org("Exxon Mobil");
    doc.org("Exxon");
    let person = doc.entity("Jane Doe", EntityType::Person, None);
    doc.mention(person, "Jane Doe", MentionKind::Name);
    doc.entity("Velmora", EntityType::Org, None); // no mention: not counted
    assert_eq!(score_article(&g, &doc.ext).entities, c(1, 1, 1));

    // No parent/unit rule for entities.
    let mut doc = Doc::new(text);
    let e = doc.org("Exxon Mobil");
    doc.mention(e, "Exxon", MentionKind::Name);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    doc.mention(q, "Quarnet", MentionKind::Name);
    assert_eq!(score_article(&g, &doc.ext).entities, c(1, 1, 1));
}

#[test]
fn amounts_match_by_overlap_value_and_currency() {
    let text = "Zorblax raised €40 million, about $43 million, from Quarnet.";
    let g = gold(
        text,
        json!([]),
        json!([{"text": "€40 million", "value": 40000000, "currency": "EUR", "qualifier": "exact"},
               {"text": "$43 million", "value": 43000000, "currency": "USD", "qualifier": "approx"}]),
        json!([]),
    );
    let mut doc = Doc::new(text);
    doc.amount("40 million", "40000000", Currency::EUR);
    doc.amount("$43 million", "43000000", Currency::EUR);
    assert_eq!(
        score_article(&g, &doc.ext).amounts,
        c(1, 1, 1),
        "partial overlap, wrong currency"
    );

    let mut doc = Doc::new(text);
    doc.amount("€40 million", "40150000", Currency::EUR);
    doc.amount("$43 million", "43300000", Currency::USD);
    assert_eq!(
        score_article(&g, &doc.ext).amounts,
        c(1, 1, 1),
        "0.375% in, 0.7% out"
    );

    let mut doc = Doc::new(text);
    doc.amount("Zorblax", "43000000", Currency::USD);
    assert_eq!(
        score_article(&g, &doc.ext).amounts,
        c(0, 1, 2),
        "no overlap"
    );
}

#[test]
fn a_repeated_amount_text_listed_once_is_not_counted_twice() {
    let text = "Quarnet paid $5 million for the lab. The $5 million came from reserves.";
    let g = gold(
        text,
        json!([]),
        json!([{"text": "$5 million", "value": 5000000, "currency": "USD", "qualifier": "exact"}]),
        json!([]),
    );
    let mut doc = Doc::new(text);
    doc.amount_at("$5 million", 0, "5000000", Currency::USD);
    doc.amount_at("$5 million", 1, "5000000", Currency::USD);
    let s = score_article(&g, &doc.ext);
    assert_eq!(
        s.amounts,
        Counts {
            tp: 1,
            fp: 0,
            fn_: 0,
            ignored: 1
        }
    );

    // Two predictions of the same occurrence: the second is a false positive.
    let mut doc = Doc::new(text);
    doc.amount_at("$5 million", 1, "5000000", Currency::USD);
    doc.amount_at("$5 million", 1, "5000000", Currency::USD);
    assert_eq!(score_article(&g, &doc.ext).amounts, c(1, 1, 0));
}

fn one_relation_article(
    id: &str,
    predicted: &[(RelationType, Status)],
    gold_lines: usize,
) -> ArticleScore {
    let lines: Vec<Value> = [
        line("investor", "Zorblax", "Quarnet"),
        line("rival", "Zorblax", "Velmora Bio"),
        line("supplier", "Quarnet Cloud", "Zorblax"),
    ]
    .into_iter()
    .take(gold_lines)
    .collect();
    let mut g = gold(TEXT, entities(), json!([]), Value::Array(lines));
    g.id = id.to_owned();
    let mut doc = Doc::new(TEXT);
    let z = doc.entity("Zorblax", EntityType::Org, None);
    let q = doc.entity("Quarnet", EntityType::Org, None);
    for &(t, status) in predicted {
        doc.rel_full(t, z, q, None, status);
    }
    score_article(&g, &doc.ext)
}

#[test]
fn figures_are_micro_averaged() {
    // Article a: 1 tp. Article b: 0 tp, 1 fp, 3 fn. Macro-averaged precision
    // would be (1 + 0) / 2 = 0.5 too, but recall (1 + 0) / 2 = 0.5, not 1/4.
    let a = one_relation_article("a", &[(Investor, Status::Announced)], 1);
    let b = one_relation_article("b", &[(Acquirer, Status::Announced)], 3);
    assert_eq!(b.relations, c(0, 1, 3));
    let report = aggregate(&[a, b]);
    assert_eq!(report.articles, 2);
    assert_eq!(report.relations.counts, c(1, 1, 3));
    assert!((report.relations.precision - 0.5).abs() < 1e-9);
    assert!((report.relations.recall - 0.25).abs() < 1e-9);
    assert!((report.relations.f1 - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!((report.status.correct, report.status.total), (1, 1));
    let investor = &report.per_type[0];
    assert_eq!(investor.relation_type, Investor);
    assert_eq!(investor.figures.counts, c(1, 0, 1));
    let acquirer = &report.per_type[1];
    assert_eq!(acquirer.figures.counts, c(0, 1, 0));
    assert_eq!(report.details.len(), 1);
    assert_eq!(report.details[0].id, "b");
    assert_eq!(report.details[0].missed.len(), 3);
    assert_eq!(report.details[0].spurious[0].method, "test_rule");
    assert_eq!(report.details[0].spurious[0].evidence, "Zorblax In");
}

#[test]
fn report_renders_as_table_and_json() {
    let a = one_relation_article("a", &[(Investor, Status::Rumored)], 2);
    let report = aggregate(&[a]);
    let table = report.to_string();
    assert!(table.contains("relation+amount"), "{table}");
    assert!(table.contains("status accuracy: 0/1 = 0.000"), "{table}");
    assert!(!table.contains("missed"), "{table}");
    let verbose = report.render(true);
    assert!(verbose.contains("== a"), "{verbose}");
    assert!(
        verbose.contains("missed   rival(Zorblax -> Velmora Bio)"),
        "{verbose}"
    );

    let json: Value = serde_json::to_value(&report).unwrap();
    assert_eq!(json["relations"]["tp"], 1);
    assert_eq!(json["relations"]["fn"], 1);
    assert_eq!(json["relations"]["precision"], 1.0);
    assert_eq!(json["status"]["total"], 1);
    assert_eq!(json["per_type"][0]["relation_type"], "investor");
    assert_eq!(json["details"][0]["missed"][0]["relation_type"], "rival");
    for key in ["entities", "amounts", "relation_amount"] {
        assert!(json[key]["f1"].is_number(), "{key}");
    }
}
