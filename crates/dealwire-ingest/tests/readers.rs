//! Readers and reject reasons, including fault inputs.

#![allow(clippy::unwrap_used)] // in tests a failed unwrap is a failed test

use std::io::{Cursor, Write};

use dealwire_ingest::{
    Compression, Input, JsonlReader, ReadOptions, Record, Records, RejectCode, collect_inputs,
    content_id, parse_published,
};

fn read(bytes: &[u8]) -> Vec<Record> {
    read_with(bytes, ReadOptions::default())
}

fn read_with(bytes: &[u8], opts: ReadOptions) -> Vec<Record> {
    JsonlReader::new(
        Cursor::new(bytes.to_vec()),
        "t.jsonl",
        opts,
        Compression::None,
    )
    .collect()
}

fn code(r: &Record) -> &str {
    match r {
        Ok(_) => "ok",
        Err(rej) => &rej.code,
    }
}

fn codes(rs: &[Record]) -> Vec<&str> {
    rs.iter().map(code).collect()
}

#[test]
fn reads_all_fields_and_ignores_unknown_keys() {
    let line = br#"{"id":"n1","title":"Acme raises","text":"Acme raised $5 million.","published":"2025-11-03","url":"https://x.test/1","source":"Wire","relations":[{"a":1}],"extra":{"deep":[1,2,3]}}"#;
    let rs = read(line);
    assert_eq!(rs.len(), 1);
    let a = rs[0].as_ref().unwrap();
    assert_eq!(a.id, "n1");
    assert_eq!(a.title.as_deref(), Some("Acme raises"));
    assert_eq!(a.text, "Acme raised $5 million.");
    assert_eq!(
        a.published.unwrap().to_rfc3339(),
        "2025-11-03T00:00:00+00:00"
    );
    assert_eq!(a.url.as_deref(), Some("https://x.test/1"));
    assert_eq!(a.source.as_deref(), Some("Wire"));
}

#[test]
fn body_is_used_when_text_is_missing_and_numeric_ids_become_text() {
    let rs = read(br#"{"id":42,"body":"Beta Corp agreed to buy Gamma."}"#);
    let a = rs[0].as_ref().unwrap();
    assert_eq!(a.id, "42");
    assert_eq!(a.text, "Beta Corp agreed to buy Gamma.");
}

#[test]
fn missing_id_gets_a_stable_content_id() {
    let rs = read(b"{\"text\":\"Delta signed a supply deal.\"}\n{\"text\":\"Delta signed a supply deal.\",\"id\":\"  \"}");
    let a = rs[0].as_ref().unwrap();
    let b = rs[1].as_ref().unwrap();
    assert!(a.id.starts_with("sha256:"));
    assert_eq!(a.id.len(), "sha256:".len() + 16);
    assert_eq!(a.id, b.id);
    assert_eq!(a.id, content_id("Delta signed a supply deal."));
    assert_ne!(a.id, content_id("Delta signed a supply deal!"));
}

#[test]
fn published_formats_convert_to_utc() {
    let t = |s: &str| parse_published(s).map(|t| t.to_rfc3339());
    assert_eq!(
        t("2025-11-03").as_deref(),
        Some("2025-11-03T00:00:00+00:00")
    );
    assert_eq!(
        t("2025-11-03T10:30:00+02:00").as_deref(),
        Some("2025-11-03T08:30:00+00:00")
    );
    assert_eq!(
        t("2025-11-03T10:30:00Z").as_deref(),
        Some("2025-11-03T10:30:00+00:00")
    );
    assert_eq!(
        t("2025-11-03 10:30:00").as_deref(),
        Some("2025-11-03T10:30:00+00:00")
    );
    assert_eq!(
        t("Mon, 03 Nov 2025 10:30:00 -0500").as_deref(),
        Some("2025-11-03T15:30:00+00:00")
    );
    assert_eq!(t("last Tuesday"), None);
    assert_eq!(t("2025-13-40"), None);
}

#[test]
fn bad_published_keeps_the_article_without_a_date_and_counts_it() {
    let data = b"{\"id\":\"a\",\"text\":\"x y\",\"published\":\"soon\"}\n{\"id\":\"b\",\"text\":\"x y\",\"published\":17}\n{\"id\":\"c\",\"text\":\"x y\",\"published\":null}";
    let mut r = JsonlReader::new(
        Cursor::new(data.to_vec()),
        "t",
        ReadOptions::default(),
        Compression::None,
    );
    let rs: Vec<Record> = r.by_ref().collect();
    assert_eq!(codes(&rs), ["ok", "ok", "ok"]);
    assert!(rs.iter().all(|r| r.as_ref().unwrap().published.is_none()));
    assert_eq!(r.bad_dates(), 2);
}

#[test]
fn each_reject_reason_has_its_code_and_line() {
    let mut data = Vec::new();
    data.extend_from_slice(b"{\"id\":\"ok1\",\"text\":\"Fine.\"}\n"); // 1
    data.extend_from_slice(b"this is not json\n"); // 2
    data.extend_from_slice(b"{\"id\":\"u\",\"text\":\"bad \xff\xfe byte\"}\n"); // 3
    data.extend_from_slice(b"[1,2,3]\n"); // 4
    data.extend_from_slice(b"{\"id\":\"e\",\"text\":\"   \"}\n"); // 5
    data.extend_from_slice(b"{\"id\":\"m\"}\n"); // 6
    data.extend_from_slice(b"{\"id\":\"t\",\"text\":5}\n"); // 7
    data.extend_from_slice(b"{\"id\":\"x\",\"text\":\"cut off\n"); // 8
    data.extend_from_slice(b"\n   \n"); // 9, 10 blank
    data.extend_from_slice(b"\"just a string\"\n"); // 11
    data.extend_from_slice(b"{\"id\":\"ok2\",\"text\":\"Also fine.\"}"); // 12, no newline
    let rs = read(&data);
    assert_eq!(
        codes(&rs),
        [
            "ok",
            "not_json",
            "invalid_utf8",
            "not_object",
            "empty_text",
            "empty_text",
            "bad_field",
            "not_json",
            "not_object",
            "ok"
        ]
    );
    let lines: Vec<Option<u64>> = rs
        .iter()
        .filter_map(|r| r.as_ref().err().map(|e| e.line))
        .collect();
    assert_eq!(
        lines,
        [
            Some(2),
            Some(3),
            Some(4),
            Some(5),
            Some(6),
            Some(7),
            Some(8),
            Some(11)
        ]
    );
    let empty = rs[4].as_ref().unwrap_err();
    assert_eq!(empty.article_id.as_deref(), Some("e"));
    assert_eq!(empty.source, "t.jsonl");
}

#[test]
fn deeply_nested_json_is_a_reject_not_a_crash() {
    let nested = |open: u8, close: u8| {
        let mut v = vec![open; 100_000];
        v.extend(std::iter::repeat_n(close, 100_000));
        v
    };
    // In a key we read, the recursion limit turns into a reject.
    let mut line = b"{\"id\":\"deep\",\"text\":\"x\",\"published\":".to_vec();
    line.extend(nested(b'[', b']'));
    line.push(b'}');
    let rs = read(&line);
    assert_eq!(codes(&rs), ["not_json"]);
    assert!(
        rs[0]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("recursion limit")
    );
    // In a key we ignore, it is skipped without recursion: the article is kept.
    let mut line = b"{\"id\":\"deep\",\"text\":\"x\",\"meta\":".to_vec();
    line.extend(nested(b'[', b']'));
    line.push(b'}');
    assert_eq!(codes(&read(&line)), ["ok"]);
    // Unbalanced nesting at the top level.
    assert_eq!(codes(&read(&[b'['; 200_000])), ["not_json"]);
    assert_eq!(codes(&read(&[b'{'; 200_000])), ["not_json"]);
}

#[test]
fn crlf_lines_and_bom_are_accepted() {
    let data =
        b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"One.\"}\r\n{\"id\":\"b\",\"text\":\"Two.\"}\r\n\r\n";
    let rs = read(data);
    assert_eq!(codes(&rs), ["ok", "ok"]);
    assert_eq!(rs[1].as_ref().unwrap().text, "Two.");
}

#[test]
fn empty_input_has_no_records() {
    assert!(read(b"").is_empty());
    assert!(read(b"\n\n\n").is_empty());
}

#[test]
fn binary_garbage_is_rejected_line_by_line_without_panic() {
    // A deterministic byte soup with a few newlines in it.
    let mut x: u32 = 12345;
    let garbage: Vec<u8> = (0..50_000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (x >> 16) as u8
        })
        .collect();
    let rs = read(&garbage);
    let newlines = garbage.iter().filter(|&&b| b == b'\n').count();
    assert!(!rs.is_empty());
    assert!(rs.len() <= newlines + 1);
    assert!(
        rs.iter()
            .all(|r| matches!(code(r), "not_json" | "invalid_utf8" | "not_object"))
    );
}

fn big_article(text_bytes: usize) -> Vec<u8> {
    let word = "Acme ";
    let text: String = word.repeat(text_bytes / word.len());
    format!("{{\"id\":\"big\",\"text\":\"{text}\"}}\n").into_bytes()
}

#[test]
fn a_10_mb_article_is_rejected_by_default_and_read_under_a_raised_limit() {
    let line = big_article(10 * 1024 * 1024);
    let mut data = line.clone();
    data.extend_from_slice(b"{\"id\":\"after\",\"text\":\"Small.\"}\n");
    let rs = read(&data);
    assert_eq!(codes(&rs), ["too_large", "ok"]);
    let rej = rs[0].as_ref().unwrap_err();
    assert_eq!(rej.line, Some(1));
    assert!(
        rej.reason
            .contains(&line.len().saturating_sub(1).to_string())
    );
    let rs = read_with(
        &data,
        ReadOptions {
            max_article_bytes: 11 * 1024 * 1024,
        },
    );
    assert_eq!(codes(&rs), ["ok", "ok"]);
    assert_eq!(rs[0].as_ref().unwrap().text.len(), 10 * 1024 * 1024);
}

#[test]
fn a_1_mb_line_without_spaces_is_read() {
    let text = "x".repeat(1024 * 1024);
    let data = format!("{{\"id\":\"long\",\"text\":\"{text}\"}}");
    let rs = read(data.as_bytes());
    assert_eq!(rs[0].as_ref().unwrap().text.len(), 1024 * 1024);
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn many_lines(n: usize) -> Vec<u8> {
    let mut data = Vec::new();
    for i in 0..n {
        writeln!(
            data,
            "{{\"id\":\"a{i}\",\"text\":\"Company {i} raised {} million from investors {}.\"}}",
            i * 7,
            i * 13
        )
        .unwrap();
    }
    data
}

fn read_file(path: &std::path::Path) -> Vec<Record> {
    Records::open(&Input::file(path), ReadOptions::default()).collect()
}

#[test]
fn gzip_multi_member_and_zstd_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut two = gz(b"{\"id\":\"a\",\"text\":\"One.\"}\n");
    two.extend(gz(b"{\"id\":\"b\",\"text\":\"Two.\"}\n"));
    let p = dir.path().join("x.jsonl.gz");
    std::fs::write(&p, two).unwrap();
    assert_eq!(codes(&read_file(&p)), ["ok", "ok"]);
    let p = dir.path().join("y.jsonl.zst");
    std::fs::write(&p, zstd::encode_all(&many_lines(3)[..], 3).unwrap()).unwrap();
    assert_eq!(codes(&read_file(&p)), ["ok", "ok", "ok"]);
}

#[test]
fn truncated_gz_keeps_earlier_records_and_names_the_last_good_line() {
    let dir = tempfile::tempdir().unwrap();
    let full = gz(&many_lines(5000));
    let p = dir.path().join("cut.jsonl.gz");
    std::fs::write(&p, &full[..full.len() / 2]).unwrap();
    let rs = read_file(&p);
    let last = rs.last().unwrap().as_ref().unwrap_err();
    assert_eq!(last.code, "truncated");
    assert!(last.source.ends_with("cut.jsonl.gz"));
    let good = rs.len() as u64 - 1;
    assert!(good > 100 && good < 5000, "{good} records before the cut");
    assert!(rs[..rs.len() - 1].iter().all(|r| r.is_ok()));
    assert!(
        last.reason.contains(&format!("after line {good}")),
        "{}",
        last.reason
    );
    assert_eq!(last.line, Some(good + 1));
}

#[test]
fn truncated_zst_keeps_earlier_records() {
    let dir = tempfile::tempdir().unwrap();
    let full = zstd::encode_all(&many_lines(5000)[..], 3).unwrap();
    let p = dir.path().join("cut.jsonl.zst");
    std::fs::write(&p, &full[..full.len() / 2]).unwrap();
    let rs = read_file(&p);
    assert_eq!(code(rs.last().unwrap()), "truncated");
    assert!(rs.len() > 100 && rs.len() < 5000);
    assert!(rs[..rs.len() - 1].iter().all(|r| r.is_ok()));
}

#[test]
fn gzip_header_garbage_is_truncated_and_a_missing_file_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.jsonl.gz");
    std::fs::write(&p, b"\x1f\x8b\x08garbage").unwrap();
    assert_eq!(codes(&read_file(&p)), ["truncated"]);
    let gone = dir.path().join("gone.jsonl");
    assert_eq!(codes(&read_file(&gone)), ["unreadable"]);
    // A folder opened as a file fails at read time, not at open time, on Linux.
    assert_eq!(codes(&read_file(dir.path())), ["unreadable"]);
}

#[test]
fn text_files_take_a_title_from_a_short_first_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("2025")).unwrap();
    std::fs::write(
        dir.path().join("2025/acme.txt"),
        "\u{feff}Acme buys Beta\r\n\r\nAcme Corp agreed to buy Beta Ltd for $10 million.\r\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("plain.txt.gz"),
        gz(b"Gamma Inc said on Monday it would partner with Delta.\nMore text.\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "  \n\n").unwrap();
    std::fs::write(dir.path().join("bin.txt"), b"\xff\xfe\x00\x01").unwrap();
    let inputs = collect_inputs(&[dir.path().to_path_buf()]).unwrap();
    let rs: Vec<Record> = inputs
        .iter()
        .flat_map(|i| Records::open(i, ReadOptions::default()))
        .collect();
    // Sorted: 2025/acme.txt, bin.txt, empty.txt, plain.txt.gz
    assert_eq!(codes(&rs), ["ok", "invalid_utf8", "empty_text", "ok"]);
    let a = rs[0].as_ref().unwrap();
    assert_eq!(a.id, "2025/acme");
    assert_eq!(a.title.as_deref(), Some("Acme buys Beta"));
    assert_eq!(
        a.text,
        "Acme Corp agreed to buy Beta Ltd for $10 million.\r\n"
    );
    let p = rs[3].as_ref().unwrap();
    assert_eq!(p.id, "plain");
    assert_eq!(p.title, None);
    assert!(p.text.starts_with("Gamma Inc said"));
    assert_eq!(
        rs[2].as_ref().unwrap_err().article_id.as_deref(),
        Some("empty")
    );
}

#[test]
fn text_file_over_the_limit_is_too_large() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.txt");
    std::fs::write(&p, "word ".repeat(300)).unwrap();
    let rs: Vec<Record> = Records::open(
        &Input::file(&p),
        ReadOptions {
            max_article_bytes: 1000,
        },
    )
    .collect();
    assert_eq!(codes(&rs), ["too_large"]);
}

#[test]
fn every_reject_code_is_distinct_and_snake_case() {
    let names: std::collections::BTreeSet<&str> =
        RejectCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names.len(), RejectCode::ALL.len());
    assert!(names.iter().all(|n| {
        n.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    }));
}

#[test]
fn digests_are_lower_case_hex() {
    assert_eq!(dealwire_ingest::hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
    // The SHA-256 of "abc" from FIPS 180-2.
    assert_eq!(
        dealwire_ingest::hex(&dealwire_ingest::content_sha256("abc")),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(content_id("abc"), "sha256:ba7816bf8f01cfea");
}
