//! Teams named by places: `Oklahoma beat Baylor 27-14`.
//!
//! CoNLL's guidelines tag a team as ORG also when it is named by its city,
//! state or school, and the tagger, which learned from the 1996 wire's
//! results tables and European clubs, reads an American college team named
//! by its state (`Oklahoma`, `Texas`) as the place all through a story. A
//! story says which of its names are teams where it gives their results:
//! a name followed by a win-loss record (`Oklahoma (7-2 overall)`) or by a
//! score (`beat Baylor 27-14`), after a ranking (`No. 11 Oklahoma`), or
//! in a sentence with a score and a word of winning (`Texas cruised past
//! Kansas State 69-31`). Every place-labelled mention of such a name in
//! the story is then the team, except where it reads as the place where a
//! game is played (`in Norman, Okla.`, `at Oklahoma`) or a dateline
//! (`LONDON 1996-08-31`). A national team is named by its country, which
//! CoNLL tags LOC: the caller leaves countries alone.

use std::collections::HashSet;
use std::hash::Hash;

/// A name found in a story: its token range in the story's tokens and
/// whether it is labelled as a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Labelled LOC (or ORG) by the tagger: a candidate team.
    pub label: NameLabel,
}

/// The labels that matter here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameLabel {
    /// A place: relabelled when the story shows it is a team.
    Place,
    /// An organisation: its results count as evidence (`Kansas State (4-6)`).
    Organisation,
    /// Any other label: neither evidence nor relabelled.
    Other,
}

/// Words of a result: with a score in the sentence, the names in it are
/// teams.
const RESULT_WORDS: &[&str] =
    &["beat", "beats", "past", "defeated", "defeats", "edged", "edges", "routed", "downed", "win", "victory"];

/// True for a score or a win-loss record: `27-14`, `7-2` (not a date or a
/// year range: one to three digits on each side).
fn is_score(word: &str) -> bool {
    let Some((a, b)) = word.split_once(['-', '\u{2013}']) else { return false };
    let digits = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
    digits(a) && digits(b)
}

/// True for the words without which a story shows no team: a score or
/// the `No` of a ranking. A caller may skip stories without any.
pub fn may_be_evidence(word: &str) -> bool {
    is_score(word) || word == "No" || word == "No."
}

/// True when the words before token `i` place what follows: `in`, `at` or
/// a comma (`Norman, Okla.`).
fn after_place_word(words: &[&str], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|j| words.get(j))
        .is_some_and(|w| w.eq_ignore_ascii_case("in") || w.eq_ignore_ascii_case("at") || *w == ",")
}

/// True when the name starts a sentence in capitals before a comma, a
/// bracket, a dash or a date: a dateline (`WIGAN, England 1996-08-31`,
/// `LONDON 1996-08-31`), which names the place a story was filed from.
fn is_dateline(words: &[&str], starts_sentence: bool, n: &Name) -> bool {
    let capitals = words.get(n.first..n.end).is_some_and(|w| w.iter().all(|w| !w.chars().any(char::is_lowercase)));
    let next = words.get(n.end).copied().unwrap_or("");
    let date = next.split('-').count() == 3 && next.bytes().all(|c| c.is_ascii_digit() || c == b'-');
    starts_sentence && capitals && (matches!(next, "," | "(" | "-" | "--" | "\u{2014}") || date)
}

/// The names of a story to relabel as teams (indices into `names`), given
/// the story's tokens, the token ranges of its sentences (in order) and its
/// names (in order). `key` gives the identity of a name's words (its
/// lowercase text) so that mentions of the same name meet. Linear in the
/// story's length.
pub fn team_mentions<K: Eq + Hash>(
    words: &[&str],
    sentences: &[(usize, usize)],
    names: &[Name],
    key: impl Fn(&Name) -> K,
) -> Vec<usize> {
    // Per token: the sentence it is in, and whether it starts it.
    let mut sentence_of = vec![usize::MAX; words.len()];
    let mut starts = vec![false; words.len()];
    // Per sentence: a score and a word of winning, so its names are teams.
    let mut result = Vec::with_capacity(sentences.len());
    for (k, &(start, end)) in sentences.iter().enumerate() {
        let sentence = words.get(start..end).unwrap_or(&[]);
        sentence_of.get_mut(start..end).into_iter().flatten().for_each(|s| *s = k);
        if let Some(s) = starts.get_mut(start) {
            *s = true;
        }
        result.push(
            sentence.iter().any(|w| is_score(w))
                && sentence.iter().any(|w| RESULT_WORDS.iter().any(|r| r.eq_ignore_ascii_case(w))),
        );
    }
    let mut teams: HashSet<K> = HashSet::new();
    for n in names.iter().filter(|n| n.label != NameLabel::Other) {
        // A record or a score right after the name, or a ranking before it.
        let next = |o: usize| words.get(n.end + o).copied().unwrap_or("");
        let record = next(0) == "(" && is_score(next(1));
        let score = is_score(next(0));
        let before = |o: usize| n.first.checked_sub(o).and_then(|j| words.get(j)).copied().unwrap_or("");
        let ranked = before(1).bytes().all(|c| c.is_ascii_digit())
            && !before(1).is_empty()
            && (before(2) == "No." || (before(2) == "." && before(3) == "No"));
        // A name of a sentence of results, but for the places of games.
        let in_result = sentence_of
            .get(n.first)
            .and_then(|&k| result.get(k))
            .is_some_and(|&r| r && sentence_of.get(n.end.saturating_sub(1)) == sentence_of.get(n.first))
            && !after_place_word(words, n.first);
        if record || score || ranked || in_result {
            teams.insert(key(n));
        }
    }
    if teams.is_empty() {
        return Vec::new();
    }
    names
        .iter()
        .enumerate()
        .filter(|(_, n)| {
            n.label == NameLabel::Place
                && !after_place_word(words, n.first)
                && !is_dateline(words, starts.get(n.first).copied().unwrap_or(false), n)
                && teams.contains(&key(n))
        })
        .map(|(k, _)| k)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs [`team_mentions`] on one sentence per line, names marked
    /// `[LOC Name Words]` / `[ORG ...]` / `[PER ...]`; returns the texts of
    /// the names relabelled.
    fn check(story: &str) -> Vec<String> {
        let (mut words, mut sentences, mut names) = (Vec::new(), Vec::new(), Vec::new());
        for line in story.lines() {
            let start = words.len();
            let mut open: Option<(usize, NameLabel)> = None;
            for w in line.split(' ') {
                if let Some(label) = w.strip_prefix('[') {
                    let label = match label {
                        "LOC" => NameLabel::Place,
                        "ORG" => NameLabel::Organisation,
                        _ => NameLabel::Other,
                    };
                    open = Some((words.len(), label));
                    continue;
                }
                let (w, close) = w.strip_suffix(']').map_or((w, false), |w| (w, true));
                words.push(w);
                if close {
                    if let Some((first, label)) = open.take() {
                        names.push(Name { first, end: words.len(), label });
                    }
                }
            }
            sentences.push((start, words.len()));
        }
        let key = |n: &Name| words[n.first..n.end].join(" ").to_lowercase();
        team_mentions(&words, &sentences, &names, key).into_iter().map(|k| key(&names[k])).collect()
    }

    #[test]
    fn places_with_results_are_teams() {
        for (story, teams) in [
            // A record after the name: every mention but the venue.
            (
                "[LOC Lakeview] ( 7-2 , 5-2 ) won again .\n[LOC Lakeview] has won six straight .\nThey play in [LOC Lakeview] next .",
                vec!["lakeview", "lakeview"],
            ),
            // A score after the name; the place of the game stays.
            ("[ORG Hillcrest] beat [LOC Stonebridge] 27-14 in [LOC Norman] , [LOC Okla.] .", vec!["stonebridge"]),
            // A sentence with a score and a word of winning.
            (
                "[LOC Riverton] cruised past [ORG Kansas State] 69-31 .\n[LOC Riverton] then scored again .",
                vec!["riverton", "riverton"],
            ),
            // A ranking before the name, across the sentence splitter's cut.
            ("As No .\n11 [LOC Ridgefield] held on .", vec!["ridgefield"]),
            // A dateline is the place the story was filed from.
            ("[LOC WIGAN] , [LOC England] 1996-08-31 [LOC Wigan] beat [ORG Bradford] 42-36 .", vec!["wigan"]),
            ("[LOC RIVERTON] 1996-08-31\n[LOC Riverton] ( 40-10 ) won .", vec!["riverton"]),
            // No result: places stay places.
            ("[LOC Lakeview] voted ( 7 to 2 ) to close the bridge .", vec![]),
            ("The [LOC Lakeview] plant made 1996-97 profits .", vec![]),
            // A person's bowling figures are not a team's score.
            ("[PER Simmons] took 4-38 as [LOC Leicester] won .", vec![]),
        ] {
            assert_eq!(check(story), teams, "{story}");
        }
    }

    #[test]
    fn scores() {
        for (w, yes) in
            [("27-14", true), ("7-2", true), ("100-98", true), ("1996-97", false), ("2-", false), ("a-1", false)]
        {
            assert_eq!(is_score(w), yes, "{w}");
        }
    }
}
