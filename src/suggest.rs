//! "Did you mean" for keys and event names: the closest candidate by edit distance, only
//! when it is close enough that the suggestion is more likely right than noise.
//!
//! Candidates are the package's own names (ASCII, at most 64 bytes), so the distance is
//! computed a whole candidate at a time with bit vectors (Myers 1999, in Hyyrö's formulation
//! for the edit distance), without allocating. A typo in an event name is compared against
//! every subscribable event: the table-filling version allocated three times per candidate and
//! was half of such a validation (README "Performance").

/// How many characters of the word are compared: enough for any name the package knows.
const MOST_CHARS: usize = 128;

/// The candidate closest to `word`, if its distance is small for the word's length.
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let mut occurs = [0u64; 128];
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = distance(word, candidate, &mut occurs);
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    let (distance, candidate) = best?;
    let allowed = (folded(word).count().max(candidate.len()) / 3).clamp(1, 6);
    (distance <= allowed).then_some(candidate)
}

/// Case, `-` and spaces do not count as differences: `Certificate-Issued` is `certificate_issued`.
fn fold(c: char) -> char {
    match c {
        '-' | ' ' => '_',
        c => c.to_ascii_lowercase(),
    }
}

fn folded(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().take(MOST_CHARS).map(fold)
}

/// The edit distance between `word` and `candidate`, both folded. `occurs` is all zeros, and
/// is left so: clearing the few entries a candidate sets is cheaper than a fresh table.
fn distance(word: &str, candidate: &str, occurs: &mut [u64; 128]) -> usize {
    if candidate.is_ascii() && (1..=64).contains(&candidate.len()) {
        bit_parallel(word, candidate.as_bytes(), occurs)
    } else {
        by_table(word, candidate)
    }
}

/// Myers' bit-vector edit distance: bit `i` of each vector is row `i` of the current column of
/// the distance table, so one column costs a few word operations. `candidate` is ASCII, 1 to 64
/// bytes long. In Hyyrö's names ("A bit-vector algorithm for computing Levenshtein and
/// Damerau edit distances", 2003): `plus`/`minus` are Pv/Mv, the rows where the column steps
/// up or down by one from the row above; `up`/`down` are Ph/Mh, the same between this column
/// and the previous one; `vertical`/`horizontal` are Xv/Xh; `equal` is Eq.
fn bit_parallel(word: &str, candidate: &[u8], occurs: &mut [u64; 128]) -> usize {
    // Where each (folded) ASCII byte occurs in the candidate; other characters match nothing.
    let slot = |byte: u8| usize::from(fold(char::from(byte)) as u8);
    for (i, &byte) in candidate.iter().enumerate() {
        occurs[slot(byte)] |= 1 << i;
    }
    let last = 1u64 << (candidate.len() - 1);
    let (mut plus, mut minus) = (u64::MAX, 0u64);
    let mut score = candidate.len();
    for c in folded(word) {
        let equal = if c.is_ascii() { occurs[c as usize] } else { 0 };
        let vertical = equal | minus;
        let horizontal = ((equal & plus).wrapping_add(plus) ^ plus) | equal;
        let mut up = minus | !(horizontal | plus);
        let mut down = plus & horizontal;
        if up & last != 0 {
            score += 1;
        } else if down & last != 0 {
            score -= 1;
        }
        // The first row of the table counts the word's characters: a step up at every column.
        up = (up << 1) | 1;
        down <<= 1;
        plus = down | !(vertical | up);
        minus = up & vertical;
    }
    candidate.iter().for_each(|&byte| occurs[slot(byte)] = 0);
    score
}

/// The textbook table, one row at a time: for a candidate the bit vectors cannot hold.
fn by_table(word: &str, candidate: &str) -> usize {
    let candidate: Vec<char> = folded(candidate).collect();
    let mut row: Vec<usize> = (0..=candidate.len()).collect();
    for (i, ca) in folded(word).enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in candidate.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[candidate.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh(word: &str, candidate: &str) -> usize {
        distance(word, candidate, &mut [0; 128])
    }

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

    #[test]
    fn case_dashes_and_spaces_are_not_differences() {
        assert_eq!(fresh("Certificate-Issued", "certificate_issued"), 0);
        assert_eq!(fresh("certificate issued", "certificate_issued"), 0);
        assert_eq!(
            closest("Certificate-Revoke", ["certificate_revoked"]),
            Some("certificate_revoked")
        );
    }

    #[test]
    fn bit_vectors_count_the_textbook_distances() {
        for (word, candidate, expected) in [
            ("", "events", 6),
            ("events", "events", 0),
            ("kitten", "sitting", 3),
            ("certificate_revoke", "certificate_revoked", 1),
            ("cértificate_revoked", "certificate_revoked", 1),
            ("😀😀", "ab", 2),
            (
                "webhook_send_certificate_chains",
                "webhook_send_certificate_chain",
                1,
            ),
        ] {
            assert_eq!(
                bit_parallel(word, candidate.as_bytes(), &mut [0; 128]),
                expected,
                "{word} / {candidate}"
            );
        }
    }

    #[test]
    fn a_candidate_of_64_bytes_uses_every_bit() {
        let candidate = "a".repeat(64);
        assert_eq!(fresh(&candidate, &candidate), 0);
        assert_eq!(fresh("", &candidate), 64);
        assert_eq!(fresh(&"a".repeat(63), &candidate), 1);
        // Longer candidates take the table.
        assert_eq!(fresh(&candidate, &"a".repeat(65)), 1);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            /// The bit vectors give the table's distance for every word and candidate.
            /// One table serves every candidate: each leaves it as it found it.
            #[test]
            fn a_shared_table_gives_each_candidate_its_distance(
                word in "[a-eA-E_ é😀-]{0,40}",
                candidates in prop::collection::vec("[a-eA-E_ -]{1,64}", 1..8),
            ) {
                let mut occurs = [0u64; 128];
                for candidate in &candidates {
                    prop_assert_eq!(distance(&word, candidate, &mut occurs), by_table(&word, candidate));
                }
                prop_assert!(occurs.iter().all(|&bits| bits == 0));
            }

            #[test]
            fn bit_vectors_agree_with_the_table(
                word in "[a-eA-E_ é😀-]{0,140}",
                candidate in "[a-eA-E_ -]{1,64}",
            ) {
                prop_assert_eq!(bit_parallel(&word, candidate.as_bytes(), &mut [0; 128]), by_table(&word, &candidate));
            }
        }
    }
}
