//! Page breaking as word processors do it: a paragraph kept with the next
//! stays on the page of the next one's first lines, a paragraph kept together
//! moves whole, no paragraph leaves a single line alone at the foot or head of
//! a page, a table row the composition keeps whole splits only when taller
//! than a page (another splits where the page is full). A keep that
//! cannot be met even on an empty page (a chain of headings longer than a
//! page) is dropped there, and the page breaks where it is full.

use crate::flow::Para;

/// Blocks `from..to` of paragraph `para` on one page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Slice {
    pub para: usize,
    pub from: usize,
    pub to: usize,
}

/// Splits the flow into pages of at most `capacity` pt.
pub fn paginate(paras: &[Para], capacity: f32) -> Vec<Vec<Slice>> {
    let mut pages: Vec<Vec<Slice>> = vec![Vec::new()];
    let mut used = 0.0;
    for (i, para) in paras.iter().enumerate() {
        let n = para.blocks.len();
        if n == 0 {
            continue;
        }
        if para.page_break_before && !pages.last().is_some_and(Vec::is_empty) {
            pages.push(Vec::new());
            used = 0.0;
        }
        if para.unbreakable {
            let empty = pages.last().is_some_and(Vec::is_empty);
            let own = para.height(0, n);
            let follow = keep_next_need(paras, i);
            // The follower's lines count only where a fresh page could hold both.
            let follow = if own + follow <= capacity {
                follow
            } else {
                0.0
            };
            if !empty && used + gap(para, empty) + own + follow > capacity {
                pages.push(Vec::new());
                used = 0.0;
            }
            let empty = pages.last().is_some_and(Vec::is_empty);
            used += gap(para, empty) + own;
            pages.last_mut().expect("a page").push(Slice {
                para: i,
                from: 0,
                to: n,
            });
            continue;
        }
        let mut from = 0;
        while from < n {
            let empty = pages.last().is_some_and(Vec::is_empty);
            let head = if from > 0 {
                repeat_height(para, from)
            } else {
                gap(para, empty)
            };
            let room = capacity - used - head;
            // How many blocks fit.
            let mut k = 0;
            let mut h = 0.0;
            while from + k < n && h + para.blocks[from + k].height <= room + 0.01 {
                h += para.blocks[from + k].height;
                k += 1;
            }
            if from + k == n {
                // All the rest fits; a heading also needs its follower's first lines.
                let need = keep_next_need(paras, i);
                let movable = h + need <= capacity;
                if need > 0.0 && !empty && from == 0 && movable && used + head + h + need > capacity
                {
                    pages.push(Vec::new());
                    used = 0.0;
                    continue;
                }
            } else if para.repeat.is_some() && from == 0 && k == 1 {
                // A table's header row never ends a page alone.
                k = 0;
            } else if para.widow_control {
                let left = n - from - k;
                if left < 2 {
                    k = k.saturating_sub(2 - left);
                }
                if from == 0 && k < 2 {
                    k = 0;
                }
            }
            if k == 0 && !empty {
                pages.push(Vec::new());
                used = 0.0;
                continue;
            }
            // Nothing fits on an empty page: place one block anyway.
            let k = k.max(1);
            let head = if from > 0 {
                repeat_height(para, from)
            } else {
                gap(para, empty)
            };
            used += head + para.height(from, from + k);
            pages.last_mut().expect("a page").push(Slice {
                para: i,
                from,
                to: from + k,
            });
            from += k;
            if from < n {
                pages.push(Vec::new());
                used = 0.0;
            }
        }
    }
    pages.retain(|p| !p.is_empty());
    if pages.is_empty() {
        pages.push(Vec::new());
    }
    pages
}

/// Space above a paragraph: none at the head of a page.
pub fn gap(para: &Para, page_empty: bool) -> f32 {
    if page_empty {
        0.0
    } else {
        para.space_before
    }
}

/// The repeated header row (and a continued row's resumed margin) over a
/// table's continuation at block `from`.
pub fn repeat_height(para: &Para, from: usize) -> f32 {
    para.continued_head(from).iter().map(|b| b.height).sum()
}

/// What must fit below a keep-with-next paragraph: the follower's first
/// lines (all of it when it is short, fixed or itself a heading).
fn keep_next_need(paras: &[Para], i: usize) -> f32 {
    if !paras[i].keep_next {
        return 0.0;
    }
    let Some(next) = paras.get(i + 1) else {
        return 0.0;
    };
    let n = next.blocks.len();
    let first = if next.unbreakable || next.keep_next || (next.widow_control && n <= 3) {
        n
    } else if next.widow_control || next.repeat.is_some() {
        // Two lines, or a table's header row and first row.
        2.min(n)
    } else {
        1.min(n)
    };
    let mut need = next.space_before + next.height(0, first);
    if next.keep_next && i + 1 < paras.len() {
        need += keep_next_need(paras, i + 1);
    }
    need
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::Block;

    fn para(lines: usize, keep_next: bool) -> Para {
        Para {
            blocks: vec![
                Block {
                    height: 10.0,
                    marks: Vec::new(),
                    row: None,
                };
                lines
            ],
            space_before: 0.0,
            keep_next,
            widow_control: true,
            ..Para::default()
        }
    }

    fn fixed(height: f32) -> Para {
        Para {
            blocks: vec![Block {
                height,
                marks: Vec::new(),
                row: None,
            }],
            unbreakable: true,
            ..Para::default()
        }
    }

    #[test]
    fn no_orphan_at_the_foot_and_no_widow_at_the_head() {
        // 9 lines used; a 5-line paragraph has 1 line of room: all of it moves.
        let pages = paginate(&[para(9, false), para(5, false)], 100.0);
        assert_eq!(
            pages[1][0],
            Slice {
                para: 1,
                from: 0,
                to: 5
            }
        );
        // 7 used, room for 3 of 4: only 2 stay so 2 go.
        let pages = paginate(&[para(7, false), para(4, false)], 100.0);
        assert_eq!(
            pages[0][1],
            Slice {
                para: 1,
                from: 0,
                to: 2
            }
        );
        assert_eq!(
            pages[1][0],
            Slice {
                para: 1,
                from: 2,
                to: 4
            }
        );
    }

    #[test]
    fn a_heading_goes_with_its_paragraph() {
        // Heading fits in the last line but its paragraph does not.
        let pages = paginate(&[para(9, false), para(1, true), para(4, false)], 100.0);
        assert_eq!(pages[0].len(), 1);
        assert_eq!(pages[1][0].para, 1);
    }

    #[test]
    fn a_paragraph_kept_together_and_with_the_next_moves_whole_with_it() {
        // The last body paragraph (6 lines, kept together and with the
        // signature) does not leave room for the 30 pt signature: both move.
        let mut last = para(6, true);
        last.unbreakable = true;
        let pages = paginate(&[para(3, false), last, fixed(30.0)], 100.0);
        assert_eq!(pages.len(), 2);
        assert_eq!(
            pages[1][0],
            Slice {
                para: 1,
                from: 0,
                to: 6
            }
        );
        assert_eq!(pages[1][1].para, 2);
    }

    #[test]
    fn a_chain_of_headings_longer_than_a_page_breaks_where_the_page_is_full() {
        // 60 headings kept with each other, then text: as word processors,
        // pages fill up (10 lines each) instead of one heading per page.
        let mut paras: Vec<Para> = (0..60).map(|_| para(1, true)).collect();
        paras.push(para(3, false));
        let pages = paginate(&paras, 100.0);
        assert!(pages.len() <= 7, "{} pages", pages.len());
        let lines: usize = pages.iter().flatten().map(|s| s.to - s.from).sum();
        assert_eq!(lines, 63);
    }

    #[test]
    fn oversized_blocks_still_make_progress() {
        let pages = paginate(&[fixed(500.0), para(30, false), fixed(500.0)], 100.0);
        let lines: usize = pages
            .iter()
            .flatten()
            .filter(|s| s.para == 1)
            .map(|s| s.to - s.from)
            .sum();
        assert_eq!(lines, 30);
        assert!(pages.iter().all(|p| !p.is_empty()));
    }
}
