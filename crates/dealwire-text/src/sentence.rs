//! Sentence boundaries over the tokens of one paragraph.

use dealwire_core::{Sentence, Span, Token, TokenKind};

use crate::lexicon::{self, Abbrev};

/// What a token that may end a sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    /// "?" or "!".
    Strong,
    /// A plain ".".
    Period,
    /// "..." or "…".
    Ellipsis,
    /// A word with an attached period ("Inc.", "U.S.", "Mr.").
    Abbrev(Abbrev),
}

/// Appends the sentences of one paragraph whose tokens are `tokens`, the
/// first of which has index `base` in the article's token list.
pub(crate) fn split(
    text: &str,
    tokens: &[Token],
    base: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let n = tokens.len();
    let bytes = text.as_bytes();
    let mut first = 0;
    let mut i = 0;
    while i < n {
        // Only tokens ending in ".", "?", "!" or "…" (E2 80 A6) can end a sentence.
        let last = tokens[i].span.end().checked_sub(1).map_or(0, |k| bytes[k]);
        if !matches!(last, b'.' | b'?' | b'!' | 0xA6) {
            i += 1;
            continue;
        }
        let Some(mut end) = end_kind(text, tokens, i) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        let mut closed = false;
        while j < n && tokens[j].span.start() == tokens[j - 1].span.end() {
            let t = &text[tokens[j].span.range()];
            match t {
                "?" | "!" => end = End::Strong,
                "." | "…" | "..." => {}
                ")" | "]" | "\u{2019}" | "\u{201D}" | "\u{00BB}" => closed = true,
                // A straight quote closes only when no word is glued to it.
                "\"" | "'"
                    if tokens
                        .get(j + 1)
                        .is_none_or(|t| t.span.start() > tokens[j].span.end()) =>
                {
                    closed = true;
                }
                _ => break,
            }
            j += 1;
        }
        if j < n && splits(text, tokens, i, j, end, closed) {
            push(out, tokens, first, j, base, paragraph);
            first = j;
        }
        i = j;
    }
    if first < n {
        push(out, tokens, first, n, base, paragraph);
    }
}

fn push(
    out: &mut Vec<Sentence>,
    tokens: &[Token],
    first: usize,
    end: usize,
    base: usize,
    paragraph: usize,
) {
    out.push(Sentence {
        span: Span::new(tokens[first].span.start(), tokens[end - 1].span.end()),
        paragraph,
        token_start: base + first,
        token_end: base + end,
    });
}

fn adjacent(tokens: &[Token], a: usize, b: usize) -> bool {
    match (tokens.get(a), tokens.get(b)) {
        (Some(x), Some(y)) => x.span.end() == y.span.start(),
        _ => false,
    }
}

fn end_kind(text: &str, tokens: &[Token], i: usize) -> Option<End> {
    let tok = tokens[i];
    let t = &text[tok.span.range()];
    match t {
        "?" => Some(End::Strong),
        // "Yahoo!" is a name, not an exclamation.
        "!" if i > 0
            && adjacent(tokens, i - 1, i)
            && &text[tokens[i - 1].span.range()] == "Yahoo" =>
        {
            Some(End::Abbrev(Abbrev::Soft))
        }
        "!" => Some(End::Strong),
        "…" | "..." => Some(End::Ellipsis),
        // A period glued to the next word but not to the previous one starts
        // a name (".NET", ".com").
        "." if adjacent(tokens, i, i + 1)
            && !(i > 0 && adjacent(tokens, i - 1, i))
            && tokens[i + 1].kind != TokenKind::Punct =>
        {
            None
        }
        "." => Some(End::Period),
        _ if tok.kind == TokenKind::Word && t.len() > 1 && t.ends_with('.') => {
            let w = &t[..t.len() - 1];
            Some(End::Abbrev(
                lexicon::abbreviation(w).unwrap_or(Abbrev::Soft),
            ))
        }
        _ => None,
    }
}

fn first_char(text: &str, tok: Token) -> Option<char> {
    text[tok.span.range()].chars().next()
}

fn starts_upper(text: &str, tok: Token) -> bool {
    first_char(text, tok).is_some_and(char::is_uppercase)
}

fn is_opener(t: &str) -> bool {
    matches!(
        t,
        "\u{201C}" | "\u{2018}" | "\"" | "'" | "(" | "[" | "\u{00AB}"
    )
}

/// Whether the token at `j` starts a sentence beyond doubt: a capital, or an
/// opening quote or bracket glued to a capital or a digit.
fn strong_start(text: &str, tokens: &[Token], j: usize) -> bool {
    let tok = tokens[j];
    if starts_upper(text, tok) {
        return true;
    }
    is_opener(&text[tok.span.range()])
        && adjacent(tokens, j, j + 1)
        && (starts_upper(text, tokens[j + 1]) || tokens[j + 1].kind == TokenKind::Number)
}

/// Whether the word at `j` (or after an opening quote there) is a common
/// sentence starter.
fn starter_follows(text: &str, tokens: &[Token], j: usize) -> bool {
    let k = if is_opener(&text[tokens[j].span.range()]) && adjacent(tokens, j, j + 1) {
        j + 1
    } else {
        j
    };
    lexicon::is_sentence_starter(&text[tokens[k].span.range()])
}

/// Whether the words from `j` on are a quote's attribution: a few capitalised
/// words then a verb of speech ("Smith asked", "Chief Executive Jane Roe said").
fn attribution(text: &str, tokens: &[Token], j: usize) -> bool {
    for tok in tokens[j..].iter().take(5) {
        if tok.kind != TokenKind::Word {
            return false;
        }
        if lexicon::is_speech_verb(&text[tok.span.range()]) {
            return true;
        }
    }
    false
}

/// Whether the sentence ends before token `j`, given that the tokens from
/// `i` to `j` end it as `end` (`closed` when a quote or bracket closed it).
fn splits(text: &str, tokens: &[Token], i: usize, j: usize, end: End, closed: bool) -> bool {
    if closed && attribution(text, tokens, j) {
        return false;
    }
    let next = tokens[j];
    match end {
        End::Abbrev(Abbrev::Never) => false,
        End::Abbrev(Abbrev::Soft) | End::Ellipsis if closed => strong_start(text, tokens, j),
        End::Abbrev(Abbrev::Soft) | End::Ellipsis => starter_follows(text, tokens, j),
        End::Strong => {
            strong_start(text, tokens, j)
                || matches!(next.kind, TokenKind::Number | TokenKind::Symbol)
        }
        End::Period => {
            if strong_start(text, tokens, j) || camel_word(text, next) {
                return true;
            }
            // "Fig. 3" and "Sec. 10" are unknown abbreviations before a number;
            // after a number or a longer word the period ends the sentence.
            let numeric = matches!(next.kind, TokenKind::Number)
                || (next.kind == TokenKind::Symbol && adjacent(tokens, j, j + 1));
            numeric
                && (i == 0 || {
                    let prev = tokens[i - 1];
                    prev.kind != TokenKind::Word || text[prev.span.range()].chars().count() >= 4
                })
        }
    }
}

/// A word that starts in lower case but has a capital inside ("iPhone", "eBay").
fn camel_word(text: &str, tok: Token) -> bool {
    tok.kind == TokenKind::Word && {
        let t = &text[tok.span.range()];
        t.starts_with(|c: char| c.is_lowercase()) && t.chars().skip(1).any(char::is_uppercase)
    }
}
