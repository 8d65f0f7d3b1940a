//! exchange-calc's core: every rule of the two regulations, the policy model and the JS API
//! contract at the JSON level, in plain Rust with no web dependency (the one exception is
//! [`pattern`], which in the browser is the page's own `RegExp`).
//!
//! The modules mirror the regulations (`grade` for XYU-12.7, …); `policy` holds the rules as
//! data; `api` is the JS contract at the JSON level. The cohort batch is its own crate
//! (`exchange-calc-batch`), built for speed where this one is built for size; the
//! `exchange-calc` crate puts the two together and adds the wasm binding layer.
#![forbid(unsafe_code)]

pub mod algorithms;
pub mod api;
pub mod credit;
pub mod date;
pub mod deadline;
pub mod decimal;
pub mod eligibility;
pub mod error;
pub mod finding;
pub mod funding;
pub mod form;
pub mod grade;
pub mod keyed;
pub mod locale;
pub mod pattern;
pub mod policy;
pub mod quota;
pub mod read;
pub mod score;

pub use error::{Error, ErrorKind, Result};

/// The indices `0..n` in the stable order `cmp` gives them. Every caller shares this one
/// sort (each `sort_by` on its own element type compiled a 3–4 KB sort into the wasm), and it
/// is a bottom-up merge sort of its own: stable, O(n log n), a few hundred bytes where std's
/// driftsort was 4.5 KB of the full module. The lists are short (deadlines, colleges).
pub(crate) fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        to.clear();
        for run in from.chunks(width.saturating_mul(2)) {
            let (mut left, mut right) = run.split_at(width.min(run.len()));
            // Equal keys take the left (earlier) one first: that is what makes it stable.
            while let (Some(&l), Some(&r)) = (left.first(), right.first()) {
                if cmp(l, r) == std::cmp::Ordering::Greater {
                    to.push(r);
                    right = right.get(1..).unwrap_or_default();
                } else {
                    to.push(l);
                    left = left.get(1..).unwrap_or_default();
                }
            }
            to.extend_from_slice(left);
            to.extend_from_slice(right);
        }
        std::mem::swap(&mut from, &mut to);
        width = width.saturating_mul(2);
    }
    from
}

/// `items` in the stable order `cmp` gives them: [`stable_order`] sorts (compiled once), and
/// only this rebuild is compiled per element type.
pub(crate) fn sort_stable<T>(items: Vec<T>, cmp: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    let order = stable_order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => std::cmp::Ordering::Equal,
    });
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)).collect()
}

pub use finding::{Finding, Outcome};
pub use locale::Locale;
pub use policy::Policy;

#[cfg(test)]
mod tests {
    #[test]
    fn stable_order_sorts_and_keeps_equal_keys_in_input_order() {
        // Keys with many ties, in every length up to 40: the result is sorted by key, and equal
        // keys keep their input order (what Vec::sort_by, stable, gives).
        let mut x: u32 = 7;
        for n in 0..40 {
            let keys: Vec<u32> = (0..n).map(|_| { x = x.wrapping_mul(1_103_515_245).wrapping_add(12345); (x >> 16) % 5 }).collect();
            let got = super::stable_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
            let mut want: Vec<usize> = (0..keys.len()).collect();
            want.sort_by_key(|&i| keys[i]);
            assert_eq!(got, want, "{keys:?}");
        }
    }
}
