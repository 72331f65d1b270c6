//! Python's `difflib.get_close_matches`, which the AWS CLI uses to suggest
//! a choice after an invalid one (`awscli/argparser.py`). Only what that
//! needs: no junk heuristics, since the words are short.

/// Characters in matching blocks of `a` and `b`, found as
/// `SequenceMatcher.get_matching_blocks` finds them: the longest common
/// run (earliest in `a`, then in `b`), then recursively left and right of it.
fn matching_characters(a: &[char], b: &[char]) -> usize {
    let mut total = 0;
    let mut queue = vec![(0, a.len(), 0, b.len())];
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, size) = longest_match(a, b, alo, ahi, blo, bhi);
        if size == 0 {
            continue;
        }
        total += size;
        if alo < i && blo < j {
            queue.push((alo, i, blo, j));
        }
        if i + size < ahi && j + size < bhi {
            queue.push((i + size, ahi, j + size, bhi));
        }
    }
    total
}

/// `SequenceMatcher.find_longest_match` without junk.
fn longest_match(
    a: &[char],
    b: &[char],
    alo: usize,
    ahi: usize,
    blo: usize,
    bhi: usize,
) -> (usize, usize, usize) {
    let (mut best_i, mut best_j, mut best_size) = (alo, blo, 0);
    // Run lengths ending at each position of `b`, for the previous `a` char.
    let mut previous = vec![0usize; b.len() + 1];
    for (i, ai) in a.iter().enumerate().take(ahi).skip(alo) {
        let mut current = vec![0usize; b.len() + 1];
        for (j, bj) in b.iter().enumerate().take(bhi).skip(blo) {
            if ai == bj {
                let k = if j > blo { previous[j] } else { 0 } + 1;
                current[j + 1] = k;
                if k > best_size {
                    best_i = i + 1 - k;
                    best_j = j + 1 - k;
                    best_size = k;
                }
            }
        }
        previous = current;
    }
    (best_i, best_j, best_size)
}

/// `SequenceMatcher(None, a, b).ratio()`.
fn ratio(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let length = a.len() + b.len();
    if length == 0 {
        return 1.0;
    }
    2.0 * matching_characters(&a, &b) as f64 / length as f64
}

/// `difflib.get_close_matches(word, possibilities, n=3, cutoff)`: the best
/// three at or above `cutoff`, best first (ties: the later-sorting word
/// first, as `heapq.nlargest` orders `(score, word)` pairs).
pub(crate) fn close_matches<'a>(
    word: &str,
    possibilities: &[&'a str],
    cutoff: f64,
) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = possibilities
        .iter()
        .map(|p| (ratio(p, word), *p))
        .filter(|(score, _)| *score >= cutoff)
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| y.1.cmp(x.1)));
    scored.into_iter().take(3).map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_are_pythons() {
        // Values from CPython 3.11's difflib.
        assert_eq!(ratio("json", "jsn"), 2.0 * 3.0 / 7.0);
        assert_eq!(ratio("table", "tabel"), 0.8);
        assert_eq!(ratio("text", "txet"), 0.75);
        assert_eq!(ratio("abcd", "bcda"), 0.75);
        assert_eq!(ratio("", ""), 1.0);
    }

    #[test]
    fn close_matches_keep_those_at_the_cutoff_best_first() {
        let choices = ["json", "text", "table"];
        assert_eq!(close_matches("jsn", &choices, 0.8), ["json"]);
        assert_eq!(close_matches("tabel", &choices, 0.8), ["table"]);
        assert!(close_matches("yaml", &choices, 0.8).is_empty());
        assert_eq!(
            close_matches("ab", &["ab", "ba", "abc"], 0.5),
            ["ab", "abc", "ba"]
        );
    }
}
