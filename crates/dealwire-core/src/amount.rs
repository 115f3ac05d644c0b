//! Money amounts.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{CoreError, Span};

/// An ISO 4217 currency code ("USD").
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency([u8; 3]);

impl Currency {
    /// US dollar.
    pub const USD: Currency = Currency(*b"USD");
    /// Euro.
    pub const EUR: Currency = Currency(*b"EUR");
    /// Pound sterling.
    pub const GBP: Currency = Currency(*b"GBP");

    /// A currency from its three-letter code (upper-case ASCII letters).
    pub fn from_code(code: &str) -> Result<Self, CoreError> {
        match code.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Ok(Currency([a, b, c])),
            _ => Err(CoreError::BadCurrency(code.to_owned())),
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Only upper-case ASCII letters get in, so this never fails.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Currency {
    type Err = CoreError;
    fn from_str(s: &str) -> Result<Self, CoreError> {
        Currency::from_code(s)
    }
}

impl TryFrom<String> for Currency {
    type Error = CoreError;
    fn try_from(s: String) -> Result<Self, CoreError> {
        Currency::from_code(&s)
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.as_str().to_owned()
    }
}

/// How exact an amount is, as in the gold format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as is ("$38 billion").
    #[default]
    Exact,
    /// "about", "roughly", "nearly"...
    Approx,
    /// "up to", "as much as".
    UpTo,
    /// "more than", "over", "at least".
    AtLeast,
    /// "$10-$12 billion": `value` is the low end, `high` the high end.
    Range,
}

impl Qualifier {
    /// The label used in tables and the gold format.
    pub const fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::UpTo => "up_to",
            Qualifier::AtLeast => "at_least",
            Qualifier::Range => "range",
        }
    }
}

/// Whether an amount is a total or a rate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountKind {
    /// A sum of money ("$38 billion").
    #[default]
    Total,
    /// A price per unit ("$157 a share", "$2 per chip").
    PerUnit,
    /// A rate per period ("$6.4 billion a year").
    PerPeriod,
}

impl AmountKind {
    /// The label used in tables.
    pub const fn as_str(self) -> &'static str {
        match self {
            AmountKind::Total => "total",
            AmountKind::PerUnit => "per_unit",
            AmountKind::PerPeriod => "per_period",
        }
    }
}

/// One amount of money found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    /// Where it is, qualifier words excluded ("$38 billion" in "about $38 billion").
    pub span: Span,
    /// Exact value in whole currency units; the low end of a range.
    pub value: Decimal,
    /// High end of a range.
    pub high: Option<Decimal>,
    /// Currency.
    pub currency: Currency,
    /// Exactness.
    pub qualifier: Qualifier,
    /// Total or rate.
    pub kind: AmountKind,
    /// Index of the sentence that holds it.
    pub sentence: usize,
}
