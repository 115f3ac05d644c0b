//! Property tests of the money tagger: any input, no panic, sound spans and values.

// Tests fail loudly on a bad fixture or corpus file; that is what unwrap is for here.
#![allow(clippy::unwrap_used)]

use dealwire_tag::MoneyTagger;
use proptest::prelude::*;

/// Pieces that money text is made of, so random strings hit the grammar often.
fn money_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("$".to_owned()),
        Just("US$".to_owned()),
        Just("€".to_owned()),
        Just("£".to_owned()),
        Just("¥".to_owned()),
        Just("₹".to_owned()),
        Just("Rs ".to_owned()),
        Just("HK$".to_owned()),
        Just(" billion".to_owned()),
        Just("bn".to_owned()),
        Just("m".to_owned()),
        Just(" lakh crore".to_owned()),
        Just(" dollars".to_owned()),
        Just(" pounds".to_owned()),
        Just(" yen".to_owned()),
        Just("p".to_owned()),
        Just("-".to_owned()),
        Just("–".to_owned()),
        Just(" to ".to_owned()),
        Just(" and ".to_owned()),
        Just("between ".to_owned()),
        Just("from ".to_owned()),
        Just("up to ".to_owned()),
        Just("about ".to_owned()),
        Just(" a share".to_owned()),
        Just("-a-year".to_owned()),
        Just("half a".to_owned()),
        Just(" ".to_owned()),
        Just(",".to_owned()),
        Just(".".to_owned()),
        "[0-9]{1,4}",
        "[0-9]{1,3}(,[0-9]{3}){0,3}(\\.[0-9]{1,3})?",
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..16).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let amounts = MoneyTagger::new().find_amounts(text);
    let mut last_start = 0;
    for a in &amounts {
        let (s, e) = (a.span.start(), a.span.end());
        prop_assert!(s < e && e <= text.len(), "span {s}..{e} outside {text:?}");
        prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        prop_assert!(s >= last_start, "amounts out of text order in {text:?}");
        last_start = s;
        prop_assert!(a.value >= dealwire_core::Decimal::ZERO);
        if let Some(high) = a.high {
            prop_assert!(
                high >= a.value,
                "high {high} < value {} in {text:?}",
                a.value
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_text_gives_sound_amounts(text in "\\PC{0,80}") {
        check(&text)?;
    }

    #[test]
    fn money_like_text_gives_sound_amounts(text in money_like()) {
        check(&text)?;
    }
}

#[test]
fn huge_numbers_do_not_overflow() {
    let text = "It owes $99999999999999999999999999999 trillion and $1e9.";
    let amounts = MoneyTagger::new().find_amounts(text);
    assert!(
        amounts
            .iter()
            .all(|a| a.value >= dealwire_core::Decimal::ZERO)
    );
    assert!(
        !amounts
            .iter()
            .any(|a| &text[a.span.range()] == "$99999999999999999999999999999 trillion")
    );
}
