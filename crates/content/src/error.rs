use std::fmt;
use std::path::PathBuf;

/// A reason to reject content, pointing at the file and line an author must fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: usize,
    pub reason: String,
}

impl ContentError {
    pub fn new(file: impl Into<PathBuf>, line: usize, reason: impl Into<String>) -> Self {
        Self { file: file.into(), line, reason: reason.into() }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.reason)
    }
}

impl std::error::Error for ContentError {}

pub type Result<T> = std::result::Result<T, ContentError>;

/// What per-document work done in parallel returned, back in document order: the values
/// kept, and every error moved into `errors` (so errors read in file order).
pub fn gather<T>(results: Vec<(Option<T>, Vec<ContentError>)>, errors: &mut Vec<ContentError>) -> Vec<T> {
    let mut kept = Vec::with_capacity(results.len());
    for (value, found) in results {
        errors.extend(found);
        kept.extend(value);
    }
    kept
}
