//! `cart-content <content-dir> <out-dir>`: compile content to JSON, or print every problem
//! as `file:line: reason` and exit 1 so the build stops.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content, out] = args.as_slice() else {
        eprintln!("usage: cart-content <content-dir> <out-dir>");
        return ExitCode::from(2);
    };
    let site = match cart_content::compile(&PathBuf::from(content)) {
        Ok(site) => site,
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!("content: {} problem(s); nothing written", errors.len());
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = cart_content::write(&site, &PathBuf::from(out)) {
        eprintln!("error: writing {out}: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "content: {} articles, {} topics, {} glossary terms -> {out}",
        site.articles.len(),
        site.topics.len(),
        site.glossary.terms.len()
    );
    println!("  {:<60} {:>6} {:>6}", "article", "words", "grade");
    for r in &site.reports {
        println!("  {:<60} {:>6} {:>6.1}", r.slug, r.words, r.grade);
    }
    ExitCode::SUCCESS
}
