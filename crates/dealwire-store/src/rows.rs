//! Turning extractions into rows: one Arrow builder set per table.

use std::sync::Arc;

use arrow::array::{
    ArrayRef, Decimal128Builder, Float32Builder, Int32Builder, Int64Builder, RecordBatch,
    StringBuilder, StringDictionaryBuilder, TimestampMicrosecondBuilder,
};
use arrow::datatypes::{DataType, Int32Type, SchemaRef};
use chrono::{DateTime, Utc};
use dealwire_core::{CharMap, Decimal, Extraction, MentionKind, Reject, Span};
use rust_decimal::RoundingStrategy;

use crate::schema::{DECIMAL_SCALE, MONEY_PRECISION, PERCENT_PRECISION};
use crate::{ArticleMeta, StoreError, Table, schema};

type DictBuilder = StringDictionaryBuilder<Int32Type>;

/// Rows buffered for one table, not yet written.
pub(crate) trait TableRows {
    /// Buffered rows.
    fn len(&self) -> usize;
    /// The buffered rows as a batch; the builders start empty again.
    fn finish(&mut self) -> Result<RecordBatch, StoreError>;
}

/// Builders start with the default decimal and timestamp types; the finished
/// arrays get the schema's precision, scale and time zone.
fn money(b: &mut Decimal128Builder) -> ArrayRef {
    Arc::new(
        b.finish()
            .with_data_type(DataType::Decimal128(MONEY_PRECISION, DECIMAL_SCALE)),
    )
}

fn percent(b: &mut Decimal128Builder) -> ArrayRef {
    Arc::new(
        b.finish()
            .with_data_type(DataType::Decimal128(PERCENT_PRECISION, DECIMAL_SCALE)),
    )
}

fn utc(b: &mut TimestampMicrosecondBuilder) -> ArrayRef {
    Arc::new(b.finish().with_timezone("UTC"))
}

fn batch(table: Table, columns: Vec<ArrayRef>) -> Result<RecordBatch, StoreError> {
    let schema: SchemaRef = schema(table);
    RecordBatch::try_new(schema, columns).map_err(|source| StoreError::Arrow { table, source })
}

/// Offsets and counts: a `String` never exceeds `isize::MAX` bytes, so byte
/// offsets always fit `i64`; indices and counts past `i32::MAX` cannot come
/// from a real article and are saturated rather than refused.
fn i64_of(v: usize) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

fn i32_of(v: usize) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

/// A decimal as the unscaled integer of a `Decimal128(precision, 4)` column,
/// rounded half away from zero; `None` when it does not fit.
pub(crate) fn decimal_units(d: Decimal, precision: u8) -> Option<i128> {
    let scale = u32::try_from(DECIMAL_SCALE).ok()?;
    let r = d.round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero);
    let factor = 10i128.checked_pow(scale.checked_sub(r.scale())?)?;
    let units = r.mantissa().checked_mul(factor)?;
    (units.unsigned_abs() < 10u128.pow(u32::from(precision))).then_some(units)
}

/// The label of a mention kind; core has no `as_str` for it yet, and the enum
/// is non-exhaustive, so kinds added later read as `other` until named here.
fn mention_kind(kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::Name => "name",
        MentionKind::Description => "description",
        MentionKind::Pronoun => "pronoun",
        _ => "other",
    }
}

/// Decimal values of one article, converted before anything is appended so
/// that a bad article leaves no partial rows behind.
struct Checked {
    amounts: Vec<(i128, Option<i128>)>,
    stakes: Vec<Option<i128>>,
}

fn bad(doc: &Extraction, what: &'static str, index: usize, problem: String) -> StoreError {
    StoreError::BadExtraction {
        article_id: doc.article.id.clone(),
        what,
        index,
        problem,
    }
}

fn check_span(
    doc: &Extraction,
    what: &'static str,
    index: usize,
    span: Span,
) -> Result<(), StoreError> {
    match span.get(doc.text()) {
        Some(_) => Ok(()),
        None => Err(bad(
            doc,
            what,
            index,
            format!(
                "has span {}..{} that does not fit the text ({} bytes)",
                span.start(),
                span.end(),
                doc.text().len()
            ),
        )),
    }
}

fn out_of_range(doc: &Extraction, column: &'static str, value: Decimal) -> StoreError {
    StoreError::OutOfRange {
        article_id: doc.article.id.clone(),
        column,
        value: value.to_string(),
    }
}

fn check(doc: &Extraction) -> Result<Checked, StoreError> {
    let entities = doc.entities.len();
    for (i, m) in doc.mentions.iter().enumerate() {
        if m.entity >= entities {
            return Err(bad(
                doc,
                "mention",
                i,
                format!("refers to entity #{} of {entities}", m.entity),
            ));
        }
        check_span(doc, "mention", i, m.span)?;
    }
    let mut amounts = Vec::with_capacity(doc.amounts.len());
    for (i, a) in doc.amounts.iter().enumerate() {
        check_span(doc, "amount", i, a.span)?;
        let value = decimal_units(a.value, MONEY_PRECISION)
            .ok_or_else(|| out_of_range(doc, "value", a.value))?;
        let high = match a.high {
            Some(h) => Some(
                decimal_units(h, MONEY_PRECISION).ok_or_else(|| out_of_range(doc, "high", h))?,
            ),
            None => None,
        };
        amounts.push((value, high));
    }
    let mut stakes = Vec::with_capacity(doc.relations.len());
    for (i, r) in doc.relations.iter().enumerate() {
        for (role, e) in [("subject", r.subject), ("object", r.object)] {
            if e >= entities {
                return Err(bad(
                    doc,
                    "relation",
                    i,
                    format!("has {role} entity #{e} of {entities}"),
                ));
            }
        }
        for (role, a) in [("amount", r.amount), ("valuation", r.valuation)] {
            if let Some(a) = a.filter(|&a| a >= amounts.len()) {
                return Err(bad(
                    doc,
                    "relation",
                    i,
                    format!("has {role} #{a} of {} amounts", amounts.len()),
                ));
            }
        }
        check_span(doc, "relation", i, r.evidence)?;
        let stake = match r.stake_pct {
            Some(s) => Some(
                decimal_units(s, PERCENT_PRECISION)
                    .ok_or_else(|| out_of_range(doc, "stake_pct", s))?,
            ),
            None => None,
        };
        stakes.push(stake);
    }
    Ok(Checked { amounts, stakes })
}

/// Buffered rows of the four article tables.
#[derive(Default)]
pub(crate) struct ArticleRows {
    pub(crate) articles: Articles,
    pub(crate) mentions: Mentions,
    pub(crate) amounts: Amounts,
    pub(crate) relations: Relations,
}

impl ArticleRows {
    /// Appends every row of one article, or nothing when the extraction is inconsistent.
    pub(crate) fn append(
        &mut self,
        doc: &Extraction,
        meta: &ArticleMeta,
    ) -> Result<(), StoreError> {
        let checked = check(doc)?;
        let map = CharMap::new(doc.text());
        self.articles.append(doc, meta, &map);
        self.mentions.append(doc, &map);
        self.amounts.append(doc, &map, &checked.amounts);
        self.relations.append(doc, &map, &checked);
        Ok(())
    }
}

#[derive(Default)]
pub(crate) struct Articles {
    article_id: StringBuilder,
    title: StringBuilder,
    url: StringBuilder,
    source: DictBuilder,
    published_at: TimestampMicrosecondBuilder,
    text_chars: Int64Builder,
    sentence_count: Int32Builder,
    content_sha256: StringBuilder,
    pipeline: DictBuilder,
    processed_at: TimestampMicrosecondBuilder,
    text_bytes: Int64Builder,
    entity_count: Int32Builder,
    mention_count: Int32Builder,
    amount_count: Int32Builder,
    relation_count: Int32Builder,
    len: usize,
}

impl Articles {
    fn append(&mut self, doc: &Extraction, meta: &ArticleMeta, map: &CharMap) {
        let a = &doc.article;
        self.article_id.append_value(&a.id);
        self.title.append_option(a.title.as_deref());
        self.url.append_option(a.url.as_deref());
        self.source.append_option(a.source.as_deref());
        self.published_at
            .append_option(a.published.map(|t| t.timestamp_micros()));
        self.text_chars
            .append_value(i64_of(map.char_offset(a.text.len())));
        self.sentence_count
            .append_value(i32_of(doc.sentences.len()));
        self.content_sha256.append_value(&meta.content_sha256);
        self.pipeline.append_value(&meta.pipeline);
        self.processed_at
            .append_value(meta.processed_at.timestamp_micros());
        self.text_bytes.append_value(i64_of(a.text.len()));
        self.entity_count.append_value(i32_of(doc.entities.len()));
        self.mention_count.append_value(i32_of(doc.mentions.len()));
        self.amount_count.append_value(i32_of(doc.amounts.len()));
        self.relation_count
            .append_value(i32_of(doc.relations.len()));
        self.len += 1;
    }
}

impl TableRows for Articles {
    fn len(&self) -> usize {
        self.len
    }

    fn finish(&mut self) -> Result<RecordBatch, StoreError> {
        self.len = 0;
        batch(
            Table::Articles,
            vec![
                Arc::new(self.article_id.finish()),
                Arc::new(self.title.finish()),
                Arc::new(self.url.finish()),
                Arc::new(self.source.finish()),
                utc(&mut self.published_at),
                Arc::new(self.text_chars.finish()),
                Arc::new(self.sentence_count.finish()),
                Arc::new(self.content_sha256.finish()),
                Arc::new(self.pipeline.finish()),
                utc(&mut self.processed_at),
                Arc::new(self.text_bytes.finish()),
                Arc::new(self.entity_count.finish()),
                Arc::new(self.mention_count.finish()),
                Arc::new(self.amount_count.finish()),
                Arc::new(self.relation_count.finish()),
            ],
        )
    }
}

#[derive(Default)]
pub(crate) struct Mentions {
    article_id: StringBuilder,
    mention_id: StringBuilder,
    entity_id: DictBuilder,
    entity_name: DictBuilder,
    entity_type: DictBuilder,
    entity_role: DictBuilder,
    parent_entity_id: DictBuilder,
    text: StringBuilder,
    start_byte: Int64Builder,
    end_byte: Int64Builder,
    start_char: Int64Builder,
    end_char: Int64Builder,
    sentence_index: Int32Builder,
    kind: DictBuilder,
    method: DictBuilder,
    confidence: Float32Builder,
    parent_entity_name: DictBuilder,
    len: usize,
}

impl Mentions {
    fn append(&mut self, doc: &Extraction, map: &CharMap) {
        let id = &doc.article.id;
        for (i, m) in doc.mentions.iter().enumerate() {
            let e = &doc.entities[m.entity];
            let (start_char, end_char) = map.char_span(m.span);
            self.article_id.append_value(id);
            self.mention_id.append_value(format!("{id}:m{i}"));
            self.entity_id.append_value(&e.id);
            self.entity_name.append_value(&e.name);
            self.entity_type.append_value(e.entity_type.as_str());
            self.entity_role.append_value(e.role.as_str());
            self.parent_entity_id.append_option(e.parent_id.as_deref());
            self.text.append_value(&doc.text()[m.span]);
            self.start_byte.append_value(i64_of(m.span.start()));
            self.end_byte.append_value(i64_of(m.span.end()));
            self.start_char.append_value(i64_of(start_char));
            self.end_char.append_value(i64_of(end_char));
            self.sentence_index.append_value(i32_of(m.sentence));
            self.kind.append_value(mention_kind(m.kind));
            self.method.append_value(m.method.as_str());
            self.confidence.append_value(m.confidence);
            self.parent_entity_name
                .append_option(e.parent_name.as_deref());
        }
        self.len += doc.mentions.len();
    }
}

impl TableRows for Mentions {
    fn len(&self) -> usize {
        self.len
    }

    fn finish(&mut self) -> Result<RecordBatch, StoreError> {
        self.len = 0;
        batch(
            Table::Mentions,
            vec![
                Arc::new(self.article_id.finish()),
                Arc::new(self.mention_id.finish()),
                Arc::new(self.entity_id.finish()),
                Arc::new(self.entity_name.finish()),
                Arc::new(self.entity_type.finish()),
                Arc::new(self.entity_role.finish()),
                Arc::new(self.parent_entity_id.finish()),
                Arc::new(self.text.finish()),
                Arc::new(self.start_byte.finish()),
                Arc::new(self.end_byte.finish()),
                Arc::new(self.start_char.finish()),
                Arc::new(self.end_char.finish()),
                Arc::new(self.sentence_index.finish()),
                Arc::new(self.kind.finish()),
                Arc::new(self.method.finish()),
                Arc::new(self.confidence.finish()),
                Arc::new(self.parent_entity_name.finish()),
            ],
        )
    }
}

#[derive(Default)]
pub(crate) struct Amounts {
    article_id: StringBuilder,
    amount_id: StringBuilder,
    text: StringBuilder,
    value: Decimal128Builder,
    high: Decimal128Builder,
    currency: DictBuilder,
    qualifier: DictBuilder,
    kind: DictBuilder,
    start_byte: Int64Builder,
    end_byte: Int64Builder,
    start_char: Int64Builder,
    end_char: Int64Builder,
    sentence_index: Int32Builder,
    len: usize,
}

impl Amounts {
    fn append(&mut self, doc: &Extraction, map: &CharMap, values: &[(i128, Option<i128>)]) {
        let id = &doc.article.id;
        for (i, (a, &(value, high))) in doc.amounts.iter().zip(values).enumerate() {
            let (start_char, end_char) = map.char_span(a.span);
            self.article_id.append_value(id);
            self.amount_id.append_value(format!("{id}:a{i}"));
            self.text.append_value(&doc.text()[a.span]);
            self.value.append_value(value);
            self.high.append_option(high);
            self.currency.append_value(a.currency.as_str());
            self.qualifier.append_value(a.qualifier.as_str());
            self.kind.append_value(a.kind.as_str());
            self.start_byte.append_value(i64_of(a.span.start()));
            self.end_byte.append_value(i64_of(a.span.end()));
            self.start_char.append_value(i64_of(start_char));
            self.end_char.append_value(i64_of(end_char));
            self.sentence_index.append_value(i32_of(a.sentence));
        }
        self.len += doc.amounts.len();
    }
}

impl TableRows for Amounts {
    fn len(&self) -> usize {
        self.len
    }

    fn finish(&mut self) -> Result<RecordBatch, StoreError> {
        self.len = 0;
        batch(
            Table::Amounts,
            vec![
                Arc::new(self.article_id.finish()),
                Arc::new(self.amount_id.finish()),
                Arc::new(self.text.finish()),
                money(&mut self.value),
                money(&mut self.high),
                Arc::new(self.currency.finish()),
                Arc::new(self.qualifier.finish()),
                Arc::new(self.kind.finish()),
                Arc::new(self.start_byte.finish()),
                Arc::new(self.end_byte.finish()),
                Arc::new(self.start_char.finish()),
                Arc::new(self.end_char.finish()),
                Arc::new(self.sentence_index.finish()),
            ],
        )
    }
}

#[derive(Default)]
pub(crate) struct Relations {
    article_id: StringBuilder,
    relation_id: StringBuilder,
    relation_type: DictBuilder,
    subject_id: DictBuilder,
    subject_name: DictBuilder,
    object_id: DictBuilder,
    object_name: DictBuilder,
    amount_id: StringBuilder,
    amount_value: Decimal128Builder,
    amount_currency: DictBuilder,
    stake_pct: Decimal128Builder,
    valuation_value: Decimal128Builder,
    valuation_currency: DictBuilder,
    status: DictBuilder,
    confidence: Float32Builder,
    sentence_index: Int32Builder,
    evidence: StringBuilder,
    evidence_start_byte: Int64Builder,
    evidence_end_byte: Int64Builder,
    method: DictBuilder,
    valuation_amount_id: StringBuilder,
    evidence_start_char: Int64Builder,
    evidence_end_char: Int64Builder,
    len: usize,
}

impl Relations {
    fn append(&mut self, doc: &Extraction, map: &CharMap, checked: &Checked) {
        let id = &doc.article.id;
        for (i, (r, &stake)) in doc.relations.iter().zip(&checked.stakes).enumerate() {
            let subject = &doc.entities[r.subject];
            let object = &doc.entities[r.object];
            let amount = r.amount.map(|a| (a, &doc.amounts[a], checked.amounts[a].0));
            let valuation = r
                .valuation
                .map(|a| (a, &doc.amounts[a], checked.amounts[a].0));
            let (start_char, end_char) = map.char_span(r.evidence);
            self.article_id.append_value(id);
            self.relation_id.append_value(format!("{id}:r{i}"));
            self.relation_type.append_value(r.relation_type.as_str());
            self.subject_id.append_value(&subject.id);
            self.subject_name.append_value(&subject.name);
            self.object_id.append_value(&object.id);
            self.object_name.append_value(&object.name);
            self.amount_id
                .append_option(amount.map(|(a, _, _)| format!("{id}:a{a}")));
            self.amount_value.append_option(amount.map(|(_, _, v)| v));
            self.amount_currency
                .append_option(amount.map(|(_, a, _)| a.currency.as_str()));
            self.stake_pct.append_option(stake);
            self.valuation_value
                .append_option(valuation.map(|(_, _, v)| v));
            self.valuation_currency
                .append_option(valuation.map(|(_, a, _)| a.currency.as_str()));
            self.status.append_value(r.status.as_str());
            self.confidence.append_value(r.confidence);
            self.sentence_index.append_value(i32_of(r.sentence));
            self.evidence.append_value(&doc.text()[r.evidence]);
            self.evidence_start_byte
                .append_value(i64_of(r.evidence.start()));
            self.evidence_end_byte
                .append_value(i64_of(r.evidence.end()));
            self.method.append_value(r.method);
            self.valuation_amount_id
                .append_option(valuation.map(|(a, _, _)| format!("{id}:a{a}")));
            self.evidence_start_char.append_value(i64_of(start_char));
            self.evidence_end_char.append_value(i64_of(end_char));
        }
        self.len += doc.relations.len();
    }
}

impl TableRows for Relations {
    fn len(&self) -> usize {
        self.len
    }

    fn finish(&mut self) -> Result<RecordBatch, StoreError> {
        self.len = 0;
        batch(
            Table::Relations,
            vec![
                Arc::new(self.article_id.finish()),
                Arc::new(self.relation_id.finish()),
                Arc::new(self.relation_type.finish()),
                Arc::new(self.subject_id.finish()),
                Arc::new(self.subject_name.finish()),
                Arc::new(self.object_id.finish()),
                Arc::new(self.object_name.finish()),
                Arc::new(self.amount_id.finish()),
                money(&mut self.amount_value),
                Arc::new(self.amount_currency.finish()),
                percent(&mut self.stake_pct),
                money(&mut self.valuation_value),
                Arc::new(self.valuation_currency.finish()),
                Arc::new(self.status.finish()),
                Arc::new(self.confidence.finish()),
                Arc::new(self.sentence_index.finish()),
                Arc::new(self.evidence.finish()),
                Arc::new(self.evidence_start_byte.finish()),
                Arc::new(self.evidence_end_byte.finish()),
                Arc::new(self.method.finish()),
                Arc::new(self.valuation_amount_id.finish()),
                Arc::new(self.evidence_start_char.finish()),
                Arc::new(self.evidence_end_char.finish()),
            ],
        )
    }
}

#[derive(Default)]
pub(crate) struct Rejects {
    source_file: DictBuilder,
    line: Int64Builder,
    article_id: StringBuilder,
    code: DictBuilder,
    reason: StringBuilder,
    rejected_at: TimestampMicrosecondBuilder,
    len: usize,
}

impl Rejects {
    pub(crate) fn append(&mut self, r: &Reject, at: DateTime<Utc>) {
        self.source_file.append_value(&r.source);
        self.line
            .append_option(r.line.map(|l| i64::try_from(l).unwrap_or(i64::MAX)));
        self.article_id.append_option(r.article_id.as_deref());
        self.code.append_value(&r.code);
        self.reason.append_value(&r.reason);
        self.rejected_at.append_value(at.timestamp_micros());
        self.len += 1;
    }
}

impl TableRows for Rejects {
    fn len(&self) -> usize {
        self.len
    }

    fn finish(&mut self) -> Result<RecordBatch, StoreError> {
        self.len = 0;
        batch(
            Table::Rejects,
            vec![
                Arc::new(self.source_file.finish()),
                Arc::new(self.line.finish()),
                Arc::new(self.article_id.finish()),
                Arc::new(self.code.finish()),
                Arc::new(self.reason.finish()),
                utc(&mut self.rejected_at),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn decimals_scale_to_four_places() {
        assert_eq!(
            decimal_units(dec("1400000000000"), 38),
            Some(14_000_000_000_000_000)
        );
        assert_eq!(decimal_units(dec("0.5"), 38), Some(5_000));
        assert_eq!(decimal_units(dec("-2.25"), 38), Some(-22_500));
        assert_eq!(decimal_units(dec("1.23456"), 38), Some(12_346));
        assert_eq!(
            decimal_units(dec("0.00005"), 38),
            Some(1),
            "half away from zero"
        );
        assert_eq!(decimal_units(dec("49"), 9), Some(490_000));
        assert_eq!(decimal_units(dec("99999.9999"), 9), Some(999_999_999));
        assert_eq!(decimal_units(dec("100000"), 9), None);
        assert_eq!(
            decimal_units(Decimal::MAX, 38),
            Some(Decimal::MAX.mantissa() * 10_000)
        );
    }

    #[test]
    fn mention_kinds_have_labels() {
        assert_eq!(mention_kind(MentionKind::Name), "name");
        assert_eq!(mention_kind(MentionKind::Description), "description");
        assert_eq!(mention_kind(MentionKind::Pronoun), "pronoun");
    }
}
