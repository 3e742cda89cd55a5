//! The CoNLL column format: the training data and the gold of `byline eval`.
//!
//! One token per line, the word in the first column and the NER tag in the
//! last; blank lines end sentences and `-DOCSTART-` lines end documents.
//! Tags are IOB1 (`I-X` starts a chunk unless it continues one of the same
//! type; `B-X` only between two adjacent chunks) or IOB2 (every chunk starts
//! with `B-X`); conlleval's chunk rule reads both. The reader follows
//! `score.py` line for line (Python's line and whitespace splitting, its tag
//! check, its document numbering), so `byline eval` and the trainer see the
//! very documents score.py scores.

use std::fmt;

/// One token of a CoNLL sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConllToken {
    /// The word (first column).
    pub word: String,
    /// The NER tag (last column): `O`, `B-X` or `I-X`.
    pub tag: String,
}

/// A document: its sentences of tokens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConllDocument {
    /// The sentences, in order; none is empty.
    pub sentences: Vec<Vec<ConllToken>>,
}

/// A malformed line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ConllError {
    /// 1-based line number.
    pub line: usize,
    /// The offending line (shortened).
    pub text: String,
}

impl fmt::Display for ConllError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: expected 'word ... TAG' with an IOB tag (O, B-X or I-X): {:?}", self.line, self.text)
    }
}

/// Python's `str.isspace` for one character: Unicode white space plus the
/// information separators U+001C..U+001F, which `str.split()` splits on.
pub(crate) fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.splitlines()`: splits on `\n`, `\r`, `\r\n`, `\v`, `\f`,
/// `\x1c..\x1e`, `\x85`, U+2028 and U+2029.
pub(crate) fn py_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        out.push(&text[start..i]);
        let mut next = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(j, '\n')) = chars.peek() {
                chars.next();
                next = j + 1;
            }
        }
        start = next;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// `O`, or `B-`/`I-` followed by at least one non-space character.
fn is_iob_tag(tag: &str) -> bool {
    tag == "O"
        || tag
            .strip_prefix("B-")
            .or_else(|| tag.strip_prefix("I-"))
            .is_some_and(|t| !t.is_empty() && !t.chars().any(is_py_space))
}

/// Reads every document of a CoNLL file; documents without tokens are
/// skipped, as score.py skips them.
pub fn read_conll(text: &str) -> Result<Vec<ConllDocument>, ConllError> {
    let mut docs = Vec::new();
    let mut doc = ConllDocument::default();
    let mut sentence = Vec::new();
    for (n, line) in py_lines(text).into_iter().enumerate() {
        let cols: Vec<&str> = line.split(is_py_space).filter(|c| !c.is_empty()).collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            if !sentence.is_empty() {
                doc.sentences.push(std::mem::take(&mut sentence));
            }
            if !cols.is_empty() && !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let tag = cols[cols.len() - 1];
        if cols.len() < 2 || !is_iob_tag(tag) {
            let text: String = line.chars().take(80).collect();
            return Err(ConllError { line: n + 1, text });
        }
        sentence.push(ConllToken { word: cols[0].to_owned(), tag: tag.to_owned() });
    }
    if !sentence.is_empty() {
        doc.sentences.push(sentence);
    }
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// Chunks `(first, last + 1, type)` of IOB tags by conlleval's rule: a chunk
/// starts at `B-X`, or at `I-X` after `O` or after another type.
pub fn iob_chunks<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut chunks = Vec::new();
    let mut current: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().map(AsRef::as_ref).chain(std::iter::once("O")).enumerate() {
        let (prefix, typ) = tag.split_once('-').unwrap_or((tag, ""));
        if let Some((start, cur)) = current {
            if prefix != "I" || typ != cur {
                chunks.push((start, i, cur.to_owned()));
                current = None;
            }
        }
        if prefix != "O" && current.is_none() {
            current = Some((i, typ));
        }
    }
    chunks
}

impl ConllDocument {
    /// The document's text as score.py builds it: tokens joined by a space,
    /// sentences by a newline.
    pub fn text(&self) -> String {
        let sentences: Vec<String> =
            self.sentences.iter().map(|s| s.iter().map(|t| t.word.as_str()).collect::<Vec<_>>().join(" ")).collect();
        sentences.join("\n")
    }

    /// Gold entities `(start, end, label)` in character offsets of
    /// [`text`](Self::text).
    pub fn entities(&self) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        let mut pos = 0;
        for sentence in &self.sentences {
            let mut starts = Vec::with_capacity(sentence.len());
            for token in sentence {
                starts.push(pos);
                pos += token.word.chars().count() + 1;
            }
            let tags: Vec<&str> = sentence.iter().map(|t| t.tag.as_str()).collect();
            for (first, last, label) in iob_chunks(&tags) {
                let end = starts[last - 1] + sentence[last - 1].word.chars().count();
                out.push((starts[first], end, label));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_read_iob1_and_iob2() {
        type Case<'a> = (&'a [&'a str], &'a [(usize, usize, &'a str)]);
        let cases: &[Case<'_>] = &[
            (&["I-PER", "I-PER", "O"], &[(0, 2, "PER")]),
            (&["B-PER", "I-PER", "O"], &[(0, 2, "PER")]),
            (&["I-PER", "B-PER"], &[(0, 1, "PER"), (1, 2, "PER")]),
            (&["I-PER", "I-ORG", "I-ORG"], &[(0, 1, "PER"), (1, 3, "ORG")]),
            (&["O", "I-LOC"], &[(1, 2, "LOC")]),
            (&["B-MISC"], &[(0, 1, "MISC")]),
        ];
        for (tags, expect) in cases {
            let got = iob_chunks(tags);
            let want: Vec<(usize, usize, String)> = expect.iter().map(|(a, b, c)| (*a, *b, (*c).to_owned())).collect();
            assert_eq!(got, want, "{tags:?}");
        }
    }

    #[test]
    fn reads_documents_like_score_py() {
        let text = "-DOCSTART- -X- O O\n\nAnna NNP I-PER\nsings VBZ O\n\nIn IN O\nParis NNP I-LOC\n\n-DOCSTART- -X- O O\n\n\
                    -DOCSTART- -X- O O\n\r\nBonn NNP B-LOC\n";
        let docs = read_conll(text).expect("valid");
        assert_eq!(docs.len(), 2, "the empty document is skipped");
        assert_eq!(docs[0].text(), "Anna sings\nIn Paris");
        assert_eq!(docs[0].entities(), vec![(0, 4, "PER".into()), (14, 19, "LOC".into())]);
        assert_eq!(docs[1].text(), "Bonn");
        assert!(read_conll("word X-PER\n").is_err());
        assert!(read_conll("word\n").is_err());
        assert_eq!(read_conll("a O\x1cb O").map(|d| d[0].text()), Ok("a b".into()));
    }

    #[test]
    fn python_lines() {
        assert_eq!(py_lines("a\r\nb\rc\n"), vec!["a", "b", "c"]);
        assert_eq!(py_lines("a\n\nb"), vec!["a", "", "b"]);
        assert_eq!(py_lines("a\u{2028}b"), vec!["a", "b"]);
        assert_eq!(py_lines(""), Vec::<&str>::new());
    }
}
