//! Turning extractions into rows: one Arrow builder set per table.

use std::fmt::Write;
use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, Decimal128Builder, DictionaryArray, Float32Builder, Int32Array, Int32Builder,
    Int64Builder, RecordBatch, StringArray, StringBuilder, TimestampMicrosecondBuilder,
};
use arrow::datatypes::{DataType, Int32Type, SchemaRef};
use arrow::error::ArrowError;
use chrono::{DateTime, Utc};
use dealwire_core::{Decimal, Extraction, MentionKind, Reject, Span};
use rust_decimal::RoundingStrategy;

use crate::schema::{DECIMAL_SCALE, MONEY_PRECISION, PERCENT_PRECISION};
use crate::{ArticleMeta, StoreError, Table, schema};

/// The builder of a `Dictionary(Int32, Utf8)` column that does not
/// deduplicate: row `i` gets key `i`. The Parquet writer interns every value
/// into its own dictionary whatever the Arrow keys are, so hashing the values
/// here as well would only do the same work twice; the file is the same.
#[derive(Default)]
pub(crate) struct DictBuilder {
    values: StringBuilder,
}

impl DictBuilder {
    fn append_value(&mut self, value: &str) {
        self.values.append_value(value);
    }

    fn append_option(&mut self, value: Option<&str>) {
        self.values.append_option(value);
    }

    /// The buffered rows as a dictionary array, nulls on the keys as in
    /// `StringDictionaryBuilder`; the builder starts empty again.
    fn finish(&mut self, table: Table) -> Result<ArrayRef, StoreError> {
        let arrow = |source| StoreError::Arrow { table, source };
        let (offsets, data, nulls) = self.values.finish().into_parts();
        let values = StringArray::try_new(offsets, data, None).map_err(arrow)?;
        let len = i32::try_from(values.len())
            .map_err(|_| arrow(ArrowError::DictionaryKeyOverflowError))?;
        let keys = Int32Array::new((0..len).collect(), nulls);
        let dict = DictionaryArray::<Int32Type>::try_new(keys, Arc::new(values)).map_err(arrow)?;
        Ok(Arc::new(dict))
    }
}

/// Appends `{id}{tag}{n}` ("a1:m3") as one value, with no temporary `String`.
fn append_id(b: &mut StringBuilder, id: &str, tag: &str, n: usize) {
    write_id(b, id, tag, n);
    b.append_value("");
}

fn append_id_option(b: &mut StringBuilder, id: &str, tag: &str, n: Option<usize>) {
    match n {
        Some(n) => append_id(b, id, tag, n),
        None => b.append_null(),
    }
}

fn write_id(b: &mut StringBuilder, id: &str, tag: &str, n: usize) {
    // Writing to a `StringBuilder` cannot fail.
    let _ = b.write_str(id);
    let _ = b.write_str(tag);
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut rest = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        let _ = b.write_char(char::from(d));
    }
}

/// Bytes per block of [`CharIndex`]: a lookup counts at most this many bytes.
const CHAR_BLOCK: usize = 64;

/// Character offsets of byte offsets in one article's text.
///
/// A character offset is the byte offset less the UTF-8 continuation bytes
/// before it; they are counted once per block of [`CHAR_BLOCK`] bytes, and
/// ASCII text needs no counting at all. The buffer is kept from one article
/// to the next.
#[derive(Default)]
pub(crate) struct CharIndex {
    ascii: bool,
    /// Continuation bytes before each block boundary: `before[k]` counts those
    /// in `text[..k * CHAR_BLOCK]`.
    before: Vec<usize>,
}

fn is_continuation(b: &u8) -> bool {
    (*b as i8) < -0x40
}

impl CharIndex {
    fn reset(&mut self, text: &str) {
        self.before.clear();
        self.ascii = text.is_ascii();
        if self.ascii {
            return;
        }
        let mut total = 0;
        self.before.push(0);
        for block in text.as_bytes().chunks_exact(CHAR_BLOCK) {
            total += block.iter().filter(|b| is_continuation(b)).count();
            self.before.push(total);
        }
    }

    /// The character offset of `byte`, a character boundary of the text given
    /// to the last [`CharIndex::reset`].
    fn char_offset(&self, text: &str, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let block = byte / CHAR_BLOCK;
        let start = block * CHAR_BLOCK;
        let before = self.before.get(block).copied().unwrap_or(0);
        let within = text
            .as_bytes()
            .get(start..byte)
            .map_or(0, |b| b.iter().filter(|b| is_continuation(b)).count());
        byte - before - within
    }

    fn char_span(&self, text: &str, span: Span) -> (usize, usize) {
        (
            self.char_offset(text, span.start()),
            self.char_offset(text, span.end()),
        )
    }
}

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
    chars: CharIndex,
}

impl ArticleRows {
    /// Appends every row of one article, or nothing when the extraction is inconsistent.
    pub(crate) fn append(
        &mut self,
        doc: &Extraction,
        meta: &ArticleMeta,
    ) -> Result<(), StoreError> {
        let checked = check(doc)?;
        self.chars.reset(doc.text());
        let map = &self.chars;
        self.articles.append(doc, meta, map);
        self.mentions.append(doc, map);
        self.amounts.append(doc, map, &checked.amounts);
        self.relations.append(doc, map, &checked);
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
    fn append(&mut self, doc: &Extraction, meta: &ArticleMeta, map: &CharIndex) {
        let a = &doc.article;
        self.article_id.append_value(&a.id);
        self.title.append_option(a.title.as_deref());
        self.url.append_option(a.url.as_deref());
        self.source.append_option(a.source.as_deref());
        self.published_at
            .append_option(a.published.map(|t| t.timestamp_micros()));
        self.text_chars
            .append_value(i64_of(map.char_offset(&a.text, a.text.len())));
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
                self.source.finish(Table::Articles)?,
                utc(&mut self.published_at),
                Arc::new(self.text_chars.finish()),
                Arc::new(self.sentence_count.finish()),
                Arc::new(self.content_sha256.finish()),
                self.pipeline.finish(Table::Articles)?,
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
    fn append(&mut self, doc: &Extraction, map: &CharIndex) {
        let id = &doc.article.id;
        for (i, m) in doc.mentions.iter().enumerate() {
            let e = &doc.entities[m.entity];
            let (start_char, end_char) = map.char_span(doc.text(), m.span);
            self.article_id.append_value(id);
            append_id(&mut self.mention_id, id, ":m", i);
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
                self.entity_id.finish(Table::Mentions)?,
                self.entity_name.finish(Table::Mentions)?,
                self.entity_type.finish(Table::Mentions)?,
                self.entity_role.finish(Table::Mentions)?,
                self.parent_entity_id.finish(Table::Mentions)?,
                Arc::new(self.text.finish()),
                Arc::new(self.start_byte.finish()),
                Arc::new(self.end_byte.finish()),
                Arc::new(self.start_char.finish()),
                Arc::new(self.end_char.finish()),
                Arc::new(self.sentence_index.finish()),
                self.kind.finish(Table::Mentions)?,
                self.method.finish(Table::Mentions)?,
                Arc::new(self.confidence.finish()),
                self.parent_entity_name.finish(Table::Mentions)?,
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
    fn append(&mut self, doc: &Extraction, map: &CharIndex, values: &[(i128, Option<i128>)]) {
        let id = &doc.article.id;
        for (i, (a, &(value, high))) in doc.amounts.iter().zip(values).enumerate() {
            let (start_char, end_char) = map.char_span(doc.text(), a.span);
            self.article_id.append_value(id);
            append_id(&mut self.amount_id, id, ":a", i);
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
                self.currency.finish(Table::Amounts)?,
                self.qualifier.finish(Table::Amounts)?,
                self.kind.finish(Table::Amounts)?,
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
    fn append(&mut self, doc: &Extraction, map: &CharIndex, checked: &Checked) {
        let id = &doc.article.id;
        for (i, (r, &stake)) in doc.relations.iter().zip(&checked.stakes).enumerate() {
            let subject = &doc.entities[r.subject];
            let object = &doc.entities[r.object];
            let amount = r.amount.map(|a| (a, &doc.amounts[a], checked.amounts[a].0));
            let valuation = r
                .valuation
                .map(|a| (a, &doc.amounts[a], checked.amounts[a].0));
            let (start_char, end_char) = map.char_span(doc.text(), r.evidence);
            self.article_id.append_value(id);
            append_id(&mut self.relation_id, id, ":r", i);
            self.relation_type.append_value(r.relation_type.as_str());
            self.subject_id.append_value(&subject.id);
            self.subject_name.append_value(&subject.name);
            self.object_id.append_value(&object.id);
            self.object_name.append_value(&object.name);
            append_id_option(&mut self.amount_id, id, ":a", amount.map(|(a, _, _)| a));
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
            append_id_option(
                &mut self.valuation_amount_id,
                id,
                ":a",
                valuation.map(|(a, _, _)| a),
            );
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
                self.relation_type.finish(Table::Relations)?,
                self.subject_id.finish(Table::Relations)?,
                self.subject_name.finish(Table::Relations)?,
                self.object_id.finish(Table::Relations)?,
                self.object_name.finish(Table::Relations)?,
                Arc::new(self.amount_id.finish()),
                money(&mut self.amount_value),
                self.amount_currency.finish(Table::Relations)?,
                percent(&mut self.stake_pct),
                money(&mut self.valuation_value),
                self.valuation_currency.finish(Table::Relations)?,
                self.status.finish(Table::Relations)?,
                Arc::new(self.confidence.finish()),
                Arc::new(self.sentence_index.finish()),
                Arc::new(self.evidence.finish()),
                Arc::new(self.evidence_start_byte.finish()),
                Arc::new(self.evidence_end_byte.finish()),
                self.method.finish(Table::Relations)?,
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
                self.source_file.finish(Table::Rejects)?,
                Arc::new(self.line.finish()),
                Arc::new(self.article_id.finish()),
                self.code.finish(Table::Rejects)?,
                Arc::new(self.reason.finish()),
                utc(&mut self.rejected_at),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::ArrayAccessor;
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
    fn char_offsets_of_ascii_are_byte_offsets() {
        let text = "Acme raised $5m.";
        let mut index = CharIndex::default();
        index.reset(text);
        assert_eq!(index.char_offset(text, 5), 5);
        assert_eq!(index.char_offset(text, text.len()), 16);
    }

    #[test]
    fn char_offsets_skip_continuation_bytes() {
        let text = "Café Nord bought Müller for €5m.";
        let mut index = CharIndex::default();
        index.reset(text);
        let nord = text.find("Nord").unwrap();
        assert_eq!((nord, index.char_offset(text, nord)), (6, 5));
        let (start, end) = index.char_span(text, Span::new(nord, nord + 4));
        assert_eq!((start, end), (5, 9));
        let euro = text.find('€').unwrap();
        assert_eq!(index.char_offset(text, euro + 3), 29);
        assert_eq!(index.char_offset(text, text.len()), 32);
    }

    #[test]
    fn char_offsets_agree_with_chars_across_blocks() {
        // Blocks of 64 bytes: boundaries fall inside and between multi-byte
        // characters, and the text ends on a block boundary once.
        for text in [
            format!("{}é — naïve {}€ end", "a".repeat(70), "ü".repeat(40)),
            "€".repeat(64),
            format!("{}ß", "x".repeat(126)),
        ] {
            let mut index = CharIndex::default();
            index.reset(&text);
            for (chars, (byte, _)) in text.char_indices().enumerate() {
                assert_eq!(index.char_offset(&text, byte), chars, "byte {byte}");
            }
            assert_eq!(index.char_offset(&text, text.len()), text.chars().count());
        }
    }

    #[test]
    fn ids_join_article_tag_and_index() {
        let mut b = StringBuilder::new();
        append_id(&mut b, "a1", ":m", 0);
        append_id(&mut b, "wire-7", ":r", 1_234_567);
        append_id_option(&mut b, "a1", ":a", Some(10));
        append_id_option(&mut b, "a1", ":a", None);
        let ids = b.finish();
        assert_eq!(ids.value(0), "a1:m0");
        assert_eq!(ids.value(1), "wire-7:r1234567");
        assert_eq!(ids.value(2), "a1:a10");
        assert!(ids.is_null(3));
    }

    #[test]
    fn dictionary_columns_keep_values_and_nulls() {
        let mut b = DictBuilder::default();
        b.append_value("company");
        b.append_option(None);
        b.append_value("company");
        b.append_value("person");
        let array = b.finish(Table::Mentions).unwrap();
        let dict = array
            .as_any()
            .downcast_ref::<DictionaryArray<Int32Type>>()
            .unwrap();
        assert_eq!(dict.keys().null_count(), 1);
        let values = dict.downcast_dict::<StringArray>().unwrap();
        let read: Vec<Option<&str>> = (0..4)
            .map(|i| dict.is_valid(i).then(|| values.value(i)))
            .collect();
        assert_eq!(
            read,
            [Some("company"), None, Some("company"), Some("person")]
        );
        assert_eq!(
            b.finish(Table::Mentions).unwrap().len(),
            0,
            "starts empty again"
        );
    }

    #[test]
    fn mention_kinds_have_labels() {
        assert_eq!(mention_kind(MentionKind::Name), "name");
        assert_eq!(mention_kind(MentionKind::Description), "description");
        assert_eq!(mention_kind(MentionKind::Pronoun), "pronoun");
    }
}
