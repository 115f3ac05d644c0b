//! Word lists that steer sentence splitting.
//!
//! Matches are case-sensitive on purpose: "No." is an abbreviation, "no." ends
//! a sentence; "The" starts one, "the" does not.

/// How a word that ends in an attached period behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Always followed by more of the same sentence ("Mr.", "e.g.", "vs.").
    Never,
    /// Usually inside a sentence, but may end one ("Inc.", "U.S.", "Jan.", initials):
    /// the sentence ends only when a common sentence starter follows.
    Soft,
}

/// Class of `word` (given without its final period) when it is a known abbreviation.
pub(crate) fn abbreviation(word: &str) -> Option<Abbrev> {
    match word {
        // Titles and connectives that never end a sentence in news copy.
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Mmes" | "Dr" | "Drs" | "Prof" | "Sen" | "Sens"
        | "Rep" | "Reps" | "Gov" | "Gen" | "Lt" | "Col" | "Capt" | "Cmdr" | "Sgt" | "Adm"
        | "Rev" | "Hon" | "Pres" | "Supt" | "Atty" | "Fr" | "MR" | "MRS" | "MS" | "DR" | "vs"
        | "Vs" | "v" | "e.g" | "i.e" | "E.g" | "I.e" | "approx" | "Approx" | "cf" | "viz"
        | "a.k.a" | "incl" | "ca" => Some(Abbrev::Never),
        // Company forms, addresses, months, counts and other shorthands.
        "Inc" | "INC" | "Corp" | "CORP" | "Co" | "CO" | "Cos" | "Ltd" | "LTD" | "Bros" | "Plc"
        | "Pty" | "Bhd" | "Cie" | "Mfg" | "Intl" | "Int'l" | "Natl" | "Assn" | "Dept" | "Div"
        | "Univ" | "Govt" | "Jr" | "Sr" | "St" | "Ste" | "Ave" | "Blvd" | "Rd" | "Mt" | "Ft"
        | "No" | "Nos" | "Vol" | "vol" | "Fig" | "fig" | "pp" | "al" | "etc" | "est" | "Est"
        | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct"
        | "Nov" | "Dec" | "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla"
        | "Ga" | "Ill" | "Ind" | "Kan" | "Ky" | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss"
        | "Mo" | "Mont" | "Neb" | "Nev" | "Okla" | "Ore" | "Pa" | "Tenn" | "Tex" | "Va" | "Vt"
        | "Wash" | "Wis" | "Wyo" => Some(Abbrev::Soft),
        _ => None,
    }
}

/// Whether `word` commonly opens a sentence in news copy.
///
/// After a soft abbreviation ("... bought Acme Inc. The deal ...") only these
/// words end the sentence; a proper name ("Inc. Chief Executive") does not.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "It"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "In"
            | "On"
            | "At"
            | "For"
            | "By"
            | "From"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "However"
            | "Its"
            | "It's"
            | "Their"
            | "His"
            | "Her"
            | "Our"
            | "There"
            | "Shares"
            | "Analysts"
            | "Investors"
            | "Officials"
            | "Executives"
            | "As"
            | "After"
            | "Before"
            | "While"
            | "When"
            | "If"
            | "Although"
            | "Though"
            | "Despite"
            | "Meanwhile"
            | "Earlier"
            | "Later"
            | "Last"
            | "Next"
            | "Under"
            | "With"
            | "Without"
            | "Both"
            | "Some"
            | "Many"
            | "Most"
            | "Several"
            | "Each"
            | "All"
            | "Such"
            | "Other"
            | "According"
            | "Separately"
            | "Also"
            | "Still"
            | "Since"
            | "Now"
            | "Then"
            | "Today"
            | "Yesterday"
            | "Why"
            | "What"
            | "How"
            | "Moreover"
            | "Furthermore"
            | "Additionally"
            | "Instead"
            | "Terms"
            | "Details"
            | "Neither"
            | "Nor"
    )
}

/// Verbs of speech: a capitalised name right after a closing quote that is
/// followed by one of these is the attribution, not a new sentence
/// ("“Why now?” Smith asked.").
pub(crate) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "told"
            | "tells"
            | "asked"
            | "asks"
            | "added"
            | "adds"
            | "noted"
            | "notes"
            | "wrote"
            | "writes"
            | "explained"
            | "argued"
            | "insisted"
            | "replied"
            | "recalled"
            | "stated"
            | "declared"
            | "warned"
            | "continued"
            | "quipped"
    )
}
