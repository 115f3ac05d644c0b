//! The gazetteer: known entities, read from JSON Lines files.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;

use dealwire_core::{EntityRole, EntityType};
use serde::Deserialize;

use super::lexicon::{COMMON_WORDS, LEGAL_SUFFIXES};
use super::resolve::FxBuild;
use super::wordset::WordSet;
use crate::BuildError;

/// The files bundled with dealwire, in load order: later files extend or
/// override earlier entries with the same id.
const EMBEDDED: &[(&str, &str)] = &[
    (
        "models/gazetteer/listed.jsonl",
        include_str!("../../../../models/gazetteer/listed.jsonl"),
    ),
    (
        "models/gazetteer/global.jsonl",
        include_str!("../../../../models/gazetteer/global.jsonl"),
    ),
    (
        "models/gazetteer/private.jsonl",
        include_str!("../../../../models/gazetteer/private.jsonl"),
    ),
    (
        "models/gazetteer/investors.jsonl",
        include_str!("../../../../models/gazetteer/investors.jsonl"),
    ),
    (
        "models/gazetteer/units.jsonl",
        include_str!("../../../../models/gazetteer/units.jsonl"),
    ),
    (
        "models/gazetteer/public.jsonl",
        include_str!("../../../../models/gazetteer/public.jsonl"),
    ),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    id: String,
    name: String,
    #[serde(rename = "type", default = "org")]
    entity_type: EntityType,
    #[serde(default)]
    role: EntityRole,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    ambiguous: Vec<String>,
    #[serde(default)]
    tickers: Vec<String>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

fn org() -> EntityType {
    EntityType::Org
}

/// One known entity.
#[derive(Clone, Debug, PartialEq)]
pub struct GazetteerEntry {
    /// Stable id ("dw:amazon").
    pub id: String,
    /// Canonical name ("Amazon").
    pub name: String,
    /// Kind of entity.
    pub entity_type: EntityType,
    /// Whether it may be a deal party.
    pub role: EntityRole,
    /// Names as listed ("Amazon.com Inc."); rule-derived forms are added when a tagger is built.
    pub aliases: Vec<String>,
    /// Names that are also common words ("Apple"): matched with exact case and a context check.
    pub ambiguous: Vec<String>,
    /// Exchange tickers, matched only in ticker contexts.
    pub tickers: Vec<String>,
    /// Id of the owning entity.
    pub parent: Option<String>,
    /// ISO 3166 country code of the headquarters.
    pub country: Option<String>,
    /// Where the entry comes from.
    pub source: Option<String>,
}

/// The list of known entities the tagger matches.
///
/// The format is JSON Lines, one entity per line, `#` comment lines allowed:
/// `{"id": "dw:amazon", "name": "Amazon", "type": "ORG", "role": "party",
/// "aliases": ["Amazon.com Inc."], "tickers": ["AMZN"], "parent": null,
/// "country": "US", "source": "..."}`. A line whose id is already known
/// extends that entry (new aliases and tickers) and overrides its other fields.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entries: Vec<GazetteerEntry>,
    by_id: HashMap<String, usize>,
}

impl Gazetteer {
    /// The gazetteer bundled with dealwire (embedded in the binary).
    pub fn embedded() -> Result<Self, BuildError> {
        let mut g = Self::default();
        for (path, text) in EMBEDDED {
            g.extend_from_str(text, path)?;
        }
        Ok(g)
    }

    /// A gazetteer read from a file, or from every `*.jsonl` file of a folder in name order.
    pub fn from_path(path: &Path) -> Result<Self, BuildError> {
        let io = |source| BuildError::Io {
            path: path.display().to_string(),
            source,
        };
        let mut files = if path.is_dir() {
            let mut v = Vec::new();
            for item in std::fs::read_dir(path).map_err(io)? {
                let p = item.map_err(io)?.path();
                if p.extension().is_some_and(|e| e == "jsonl") {
                    v.push(p);
                }
            }
            v
        } else {
            vec![path.to_path_buf()]
        };
        files.sort();
        let mut g = Self::default();
        for file in files {
            let text = std::fs::read_to_string(&file).map_err(|source| BuildError::Io {
                path: file.display().to_string(),
                source,
            })?;
            g.extend_from_str(&text, &file.display().to_string())?;
        }
        Ok(g)
    }

    /// Adds the entries of one file's text; `path` names it in errors.
    pub fn extend_from_str(&mut self, text: &str, path: &str) -> Result<(), BuildError> {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |reason: String| BuildError::Gazetteer {
                path: path.to_owned(),
                line: i + 1,
                reason,
            };
            let row: Row = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
            if !row.id.starts_with("dw:") || row.name.trim().is_empty() {
                return Err(bad(format!(
                    "id {:?} must start with \"dw:\" and the name must not be empty",
                    row.id
                )));
            }
            self.insert(row);
        }
        Ok(())
    }

    fn insert(&mut self, row: Row) {
        if let Some(&i) = self.by_id.get(&row.id) {
            let e = &mut self.entries[i];
            if e.name != row.name && !e.aliases.contains(&e.name) {
                let old = std::mem::replace(&mut e.name, row.name);
                e.aliases.push(old);
            }
            e.entity_type = row.entity_type;
            e.role = row.role;
            for a in row.aliases {
                if !e.aliases.contains(&a) {
                    e.aliases.push(a);
                }
            }
            e.ambiguous.extend(row.ambiguous);
            for t in row.tickers {
                if !e.tickers.contains(&t) {
                    e.tickers.push(t);
                }
            }
            e.parent = row.parent.or(e.parent.take());
            e.country = row.country.or(e.country.take());
            e.source = row.source.or(e.source.take());
            return;
        }
        self.by_id.insert(row.id.clone(), self.entries.len());
        self.entries.push(GazetteerEntry {
            id: row.id,
            name: row.name,
            entity_type: row.entity_type,
            role: row.role,
            aliases: row.aliases,
            ambiguous: row.ambiguous,
            tickers: row.tickers,
            parent: row.parent,
            country: row.country,
            source: row.source,
        });
    }

    /// All entries, in load order.
    pub fn entries(&self) -> &[GazetteerEntry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&GazetteerEntry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }
}

/// Whether `word` is a common English word (case-insensitive).
pub(crate) fn is_common_word(word: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str, FxBuild>> =
        LazyLock::new(|| COMMON_WORDS.iter().copied().collect());
    let lower;
    let word = if word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        lower = word.to_lowercase();
        lower.as_str()
    } else {
        word
    };
    // A plural of a common word is as common ("Cars" from "Cars.com").
    SET.contains(word) || word.len() > 3 && word.strip_suffix('s').is_some_and(|w| SET.contains(w))
}

/// `name` without trailing legal-form words and punctuation ("Oracle Corporation" → "Oracle").
pub fn strip_legal_suffix(name: &str) -> &str {
    static LEGAL: LazyLock<WordSet> = LazyLock::new(|| LEGAL_SUFFIXES.iter().copied().collect());
    let mut s = name.trim();
    loop {
        let t = s.trim_end_matches([',', ' ']);
        let Some((head, last)) = t.rsplit_once(' ') else {
            return t;
        };
        if LEGAL.contains(last) && !head.trim().is_empty() {
            s = head;
        } else {
            return t;
        }
    }
}

/// The rule-derived forms of a listed name: legal suffix stripped, "The"
/// dropped, ".com" dropped, "&"/"and" swapped, index noise removed.
pub fn derive_aliases(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let push = |s: &str, out: &mut Vec<String>| {
        let s = s.trim().trim_end_matches(',');
        if !s.is_empty() && s != name && !out.iter().any(|o| o == s) {
            out.push(s.to_owned());
        }
    };
    let mut base = name.replace(" (Class A)", "").replace(" (The)", "");
    for noise in [" Class A", " Class B", " Class C"] {
        if let Some(s) = base.strip_suffix(noise) {
            base = s.to_owned();
        }
    }
    push(&base, &mut out);
    let stripped = strip_legal_suffix(&base).to_owned();
    push(&stripped, &mut out);
    let no_the = stripped
        .strip_prefix("The ")
        .unwrap_or(&stripped)
        .to_owned();
    push(&no_the, &mut out);
    if let Some(s) = no_the.strip_suffix(".com") {
        push(s, &mut out);
    }
    for (from, to) in [(" & ", " and "), (" and ", " & ")] {
        if no_the.contains(from) {
            push(&no_the.replace(from, to), &mut out);
        }
    }
    for tail in [" Holdings", " Holding", " Group"] {
        if let Some(s) = no_the.strip_suffix(tail) {
            // "SoftBank Group" → "SoftBank", but not "Match Group" → "Match".
            if s.len() >= 3 && !is_common_word(s) {
                push(s, &mut out);
            }
        }
    }
    // News often drops accents ("Nestle", "L'Oreal", "Orsted").
    for alias in out.clone().iter().chain(std::iter::once(&name.to_owned())) {
        let folded = fold_accents(alias);
        if folded != *alias {
            push(&folded, &mut out);
        }
    }
    // A derived single common word would match ordinary prose.
    out.retain(|a| a.contains(' ') || !is_common_word(a));
    out
}

/// `s` with the accented Latin letters of company names written plainly.
fn fold_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
            'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "A",
            'ç' | 'č' | 'ć' => "c",
            'Ç' | 'Č' | 'Ć' => "C",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => "e",
            'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => "E",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'Ì' | 'Í' | 'Î' | 'Ï' => "I",
            'ñ' | 'ń' => "n",
            'Ñ' | 'Ń' => "N",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
            'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => "O",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => "u",
            'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => "U",
            'ý' | 'ÿ' => "y",
            'Ý' => "Y",
            'š' | 'ś' => "s",
            'Š' | 'Ś' => "S",
            'ž' | 'ź' | 'ż' => "z",
            'Ž' | 'Ź' | 'Ż' => "Z",
            'ł' => "l",
            'Ł' => "L",
            'ß' => "ss",
            'æ' => "ae",
            'Æ' => "Ae",
            'œ' => "oe",
            'Œ' => "Oe",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_names_get_a_plain_alias() {
        assert_eq!(fold_accents("Nestlé"), "Nestle");
        assert_eq!(fold_accents("Ørsted"), "Orsted");
        assert_eq!(fold_accents("Société Générale"), "Societe Generale");
        assert!(derive_aliases("L'Oréal").contains(&"L'Oreal".to_owned()));
        assert!(derive_aliases("Telefónica SA").contains(&"Telefonica".to_owned()));
        assert!(derive_aliases("Acme Corp").iter().all(|a| a.is_ascii()));
    }
}
