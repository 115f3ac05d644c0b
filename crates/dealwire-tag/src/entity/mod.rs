//! Entity tagging: gazetteer names, unknown companies, people, governments, references back.
//!
//! ```
//! use dealwire_core::{Article, Extraction, Stage};
//! use dealwire_tag::{EntityTagger, Gazetteer};
//!
//! let tagger = EntityTagger::new(Gazetteer::embedded()?)?;
//! let mut doc = Extraction::new(Article::new("a", "Amazon Web Services (AWS) signed a deal with Acme Robotics Inc."));
//! tagger.run(&mut doc);
//! let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
//! assert_eq!(names, ["Amazon Web Services", "Acme Robotics"]);
//! # Ok::<(), dealwire_tag::BuildError>(())
//! ```

mod gazetteer;
mod lexicon;
mod refer;
mod resolve;
mod text;
mod wordset;

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};
use dealwire_core::{Extraction, Stage};
use regex::Regex;

pub use gazetteer::{Gazetteer, GazetteerEntry, derive_aliases, strip_legal_suffix};

use crate::BuildError;

/// How strictly a gazetteer surface form must match the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CasePolicy {
    /// Any capitalisation that starts with a capital ("NVIDIA" for "Nvidia").
    Capitalised,
    /// Exactly as listed (acronyms, names with odd case such as "xAI").
    Exact,
    /// Exactly as listed, and checked in context: the name is also a common word.
    Ambiguous,
}

#[derive(Clone, Debug)]
pub(crate) struct Surface {
    pub entry: usize,
    pub text: String,
    pub policy: CasePolicy,
}

/// Finds entity mentions: compile once with [`EntityTagger::new`], then run on many articles.
#[derive(Debug)]
pub struct EntityTagger {
    pub(crate) gazetteer: Gazetteer,
    pub(crate) matcher: AhoCorasick,
    /// First two bytes (`first << 8 | second`) that can start an accepted
    /// name: the matcher runs only where such a pair opens a word.
    pub(crate) initials: Vec<bool>,
    pub(crate) surfaces: Vec<Surface>,
    pub(crate) tickers: HashMap<String, usize>,
    pub(crate) re_exchange: Regex,
    pub(crate) re_ticker_shares: Regex,
    pub(crate) re_government: Regex,
    pub(crate) re_pronoun: Regex,
    /// "invest $10 million in it", "agreed to buy it": "it" as the object of a deal word.
    pub(crate) re_object_it: Regex,
    /// "its smaller rival": a rival described after a possessive pronoun.
    pub(crate) re_rival_ref: Regex,
}

impl EntityTagger {
    /// Compiles a tagger over `gazetteer`: one leftmost-longest name matcher, the
    /// derived aliases of every entry, and the context regexes.
    pub fn new(gazetteer: Gazetteer) -> Result<Self, BuildError> {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut surfaces: Vec<Surface> = Vec::new();
        // Whether each surface is a listed name or alias (not derived by rule).
        let mut listed_form: Vec<bool> = Vec::new();
        let mut tickers = HashMap::new();
        for (i, e) in gazetteer.entries().iter().enumerate() {
            let mut forms: Vec<(String, bool)> = vec![(e.name.clone(), true)];
            forms.extend(e.aliases.iter().map(|a| (a.clone(), true)));
            let listed: Vec<String> = forms.iter().map(|f| f.0.clone()).collect();
            for f in &listed {
                forms.extend(derive_aliases(f).into_iter().map(|a| (a, false)));
            }
            for (form, listed) in forms {
                let form = form.trim().to_owned();
                if form.chars().count() < 2 && !e.ambiguous.contains(&form) {
                    continue;
                }
                let policy = policy_for(&form, e);
                let key = form.to_lowercase();
                let s = Surface {
                    entry: i,
                    text: form,
                    policy,
                };
                match by_key.get(&key) {
                    // Later files are curated: they win a clash with generated data.
                    // A form derived by rule never displaces a listed one ("Merck
                    // Group" gives "Merck", which a later entry cannot take from Merck).
                    Some(&k) => {
                        if surfaces[k].entry != i && (listed || !listed_form[k]) {
                            surfaces[k] = s;
                            listed_form[k] = listed;
                        }
                    }
                    None => {
                        by_key.insert(key, surfaces.len());
                        surfaces.push(s);
                        listed_form.push(listed);
                    }
                }
            }
            for t in &e.tickers {
                tickers.insert(t.clone(), i);
            }
        }
        let initials = initials(&surfaces);
        // A full DFA: twice the search speed of the default NFA for a few ms more build.
        // Searches are anchored at the word starts that `initials` allows.
        let matcher = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(StartKind::Anchored)
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(surfaces.iter().map(|s| s.text.as_str()))
            .map_err(|e| BuildError::Matcher(e.to_string()))?;
        // ASCII word boundaries keep the fast DFA engines on text with curly quotes and
        // dashes; `resolve` re-checks the Unicode boundary at both ends of a match.
        let re = |p: &str| {
            Regex::new(&p.replace(r"\b", r"(?-u:\b)"))
                .map_err(|e| BuildError::Matcher(e.to_string()))
        };
        let govs: Vec<String> = lexicon::GOVERNMENTS
            .iter()
            .map(|g| regex::escape(g.0))
            .collect();
        Ok(Self {
            gazetteer,
            matcher,
            initials,
            surfaces,
            tickers,
            re_exchange: re(
                r"\((?:NASDAQ|Nasdaq|NYSE|NYSE American|LSE|TSX|TSE|ASX|HKEX|SIX|XETRA|Euronext)\s*:\s*([A-Z]{1,5})(?:\.[A-Z])?\)",
            )?,
            re_ticker_shares: re(r"\b([A-Z]{2,5}) shares\b|\bshares of ([A-Z]{2,5})\b")?,
            re_government: re(&format!(
                r"\b(?:{}) government\b|\bgovernment of (?:the )?(?:United States|U\.S\.|China|Japan|Germany|France|India|Italy|Canada|Spain|Qatar|Taiwan)\b",
                govs.join("|")
            ))?,
            re_pronoun: re(
                r"\b(?:[Ii]ts\b|[Ii]t (?:said|says|has|had|will|would|is|was|plans|agreed|expects|announced|also|added|declined|reported|raised|made|paid|owns|operates|sells|makes|did|does|could|can|may|might|must|should|now|then|still|competes|competed|bought|acquired|invested|signed|supplies|supplied|provides|provided|partnered|employs|builds|develops|offers|launched|received|secured|won|faces|counts|serves|controls|holds|held|became|joined|struck|teamed|leads|led|backs|backed|sold|agreed)\b)",
            )?,
            re_object_it: re(
                r"\b(?:in|into|buy|buys|bought|buying|acquire|acquires|acquired|acquiring|purchase|purchased|back|backs|backed|backing|fund|funds|funded|funding) it\b",
            )?,
            re_rival_ref: re(r"\b[Ii]ts ((?:[A-Za-z-]+ ){0,2}(?:rival|competitor))\b")?,
        })
    }

    /// The gazetteer this tagger was built from.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Number of surface forms (names, aliases, derived aliases) the matcher holds.
    pub fn surface_count(&self) -> usize {
        self.surfaces.len()
    }
}

/// The first two bytes a match of each surface can have once its case policy
/// is checked, as a table indexed by `first << 8 | second`: a capital first
/// (or the listed byte when it is not an ASCII letter) and either case after
/// it for [`CasePolicy::Capitalised`], the listed bytes otherwise. A
/// one-byte surface allows any second byte.
fn initials(surfaces: &[Surface]) -> Vec<bool> {
    let mut table = vec![false; 1 << 16];
    for s in surfaces {
        let bytes = s.text.as_bytes();
        let Some(&b0) = bytes.first() else {
            continue;
        };
        let (b0, seconds): (u8, Vec<u8>) = match (s.policy, bytes.get(1)) {
            (_, None) => (b0, (0..=255).collect()),
            (CasePolicy::Capitalised, Some(&b1)) => (
                b0.to_ascii_uppercase(),
                vec![b1.to_ascii_lowercase(), b1.to_ascii_uppercase()],
            ),
            (CasePolicy::Exact | CasePolicy::Ambiguous, Some(&b1)) => (b0, vec![b1]),
        };
        for b1 in seconds {
            table[usize::from(b0) << 8 | usize::from(b1)] = true;
        }
    }
    table
}

fn policy_for(form: &str, e: &GazetteerEntry) -> CasePolicy {
    let is_acronym = form
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && form.chars().filter(|c| c.is_alphabetic()).count() <= 5;
    if e.ambiguous.iter().any(|a| a == form)
        || (!form.contains(' ') && gazetteer::is_common_word(form))
    {
        CasePolicy::Ambiguous
    } else if is_acronym || form.starts_with(char::is_lowercase) {
        CasePolicy::Exact
    } else {
        CasePolicy::Capitalised
    }
}

impl Stage for EntityTagger {
    fn run(&self, doc: &mut Extraction) {
        resolve::tag(self, doc);
    }
}
