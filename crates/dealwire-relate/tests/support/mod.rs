//! Builds an [`Extraction`] from a sentence with inline marks, independent of
//! the tokenize and tag stages.
//!
//! - `[Amazon]`: a name mention of the organisation "Amazon".
//! - `[the retailer|Amazon]`: a description of "Amazon"; `[it|Amazon]` a pronoun.
//! - `[FTC#regulator]`, `[Britain#gpe]`, `[Sam Altman#person]`, `[AWS#parent=Amazon]`:
//!   role, type or parent of the entity (options after `#`, separated by `,`).
//! - `{$4 billion}`: an amount; followed by " a share" it is per unit, by " a year" per period.

use dealwire_core::{
    Amount, AmountKind, Article, Currency, Decimal, Entity, EntityRole, EntityType, Extraction,
    Mention, MentionKind, MentionMethod, Qualifier, Sentence, Span,
};

const PRONOUNS: [&str; 7] = ["it", "its", "they", "their", "them", "itself", "it's"];

/// The extraction for `markup`, published on `published` (`YYYY-MM-DD`) when given.
pub fn build(markup: &str, published: Option<&str>) -> Extraction {
    let mut text = String::new();
    let mut marks: Vec<(Span, Mark)> = Vec::new();
    let mut rest = markup;
    while let Some(i) = rest.find(['[', '{']) {
        text.push_str(&rest[..i]);
        let open = rest.as_bytes()[i];
        let close = if open == b'[' { ']' } else { '}' };
        let j = rest[i..].find(close).expect("unclosed mark") + i;
        let inner = &rest[i + 1..j];
        let start = text.len();
        if open == b'[' {
            let (body, opts) = inner.split_once('#').unwrap_or((inner, ""));
            let (surface, name) = body.split_once('|').unwrap_or((body, body));
            text.push_str(surface);
            marks.push((
                Span::new(start, text.len()),
                Mark::Entity {
                    name: name.to_owned(),
                    opts: opts.to_owned(),
                    surface: surface.to_owned(),
                },
            ));
        } else {
            text.push_str(inner);
            marks.push((Span::new(start, text.len()), Mark::Amount));
        }
        rest = &rest[j + 1..];
    }
    text.push_str(rest);

    let mut article = Article::new("t", text.clone());
    article.published = published.map(|d| {
        chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .expect("date")
            .and_hms_opt(0, 0, 0)
            .expect("midnight")
            .and_utc()
    });
    let mut doc = Extraction::new(article);
    doc.paragraphs.push(Span::new(0, text.len()));
    doc.sentences = split_sentences(&text, &marks);
    for (span, mark) in &marks {
        let sentence = doc
            .sentence_at(span.start())
            .expect("mark outside sentences");
        match mark {
            Mark::Entity {
                name,
                opts,
                surface,
            } => {
                let entity = entity_index(&mut doc.entities, name, opts);
                let kind = if PRONOUNS.contains(&surface.to_lowercase().as_str()) {
                    MentionKind::Pronoun
                } else if surface == name {
                    MentionKind::Name
                } else {
                    MentionKind::Description
                };
                doc.mentions.push(Mention {
                    span: *span,
                    entity,
                    sentence,
                    kind,
                    method: MentionMethod::Gazetteer,
                    confidence: 1.0,
                });
            }
            Mark::Amount => {
                let after = text[span.end()..].to_lowercase();
                let kind = if [" a share", " per share", " each"]
                    .iter()
                    .any(|w| after.starts_with(w))
                {
                    AmountKind::PerUnit
                } else if [" a year", " per year", " annually"]
                    .iter()
                    .any(|w| after.starts_with(w))
                {
                    AmountKind::PerPeriod
                } else {
                    AmountKind::Total
                };
                let (value, currency) = parse_amount(&text[span.range()]);
                doc.amounts.push(Amount {
                    span: *span,
                    value,
                    high: None,
                    currency,
                    qualifier: Qualifier::Exact,
                    kind,
                    sentence,
                });
            }
        }
    }
    doc
}

enum Mark {
    Entity {
        name: String,
        opts: String,
        surface: String,
    },
    Amount,
}

fn entity_index(entities: &mut Vec<Entity>, name: &str, opts: &str) -> usize {
    if let Some(i) = entities.iter().position(|e| e.name == name) {
        return i;
    }
    let mut entity = Entity {
        id: format!("t:{name}"),
        name: name.to_owned(),
        entity_type: EntityType::Org,
        role: EntityRole::Party,
        parent_id: None,
        parent_name: None,
    };
    for opt in opts.split(',').filter(|o| !o.is_empty()) {
        match opt {
            "regulator" => entity.role = EntityRole::Regulator,
            "court" => entity.role = EntityRole::Court,
            "media" => entity.role = EntityRole::Media,
            "analyst" => entity.role = EntityRole::Analyst,
            "gpe" => entity.entity_type = EntityType::Gpe,
            "person" => entity.entity_type = EntityType::Person,
            o => {
                let parent = o.strip_prefix("parent=").expect("unknown option");
                entity.parent_id = Some(format!("t:{parent}"));
                entity.parent_name = Some(parent.to_owned());
            }
        }
    }
    entities.push(entity);
    entities.len() - 1
}

/// Sentences end at ". ", "! ", "? " (or the end) outside marks.
fn split_sentences(text: &str, marks: &[(Span, Mark)]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let inside = |i: usize| marks.iter().any(|(s, _)| s.start() <= i && i < s.end());
    for i in 0..bytes.len() {
        let end_mark = matches!(bytes[i], b'.' | b'!' | b'?');
        let boundary = i + 1 == bytes.len() || bytes[i + 1] == b' ';
        if end_mark && boundary && !inside(i) {
            let s = text[start..=i].trim_start();
            let s_start = i + 1 - s.len();
            out.push(Sentence {
                span: Span::new(s_start, i + 1),
                paragraph: 0,
                token_start: 0,
                token_end: 0,
            });
            start = i + 1;
        }
    }
    if !text[start..].trim().is_empty() {
        let s = text[start..].trim();
        let s_start = text[start..].find(s).map_or(start, |k| start + k);
        out.push(Sentence {
            span: Span::new(s_start, s_start + s.len()),
            paragraph: 0,
            token_start: 0,
            token_end: 0,
        });
    }
    out
}

fn parse_amount(s: &str) -> (Decimal, Currency) {
    let currency = if s.contains('€') || s.contains("euro") {
        Currency::EUR
    } else if s.contains('£') || s.contains("pound") {
        Currency::GBP
    } else if s.contains('¥') || s.contains("yen") {
        Currency::from_code("JPY").expect("code")
    } else {
        Currency::USD
    };
    let num: String = s
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let base: Decimal = num.parse().unwrap_or_default();
    let lower = s.to_lowercase();
    let scale: i64 = if lower.contains("trillion") || lower.ends_with("tn") {
        1_000_000_000_000
    } else if lower.contains("billion") || lower.ends_with("bn") || lower.ends_with('b') {
        1_000_000_000
    } else if lower.contains("million") || lower.ends_with('m') {
        1_000_000
    } else {
        1
    };
    (base * Decimal::from(scale), currency)
}
