"""Reads every dealwire table with pyarrow and DuckDB and checks the contract.

Usage: analyst_tools.py OUT_DIR ARTICLE_TEXT

OUT_DIR holds the tables written by tests/analyst_tools.rs: the sample article
"art-1", a second article "art-2" without amounts, and one reject. ARTICLE_TEXT
is the text of "art-1", used to check the character offsets by Python slicing.
"""

import glob
import os
import sys
from decimal import Decimal

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

OUT, TEXT = sys.argv[1], sys.argv[2]
checks = 0


def check(cond, what):
    global checks
    if not cond:
        sys.exit(f"FAILED: {what}")
    checks += 1


S, D, I64, I32, F32 = pa.string(), pa.dictionary(pa.int32(), pa.string()), pa.int64(), pa.int32(), pa.float32()
TS = pa.timestamp("us", tz="UTC")
MONEY, PCT = pa.decimal128(38, 4), pa.decimal128(9, 4)

# Expected Arrow type of every column; DuckDB's type follows from it.
EXPECTED = {
    "articles": [
        ("article_id", S), ("title", S), ("url", S), ("source", D), ("published_at", TS),
        ("text_chars", I64), ("sentence_count", I32), ("content_sha256", S), ("pipeline", D),
        ("processed_at", TS), ("text_bytes", I64), ("entity_count", I32), ("mention_count", I32),
        ("amount_count", I32), ("relation_count", I32),
    ],
    "mentions": [
        ("article_id", S), ("mention_id", S), ("entity_id", D), ("entity_name", D),
        ("entity_type", D), ("entity_role", D), ("parent_entity_id", D), ("text", S),
        ("start_byte", I64), ("end_byte", I64), ("start_char", I64), ("end_char", I64),
        ("sentence_index", I32), ("kind", D), ("method", D), ("confidence", F32),
        ("parent_entity_name", D),
    ],
    "amounts": [
        ("article_id", S), ("amount_id", S), ("text", S), ("value", MONEY), ("high", MONEY),
        ("currency", D), ("qualifier", D), ("kind", D), ("start_byte", I64), ("end_byte", I64),
        ("start_char", I64), ("end_char", I64), ("sentence_index", I32),
    ],
    "relations": [
        ("article_id", S), ("relation_id", S), ("relation_type", D), ("subject_id", D),
        ("subject_name", D), ("object_id", D), ("object_name", D), ("amount_id", S),
        ("amount_value", MONEY), ("amount_currency", D), ("stake_pct", PCT),
        ("valuation_value", MONEY), ("valuation_currency", D), ("status", D), ("confidence", F32),
        ("sentence_index", I32), ("evidence", S), ("evidence_start_byte", I64),
        ("evidence_end_byte", I64), ("method", D), ("valuation_amount_id", S),
        ("evidence_start_char", I64), ("evidence_end_char", I64),
    ],
    "rejects": [
        ("source_file", D), ("line", I64), ("article_id", S), ("code", D), ("reason", S),
        ("rejected_at", TS),
    ],
}
DUCK = {S: "VARCHAR", D: "VARCHAR", I64: "BIGINT", I32: "INTEGER", F32: "FLOAT",
        TS: "TIMESTAMP WITH TIME ZONE", MONEY: "DECIMAL(38,4)", PCT: "DECIMAL(9,4)"}
ROWS = {"articles": 2, "mentions": 9, "amounts": 4, "relations": 4, "rejects": 1}

# --- pyarrow ---------------------------------------------------------------
tables = {}
for name, columns in EXPECTED.items():
    files = sorted(glob.glob(os.path.join(OUT, name, "*.parquet")))
    check(len(files) >= 1, f"{name}: part files")
    for f in files:
        kv = pq.read_metadata(f).metadata
        check(kv[b"dealwire.schema_version"] == b"1", f"{f}: schema version")
        check(kv[b"dealwire.table"] == name.encode(), f"{f}: table name")
    table = pa.concat_tables([pq.read_table(f) for f in files])
    got = [(field.name, field.type) for field in table.schema]
    check(got == columns, f"{name}: pyarrow columns {got}")
    check(table.num_rows == ROWS[name], f"{name}: {table.num_rows} rows")
    tables[name] = table.to_pylist()

art = {r["article_id"]: r for r in tables["articles"]}
check(art["art-1"]["text_chars"] == len(TEXT), "text_chars is len() in Python")
check(str(art["art-1"]["published_at"]) == "2025-03-04 05:06:07+00:00", f"published_at {art['art-1']['published_at']}")
check(art["art-2"]["title"] is None and art["art-2"]["published_at"] is None, "nulls of art-2")

for m in (m for m in tables["mentions"] if m["article_id"] == "art-1"):
    check(TEXT[m["start_char"]:m["end_char"]] == m["text"], f"char offsets of {m['mention_id']}")
    check(TEXT.encode()[m["start_byte"]:m["end_byte"]].decode() == m["text"], f"byte offsets of {m['mention_id']}")

amounts = {a["amount_id"]: a for a in tables["amounts"]}
check(amounts["art-1:a0"]["value"] == Decimal("1400000000000"), "a trillion and four hundred billion")
check(amounts["art-1:a2"]["value"] == Decimal("0.5"), "half a dollar")
check(amounts["art-1:a3"]["high"] == Decimal("12000000000"), "high end of the range")
check(amounts["art-1:a1"]["currency"] == "EUR" and amounts["art-1:a1"]["text"] == "€2.5bn", "euro amount")
for a in amounts.values():
    check(TEXT[a["start_char"]:a["end_char"]] == a["text"], f"char offsets of {a['amount_id']}")

rel = {r["relation_id"]: r for r in tables["relations"]}
check(rel["art-1:r1"]["stake_pct"] == Decimal("49.5"), "stake")
check(rel["art-1:r1"]["valuation_value"] == Decimal("2500000000"), "valuation")
check(rel["art-1:r1"]["valuation_currency"] == "EUR", "valuation currency")
for r in rel.values():
    check(TEXT[r["evidence_start_char"]:r["evidence_end_char"]] == r["evidence"], f"evidence of {r['relation_id']}")

rej = tables["rejects"][0]
check((rej["source_file"], rej["line"], rej["code"]) == ("input.jsonl", 7, "not_json"), f"reject {rej}")

# --- DuckDB ----------------------------------------------------------------
con = duckdb.connect()
for name, columns in EXPECTED.items():
    con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{os.path.join(OUT, name)}/*.parquet')")
    described = con.execute(f"DESCRIBE {name}").fetchall()
    got = [(row[0], row[1]) for row in described]
    want = [(column, DUCK[ty]) for column, ty in columns]
    check(got == want, f"{name}: DuckDB types {got}")
    check(con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == ROWS[name], f"{name}: DuckDB rows")

joined = con.execute("""
    SELECT r.relation_id, r.subject_name, r.object_name, a.value, a.currency, a.qualifier, a.text
    FROM relations r JOIN amounts a ON r.amount_id = a.amount_id
    ORDER BY r.relation_id
""").fetchall()
check(joined == [
    ("art-1:r0", "Acme Cloud", "Nordwind AG", Decimal("1400000000000.0000"), "USD", "exact", "$1.4 trillion"),
    ("art-1:r3", "Bergström Labs", "Öresund Data", Decimal("10000000000.0000"), "USD", "range", "$10-$12 billion"),
], f"relations join amounts: {joined}")

per_article = con.execute("""
    SELECT ar.article_id, count(r.relation_id), sum(r.amount_value)
    FROM articles ar LEFT JOIN relations r USING (article_id)
    GROUP BY ar.article_id ORDER BY ar.article_id
""").fetchall()
check(per_article == [("art-1", 4, Decimal("1410000000000.0000")), ("art-2", 0, None)], f"per article: {per_article}")

tz = con.execute("SELECT typeof(published_at), epoch_us(published_at) FROM articles WHERE article_id = 'art-1'").fetchone()
check(tz == ("TIMESTAMP WITH TIME ZONE", 1741064767000000), f"published_at in DuckDB: {tz}")

print(f"analyst tools: pyarrow {pa.__version__}, duckdb {duckdb.__version__}: {checks} checks passed")
