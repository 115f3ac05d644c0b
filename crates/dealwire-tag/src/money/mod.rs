//! Money tagging: a grammar of news money expressions with exact values.
//!
//! The grammar reads signs and codes before the number ("$38 billion",
//! "US$1.2bn", "Rs 8,000 crore"), currency words after it ("250 million
//! pounds", "two billion dollars"), minor units ("25p", "50 cents"), ranges
//! that share one scale ("$10-$12 billion", "between $10 and $12 billion"),
//! the qualifier words before an amount ("up to", "more than", "about") and
//! the rate words after it ("a share", "a year"). Values are exact decimals.
//!
//! ```
//! use dealwire_core::{Decimal, Qualifier};
//! use dealwire_tag::MoneyTagger;
//!
//! let text = "Nvidia plans to invest up to $100 billion in OpenAI.";
//! let amounts = MoneyTagger::new().find_amounts(text);
//! assert_eq!(&text[amounts[0].span], "$100 billion");
//! assert_eq!(amounts[0].value, Decimal::from(100_000_000_000_u64));
//! assert_eq!(amounts[0].qualifier, Qualifier::UpTo);
//! ```

mod grammar;
mod value;

use dealwire_core::{Amount, Extraction, Stage};

use grammar::{GRAMMAR, Grammar};

/// Finds money amounts.
///
/// The grammar is compiled once per process and shared by every tagger, so
/// `MoneyTagger::new()` is cheap and the tagger is `Send + Sync`.
#[derive(Clone, Debug)]
pub struct MoneyTagger {
    grammar: &'static Grammar,
}

impl MoneyTagger {
    /// Compiles the money grammar (on the first call in the process).
    pub fn new() -> Self {
        Self { grammar: &GRAMMAR }
    }

    /// Every amount in `text`, in text order; `sentence` is 0 in each.
    pub fn find_amounts(&self, text: &str) -> Vec<Amount> {
        self.grammar.scan(text)
    }
}

impl Default for MoneyTagger {
    fn default() -> Self {
        Self::new()
    }
}

impl Stage for MoneyTagger {
    fn run(&self, doc: &mut Extraction) {
        let mut found = self.find_amounts(doc.text());
        for amount in &mut found {
            amount.sentence = doc.sentence_at(amount.span.start()).unwrap_or(0);
        }
        doc.amounts.extend(found);
    }
}
