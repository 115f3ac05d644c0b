//! Byte scanners for paragraphs and tokens.
//!
//! Both walk the UTF-8 bytes directly, decode a `char` only for non-ASCII
//! bytes, and only ever stop on character boundaries.

use dealwire_core::{Span, Token, TokenKind};

use crate::lexicon;

/// White space for splitting purposes: Unicode white space plus the
/// zero-width characters that web text carries between words.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Combining marks keep a decomposed letter ("e" + U+0301) inside its word.
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200C}'..='\u{200D}')
}

/// ASCII letters and digits, as a table: the word loop's only test per byte.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

fn is_word_char(c: char) -> bool {
    // General punctuation (quotes, dashes) is common in news and slow to
    // look up in the Unicode tables; only the zero-width joiners there count.
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return matches!(c, '\u{200C}' | '\u{200D}');
    }
    c.is_alphanumeric() || is_combining(c)
}

/// The character starting at byte `i`, if `i` is a boundary inside `text`.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Appends the spans of the paragraphs of `text`: runs of non-blank lines,
/// trimmed of white space. A line holding only white space is blank; U+2029
/// and form feed also end a paragraph.
pub(crate) fn paragraphs(text: &str, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut open: Option<(usize, usize)> = None;
    let mut line_start = 0;
    while line_start <= bytes.len() {
        let (line_end, next, hard) = line_break(bytes, line_start);
        let line = &text[line_start..line_end];
        let lead = line.len() - line.trim_start_matches(is_space).len();
        if lead == line.len() {
            if let Some((s, e)) = open.take() {
                out.push(Span::new(s, e));
            }
        } else {
            let trail = line.len() - line.trim_end_matches(is_space).len();
            let end = line_end - trail;
            open = Some(match open {
                Some((s, _)) => (s, end),
                None => (line_start + lead, end),
            });
        }
        if hard {
            if let Some((s, e)) = open.take() {
                out.push(Span::new(s, e));
            }
        }
        if next > bytes.len() {
            break;
        }
        line_start = next;
    }
    if let Some((s, e)) = open {
        out.push(Span::new(s, e));
    }
}

/// Finds the end of the line that starts at `from`: `(end of its content,
/// start of the next line, whether the break also ends the paragraph)`.
/// At the end of the text the next line starts past the end.
fn line_break(bytes: &[u8], from: usize) -> (usize, usize, bool) {
    let mut i = from;
    while i < bytes.len() {
        i = skip_plain(bytes, i);
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'\n' => return (i, i + 1, false),
            b'\r' => {
                let next = if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                return (i, next, false);
            }
            0x0C => return (i, i + 1, true),
            // U+0085, next line.
            0xC2 if bytes.get(i + 1) == Some(&0x85) => return (i, i + 2, false),
            // U+2028 line separator and U+2029 paragraph separator.
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0xA8) => return (i, i + 3, false),
                Some(0xA9) => return (i, i + 3, true),
                _ => i += 3,
            },
            _ => i += 1,
        }
    }
    (bytes.len(), bytes.len() + 1, false)
}

/// Skips whole 8-byte words of printable ASCII, none of which can break a line.
fn skip_plain(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(arr) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let w = u64::from_le_bytes(arr);
        // A byte of 0x80 or more, or a byte below 0x20 (bit trick from
        // "Bit Twiddling Hacks", "determine if a word has a byte less than n").
        if w & HIGH != 0 || w.wrapping_sub(ONES * 0x20) & !w & HIGH != 0 {
            break;
        }
        i += 8;
    }
    i
}

/// Kind of a character that is neither white space nor part of a word or number.
fn other_kind(c: char) -> TokenKind {
    let punct = matches!(c,
        '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '(' | ')' | '[' | ']' | '{' | '}'
        | '-' | '/'
        | '\u{00A1}' | '\u{00AB}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2032}'..='\u{205E}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}');
    if punct {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    out.push(Token {
        span: Span::new(start, end),
        kind,
    });
}

/// Appends the tokens of `text[start..end]`; `start` and `end` must be
/// character boundaries.
pub(crate) fn tokens(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if b < 0x80 {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => i += 1,
                b'0'..=b'9' => {
                    let e = number_end(bytes, i, end);
                    push(out, i, e, TokenKind::Number);
                    i = e;
                }
                b'a'..=b'z' | b'A'..=b'Z' => i = word(text, i, end, out),
                b'.' if bytes.get(i + 1) == Some(&b'.') && i + 1 < end => {
                    let mut e = i + 2;
                    while e < end && bytes[e] == b'.' {
                        e += 1;
                    }
                    push(out, i, e, TokenKind::Punct);
                    i = e;
                }
                _ => {
                    push(out, i, i + 1, other_kind(char::from(b)));
                    i += 1;
                }
            }
        } else {
            let Some(c) = char_at(text, i) else { break };
            let n = c.len_utf8();
            if is_space(c) {
                i += n;
            } else if is_word_char(c) && !is_combining(c) {
                i = word(text, i, end, out);
            } else {
                push(out, i, i + n, other_kind(c));
                i += n;
            }
        }
    }
}

/// End of the number at `start`: digits, with "," or "." between digits.
fn number_end(bytes: &[u8], start: usize, end: usize) -> usize {
    let mut i = start;
    loop {
        while i < end && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < end && matches!(bytes[i], b',' | b'.') && bytes[i + 1].is_ascii_digit() {
            i += 2;
        } else {
            return i;
        }
    }
}

/// Whether an apostrophe at `i` (of byte length `n`) starts a possessive "'s"
/// that ends the word; returns the end of the "'s".
fn possessive_end(text: &str, i: usize, n: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let s = i + n;
    if s < end && matches!(bytes[s], b's' | b'S') {
        let after = s + 1;
        let more = after < end && char_at(text, after).is_some_and(is_word_char);
        if !more {
            return Some(after);
        }
    }
    None
}

/// Scans the word at `start`, pushes it (and a possessive "'s" after it) and
/// returns where scanning goes on.
///
/// A word is letters and digits joined by inner apostrophes, hyphens, dots,
/// "&" and "@" ("co-founder", "Amazon.com", "AT&T", "U.S"). Its final period
/// is kept when the word is a known abbreviation, a dotted acronym or a
/// capital initial ("Inc.", "U.S.", "J."). A scheme followed by "://" makes
/// the whole URL one word.
fn word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    // Segments between inner dots are measured in bytes: an acronym is made
    // of ASCII letters, so a multi-byte letter rightly counts as long.
    let mut seg_start = start;
    let mut max_seg = 0usize;
    let mut dots = 0usize;
    loop {
        loop {
            while i < end && ASCII_ALNUM[usize::from(bytes[i])] {
                i += 1;
            }
            if i < end && bytes[i] >= 0x80 {
                if let Some(c) = char_at(text, i).filter(|&c| is_word_char(c)) {
                    i += c.len_utf8();
                    continue;
                }
            }
            break;
        }
        let seg_len = i - seg_start;
        max_seg = max_seg.max(seg_len);
        if i >= end {
            break;
        }
        let jn = match bytes[i] {
            b'\'' | b'-' | b'.' | b'&' | b'@' => 1,
            // U+2019 right single quote and U+2010 hyphen.
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0x99 | 0x90)) =>
            {
                3
            }
            _ => break,
        };
        let Some(next) = char_at(text, i + jn).filter(|_| i + jn < end) else {
            break;
        };
        if !is_word_char(next) {
            break;
        }
        let apostrophe = (jn == 1 && bytes[i] == b'\'') || (jn == 3 && bytes[i + 2] == 0x99);
        if apostrophe && possessive_end(text, i, jn, end).is_some() {
            break;
        }
        if bytes[i] == b'.' {
            // "end.The" is a missing space; "U.S", "Amazon.com", "Character.AI"
            // and the ticker "HALV.O" (no lower case after the capital) are words.
            let after_next = char_at(text, i + jn + next.len_utf8());
            if next.is_uppercase() && seg_len > 2 && after_next.is_some_and(char::is_lowercase) {
                break;
            }
            dots += 1;
            seg_start = i + 1;
        }
        i += jn;
    }
    let mut wend = i;
    let w = &text[start..wend];
    if text[wend..end].starts_with("://") || (w.starts_with("www.") && dots >= 2) {
        wend = url_end(text, wend, end);
        push(out, start, wend, TokenKind::Word);
        return wend;
    }
    if wend < end && bytes[wend] == b'.' && !(wend + 1 < end && bytes[wend + 1] == b'.') {
        let acronym = dots > 0 && max_seg <= 2 && !w.bytes().any(|b| b.is_ascii_digit());
        let initial = w.len() == 1 && bytes[start].is_ascii_uppercase();
        if acronym || initial || lexicon::abbreviation(w).is_some() {
            wend += 1;
        }
    }
    push(out, start, wend, TokenKind::Word);
    if wend < end {
        if let Some(j) = char_at(text, wend).filter(|c| matches!(c, '\'' | '\u{2019}')) {
            if let Some(pe) = possessive_end(text, wend, j.len_utf8(), end) {
                push(out, wend, pe, TokenKind::Word);
                return pe;
            }
        }
    }
    wend
}

/// End of a URL whose scheme or host ends at `from`: up to white space, less
/// trailing punctuation that belongs to the sentence.
fn url_end(text: &str, from: usize, end: usize) -> usize {
    let rest = &text[from..end];
    let len = rest.find(is_space).unwrap_or(rest.len());
    let body = rest[..len].trim_end_matches([
        '.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '\u{201D}', '\u{2019}',
    ]);
    from + body.len()
}
