//! Character classes shared by the tokenizer and the sentence splitter.
//!
//! Both stages must agree on what whitespace, a closing quote or a word
//! character is, or a sentence could end inside a token. Every test here is
//! a `match` or a table lookup; ASCII is decided from the byte alone.

/// Whitespace between tokens: Unicode white space, the byte-order mark and
/// the zero-width space (invisible, and never part of a word).
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_whitespace() || c == '\u{0b}'
    } else {
        c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
    }
}

/// Letters and digits of any script.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() }
}

/// Marks that attach to the character before them: combining accents,
/// variation selectors, the zero-width joiner, emoji skin tones and tags.
/// They never start a token of their own.
#[inline]
pub(crate) fn is_attaching(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05bd}'
        | '\u{0610}'..='\u{061a}'
        | '\u{064b}'..='\u{065f}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093a}'..='\u{094f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{200c}'..='\u{200d}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{fe20}'..='\u{fe2f}'
        | '\u{1f3fb}'..='\u{1f3ff}'
        | '\u{e0020}'..='\u{e007f}'
        | '\u{e0100}'..='\u{e01ef}')
}

/// The regional indicator letters: a pair of them is a flag (`🇯🇵`).
#[inline]
pub(crate) fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1f1e6}'..='\u{1f1ff}')
}

/// Quote marks and brackets that close: after terminal punctuation they
/// belong to the sentence that ends (`?"`, `.”`, `!)`).
#[inline]
pub(crate) fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›' | '〉' | '》' | '」' | '』')
}

/// Quote marks and brackets that open.
#[inline]
pub(crate) fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '{' | '“' | '‘' | '«' | '‹' | '„' | '‚' | '〈' | '《' | '「' | '『')
}

/// Apostrophes: the straight one and the right single quote.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Dashes that are tokens of their own wherever they stand.
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '‒' | '⸺' | '⸻')
}

/// List bullets: a bullet after whitespace starts a new sentence.
#[inline]
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '◦' | '▪' | '▫' | '●' | '○' | '■' | '□' | '►' | '▶' | '‣' | '∙')
}

/// Currency signs that may stand before a number (`$40`, `€5`, `US$3`).
#[inline]
pub(crate) fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '₹'
            | '₩'
            | '₽'
            | '¢'
            | '₺'
            | '₪'
            | '₦'
            | '₱'
            | '฿'
            | '₫'
            | '₴'
            | '₿'
            | '₣'
            | '₤'
    )
}

/// Sentence-final marks other than the period.
#[inline]
pub(crate) fn is_exclamation_or_question(c: char) -> bool {
    matches!(c, '?' | '!' | '‼' | '⁇' | '⁈' | '⁉' | '？' | '！')
}

/// The character starting at byte `i` (which must be a char boundary) and
/// its length; `None` at or past the end.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 { Some(b as char) } else { text.get(i..)?.chars().next() }
}

/// The character ending at byte `i` (a char boundary), if any.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    if i == 0 {
        return None;
    }
    let b = *text.as_bytes().get(i - 1)?;
    if b < 0x80 { Some(b as char) } else { text.get(..i)?.chars().next_back() }
}

/// The start of the whitespace-free run that ends at byte `end`, read back
/// no further than `floor` and stopping once more than `reach` bytes are
/// read (the caller tells a cut-off run by `end - start > reach`).
#[inline]
pub(crate) fn word_start_before(text: &str, floor: usize, end: usize, reach: usize) -> usize {
    let mut k = end;
    while k > floor && end - k <= reach {
        match char_before(text, k) {
            Some(c) if !is_space(c) => k -= c.len_utf8(),
            _ => break,
        }
    }
    k
}

/// Whitespace as Python's `str.isspace` sees it (what score.py strips): the
/// Unicode white space plus the four ASCII information separators.
#[inline]
pub(crate) fn is_python_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        for (c, space, alnum) in [
            (' ', true, false),
            ('\u{a0}', true, false),
            ('\u{feff}', true, false),
            ('é', false, true),
            ('東', false, true),
            ('7', false, true),
            ('.', false, false),
        ] {
            assert_eq!(is_space(c), space, "{c:?}");
            assert_eq!(is_alnum(c), alnum, "{c:?}");
        }
        let text = "a“b";
        assert_eq!(char_at(text, 1), Some('“'));
        assert_eq!(char_before(text, 4), Some('“'));
        assert_eq!(char_before(text, 0), None);
        assert_eq!(char_at(text, 5), None);
    }
}
