//! "Did you mean" for keys and event names: the closest candidate by edit distance, only
//! when it is close enough that the suggestion is more likely right than noise.

/// The candidate closest to `word`, if its distance is small for the word's length.
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let folded = fold(word);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = levenshtein(&folded, &fold(candidate));
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    let (distance, candidate) = best?;
    let allowed = (folded.chars().count().max(candidate.len()) / 3).clamp(1, 6);
    (distance <= allowed).then_some(candidate)
}

/// Case, `-` and spaces do not count as differences: `Certificate-Issued` is `certificate_issued`.
fn fold(word: &str) -> String {
    word.chars()
        .take(128)
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_near_miss() {
        let keys = ["endpoint", "secret", "events", "webhook_settings"];
        assert_eq!(closest("endpont", keys), Some("endpoint"));
        assert_eq!(closest("webhook_setting", keys), Some("webhook_settings"));
        assert_eq!(closest("Events", keys), Some("events"));
    }

    #[test]
    fn stays_silent_when_nothing_is_close() {
        assert_eq!(closest("colour", ["endpoint", "secret"]), None);
    }
}
