//! One sort for the whole crate. std's slice sorts are generic: each element type and
//! comparison compiled into its own copy of the sorting machinery (31 copies, about 37 KB of
//! the wasm). Sorting indices through a `dyn` comparison compiles once.

/// The indices `0..len`, stably ordered by `less`: a bottom-up merge sort, O(n log n) time and
/// O(n) extra space whatever the input.
pub fn sorted_indices(len: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right, mut out) = (start, middle, start);
            while left < middle && right < end {
                // Equal elements keep their order: the right one goes first only if smaller.
                if less(order[right], order[left]) {
                    merged[out] = order[right];
                    right += 1;
                } else {
                    merged[out] = order[left];
                    left += 1;
                }
                out += 1;
            }
            let rest_left = middle - left;
            merged[out..out + rest_left].copy_from_slice(&order[left..middle]);
            out += rest_left;
            merged[out..out + (end - right)].copy_from_slice(&order[right..end]);
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::sorted_indices;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let mut seed = 12345u32;
        for len in [0, 1, 2, 3, 7, 16, 17, 100, 1000] {
            let values: Vec<u32> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    (seed >> 16) % 10
                })
                .collect();
            let ours = sorted_indices(len, &|a, b| values[a] < values[b]);
            let mut expected: Vec<usize> = (0..len).collect();
            expected.sort_by_key(|i| values[*i]);
            assert_eq!(ours, expected, "{len}");
        }
    }
}
