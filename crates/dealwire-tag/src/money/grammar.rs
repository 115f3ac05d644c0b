//! The compiled money grammar: the regular expressions and the scanner that
//! turns their matches into amounts.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use dealwire_core::{Amount, AmountKind, Currency, Decimal, Qualifier, Span};
use regex::{Captures, Regex};

use super::value::{self, SignDefaults};

/// Horizontal space inside an expression (news uses no-break and thin spaces too).
const SP: &str = r"[ \t\u{A0}\u{2009}\u{202F}]";
const NUM: &str = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)";
/// ASCII word boundary: a Unicode one keeps the fast DFA off any non-ASCII text.
/// The grammar's edges are ASCII; `continues_cleanly` checks Unicode letters after a match.
const B: &str = r"(?-u:\b)";
const SCALE_WORD: &str = r"(?i:(?:thousand|lakh)[ \u{A0}-]?crores?|lakhs?|lacs?|crores?|thousand|millions?|billions?|trillions?|bn|mn|mln|bln|tn|trn|cr)";
/// Single-letter scales count only when glued to the number ("$5m", not "$5 m").
const SCALE_LETTER: &str = r"(?:MM|mm|[kKmMbBT])";
const PREFIX: &str = r"US ?\$|U\.S\. ?\$|NT\$|HK\$|AU\$|A\$|CA\$|C\$|NZ\$|SG\$|S\$|R\$|MX\$|CN¥|JP¥|RMB|Rmb|USD|EUR|GBP|JPY|CNY|INR|CHF|CAD|AUD|HKD|SGD|TWD|KRW|BRL|SEK|NOK|DKK|SAR|AED|NZD|ZAR|MXN|Rs\.?|Dhs?|\$|€|£|¥|￥|₹|₩";
const CODES: &str =
    r"USD|EUR|GBP|JPY|CNY|RMB|INR|CHF|CAD|AUD|HKD|SGD|TWD|KRW|BRL|SEK|NOK|DKK|SAR|AED|NZD|ZAR|MXN";
const CURRENCY_WORDS: &str = r"(?i:(?:U\.?S\.?|American|Canadian|Australian|Hong[ \u{A0}]Kong|Singapore|(?:New[ \u{A0}])?Taiwan(?:ese)?|New[ \u{A0}]Zealand)[ \u{A0}]dollars?|dollars?|euros?|pounds?[ \u{A0}]sterling|(?:British[ \u{A0}])?pounds?|sterling|(?:Japanese[ \u{A0}])?yen|(?:Chinese[ \u{A0}])?(?:yuan|renminbi)|(?:Indian[ \u{A0}])?rupees?|(?:Swiss[ \u{A0}])?francs?|(?:South[ \u{A0}])?(?:Korean[ \u{A0}])?won|(?:Brazilian[ \u{A0}])?reais|(?:Swedish[ \u{A0}])?(?:kronor|krona)|(?:Norwegian|Danish)[ \u{A0}]kroner|(?:Saudi[ \u{A0}])?riyals?|(?:UAE[ \u{A0}]|Emirati[ \u{A0}])?dirhams?|(?:South[ \u{A0}]African[ \u{A0}])?rand|(?:Russian[ \u{A0}])?(?:rubles?|roubles?)|Mexican[ \u{A0}]pesos?|rupiah|ringgit|baht|(?:Turkish[ \u{A0}])?lira|zlotys?|zloties|(?:Israeli[ \u{A0}])?shekels?)";
const WORD_NUMBER: &str = r"(?i:half[ \u{A0}]an?|(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?(?:[ \u{A0}]hundred)?(?:[ \u{A0}]and[ \u{A0}]a[ \u{A0}]half)?)";
const QUALIFIERS: &str = r"up to|as much as|as high as|no more than|not more than|at most|less than|a maximum of|under|below|just under|just over|just shy of|more than|greater than|well over|well above|over|at least|a minimum of|north of|in excess of|upwards of|above|exceeding|top|tops|topping|topped|passed|surpassed|about|around|roughly|nearly|almost|some|approximately|an estimated|estimated|close to|approaching|circa|approx\.?";

/// Words that make "a X" after an amount a price per unit.
const UNITS: &[&str] = &[
    "share",
    "unit",
    "chip",
    "barrel",
    "ton",
    "tonne",
    "ounce",
    "pound",
    "gallon",
    "litre",
    "liter",
    "head",
    "person",
    "user",
    "seat",
    "subscriber",
    "device",
    "car",
    "vehicle",
    "copy",
    "ticket",
    "license",
    "licence",
    "kilogram",
    "kg",
    "piece",
    "pop",
    "gpu",
    "ads",
    "adr",
    "megawatt",
    "mwh",
    "kwh",
    "square",
    "customer",
    "employee",
];
const PERIODS: &[&str] = &["year", "annum", "month", "quarter", "week", "day", "hour"];
/// Words after "a year" that make it a point in time, not a rate ("a year earlier").
const TIME_POINT: &[&str] = &[
    "ago",
    "earlier",
    "before",
    "prior",
    "later",
    "after",
    "previously",
    "ahead",
    "on",
];
const VIDEO_RESOLUTIONS: &[&str] = &[
    "144", "240", "360", "480", "720", "1080", "1440", "2160", "4320",
];

/// How far back qualifier and range words are looked for, in bytes.
const LOOK_BACK: usize = 64;

/// The shared, compiled grammar.
pub(super) static GRAMMAR: LazyLock<Grammar> = LazyLock::new(Grammar::compile);

/// All regular expressions of the money grammar, compiled once.
#[derive(Debug)]
pub(super) struct Grammar {
    /// All forms in one pattern, for finding where the next amount is.
    main: Regex,
    /// Each form alone, anchored at the haystack start, in the main pattern's
    /// order of preference: reading the groups of one small pattern costs far
    /// less than backtracking through the main one.
    forms: [Regex; 4],
    bare_anchored: Regex,
    joiner: Regex,
    range_before: Regex,
    qualifier_before: Regex,
    between_before: Regex,
    from_before: Regex,
    words_after: Regex,
    other_dollar: Regex,
    /// "dollars" in any case: `other_dollar` cannot match without it, and this
    /// test is much cheaper than the case-insensitive pattern's search.
    dollars: AhoCorasick,
    yuan: Regex,
    yen: Regex,
}

/// Where the currency of an atom is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// Sign or code before the number: "$38 billion".
    Prefix,
    /// Currency word after the number: "38 billion dollars".
    Suffix,
    /// Spelled-out number: "two billion dollars".
    Words,
    /// Minor units: "25p", "50 cents".
    Minor,
}

/// One number with its currency, before ranges and qualifiers are looked at.
#[derive(Clone, Copy, Debug)]
struct Atom {
    start: usize,
    end: usize,
    number: Decimal,
    scale: Option<Decimal>,
    currency: Currency,
    form: Form,
}

impl Atom {
    fn value_with(&self, scale: Option<Decimal>) -> Option<Decimal> {
        match self.scale.or(scale) {
            Some(s) => self.number.checked_mul(s),
            None => Some(self.number),
        }
    }

    fn value(&self) -> Option<Decimal> {
        self.value_with(None)
    }
}

fn compile(pattern: &str) -> Regex {
    // The patterns are constants of this file; a failure is a bug caught by every test.
    Regex::new(pattern).unwrap_or_else(|e| panic!("money grammar does not compile: {e}"))
}

impl Grammar {
    fn compile() -> Self {
        let scale = format!("(?:(?:{SP}|-)?(?P<{{}}w>{SCALE_WORD})|(?P<{{}}l>{SCALE_LETTER}))");
        let scale_for = |p: &str| scale.replace("{}", p);
        let prefix_form = format!(
            r"(?P<pcur>{PREFIX}){SP}?(?P<pnum>{NUM}){}?{B}",
            scale_for("ps")
        );
        let words_form = format!(
            r"{B}(?P<wnum>{WORD_NUMBER}){SP}+(?P<wsw>(?i:thousand|million|billion|trillion))(?P<wj>{SP}|-)(?P<wcur>{CURRENCY_WORDS}){B}"
        );
        let suffix_form = format!(
            r"(?P<snum>{NUM}){}?(?:{SP}|-)(?P<scur>{CURRENCY_WORDS}|{CODES}){B}",
            scale_for("ss")
        );
        let minor_form = format!(
            r"(?P<mnum>{NUM})(?:(?P<mp>p)|{SP}?(?P<mw>(?i:pence|euro[ \u{{A0}}]cents?|cents?))){B}"
        );
        let main = format!("{prefix_form}|{words_form}|{suffix_form}|{minor_form}");
        let bare = format!(r"^(?P<bnum>{NUM}){}?{B}", scale_for("bs"));
        let range_before = format!(
            r"(?:^|[^\p{{L}}\p{{N}}.,$])(?P<rnum>{NUM}){}?(?P<rj>\s*[-–—]\s*|\s+(?:to|and)\s+)$",
            scale_for("rs")
        );
        Self {
            main: compile(&main),
            forms: [prefix_form, words_form, suffix_form, minor_form]
                .map(|form| compile(&format!("^(?:{form})"))),
            bare_anchored: compile(&bare),
            joiner: compile(r"^(?:\s*(?P<dash>[-–—])\s*|\s+(?P<word>to|and)\s+)"),
            range_before: compile(&range_before),
            qualifier_before: compile(&format!(
                r"(?i)(?:(?:^|[^\p{{L}}\p{{N}}])(?P<q>{QUALIFIERS})\s+|(?P<tilde>~)\s*)$"
            )),
            between_before: compile(r"(?i)(?:^|[^\p{L}\p{N}])between\s+$"),
            from_before: compile(r"(?i)(?:^|[^\p{L}\p{N}])from\s+$"),
            words_after: compile(
                r"^(?:\s+|-)(?P<w1>\p{L}+)(?:(?:[ \u{A0}]+|-)(?P<w2>\p{L}+)(?:[ \u{A0}]+(?P<w3>\p{L}+))?)?",
            ),
            other_dollar: compile(
                r"(?i)(?-u:\b)(?:figures|amounts|prices|values|numbers|sums)\s+(?:are\s+)?(?:in|expressed\s+in|quoted\s+in)\s+(?P<which>Canadian|Australian|Hong\s+Kong|Singapore|New\s+Zealand|(?:New\s+)?Taiwan(?:ese)?)\s+dollars",
            ),
            dollars: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(["dollars"])
                .unwrap_or_else(|e| panic!("money grammar does not compile: {e}")),
            yuan: compile(r"(?-u:\b)(?:yuan|renminbi|RMB|Rmb|CNY)(?-u:\b)"),
            yen: compile(r"(?-u:\b)(?:yen|JPY)(?-u:\b)"),
        }
    }

    fn defaults(&self, text: &str) -> SignDefaults {
        let dollar = Some(text)
            .filter(|t| self.dollars.is_match(t))
            .and_then(|t| self.other_dollar.captures(t))
            .and_then(|c| c.name("which"))
            .and_then(|m| value::suffix_currency(&format!("{} dollars", m.as_str()), self.usd()))
            .unwrap_or(Currency::USD);
        let yen_sign = if self.yuan.is_match(text) && !self.yen.is_match(text) {
            Currency::from_code("CNY").unwrap_or(Currency::USD)
        } else {
            Currency::from_code("JPY").unwrap_or(Currency::USD)
        };
        SignDefaults { dollar, yen_sign }
    }

    fn usd(&self) -> SignDefaults {
        SignDefaults {
            dollar: Currency::USD,
            yen_sign: Currency::USD,
        }
    }

    /// Every amount in `text`, in text order, all in sentence 0.
    pub(super) fn scan(&self, text: &str) -> Vec<Amount> {
        let defaults = self.defaults(text);
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(whole) = self.main.find_at(text, pos) else {
                break;
            };
            let Some(caps) = self.anchored(&text[whole.start()..]) else {
                break;
            };
            match self.atom(text, &caps, whole.start(), defaults) {
                Some(atom) => {
                    let (amount, end) = self.finish(text, atom, defaults);
                    if let Some(amount) = amount {
                        out.push(amount);
                    }
                    pos = end.max(whole.start() + 1);
                }
                None => pos = whole.start() + 1,
            }
            while pos < text.len() && !text.is_char_boundary(pos) {
                pos += 1;
            }
        }
        out
    }

    /// The groups of the main grammar's match at the start of `hay`, as the main
    /// pattern would choose them: the first form in its order that matches.
    ///
    /// `hay` starts where the main pattern found a match, or where a range's
    /// second number may start. Only the words form looks behind its start (an
    /// ASCII word boundary), and it is the only form that starts with a letter
    /// other than a currency sign's, so starting the haystack there changes no
    /// choice that the main pattern makes in context.
    fn anchored<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        self.forms.iter().find_map(|form| form.captures(hay))
    }

    /// Reads one match of the main grammar; `base` is the offset of the haystack it ran on.
    fn atom(&self, text: &str, caps: &Captures<'_>, base: usize, d: SignDefaults) -> Option<Atom> {
        let whole = caps.get(0)?;
        let (start, end) = (base + whole.start(), base + whole.end());
        if !continues_cleanly(text, end) {
            return None;
        }
        let scale = |w: &str, l: &str| {
            caps.name(w)
                .or_else(|| caps.name(l))
                .map(|m| value::scale_of(m.as_str()))
        };
        if let Some(sign) = caps.name("pcur") {
            if !starts_cleanly(text, start, false) {
                return None;
            }
            let number = value::parse_number(caps.name("pnum")?.as_str())?;
            return Some(Atom {
                start,
                end,
                number,
                scale: scale("psw", "psl").map_or(Some(None), |s| s.map(Some))?,
                currency: value::prefix_currency(sign.as_str(), d)?,
                form: Form::Prefix,
            });
        }
        if let Some(words) = caps.name("wnum") {
            if !starts_cleanly(text, start, true) {
                return None;
            }
            let name = caps.name("wcur")?.as_str();
            let lower = words.as_str().to_lowercase();
            let article = matches!(lower.as_str(), "a" | "an") || lower.starts_with("half");
            let hyphen = caps.name("wj").is_some_and(|m| m.as_str() == "-");
            if article && (hyphen || value::is_countable_singular(name)) {
                return None;
            }
            return Some(Atom {
                start,
                end,
                number: value::word_number(words.as_str())?,
                scale: Some(value::scale_of(caps.name("wsw")?.as_str())?),
                currency: value::suffix_currency(name, d)?,
                form: Form::Words,
            });
        }
        if let Some(num) = caps.name("snum") {
            if !starts_cleanly(text, start, true) {
                return None;
            }
            let name = caps.name("scur")?.as_str();
            let scale = scale("ssw", "ssl").map_or(Some(None), |s| s.map(Some))?;
            if scale.is_none() && value::is_year_like(num.as_str()) {
                return None;
            }
            let lower = name.to_lowercase();
            if value::needs_scale(name) && scale.is_none() && !num.as_str().contains(',') {
                return None;
            }
            // "500 pounds" and "250 million pounds of steel" weigh; "250 million pounds" pays.
            let pounds = lower.contains("pound") && !lower.contains("sterling");
            if pounds && (scale.is_none() || text[end..].trim_start().starts_with("of ")) {
                return None;
            }
            return Some(Atom {
                start,
                end,
                number: value::parse_number(num.as_str())?,
                scale,
                currency: value::suffix_currency(name, d)?,
                form: Form::Suffix,
            });
        }
        let num = caps.name("mnum")?;
        if !starts_cleanly(text, start, true) || value::is_year_like(num.as_str()) {
            return None;
        }
        let (currency, number) = if caps.name("mp").is_some() {
            if VIDEO_RESOLUTIONS.contains(&num.as_str()) {
                return None;
            }
            (Currency::GBP, value::parse_number(num.as_str())?)
        } else {
            let word = caps.name("mw")?.as_str().to_lowercase();
            let currency = if word.starts_with("pence") {
                Currency::GBP
            } else if word.starts_with("euro") {
                Currency::EUR
            } else {
                d.dollar
            };
            (currency, value::parse_number(num.as_str())?)
        };
        Some(Atom {
            start,
            end,
            number: number / Decimal::ONE_HUNDRED,
            scale: None,
            currency,
            form: Form::Minor,
        })
    }

    /// Joins a range, reads qualifier and kind; returns the amount and where scanning goes on.
    fn finish(&self, text: &str, atom: Atom, d: SignDefaults) -> (Option<Amount>, usize) {
        let mut low = atom;
        let mut high: Option<Atom> = None;
        let mut low_value = atom.value();
        if matches!(atom.form, Form::Suffix | Form::Words) {
            if let Some((start, value)) = self.range_back(text, &atom) {
                low = Atom { start, ..atom };
                low_value = Some(value);
                high = Some(atom);
            }
        }
        if high.is_none() && matches!(atom.form, Form::Prefix | Form::Suffix) {
            match self.range_forward(text, &atom, d) {
                Forward::Range(b, value) => {
                    low_value = Some(value);
                    high = Some(b);
                }
                Forward::ScaleOnly(scale) => low_value = atom.value_with(Some(scale)),
                Forward::None => {}
            }
        }
        let end = high.map_or(atom.end, |h| h.end);
        let (Some(value), Some(span)) = (low_value, Span::checked(text, low.start, end).ok())
        else {
            return (None, end);
        };
        let (qualifier, high_value) = match high {
            Some(h) => (Qualifier::Range, h.value().map(|v| v.normalize())),
            None => (self.qualifier(text, low.start), None),
        };
        let amount = Amount {
            span,
            value: value.normalize(),
            high: high_value,
            currency: atom.currency,
            qualifier,
            kind: self.kind(text, end),
            sentence: 0,
        };
        (Some(amount), end)
    }

    /// "10-12 billion euros", "between 10 and 12 billion yen": the low end before the atom.
    fn range_back(&self, text: &str, atom: &Atom) -> Option<(usize, Decimal)> {
        let base = floor_boundary(text, atom.start.saturating_sub(LOOK_BACK));
        let caps = self.range_before.captures(&text[base..atom.start])?;
        let num = caps.name("rnum")?;
        let own_scale = caps
            .name("rsw")
            .or_else(|| caps.name("rsl"))
            .map(|m| value::scale_of(m.as_str()));
        let own_scale = match own_scale {
            Some(s) => Some(s?),
            None => None,
        };
        if own_scale.is_none() && value::is_year_like(num.as_str()) {
            return None;
        }
        let start = base + num.start();
        let joiner = caps.name("rj")?.as_str();
        if !self.joiner_allowed(text, start, joiner) {
            return None;
        }
        let low = value::parse_number(num.as_str())?.checked_mul(own_scale.or(atom.scale)?)?;
        (low <= atom.value()?).then_some((start, low))
    }

    fn range_forward(&self, text: &str, a: &Atom, d: SignDefaults) -> Forward {
        let rest = &text[a.end..];
        let Some(j) = self.joiner.captures(rest) else {
            return Forward::None;
        };
        let Some(joined) = j.get(0) else {
            return Forward::None;
        };
        let b_start = a.end + joined.end();
        let dash = j.name("dash").is_some();
        let b = self
            .anchored(&text[b_start..])
            .and_then(|c| self.atom(text, &c, b_start, d))
            .filter(|b| matches!(b.form, Form::Prefix | Form::Suffix) && b.currency == a.currency)
            .or_else(|| {
                // A bare second number belongs to a sign written before the first.
                if a.form != Form::Prefix {
                    return None;
                }
                let c = self.bare_anchored.captures(&text[b_start..])?;
                let end = b_start + c.get(0)?.end();
                let scale = match c.name("bsw").or_else(|| c.name("bsl")) {
                    Some(m) => Some(value::scale_of(m.as_str())?),
                    None => None,
                };
                let plain_ok = dash && a.scale.is_none();
                if (scale.is_none() && !plain_ok) || !continues_cleanly(text, end) {
                    return None;
                }
                Some(Atom {
                    start: b_start,
                    end,
                    number: value::parse_number(c.name("bnum")?.as_str())?,
                    scale,
                    currency: a.currency,
                    form: Form::Prefix,
                })
            });
        let Some(b) = b else {
            return Forward::None;
        };
        let inherited = if a.scale.is_none() { b.scale } else { None };
        let (Some(low), Some(high)) = (a.value_with(inherited), b.value()) else {
            return Forward::None;
        };
        if !self.joiner_allowed(text, a.start, joined.as_str()) {
            // "from $10 to $12 billion" is a change, not a range, but still billions.
            let from_to = joined.as_str().trim() == "to";
            return match inherited {
                Some(s) if from_to && a.form == Form::Prefix => Forward::ScaleOnly(s),
                _ => Forward::None,
            };
        }
        if low > high {
            return Forward::None;
        }
        Forward::Range(b, low)
    }

    /// "to" makes a range unless "from" comes before; "and" only after "between".
    fn joiner_allowed(&self, text: &str, low_start: usize, joiner: &str) -> bool {
        let word = joiner.trim();
        let before = &text[floor_boundary(text, low_start.saturating_sub(LOOK_BACK))..low_start];
        match word {
            "to" => !self.from_before.is_match(before),
            "and" => self.between_before.is_match(before),
            _ => true,
        }
    }

    fn qualifier(&self, text: &str, start: usize) -> Qualifier {
        let before = &text[floor_boundary(text, start.saturating_sub(LOOK_BACK))..start];
        let Some(caps) = self.qualifier_before.captures(before) else {
            return Qualifier::Exact;
        };
        if caps.name("tilde").is_some() {
            return Qualifier::Approx;
        }
        let word = caps
            .name("q")
            .map(|m| m.as_str().to_lowercase())
            .unwrap_or_default();
        let word: String = word.split_whitespace().collect::<Vec<_>>().join(" ");
        match word.as_str() {
            "up to" | "as much as" | "as high as" | "no more than" | "not more than"
            | "at most" | "less than" | "a maximum of" | "under" | "below" => Qualifier::UpTo,
            "more than" | "greater than" | "well over" | "well above" | "over" | "at least"
            | "a minimum of" | "north of" | "in excess of" | "upwards of" | "above"
            | "exceeding" | "top" | "tops" | "topping" | "topped" | "passed" | "surpassed" => {
                Qualifier::AtLeast
            }
            _ => Qualifier::Approx,
        }
    }

    fn kind(&self, text: &str, end: usize) -> AmountKind {
        let after = &text[end..ceil_boundary(text, end + LOOK_BACK)];
        let Some(caps) = self.words_after.captures(after) else {
            return AmountKind::Total;
        };
        let word = |n: &str| caps.name(n).map(|m| m.as_str().to_lowercase());
        let (Some(w1), w2, w3) = (word("w1"), word("w2"), word("w3")) else {
            return AmountKind::Total;
        };
        match w1.as_str() {
            "annually" | "yearly" => return AmountKind::PerPeriod,
            "apiece" => return AmountKind::PerUnit,
            "a" | "an" | "per" | "each" | "every" => {}
            _ => return AmountKind::Total,
        }
        let w2 = w2.unwrap_or_default();
        let noun = w2.trim_end_matches('s');
        if PERIODS.contains(&noun) {
            let point = matches!(w1.as_str(), "a" | "an")
                && w3.is_some_and(|w| TIME_POINT.contains(&w.as_str()));
            return if point {
                AmountKind::Total
            } else {
                AmountKind::PerPeriod
            };
        }
        match w1.as_str() {
            "each" => AmountKind::PerUnit,
            "per" if !w2.is_empty() => AmountKind::PerUnit,
            "a" | "an" if UNITS.contains(&noun) => AmountKind::PerUnit,
            _ => AmountKind::Total,
        }
    }
}

/// What follows an atom.
enum Forward {
    /// A second amount that closes a range; the low end's value.
    Range(Atom, Decimal),
    /// No range, but the first number takes the second's scale.
    ScaleOnly(Decimal),
    None,
}

/// Whether a match may start at `start`: not inside a word or a longer number.
fn starts_cleanly(text: &str, start: usize, number_first: bool) -> bool {
    let mut before = text[..start].chars().rev();
    let Some(prev) = before.next() else {
        return true;
    };
    if prev.is_alphanumeric() || prev == '_' || prev == '$' {
        return false;
    }
    if number_first {
        if matches!(prev, '€' | '£' | '¥' | '￥' | '₹' | '₩') {
            return false;
        }
        if matches!(prev, '.' | ',') && before.next().is_some_and(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    true
}

/// Whether the text after a match does not carry on the number ("$1,00", "$5.5%").
fn continues_cleanly(text: &str, end: usize) -> bool {
    let mut after = text[end..].chars();
    match after.next() {
        None => true,
        Some('%') => false,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some('.' | ',') => !after.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use proptest::prelude::Rng;

    use super::*;

    /// The groups that [`Grammar::anchored`] reads at each match of the main
    /// pattern, as spans by group name.
    fn anchored_groups(g: &Grammar, text: &str) -> Vec<Vec<(String, usize, usize)>> {
        let names: Vec<&str> = g.main.capture_names().flatten().collect();
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(m) = g.main.find_at(text, pos) {
            let caps = g.anchored(&text[m.start()..]).expect("a form matches");
            out.push(spans(&names, &caps, m.start()));
            pos = m.start() + 1;
            while !text.is_char_boundary(pos) {
                pos += 1;
            }
        }
        out
    }

    /// The same, read from the main pattern itself.
    fn main_groups(g: &Grammar, text: &str) -> Vec<Vec<(String, usize, usize)>> {
        let names: Vec<&str> = g.main.capture_names().flatten().collect();
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(caps) = g.main.captures_at(text, pos) {
            let Some(m) = caps.get(0) else { break };
            out.push(spans(&names, &caps, 0));
            pos = m.start() + 1;
            while !text.is_char_boundary(pos) {
                pos += 1;
            }
        }
        out
    }

    fn spans(names: &[&str], caps: &Captures<'_>, base: usize) -> Vec<(String, usize, usize)> {
        let mut v: Vec<(String, usize, usize)> = names
            .iter()
            .filter_map(|n| {
                caps.name(n)
                    .map(|m| ((*n).to_owned(), base + m.start(), base + m.end()))
            })
            .collect();
        if let Some(m) = caps.get(0) {
            v.push((String::new(), base + m.start(), base + m.end()));
        }
        v
    }

    /// Texts made of money pieces in random order: the forms, read one by one
    /// from where the main pattern matched, give exactly its groups.
    #[test]
    fn forms_read_the_groups_that_the_main_pattern_would() {
        let g = &*GRAMMAR;
        let pieces = [
            "$",
            "US$",
            "US $",
            "€",
            "£",
            "¥",
            "HK$",
            "Rs.",
            "Rs",
            "USD",
            "EUR",
            "a",
            "an",
            "two",
            "twenty-five",
            "half a",
            "one hundred",
            "5",
            "12.5",
            "1,250",
            ".5",
            "2024",
            "300",
            "million",
            "billion",
            "bn",
            "m",
            "k",
            "MM",
            "crore",
            "lakh crore",
            "dollars",
            "US dollars",
            "euros",
            "pounds",
            "pounds sterling",
            "yen",
            "Japanese yen",
            "rupees",
            "p",
            "pence",
            "cents",
            "euro cents",
            "kronor",
            "won",
            " ",
            " ",
            " ",
            "-",
            "–",
            ",",
            ".",
            "to",
            "and",
            "x",
            "Acme",
            "\u{a0}",
            "é",
            "Zl",
        ];
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let rng = runner.rng();
        let mut next = |n: usize| usize::try_from(rng.next_u64() % n as u64).unwrap();
        let mut matches = 0;
        for _ in 0..40_000 {
            let len = 1 + next(12);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            let ours = anchored_groups(g, &text);
            assert_eq!(ours, main_groups(g, &text), "{text:?}");
            matches += ours.len();
        }
        // The comparison means something only when the texts hold many amounts.
        assert!(matches > 5_000, "{matches}");
    }
}
