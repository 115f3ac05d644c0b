//! Numbers, scales, number words and currency names, all to exact decimals.

use std::str::FromStr;

use dealwire_core::{Currency, Decimal};

/// Which currency the ambiguous signs mean in one article.
#[derive(Clone, Copy, Debug)]
pub(super) struct SignDefaults {
    /// What a bare `$` (and "dollars", "cents") means.
    pub dollar: Currency,
    /// What a bare `¥` means: yen, unless the article talks of yuan only.
    pub yen_sign: Currency,
}

/// A digit string as written ("1,250,000", "1.4", ".5"), commas dropped.
pub(super) fn parse_number(digits: &str) -> Option<Decimal> {
    let plain: String = digits.chars().filter(|&c| c != ',').collect();
    let plain = if plain.starts_with('.') {
        format!("0{plain}")
    } else {
        plain
    };
    Decimal::from_str(&plain).ok()
}

/// Whether a plain number reads as a year ("2025"), which no currency word makes money.
pub(super) fn is_year_like(digits: &str) -> bool {
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(digits.parse::<u32>(), Ok(1800..=2199))
}

/// The multiplier of a scale word, abbreviation or letter.
pub(super) fn scale_of(word: &str) -> Option<Decimal> {
    let lower: String = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let exponent = match word {
        // Single letters are case-sensitive: "T" is trillion, "t" is not a scale.
        "k" | "K" => 3,
        "m" | "M" | "MM" | "mm" => 6,
        "b" | "B" => 9,
        "T" => 12,
        _ => match lower.trim_end_matches('s') {
            "thousand" => 3,
            "lakh" | "lac" => 5,
            "million" | "mn" | "mln" => 6,
            "crore" | "cr" => 7,
            "billion" | "bn" | "bln" => 9,
            "thousandcrore" => 10,
            "trillion" | "tn" | "trn" | "lakhcrore" => 12,
            _ => return None,
        },
    };
    Some(Decimal::from_i128_with_scale(10_i128.pow(exponent), 0))
}

fn small_number(word: &str) -> Option<u32> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if word == "a" || word == "an" {
        return Some(1);
    }
    if let Some(i) = UNITS.iter().position(|&w| w == word) {
        return u32::try_from(i).ok();
    }
    TENS.iter()
        .position(|&w| w == word)
        .and_then(|i| u32::try_from(i).ok())
        .map(|i| (i + 2) * 10)
}

/// The value of a spelled-out number: "two", "twenty-five", "a hundred",
/// "half a", "one and a half".
pub(super) fn word_number(words: &str) -> Option<Decimal> {
    let lower = words.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty())
        .collect();
    if let ["half", "a" | "an"] = tokens.as_slice() {
        return Some(Decimal::new(5, 1));
    }
    let (body, half) = match tokens.as_slice() {
        [body @ .., "and", "a", "half"] => (body, true),
        body => (body, false),
    };
    let mut total: u32 = 0;
    for token in body {
        if *token == "hundred" {
            total = total.max(1) * 100;
        } else {
            total += small_number(token)?;
        }
    }
    if body.is_empty() {
        return None;
    }
    let value = Decimal::from(total);
    Some(if half {
        value + Decimal::new(5, 1)
    } else {
        value
    })
}

fn code(code: &str) -> Option<Currency> {
    Currency::from_code(code).ok()
}

/// The currency of a sign or code written before the number ("US$", "€", "CHF", "Rs.").
pub(super) fn prefix_currency(sign: &str, defaults: SignDefaults) -> Option<Currency> {
    let compact: String = sign
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    match compact.as_str() {
        "$" => Some(defaults.dollar),
        "¥" | "￥" => Some(defaults.yen_sign),
        "US$" => Some(Currency::USD),
        "€" => Some(Currency::EUR),
        "£" => Some(Currency::GBP),
        "NT$" => code("TWD"),
        "HK$" => code("HKD"),
        "AU$" | "A$" => code("AUD"),
        "CA$" | "C$" => code("CAD"),
        "NZ$" => code("NZD"),
        "SG$" | "S$" => code("SGD"),
        "R$" => code("BRL"),
        "MX$" => code("MXN"),
        "CN¥" | "RMB" | "Rmb" => code("CNY"),
        "JP¥" => code("JPY"),
        "Rs" | "₹" => code("INR"),
        "Dh" | "Dhs" => code("AED"),
        "₩" => code("KRW"),
        other => code(other),
    }
}

/// The currency named by words or a code after the number ("billion dollars",
/// "Swiss francs", "pounds sterling", "USD").
pub(super) fn suffix_currency(name: &str, defaults: SignDefaults) -> Option<Currency> {
    if name == "RMB" {
        return code("CNY");
    }
    if name.len() == 3 && name.bytes().all(|b| b.is_ascii_uppercase()) {
        return code(name);
    }
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.last()?.trim_end_matches('s');
    let has = |w: &str| words.contains(&w);
    let found = match last {
        "dollar" => {
            if has("canadian") {
                "CAD"
            } else if has("australian") {
                "AUD"
            } else if has("hong") {
                "HKD"
            } else if has("singapore") {
                "SGD"
            } else if has("taiwan") || has("taiwanese") {
                "TWD"
            } else if has("zealand") {
                "NZD"
            } else if has("us") || has("u") || has("american") {
                "USD"
            } else {
                return Some(defaults.dollar);
            }
        }
        "euro" => "EUR",
        "pound" | "sterling" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rupee" => "INR",
        "franc" => "CHF",
        "won" => "KRW",
        "reai" => "BRL",
        "kronor" | "krona" => "SEK",
        "kroner" if has("norwegian") => "NOK",
        "kroner" => "DKK",
        "riyal" => "SAR",
        "dirham" => "AED",
        "rand" => "ZAR",
        "ruble" | "rouble" => "RUB",
        "peso" => "MXN",
        "rupiah" => "IDR",
        "ringgit" => "MYR",
        "baht" => "THB",
        "lira" => "TRY",
        "zloty" | "zlotie" => "PLN",
        "shekel" => "ILS",
        _ => return None,
    };
    code(found)
}

/// Whether a currency word needs a scale or a grouped number before it
/// ("500 yen" is money; "3 won" is as often a verb).
pub(super) fn needs_scale(name: &str) -> bool {
    let lower = name.to_lowercase();
    let last = lower.rsplit(' ').next().unwrap_or("");
    matches!(last, "won" | "rand")
}

/// Whether a currency word is a singular that has a plural ("dollar", not "yen"):
/// "a billion-dollar deal" is an adjective, "a billion dollars" an amount.
pub(super) fn is_countable_singular(name: &str) -> bool {
    let lower = name.to_lowercase();
    let last = lower.rsplit(' ').next().unwrap_or("");
    matches!(
        last,
        "dollar"
            | "euro"
            | "pound"
            | "rupee"
            | "franc"
            | "riyal"
            | "dirham"
            | "ruble"
            | "rouble"
            | "peso"
            | "shekel"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn numbers_parse_exactly() {
        assert_eq!(parse_number("1,250,000"), Some(d("1250000")));
        assert_eq!(parse_number("1.4"), Some(d("1.4")));
        assert_eq!(parse_number(".5"), Some(d("0.5")));
        assert_eq!(parse_number("1.2.3"), None);
    }

    #[test]
    fn scales() {
        assert_eq!(scale_of("bn"), Some(d("1000000000")));
        assert_eq!(scale_of("Billion"), Some(d("1000000000")));
        assert_eq!(scale_of("lakh crore"), Some(d("1000000000000")));
        assert_eq!(scale_of("crores"), Some(d("10000000")));
        assert_eq!(scale_of("T"), Some(d("1000000000000")));
        assert_eq!(scale_of("t"), None);
    }

    #[test]
    fn number_words() {
        assert_eq!(word_number("two"), Some(d("2")));
        assert_eq!(word_number("twenty-five"), Some(d("25")));
        assert_eq!(word_number("a hundred"), Some(d("100")));
        assert_eq!(word_number("two hundred"), Some(d("200")));
        assert_eq!(word_number("Half a"), Some(d("0.5")));
        assert_eq!(word_number("one and a half"), Some(d("1.5")));
        assert_eq!(word_number("several"), None);
    }

    #[test]
    fn years() {
        assert!(is_year_like("2025"));
        assert!(!is_year_like("2,025"));
        assert!(!is_year_like("5000"));
    }
}
