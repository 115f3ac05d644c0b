//! The Arrow schemas of the five tables: the public contract of the output.
//!
//! Each column is declared once, in the `table_schema!` invocations below; the
//! rustdoc tables, the Arrow fields (with a `description` metadata entry) and
//! [`schema_markdown`] (the source of `docs/schema.md`) are all made from it.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use arrow::datatypes::{DataType, Field, Schema, SchemaRef, TimeUnit};

use crate::Table;

/// Version of the table layout, stored in every part file's key-value metadata
/// under [`SCHEMA_VERSION_KEY`]. Raised whenever a column is added.
pub const SCHEMA_VERSION: &str = "1";

/// Key-value metadata key holding [`SCHEMA_VERSION`].
pub const SCHEMA_VERSION_KEY: &str = "dealwire.schema_version";

/// Key-value metadata key holding the table name ([`Table::name`]).
pub const TABLE_KEY: &str = "dealwire.table";

/// Field metadata key holding a column's one-line meaning.
pub const DESCRIPTION_KEY: &str = "description";

/// Precision and scale of money columns: whole currency units with four decimals.
pub const MONEY_PRECISION: u8 = 38;
/// Scale of money and percentage columns.
pub const DECIMAL_SCALE: i8 = 4;
/// Precision of `stake_pct` (up to 99999.9999).
pub const PERCENT_PRECISION: u8 = 9;

/// The Arrow type family of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// `Utf8`: free text and identifiers.
    Utf8,
    /// `Dictionary(Int32, Utf8)`: strings that repeat (types, names, codes).
    Dict,
    /// `Timestamp(Microsecond, "UTC")`.
    TimestampUtc,
    /// `Decimal128(38, 4)`: money in whole currency units.
    Money,
    /// `Decimal128(9, 4)`: a percentage.
    Percent,
    /// `Int64`: offsets and counts.
    Int64,
    /// `Int32`: sentence indices and small counts.
    Int32,
    /// `Float32`: confidences.
    Float32,
}

impl ColumnType {
    /// The Arrow data type.
    pub fn data_type(self) -> DataType {
        match self {
            ColumnType::Utf8 => DataType::Utf8,
            ColumnType::Dict => {
                DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
            }
            ColumnType::TimestampUtc => {
                DataType::Timestamp(TimeUnit::Microsecond, Some(Arc::from("UTC")))
            }
            ColumnType::Money => DataType::Decimal128(MONEY_PRECISION, DECIMAL_SCALE),
            ColumnType::Percent => DataType::Decimal128(PERCENT_PRECISION, DECIMAL_SCALE),
            ColumnType::Int64 => DataType::Int64,
            ColumnType::Int32 => DataType::Int32,
            ColumnType::Float32 => DataType::Float32,
        }
    }

    /// The label used in the documentation.
    pub const fn label(self) -> &'static str {
        match self {
            ColumnType::Utf8 => "string",
            ColumnType::Dict => "string (dictionary)",
            ColumnType::TimestampUtc => "timestamp[µs, UTC]",
            ColumnType::Money => "decimal(38, 4)",
            ColumnType::Percent => "decimal(9, 4)",
            ColumnType::Int64 => "int64",
            ColumnType::Int32 => "int32",
            ColumnType::Float32 => "float32",
        }
    }
}

/// One documented column of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Column name.
    pub name: &'static str,
    /// Arrow type family.
    pub ty: ColumnType,
    /// Whether the column may hold nulls.
    pub nullable: bool,
    /// One-line meaning.
    pub doc: &'static str,
}

macro_rules! type_label {
    (Utf8) => {
        "string"
    };
    (Dict) => {
        "string (dictionary)"
    };
    (TimestampUtc) => {
        "timestamp[µs, UTC]"
    };
    (Money) => {
        "decimal(38, 4)"
    };
    (Percent) => {
        "decimal(9, 4)"
    };
    (Int64) => {
        "int64"
    };
    (Int32) => {
        "int32"
    };
    (Float32) => {
        "float32"
    };
}

macro_rules! nullable {
    () => {
        false
    };
    (null) => {
        true
    };
}

macro_rules! nullable_label {
    () => {
        "no"
    };
    (null) => {
        "yes"
    };
}

macro_rules! table_schema {
    (
        $(#[$meta:meta])*
        fn $fn_name:ident, const $cols:ident = $table:expr;
        $( $name:literal : $ty:ident $($null:ident)? => $doc:literal; )*
    ) => {
        const $cols: &[Column] = &[
            $( Column { name: $name, ty: ColumnType::$ty, nullable: nullable!($($null)?), doc: $doc }, )*
        ];

        $(#[$meta])*
        ///
        /// | column | type | nullable | meaning |
        /// | --- | --- | --- | --- |
        $( #[doc = concat!("| `", $name, "` | ", type_label!($ty), " | ", nullable_label!($($null)?), " | ", $doc, " |")] )*
        pub fn $fn_name() -> SchemaRef {
            build_schema($table, $cols)
        }
    };
}

table_schema! {
    /// Schema of the `articles` table: one row per processed article.
    fn articles_schema, const ARTICLES = Table::Articles;
    "article_id": Utf8 => "Article identifier: the input's `id`, or one derived from the content hash. Joins every table.";
    "title": Utf8 null => "Headline, when the input has one.";
    "url": Utf8 null => "Address of the article, when known.";
    "source": Dict null => "Publisher or feed name, when known.";
    "published_at": TimestampUtc null => "Publication time in UTC (a bare date is midnight UTC).";
    "text_chars": Int64 => "Length of the body text in Unicode characters.";
    "sentence_count": Int32 => "Number of sentences found in the body.";
    "content_sha256": Utf8 => "SHA-256 of the article content (lower-case hex); a rerun skips an article with the same id and hash.";
    "pipeline": Dict => "Name and version of the pipeline that processed the article.";
    "processed_at": TimestampUtc => "When the article was processed (UTC).";
    "text_bytes": Int64 => "Length of the body text in UTF-8 bytes.";
    "entity_count": Int32 => "Number of distinct entities found.";
    "mention_count": Int32 => "Number of rows of this article in `mentions`.";
    "amount_count": Int32 => "Number of rows of this article in `amounts`.";
    "relation_count": Int32 => "Number of rows of this article in `relations`.";
}

table_schema! {
    /// Schema of the `mentions` table: one row per place in the text that refers to an entity.
    fn mentions_schema, const MENTIONS = Table::Mentions;
    "article_id": Utf8 => "Article identifier (joins `articles`).";
    "mention_id": Utf8 => "`{article_id}:m{index}`, unique across the output.";
    "entity_id": Dict => "Stable entity identifier: a gazetteer id (`dw:...`) or one derived from the normalised name; the same across articles.";
    "entity_name": Dict => "Canonical entity name (\"Amazon Web Services\").";
    "entity_type": Dict => "`ORG`, `PERSON` or `GPE`.";
    "entity_role": Dict => "`party`, `regulator`, `court`, `media` or `analyst`; only parties take part in relations.";
    "parent_entity_id": Dict null => "Identifier of the owning entity, when the entity is a unit of another.";
    "text": Utf8 => "The mention's text as written.";
    "start_byte": Int64 => "Start of the mention, UTF-8 byte offset into the article text.";
    "end_byte": Int64 => "End of the mention (exclusive), UTF-8 byte offset.";
    "start_char": Int64 => "Start of the mention, Unicode character offset (Python `str` slicing).";
    "end_char": Int64 => "End of the mention (exclusive), character offset.";
    "sentence_index": Int32 => "0-based index of the sentence holding the mention.";
    "kind": Dict => "`name`, `description` or `pronoun`.";
    "method": Dict => "Rule that found the mention (`gazetteer`, `suffix`, `article_alias`, ...).";
    "confidence": Float32 => "Confidence in [0, 1].";
    "parent_entity_name": Dict null => "Canonical name of the owning entity, when there is one.";
}

table_schema! {
    /// Schema of the `amounts` table: one row per amount of money found in the text.
    fn amounts_schema, const AMOUNTS = Table::Amounts;
    "article_id": Utf8 => "Article identifier (joins `articles`).";
    "amount_id": Utf8 => "`{article_id}:a{index}`, unique across the output; `relations.amount_id` refers to it.";
    "text": Utf8 => "The amount as written, qualifier words excluded (\"$38 billion\").";
    "value": Money => "Value in whole currency units; the low end of a range.";
    "high": Money null => "High end of a range; null unless `qualifier` is `range`.";
    "currency": Dict => "ISO 4217 currency code (`USD`, `EUR`, ...).";
    "qualifier": Dict => "`exact`, `approx`, `up_to`, `at_least` or `range`.";
    "kind": Dict => "`total`, `per_unit` (\"$157 a share\") or `per_period` (\"$6 billion a year\").";
    "start_byte": Int64 => "Start of the amount, UTF-8 byte offset into the article text.";
    "end_byte": Int64 => "End of the amount (exclusive), UTF-8 byte offset.";
    "start_char": Int64 => "Start of the amount, Unicode character offset.";
    "end_char": Int64 => "End of the amount (exclusive), character offset.";
    "sentence_index": Int32 => "0-based index of the sentence holding the amount.";
}

table_schema! {
    /// Schema of the `relations` table: one row per relation (deal) between two entities.
    fn relations_schema, const RELATIONS = Table::Relations;
    "article_id": Utf8 => "Article identifier (joins `articles`).";
    "relation_id": Utf8 => "`{article_id}:r{index}`, unique across the output.";
    "relation_type": Dict => "`investor`, `acquirer`, `partner`, `rival`, `supplier` or `subsidiary`; `partner` and `rival` are undirected.";
    "subject_id": Dict => "Entity id of the subject (the investor, acquirer, supplier or unit).";
    "subject_name": Dict => "Canonical name of the subject.";
    "object_id": Dict => "Entity id of the object.";
    "object_name": Dict => "Canonical name of the object.";
    "amount_id": Utf8 null => "The deal's amount (joins `amounts.amount_id`), when stated.";
    "amount_value": Money null => "Value of that amount, copied for convenience.";
    "amount_currency": Dict null => "Currency of that amount (ISO 4217).";
    "stake_pct": Percent null => "Stake in percent, when stated (\"a 49% stake\" is 49).";
    "valuation_value": Money null => "Valuation stated with the deal, when any.";
    "valuation_currency": Dict null => "Currency of the valuation (ISO 4217).";
    "status": Dict => "`announced`, `rumored`, `denied`, `terminated` or `background`.";
    "confidence": Float32 => "Confidence in [0, 1].";
    "sentence_index": Int32 => "0-based index of the sentence holding the evidence.";
    "evidence": Utf8 => "The text that supports the relation, usually one sentence.";
    "evidence_start_byte": Int64 => "Start of the evidence, UTF-8 byte offset into the article text.";
    "evidence_end_byte": Int64 => "End of the evidence (exclusive), UTF-8 byte offset.";
    "method": Dict => "Name of the rule or model that produced the relation.";
    "valuation_amount_id": Utf8 null => "The valuation's row in `amounts`, when stated.";
    "evidence_start_char": Int64 => "Start of the evidence, Unicode character offset.";
    "evidence_end_char": Int64 => "End of the evidence (exclusive), character offset.";
}

table_schema! {
    /// Schema of the `rejects` table: one row per input record that could not be processed.
    fn rejects_schema, const REJECTS = Table::Rejects;
    "source_file": Dict => "Input file, or `-` for standard input.";
    "line": Int64 null => "1-based line number, for line-oriented inputs.";
    "article_id": Utf8 null => "Article id, when it could be read.";
    "code": Dict => "Machine-readable reason code (`not_json`, `empty_text`, ...).";
    "reason": Utf8 => "Human-readable reason.";
    "rejected_at": TimestampUtc => "When the record was rejected (UTC).";
}

/// The documented columns of `table`, in schema order.
pub fn columns(table: Table) -> &'static [Column] {
    match table {
        Table::Articles => ARTICLES,
        Table::Mentions => MENTIONS,
        Table::Amounts => AMOUNTS,
        Table::Relations => RELATIONS,
        Table::Rejects => REJECTS,
    }
}

/// The schema of `table`.
pub fn schema(table: Table) -> SchemaRef {
    match table {
        Table::Articles => articles_schema(),
        Table::Mentions => mentions_schema(),
        Table::Amounts => amounts_schema(),
        Table::Relations => relations_schema(),
        Table::Rejects => rejects_schema(),
    }
}

fn build_schema(table: Table, columns: &[Column]) -> SchemaRef {
    let fields: Vec<Field> = columns
        .iter()
        .map(|c| {
            Field::new(c.name, c.ty.data_type(), c.nullable).with_metadata(HashMap::from([(
                DESCRIPTION_KEY.to_owned(),
                c.doc.to_owned(),
            )]))
        })
        .collect();
    let metadata = HashMap::from([
        (SCHEMA_VERSION_KEY.to_owned(), SCHEMA_VERSION.to_owned()),
        (TABLE_KEY.to_owned(), table.name().to_owned()),
    ]);
    Arc::new(Schema::new_with_metadata(fields, metadata))
}

/// The Markdown description of every table (the content of `docs/schema.md`).
pub fn schema_markdown() -> String {
    let mut out = String::from(
        "## Output tables\n\n\
         `dealwire extract ... --out DIR` writes one folder per table, `DIR/<table>/`, each \
         holding Parquet part files named `part-<run-id>-<seq>.parquet`. Every run adds new \
         files and never rewrites old ones, so read a table as a whole folder, e.g. \
         `SELECT * FROM read_parquet('DIR/relations/*.parquet')` in DuckDB. A table that got \
         no rows in a run gets no file from that run, so a folder may be empty or missing: \
         treat that as an empty table. Files are written under a hidden temporary name \
         (`.part-...parquet.tmp`) and renamed when complete, so `*.parquet` never matches a \
         truncated file; parts of one run that share a `<seq>` hold the same articles, and the \
         `articles` part is renamed last.\n\n\
         Tables join on `article_id`, and on `mentions.mention_id`, `amounts.amount_id` and \
         `relations.relation_id` (`relations.amount_id` and `relations.valuation_amount_id` refer to \
         `amounts.amount_id`). Offsets are given twice: UTF-8 byte offsets (`*_byte`) and \
         Unicode character offsets (`*_char`, the offsets Python slicing uses); both are \
         half-open. Money is `decimal(38, 4)` in whole currency units with an ISO 4217 \
         currency column. Strings that repeat are Arrow dictionary columns (pyarrow shows \
         `dictionary<values=string, indices=int32>`, DuckDB `VARCHAR`). Each file's key-value \
         metadata holds `dealwire.schema_version` and `dealwire.table`; new versions only add \
         columns at the end.\n",
    );
    out.push_str(&format!("\nSchema version: `{SCHEMA_VERSION}`.\n"));
    for table in Table::ALL {
        let _ = write!(
            out,
            "\n### `{}`\n\n| column | type | nullable | meaning |\n| --- | --- | --- | --- |\n",
            table.name()
        );
        for c in columns(table) {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} |",
                c.name,
                c.ty.label(),
                if c.nullable { "yes" } else { "no" },
                c.doc
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(table: Table) -> Vec<&'static str> {
        columns(table).iter().map(|c| c.name).collect()
    }

    #[test]
    fn contract_columns_come_first_in_order() {
        let contract: [(Table, &[&str]); 5] = [
            (
                Table::Articles,
                &[
                    "article_id",
                    "title",
                    "url",
                    "source",
                    "published_at",
                    "text_chars",
                    "sentence_count",
                    "content_sha256",
                    "pipeline",
                    "processed_at",
                ],
            ),
            (
                Table::Mentions,
                &[
                    "article_id",
                    "mention_id",
                    "entity_id",
                    "entity_name",
                    "entity_type",
                    "entity_role",
                    "parent_entity_id",
                    "text",
                    "start_byte",
                    "end_byte",
                    "start_char",
                    "end_char",
                    "sentence_index",
                    "kind",
                    "method",
                    "confidence",
                ],
            ),
            (
                Table::Amounts,
                &[
                    "article_id",
                    "amount_id",
                    "text",
                    "value",
                    "high",
                    "currency",
                    "qualifier",
                    "kind",
                    "start_byte",
                    "end_byte",
                    "start_char",
                    "end_char",
                    "sentence_index",
                ],
            ),
            (
                Table::Relations,
                &[
                    "article_id",
                    "relation_id",
                    "relation_type",
                    "subject_id",
                    "subject_name",
                    "object_id",
                    "object_name",
                    "amount_id",
                    "amount_value",
                    "amount_currency",
                    "stake_pct",
                    "valuation_value",
                    "valuation_currency",
                    "status",
                    "confidence",
                    "sentence_index",
                    "evidence",
                    "evidence_start_byte",
                    "evidence_end_byte",
                    "method",
                ],
            ),
            (
                Table::Rejects,
                &[
                    "source_file",
                    "line",
                    "article_id",
                    "code",
                    "reason",
                    "rejected_at",
                ],
            ),
        ];
        for (table, expected) in contract {
            assert_eq!(&names(table)[..expected.len()], expected, "{table}");
        }
    }

    #[test]
    fn key_types() {
        let ty = |table: Table, name: &str| {
            let schema = schema(table);
            let field = schema.field_with_name(name).unwrap().clone();
            (field.data_type().clone(), field.is_nullable())
        };
        let utc = DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into()));
        let dict = DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8));
        assert_eq!(ty(Table::Articles, "published_at"), (utc.clone(), true));
        assert_eq!(ty(Table::Articles, "processed_at"), (utc.clone(), false));
        assert_eq!(ty(Table::Articles, "text_chars"), (DataType::Int64, false));
        assert_eq!(
            ty(Table::Articles, "sentence_count"),
            (DataType::Int32, false)
        );
        assert_eq!(
            ty(Table::Amounts, "value"),
            (DataType::Decimal128(38, 4), false)
        );
        assert_eq!(
            ty(Table::Amounts, "high"),
            (DataType::Decimal128(38, 4), true)
        );
        assert_eq!(
            ty(Table::Relations, "stake_pct"),
            (DataType::Decimal128(9, 4), true)
        );
        assert_eq!(ty(Table::Relations, "evidence"), (DataType::Utf8, false));
        assert_eq!(ty(Table::Relations, "status"), (dict.clone(), false));
        assert_eq!(ty(Table::Mentions, "entity_name"), (dict.clone(), false));
        assert_eq!(
            ty(Table::Mentions, "confidence"),
            (DataType::Float32, false)
        );
        assert_eq!(ty(Table::Rejects, "line"), (DataType::Int64, true));
        assert_eq!(ty(Table::Rejects, "rejected_at"), (utc, false));
        assert_eq!(ty(Table::Rejects, "code"), (dict, false));
    }

    #[test]
    fn schemas_carry_version_table_and_descriptions() {
        for table in Table::ALL {
            let schema = schema(table);
            assert_eq!(schema.metadata()[SCHEMA_VERSION_KEY], SCHEMA_VERSION);
            assert_eq!(schema.metadata()[TABLE_KEY], table.name());
            let mut seen = std::collections::HashSet::new();
            for field in schema.fields() {
                assert!(
                    seen.insert(field.name().clone()),
                    "{table}.{} twice",
                    field.name()
                );
                let doc = &field.metadata()[DESCRIPTION_KEY];
                assert!(
                    doc.len() > 10 && doc.ends_with('.'),
                    "{table}.{}: {doc:?}",
                    field.name()
                );
            }
        }
    }

    #[test]
    fn docs_schema_md_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/schema.md");
        let expected = schema_markdown();
        if std::env::var_os("DEALWIRE_BLESS_DOCS").is_some() {
            std::fs::write(path, &expected).unwrap();
        }
        let actual = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            actual == expected,
            "{path} is not the output of schema_markdown(); rerun with DEALWIRE_BLESS_DOCS=1"
        );
        for table in Table::ALL {
            for c in columns(table) {
                assert!(actual.contains(&format!("| `{}` | {} |", c.name, c.ty.label())));
            }
        }
    }

    #[test]
    fn readme_documents_every_table_as_built() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        assert!(
            readme.contains(schema_markdown().trim_end()),
            "README.md must contain docs/schema.md verbatim (the output of schema_markdown())"
        );
    }
}
