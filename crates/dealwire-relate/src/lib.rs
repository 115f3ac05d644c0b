//! Relate stage of dealwire: typed, directed relations with amount, status and evidence.
//!
//! The [`Resolver`] reads what the tokenize and tag stages wrote (sentences,
//! entity mentions, amounts) and fills [`Extraction::relations`]. Each
//! sentence is first *masked*: mentions and amounts become placeholders in a
//! lower-case copy of the text, so that a rule such as "`{S}` invested … in
//! `{O}`" reads like the grammar it encodes. Rules fix who is subject and who
//! is object, expand coordinated lists ("X, Y and Z invested in W" gives three
//! relations), and take a party's possessive into account ("OpenAI's rival
//! Anthropic"). The deal's amount is the nearest deal amount in or next to the
//! matched phrase, never a valuation, revenue or per-share price; the status
//! comes from cue words (rumoured, denied, terminated) and from dates older
//! than the article (background). One row is kept per type and party pair.
//!
//! ```
//! use dealwire_core::{Article, Extraction, Stage};
//! use dealwire_relate::Resolver;
//!
//! let resolver = Resolver::new();
//! let mut doc = Extraction::new(Article::new("a1", "Nothing tagged here."));
//! resolver.run(&mut doc);
//! assert!(doc.relations.is_empty());
//! ```
#![deny(missing_docs)]

mod hints;
mod mask;
mod prefilter;
mod resolve;
mod rules;
mod status;
mod words;

use std::sync::Arc;

use dealwire_core::{Extraction, Stage};
use regex::bytes::Regex;

/// Errors from building the resolver.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A built-in rule does not compile.
    #[error("relation rule {method} does not compile: {source}")]
    Rule {
        /// The rule's method name.
        method: &'static str,
        /// The cause.
        source: Box<regex::Error>,
    },
    /// The rules' trigger automaton does not build.
    #[error("relation rule triggers do not build: {0}")]
    Triggers(#[from] aho_corasick::BuildError),
}

/// A compiled rule.
#[derive(Debug)]
struct Compiled {
    regex: Regex,
    veto: Option<Regex>,
    /// The pattern reads a possessive right after its object ("{O}{PR} unit").
    possessive_object: bool,
    /// The subject starts a clause ("X invested ..."), not a noun phrase.
    clause: bool,
    /// The subjects open the pattern and a noun trigger follows them ("X's
    /// bid for Y"): a break in their list hands the trigger to its last part.
    noun_after_subjects: bool,
    /// Where its named groups are, looked up once instead of on every match.
    groups: Groups,
}

/// Capture group indices of a rule's named groups.
#[derive(Debug)]
struct Groups {
    s: Option<usize>,
    s2: Option<usize>,
    o: Option<usize>,
    o2: Option<usize>,
    gap: Option<usize>,
    skip: Option<usize>,
}

impl Groups {
    fn of(regex: &Regex) -> Self {
        let at = |name: &str| regex.capture_names().position(|n| n == Some(name));
        Self {
            s: at("s"),
            s2: at("s2"),
            o: at("o"),
            o2: at("o2"),
            gap: at("gap"),
            skip: at("skip"),
        }
    }
}

/// Decides the relations between the tagged entities of an article.
///
/// Built once (all patterns compiled), then shared across threads; cloning is cheap.
#[derive(Clone, Debug)]
pub struct Resolver {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    rules: Vec<Compiled>,
    prefilter: prefilter::Prefilter,
    cues: status::Cues,
    stake: Regex,
    respectively: Regex,
    /// The selling words of [`rules::SELLING`], for the words before a match.
    selling: Regex,
    negated: Regex,
    pairs: Regex,
    ended_later: Regex,
    denied_later: Regex,
    hints: hints::Hints,
}

impl Resolver {
    /// Compiles the relation rules.
    ///
    /// The rules are built into the binary and tested, so this cannot fail in
    /// practice; [`Resolver::try_new`] reports a failure instead of panicking.
    pub fn new() -> Self {
        match Self::try_new() {
            Ok(r) => r,
            // The built-in rules compile in every test run; reaching this is a build defect.
            Err(e) => panic!("{e}"),
        }
    }

    /// Compiles the relation rules, reporting a rule that does not compile.
    ///
    /// The trigger prefilter, about two fifths of the work, builds on a second
    /// thread while the rules compile.
    pub fn try_new() -> Result<Self, BuildError> {
        let patterns: Vec<String> = rules::RULES
            .iter()
            .map(|d| rules::expand(d.pattern))
            .collect();
        let (compiled, prefilter) = std::thread::scope(|scope| {
            let prefilter = scope.spawn(|| prefilter::Prefilter::new(&patterns, &hints::words()));
            let compiled = compile_rules(&patterns);
            let prefilter = prefilter
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (compiled, prefilter)
        });
        let compiled = compiled?;
        let prefilter = prefilter?;
        let cues = status::Cues::new().map_err(|source| BuildError::Rule {
            method: "status",
            source: Box::new(source),
        })?;
        let stake = extra(
            "stake",
            r"(?-u)(\d+(?:\.\d+)?)(?:%| per ?cent| percent)(?: stake| interest| holding| of)|\bstake of (?:about |roughly |around |nearly |some |almost )?(\d+(?:\.\d+)?)(?:%| per ?cent| percent)|\b(?:stake|holding|interest|shareholding) in @p\d+ to (?:about |roughly |around |nearly |some |almost )?(\d+(?:\.\d+)?)(?:%| per ?cent| percent)",
        )?;
        let respectively = extra("respectively", r"(?-u)\brespectively\b")?;
        let selling = extra("selling", &format!("(?-u){}", rules::SELLING))?;
        // A party followed by a negated verb: "@p1 is not taking", "@r2 would not bid".
        let negated = extra(
            "negated",
            r"(?-u)@[pr]\d+ (?:(?:is|are|was|were|will|would|does|do|did|has|have|had|could|can|should|may|might|must)(?: not|n't)|never|(?:has|have|had) no plans?)\b",
        )?;
        let pairs = extra("pairs", hints::PAIRS_PATTERN)?;
        let ended_later = extra("ended_later", hints::ENDED_LATER_PATTERN)?;
        let denied_later = extra("denied_later", hints::DENIED_LATER_PATTERN)?;
        Ok(Self {
            inner: Arc::new(Inner {
                ended_later,
                denied_later,
                hints: hints::Hints::new()?,
                pairs,
                rules: compiled,
                prefilter,
                cues,
                stake,
                respectively,
                selling,
                negated,
            }),
        })
    }
}

/// Compiles each expanded rule pattern and its veto, in rule order.
fn compile_rules(patterns: &[String]) -> Result<Vec<Compiled>, BuildError> {
    let mut compiled = Vec::with_capacity(patterns.len());
    for (def, pattern) in rules::RULES.iter().zip(patterns) {
        let err = |source| BuildError::Rule {
            method: def.method,
            source: Box::new(source),
        };
        let regex = Regex::new(pattern).map_err(err)?;
        let veto = def
            .veto
            .map(|v| Regex::new(&format!("(?-u){v}")))
            .transpose()
            .map_err(err)?;
        compiled.push(Compiled {
            groups: Groups::of(&regex),
            regex,
            veto,
            possessive_object: rules::reads_possessive(def.pattern),
            clause: rules::starts_clause(def.pattern),
            noun_after_subjects: def.pattern.starts_with("{S}")
                && !rules::starts_clause(def.pattern),
        });
    }
    Ok(compiled)
}

/// Compiles one of the resolver's helper patterns (not a rule).
fn extra(method: &'static str, pattern: &str) -> Result<Regex, BuildError> {
    Regex::new(pattern).map_err(|source| BuildError::Rule {
        method,
        source: Box::new(source),
    })
}

impl Default for Resolver {
    fn default() -> Self {
        Self::new()
    }
}

impl Stage for Resolver {
    fn run(&self, doc: &mut Extraction) {
        resolve::run(&self.inner, doc);
    }
}
