//! `cart-content review <content-dir>`: the editors' review list. Every article with its last
//! review, when the next is due, how many claims it cites and which sources; overdue first,
//! then by due date, so the next review to do is at the top.

use crate::site::Site;
use cart_model::{Article, Block, Inline};
use std::collections::BTreeSet;

pub struct Row {
    pub slug: String,
    pub last_reviewed: String,
    pub next_review: String,
    pub overdue: bool,
    /// Citation markers in the body (each cited claim).
    pub cited_claims: usize,
    /// The sources those citations name, in source-list order.
    pub cited_sources: Vec<String>,
}

/// The rows for a compiled site, as of `today` (`YYYY-MM-DD`).
pub fn rows(site: &Site, today: &str) -> Vec<Row> {
    let mut rows: Vec<Row> = site.articles.iter().map(|d| row(&d.article, today)).collect();
    rows.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.next_review.cmp(&b.next_review)).then(a.slug.cmp(&b.slug)));
    rows
}

fn row(a: &Article, today: &str) -> Row {
    let mut cited = Vec::new();
    collect(&a.body, &mut cited);
    let numbers: BTreeSet<u32> = cited.iter().copied().collect();
    let cited_sources = numbers
        .iter()
        .filter_map(|n| a.sources.get(*n as usize - 1).map(|s| format!("[{n}] {} ({})", s.title, s.publisher)))
        .collect();
    Row {
        slug: a.slug.clone(),
        last_reviewed: a.last_reviewed.iso.clone(),
        next_review: a.next_review.iso.clone(),
        overdue: a.next_review.iso.as_str() <= today,
        cited_claims: cited.len(),
        cited_sources,
    }
}

fn collect(blocks: &[Block], out: &mut Vec<u32>) {
    cart_model::for_each_inlines(blocks, &mut |content| walk(content, out));
}

fn walk(content: &[Inline], out: &mut Vec<u32>) {
    for i in content {
        match i {
            Inline::Cite { n } => out.push(*n),
            Inline::Strong { content } | Inline::Emphasis { content } | Inline::Link { content, .. } => walk(content, out),
            _ => {}
        }
    }
}

/// The list as text for a terminal.
pub fn print(rows: &[Row]) -> String {
    let mut out = format!("{:<58} {:<11} {:<11} {:<8} {:>6}\n", "article", "reviewed", "due", "status", "cited");
    for r in rows {
        let status = if r.overdue { "OVERDUE" } else { "ok" };
        out.push_str(&format!("{:<58} {:<11} {:<11} {:<8} {:>6}\n", r.slug, r.last_reviewed, r.next_review, status, r.cited_claims));
        for s in &r.cited_sources {
            out.push_str(&format!("      {s}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use cart_model::{Date, Source};

    fn article(slug: &str, next: &str, body: Vec<Block>) -> Article {
        let date = |iso: &str| Date { iso: iso.into(), display: iso.into() };
        Article {
            slug: slug.into(), title: slug.into(), summary: String::new(), cancer_types: vec![], stage: cart_model::Stage::Treatment, topics: vec![], reading_minutes: 1,
            published: date("2026-01-01"), last_reviewed: date("2026-01-01"), next_review: date(next), review_basis: String::new(),
            body, questions: vec![], checklist: false, related: vec![], next: None,
            sources: vec![Source { title: "A".into(), publisher: "FDA".into(), url: "https://a".into() }, Source { title: "B".into(), publisher: "NCI".into(), url: "https://b".into() }],
        }
    }

    #[test]
    fn overdue_first_with_citation_counts() {
        let cited = vec![Block::Paragraph { content: vec![Inline::text("x"), Inline::Cite { n: 2 }, Inline::Cite { n: 2 }] }];
        let site_rows = {
            let mut rows = vec![row(&article("later", "2027-06-01", vec![]), "2026-12-01"), row(&article("due", "2026-11-30", cited), "2026-12-01")];
            rows.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.next_review.cmp(&b.next_review)));
            rows
        };
        assert_eq!(site_rows[0].slug, "due");
        assert!(site_rows[0].overdue);
        assert_eq!(site_rows[0].cited_claims, 2);
        assert_eq!(site_rows[0].cited_sources, vec!["[2] B (NCI)".to_string()]);
        assert!(print(&site_rows).contains("OVERDUE"));
    }
}
