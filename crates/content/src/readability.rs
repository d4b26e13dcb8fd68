//! Readability, per language. English: the Flesch-Kincaid grade level, kept at grade 8 or
//! below: grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59. Spanish: the
//! Fernández-Huerta score (corrected form), kept at "fairly easy" (70) or above:
//! L = 206.84 - 60 * syllables/words - 1.02 * words/sentences.

use cart_model::{Block, Inline, Lang};

/// Counts over the running text a reader reads: paragraphs, list items and callouts.
/// Headings and tables are left out: they are not sentences.
#[derive(Default, Debug, Clone, Copy, PartialEq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    pub lang: Lang,
}

impl Counts {
    pub fn grade(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        0.39 * self.words as f64 / self.sentences as f64 + 11.8 * self.syllables as f64 / self.words as f64 - 15.59
    }
}

/// A page's score in its language's own measure (`Score::passes` applies the gate).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Score {
    /// Flesch-Kincaid grade: lower is easier.
    Grade(f64),
    /// Fernández-Huerta: higher is easier.
    FernandezHuerta(f64),
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Grade(g) => write!(f, "grade {g:.1}"),
            Self::FernandezHuerta(s) => write!(f, "Fernández-Huerta {s:.1}"),
        }
    }
}

/// Below this many words a score says little.
pub const MIN_WORDS_TO_SCORE: usize = 100;

/// The Spanish gate: "fairly easy" (6th grade) or easier.
pub const MIN_FERNANDEZ_HUERTA: f64 = 70.0;

impl Counts {
    pub fn fernandez_huerta(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 100.0;
        }
        206.84 - 60.0 * self.syllables as f64 / self.words as f64 - 1.02 * self.words as f64 / self.sentences as f64
    }

    pub fn score(&self) -> Score {
        match self.lang {
            Lang::En => Score::Grade(self.grade()),
            Lang::Es => Score::FernandezHuerta(self.fernandez_huerta()),
        }
    }
}

pub fn counts(blocks: &[Block], lang: Lang) -> Counts {
    let mut c = Counts { lang, ..Counts::default() };
    walk(blocks, &mut c);
    c
}

fn walk(blocks: &[Block], c: &mut Counts) {
    for b in blocks {
        match b {
            Block::Paragraph { content } => add_text(&Inline::plain_text(content), c),
            Block::List { items, .. } => items.iter().for_each(|i| walk(i, c)),
            Block::Callout { blocks, .. } | Block::Quote { blocks } => walk(blocks, c),
            Block::Figure { description, .. } => add_text(&Inline::plain_text(description), c),
            Block::Heading { .. } | Block::Table { .. } => {}
        }
    }
}

/// A paragraph or list item is at least one sentence, even without a full stop.
pub fn add_text(text: &str, c: &mut Counts) {
    // One pass over the words (this runs over every sentence of the library).
    let (mut words, mut ends, mut syllable_count) = (0, 0, 0);
    for w in text.split_whitespace() {
        if w.ends_with(['.', '!', '?']) || w.ends_with(".\"") || w.ends_with("?\"") {
            ends += 1;
        }
        if w.chars().any(char::is_alphanumeric) {
            words += 1;
            syllable_count += if c.lang == Lang::Es { spanish_syllables(w) } else { syllables(w) };
        }
    }
    if words == 0 {
        return;
    }
    c.sentences += ends.max(1);
    if !text.trim_end().ends_with(['.', '!', '?', '"', ')']) && ends > 0 {
        c.sentences += 1;
    }
    c.words += words;
    c.syllables += syllable_count;
}

/// Spanish syllables: vowel groups, split where two strong vowels meet (hiatus, "po-e-ta") or
/// an accented í/ú breaks a diphthong ("dí-a"); "güe", "que" and a final y count once.
pub fn spanish_syllables(word: &str) -> usize {
    let strong = |c: char| matches!(c, 'a' | 'e' | 'o' | 'á' | 'é' | 'ó');
    let accented_weak = |c: char| matches!(c, 'í' | 'ú');
    let vowel = |c: char| strong(c) || accented_weak(c) || matches!(c, 'i' | 'u' | 'ü');
    let mut count = 0;
    let mut prev: Option<char> = None;
    for c in word.chars().flat_map(char::to_lowercase).filter(|c| c.is_alphabetic()) {
        if !vowel(c) {
            prev = None;
            continue;
        }
        match prev {
            None => count += 1,
            Some(p) if (strong(p) && strong(c)) || accented_weak(p) || accented_weak(c) => count += 1,
            Some(_) => {}
        }
        prev = Some(c);
    }
    count.max(1)
}

/// A common heuristic: vowel groups, minus a silent final e, at least one per part of a
/// hyphenated word.
pub fn syllables(word: &str) -> usize {
    word.split('-').filter(|p| !p.is_empty()).map(part_syllables).sum::<usize>().max(1)
}

fn part_syllables(word: &str) -> usize {
    // The word's ASCII letters, lower-cased, read once without building a string: their
    // number, the vowel groups, and the last three (for the silent endings).
    let (mut len, mut count, mut prev, mut last) = (0, 0, false, [0u8; 3]);
    for b in word.bytes().filter(u8::is_ascii_alphabetic).map(|b| b.to_ascii_lowercase()) {
        len += 1;
        let v = matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
        if v && !prev {
            count += 1;
        }
        prev = v;
        last = [last[1], last[2], b];
    }
    // Numbers and symbols (no letters), and short words: read as one syllable.
    if len <= 3 {
        return 1;
    }
    let ends = |s: &[u8]| last.ends_with(s);
    if ends(b"e") && !ends(b"le") && count > 1 {
        count -= 1;
    }
    if ends(b"ed") && !ends(b"ted") && !ends(b"ded") && count > 1 {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_counted_plausibly() {
        for (w, n) in [("cat", 1), ("therapy", 3), ("lymphoma", 3), ("cytokine", 3), ("make", 1), ("table", 2), ("infused", 2), ("T-cell", 2), ("2025", 1)] {
            assert_eq!(syllables(w), n, "{w}");
        }
    }

    #[test]
    fn spanish_syllables_respect_diphthongs_and_hiatus() {
        for (w, n) in [("día", 2), ("cuidado", 3), ("leucemia", 3), ("país", 2), ("poeta", 3), ("linfoma", 3), ("que", 1), ("pingüino", 3), ("muy", 1), ("aéreo", 4), ("células", 3), ("CAR-T", 1)] {
            assert_eq!(spanish_syllables(w), n, "{w}");
        }
    }

    #[test]
    fn fernandez_huerta_separates_plain_from_dense_spanish() {
        let mut easy = Counts { lang: Lang::Es, ..Counts::default() };
        add_text("La terapia CAR-T usa sus propias células. Un laboratorio las cambia. Luego vuelven a su cuerpo por una vena.", &mut easy);
        let mut hard = Counts { lang: Lang::Es, ..Counts::default() };
        add_text("Los linfocitos autólogos modificados con receptores quiméricos demostraron una considerable eficacia terapéutica en poblaciones intensamente pretratadas con neoplasias hematológicas refractarias, no obstante toxicidades inmunológicas sustanciales.", &mut hard);
        assert!(easy.fernandez_huerta() >= 80.0, "{}", easy.fernandez_huerta());
        assert!(hard.fernandez_huerta() < 30.0, "{}", hard.fernandez_huerta());
    }

    #[test]
    fn short_plain_sentences_score_low_and_long_latinate_ones_high() {
        let mut easy = Counts::default();
        add_text("You will stay near the center. Your team will check you each day. Call them if you feel hot.", &mut easy);
        let mut hard = Counts::default();
        add_text(
            "Chimeric antigen receptor modified autologous lymphocytes demonstrated considerable therapeutic efficacy in heavily pretreated populations with refractory hematological malignancies, notwithstanding substantial immunological toxicities.",
            &mut hard,
        );
        assert!(easy.grade() < 4.0, "{}", easy.grade());
        assert!(hard.grade() > 16.0, "{}", hard.grade());
    }
}
