//! Party-name normalisation for matching predicted names against gold names.

/// Legal suffixes dropped from the end of a name, compared with dots removed
/// ("Inc." and "Inc" both become `inc`; "S.A." becomes `sa`).
const LEGAL_SUFFIXES: [&str; 10] = [
    "inc",
    "corp",
    "corporation",
    "ltd",
    "llc",
    "plc",
    "ag",
    "sa",
    "gmbh",
    "co",
];

/// The key under which a party name is compared.
///
/// In order:
/// 1. the typographic apostrophe `’` becomes `'`; the text is lower-cased and
///    runs of white space become one space;
/// 2. every character that is not a letter or digit is trimmed from both
///    ends (quotes, brackets, commas, dots, dashes, spaces); inner ones stay
///    ("AT&T", "Amazon.com");
/// 3. a leading `the ` is dropped;
/// 4. a trailing possessive `'s` is dropped;
/// 5. trailing legal suffixes are dropped, each with an optional preceding
///    comma, repeatedly ("Samsung Electronics Co., Ltd." → `samsung
///    electronics`): Inc, Corp, Corporation, Ltd, LLC, plc, AG, SA, GmbH, Co,
///    each with or without dots;
/// 6. punctuation around the rest is trimmed again.
///
/// A step that would leave nothing is skipped ("The Co." stays `co`), so no
/// name normalises to the empty key unless it has no letter or digit.
pub fn normalize_party(name: &str) -> String {
    let lowered = name.replace('’', "'").to_lowercase();
    let collapsed = lowered.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut key = trim_punct(&collapsed);
    if let Some(rest) = key.strip_prefix("the ") {
        if !trim_punct(rest).is_empty() {
            key = trim_punct(rest);
        }
    }
    if let Some(rest) = key.strip_suffix("'s") {
        if !trim_punct(rest).is_empty() {
            key = trim_punct(rest);
        }
    }
    while let Some(rest) = strip_legal_suffix(key) {
        key = rest;
    }
    key.to_owned()
}

fn trim_punct(s: &str) -> &str {
    s.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The name without its last word when that word is a legal suffix and
/// something remains.
fn strip_legal_suffix(key: &str) -> Option<&str> {
    let (head, last) = key.rsplit_once([' ', ','])?;
    let bare: String = last.chars().filter(|&c| c != '.').collect();
    if !LEGAL_SUFFIXES.contains(&bare.as_str()) {
        return None;
    }
    let head = trim_punct(head);
    (!head.is_empty()).then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Table {
        case: Vec<Case>,
    }

    #[derive(serde::Deserialize)]
    struct Case {
        input: String,
        key: String,
    }

    #[test]
    fn fixture_table() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/eval/normalize.toml"
        );
        let table: Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert!(table.case.len() >= 20);
        for case in &table.case {
            assert_eq!(
                normalize_party(&case.input),
                case.key,
                "input {:?}",
                case.input
            );
        }
    }

    #[test]
    fn suffix_only_names_keep_their_word() {
        assert_eq!(normalize_party("Co."), "co");
        assert_eq!(normalize_party("The"), "the");
        assert_eq!(normalize_party("AG"), "ag");
    }

    #[test]
    fn inner_words_are_untouched() {
        assert_eq!(normalize_party("Incyte Corp."), "incyte");
        assert_eq!(normalize_party("Theranos"), "theranos");
        assert_eq!(normalize_party("Coinbase"), "coinbase");
        assert_eq!(normalize_party("Sage Group plc"), "sage group");
    }
}
