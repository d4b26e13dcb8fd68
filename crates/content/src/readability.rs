//! Flesch-Kincaid grade level, to keep patient text at grade 8 or below.
//! grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59

use cart_model::{Block, Inline};

/// Counts over the running text a reader reads: paragraphs, list items and callouts.
/// Headings and tables are left out: they are not sentences.
#[derive(Default, Debug, Clone, Copy, PartialEq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl Counts {
    pub fn grade(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        0.39 * self.words as f64 / self.sentences as f64 + 11.8 * self.syllables as f64 / self.words as f64 - 15.59
    }
}

pub fn counts(blocks: &[Block]) -> Counts {
    let mut c = Counts::default();
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
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).collect();
    if words.is_empty() {
        return;
    }
    let ends = text
        .split_whitespace()
        .filter(|w| w.ends_with(['.', '!', '?']) || w.ends_with(".\"") || w.ends_with("?\""))
        .count();
    c.sentences += ends.max(1);
    if !text.trim_end().ends_with(['.', '!', '?', '"', ')']) && ends > 0 {
        c.sentences += 1;
    }
    c.words += words.len();
    c.syllables += words.iter().map(|w| syllables(w)).sum::<usize>();
}

/// A common heuristic: vowel groups, minus a silent final e, at least one per part of a
/// hyphenated word.
pub fn syllables(word: &str) -> usize {
    word.split('-').filter(|p| !p.is_empty()).map(part_syllables).sum::<usize>().max(1)
}

fn part_syllables(word: &str) -> usize {
    let w: String = word.chars().filter(|c| c.is_ascii_alphabetic()).map(|c| c.to_ascii_lowercase()).collect();
    if w.is_empty() {
        // Numbers and symbols: read as one short word.
        return 1;
    }
    if w.len() <= 3 {
        return 1;
    }
    let is_vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut prev = false;
    for ch in w.chars() {
        let v = is_vowel(ch);
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    if w.ends_with('e') && !w.ends_with("le") && count > 1 {
        count -= 1;
    }
    if w.ends_with("ed") && !w.ends_with("ted") && !w.ends_with("ded") && count > 1 {
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
