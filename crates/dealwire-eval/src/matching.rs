//! Maximum one-to-one matching in a bipartite graph, with preferences.

/// A maximum matching of left vertices to right vertices that, among all
/// maximum matchings, has the largest total preference.
///
/// `edges[l]` lists `(right, preference)` pairs: the right vertices (below
/// `n_right`) that left vertex `l` may pair with. Returns, for each left
/// vertex, its partner. Solved as an assignment problem (Hungarian method,
/// `O(n³)` for `n` the larger side) whose weights put the number of pairs
/// first and the preferences second; article-sized graphs make it cheap.
pub(crate) fn max_matching(edges: &[Vec<(usize, u32)>], n_right: usize) -> Vec<Option<usize>> {
    let n = edges.len().max(n_right);
    let max_pref = edges
        .iter()
        .flatten()
        .map(|&(_, w)| i64::from(w))
        .max()
        .unwrap_or(0);
    // One more pair always outweighs any sum of preferences.
    let pair = max_pref * n as i64 + 1;
    let mut cost = vec![vec![0i64; n]; n];
    let mut is_edge = vec![vec![false; n]; n];
    for (l, list) in edges.iter().enumerate() {
        for &(r, w) in list.iter().filter(|&&(r, _)| r < n_right) {
            let c = -(pair + i64::from(w));
            if c < cost[l][r] {
                cost[l][r] = c;
            }
            is_edge[l][r] = true;
        }
    }
    let assignment = min_cost_assignment(&cost);
    (0..edges.len())
        .map(|l| assignment.get(l).copied().filter(|&r| is_edge[l][r]))
        .collect()
}

/// Column assigned to each row of a square cost matrix, minimising the total.
fn min_cost_assignment(cost: &[Vec<i64>]) -> Vec<usize> {
    let n = cost.len();
    // Potentials and the column → row assignment, 1-based with 0 as a sentinel.
    let mut u = vec![0i64; n + 1];
    let mut v = vec![0i64; n + 1];
    let mut row_of = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for row in 1..=n {
        row_of[0] = row;
        let mut col0 = 0;
        let mut min_v = vec![i64::MAX; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[col0] = true;
            let r0 = row_of[col0];
            let mut delta = i64::MAX;
            let mut col1 = 0;
            for col in 1..=n {
                if used[col] {
                    continue;
                }
                let reduced = cost[r0 - 1][col - 1] - u[r0] - v[col];
                if reduced < min_v[col] {
                    min_v[col] = reduced;
                    way[col] = col0;
                }
                if min_v[col] < delta {
                    delta = min_v[col];
                    col1 = col;
                }
            }
            for col in 0..=n {
                if used[col] {
                    u[row_of[col]] += delta;
                    v[col] -= delta;
                } else {
                    min_v[col] -= delta;
                }
            }
            col0 = col1;
            if row_of[col0] == 0 {
                break;
            }
        }
        loop {
            let col1 = way[col0];
            row_of[col0] = row_of[col1];
            col0 = col1;
            if col0 == 0 {
                break;
            }
        }
    }
    let mut col_of = vec![0; n];
    for col in 1..=n {
        col_of[row_of[col] - 1] = col - 1;
    }
    col_of
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(edges: &[&[usize]]) -> Vec<Vec<(usize, u32)>> {
        edges
            .iter()
            .map(|l| l.iter().map(|&r| (r, 0)).collect())
            .collect()
    }

    fn size(m: &[Option<usize>]) -> usize {
        m.iter().flatten().count()
    }

    #[test]
    fn greedy_choice_is_undone() {
        // Left 0 could take right 0, which is left 1's only option.
        let m = max_matching(&plain(&[&[0, 1], &[0]]), 2);
        assert_eq!(m, vec![Some(1), Some(0)]);
    }

    #[test]
    fn one_right_vertex_pairs_once() {
        let m = max_matching(&plain(&[&[0], &[0], &[0]]), 1);
        assert_eq!(size(&m), 1);
    }

    #[test]
    fn longer_augmenting_path() {
        let m = max_matching(&plain(&[&[0], &[0, 1], &[1, 2], &[2]]), 3);
        assert_eq!(size(&m), 3);
        let mut used: Vec<usize> = m.iter().flatten().copied().collect();
        used.sort_unstable();
        used.dedup();
        assert_eq!(used.len(), 3, "a right vertex is used twice: {m:?}");
    }

    #[test]
    fn preference_breaks_ties_but_never_costs_a_pair() {
        // Both lefts fit right 0; left 1 is preferred there.
        let m = max_matching(&[vec![(0, 0)], vec![(0, 5)]], 1);
        assert_eq!(m, vec![None, Some(0)]);
        // Preferring left 0 → right 0 would leave left 1 alone: cardinality wins.
        let m = max_matching(&[vec![(0, 9), (1, 0)], vec![(0, 0)]], 2);
        assert_eq!(m, vec![Some(1), Some(0)]);
    }

    #[test]
    fn empty_and_out_of_range() {
        assert!(max_matching(&[], 3).is_empty());
        assert_eq!(max_matching(&[vec![], vec![]], 0), vec![None, None]);
        assert_eq!(max_matching(&[vec![(4, 1)]], 2), vec![None]);
    }
}
