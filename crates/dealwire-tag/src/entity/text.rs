//! Word scanning: the words of an article, with the punctuation that ends a name.

/// One whitespace-separated word, its punctuation trimmed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
    /// Punctuation after the word ends any name running through it.
    pub brk: bool,
    /// The word carried a possessive "'s" (not part of `start..end`).
    pub poss: bool,
}

const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '—', '–'];
const CLOSERS: &[char] = &[
    ',', ';', ':', '!', '?', ')', ']', '"', '”', '’', '\'', '—', '–',
];
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "Inc", "Corp", "Co", "Cos", "Ltd", "Mr", "Ms", "Mrs", "Dr", "Jr", "Sr", "St", "Bros",
];

/// Splits `text` into words.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(text.len() / 6);
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        if matches!(bytes[i], b'\t'..=b'\r' | b' ') {
            i += 1;
            continue;
        }
        if bytes[i] >= 0x80 {
            let n = space_len(text, i);
            if n > 0 {
                i += n;
                continue;
            }
        }
        let s = i;
        while i < bytes.len() {
            let b = bytes[i];
            if !WORD_STOP[usize::from(b)] {
                i += 1;
            } else if b < 0x80 || space_len(text, i) > 0 {
                break;
            } else {
                i += utf8_len(b);
            }
        }
        let e = i;
        // An opening bracket or quote starts a new phrase ("Acme (ACME.O)").
        if matches!(bytes[s], b'(' | b'[' | b'"')
            || bytes[s] == 0xE2 && bytes.get(s + 1..s + 3) == Some(&[0x80, 0x9C][..])
        {
            if let Some(last) = out.last_mut() {
                last.brk = true;
            }
        }
        match trim_word(text, s, e) {
            Some(w) => out.push(w),
            // A lone dash or quote ends the name before it ("BOSTON — Acme").
            None => {
                if let Some(last) = out.last_mut() {
                    last.brk = true;
                }
            }
        }
    }
    out
}

/// Bytes that may end a word: ASCII whitespace, and the lead of any non-ASCII
/// character (checked further), so that the common bytes need one lookup.
const WORD_STOP: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b >= 0x80 || matches!(b as u8, b'\t'..=b'\r' | b' ');
        b += 1;
    }
    table
};

/// Byte length of the UTF-8 sequence that starts with `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

/// Byte length of the whitespace character at `i` (a char boundary), or 0 when there is none.
fn space_len(text: &str, i: usize) -> usize {
    match text.as_bytes()[i] {
        b'\t'..=b'\r' | b' ' => 1,
        b if b < 0x80 => 0,
        _ => text[i..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
    }
}

fn trim_word(text: &str, mut s: usize, mut e: usize) -> Option<Word> {
    let bytes = text.as_bytes();
    let mut brk = false;
    let mut poss = false;
    while s < e {
        // Most words open with a letter or digit, which no opener is.
        if bytes[s].is_ascii_alphanumeric() {
            break;
        }
        let c = text[s..e].chars().next()?;
        if OPENERS.contains(&c) {
            s += c.len_utf8();
        } else {
            break;
        }
    }
    loop {
        if s >= e {
            return None;
        }
        // A word ending in a letter or digit has nothing to trim, unless an "'s" is
        // still to be checked.
        let last_byte = bytes[e - 1];
        if last_byte.is_ascii_alphanumeric() && (poss || last_byte != b's') {
            break;
        }
        let w = &text[s..e];
        if !poss && (w.ends_with("'s") || w.ends_with("’s")) && w.chars().count() > 2 {
            e -= if w.ends_with("'s") { 2 } else { 4 };
            poss = true;
            continue;
        }
        let last = w.chars().next_back()?;
        if CLOSERS.contains(&last) {
            e -= last.len_utf8();
            brk = true;
            continue;
        }
        if last == '.' {
            let core = &w[..w.len() - 1];
            let abbreviation =
                core.contains('.') || ABBREVIATIONS.contains(&core) || core.len() == 1;
            if abbreviation && !core.is_empty() {
                // "Acme Inc. said" continues; "Acme Inc. The" ends a sentence.
                let next = text[e..].trim_start().chars().next();
                brk |= next.is_none_or(|n| n.is_uppercase() || n == '\n');
                break;
            }
            e -= 1;
            brk = true;
            continue;
        }
        break;
    }
    // "SoftBank-owned", "Nvidia-backed": a capitalised name ends at the hyphen,
    // and the participle after it ends any name running through the word
    // ("state-owned" stays one descriptive word).
    let capitalised = bytes.get(s).is_some_and(u8::is_ascii_uppercase);
    if let Some(cut) = OWNED_SUFFIXES
        .iter()
        .filter(|_| capitalised)
        .find(|x| text[s..e].len() > x.len() + 1 && text[s..e].ends_with(*x))
    {
        e -= cut.len();
        brk = true;
    }
    Some(Word {
        start: s,
        end: e,
        brk,
        poss,
    })
}

/// Participles that, hyphenated to a name, say who owns, funds or leads what
/// follows ("a Lux Capital-led round").
const OWNED_SUFFIXES: &[&str] = &[
    "-owned",
    "-backed",
    "-funded",
    "-financed",
    "-controlled",
    "-led",
    "-co-led",
];

/// Whether a word is written like a name ("Acme", "xAI", "eBay", "3M").
#[inline]
pub(crate) fn is_cap(word: &str) -> bool {
    // Most words are plain ASCII: decide from the bytes, in one pass.
    let bytes = word.as_bytes();
    match bytes.first() {
        Some(b) if b.is_ascii_uppercase() => return true,
        Some(b) if b.is_ascii_lowercase() || b.is_ascii_digit() => {
            for &c in &bytes[1..] {
                if c.is_ascii_uppercase() {
                    return true;
                }
                if !c.is_ascii() {
                    return is_cap_unicode(word);
                }
            }
            return false;
        }
        _ => {}
    }
    is_cap_unicode(word)
}

#[cold]
fn is_cap_unicode(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_lowercase() || c.is_ascii_digit() => {
            word.chars().skip(1).any(char::is_uppercase)
        }
        _ => false,
    }
}

/// Whether byte `pos` starts a sentence: only spaces and opening quotes since the
/// text start or the last sentence end.
pub(crate) fn sentence_initial(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches(|c: char| c.is_whitespace() || OPENERS.contains(&c));
    match before.chars().next_back() {
        None => true,
        Some(c) => {
            matches!(c, '.' | '!' | '?' | '\n' | ':' | '”' | '"')
                || pos > 0 && text[..pos].ends_with('\n')
        }
    }
}

/// Start offsets of sentences, by a plain rule, for articles not yet split by the tokenizer.
pub(crate) fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::with_capacity(text.len() / 64 + 1);
    starts.push(0);
    let bytes = text.as_bytes();
    // Sentence ends are rare: most 8-byte blocks hold none and are passed whole.
    let blocks = bytes.chunks_exact(8);
    let tail = blocks.len() * 8;
    for (k, block) in blocks.enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(block);
        if has_sentence_end(u64::from_le_bytes(word)) {
            for i in k * 8..k * 8 + 8 {
                if matches!(block[i - k * 8], b'.' | b'!' | b'?' | b'\n') {
                    sentence_end_at(text, i, &mut starts);
                }
            }
        }
    }
    for (i, &b) in bytes.iter().enumerate().skip(tail) {
        if matches!(b, b'.' | b'!' | b'?' | b'\n') {
            sentence_end_at(text, i, &mut starts);
        }
    }
    starts.dedup();
    starts
}

/// Whether any byte of `x` is `.`, `!`, `?` or a newline (a zero byte after the xor).
fn has_sentence_end(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    zero(x ^ (ONES * u64::from(b'.')))
        | zero(x ^ (ONES * u64::from(b'!')))
        | zero(x ^ (ONES * u64::from(b'?')))
        | zero(x ^ (ONES * u64::from(b'\n')))
        != 0
}

/// Adds the sentence that starts after byte `i`, where a sentence may end.
fn sentence_end_at(text: &str, i: usize, starts: &mut Vec<usize>) {
    let b = text.as_bytes()[i];
    let rest = &text[i + 1..];
    let trimmed = rest.trim_start();
    let gap = rest.len() - trimmed.len();
    if (gap > 0 || b == b'\n')
        && trimmed
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“')
    {
        if b == b'.' {
            let word_before = text[..i].rsplit(char::is_whitespace).next().unwrap_or("");
            if ABBREVIATIONS.contains(&word_before) || word_before.contains('.') {
                return;
            }
        }
        starts.push(i + 1 + gap);
    }
}
