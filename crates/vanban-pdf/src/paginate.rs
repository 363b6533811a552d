//! Page breaking: headings stay with what follows, no paragraph leaves a
//! single line alone at the foot or head of a page, fixed blocks never split,
//! and the signature block takes the body's last lines with it.

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
            let need = gap(para, empty) + para.height(0, n) + keep_next_need(paras, i);
            if !empty && used + need > capacity {
                let taken = take_lines(paras, pages.last_mut().expect("a page"), para.take_lines);
                pages.push(taken);
                used = pages.last().map_or(0.0, |p| page_height(paras, p));
            }
            let empty = pages.last().is_some_and(Vec::is_empty);
            used += gap(para, empty) + para.height(0, n);
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
                repeat_height(para)
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
                if need > 0.0 && !empty && from == 0 && used + head + h + need > capacity {
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
                repeat_height(para)
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

/// The repeated header row over a table's continuation.
pub fn repeat_height(para: &Para) -> f32 {
    para.repeat.as_ref().map_or(0.0, |b| b.height)
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

/// Takes the last `count` body lines (and any heading left hanging above
/// them) off `page` for the next one, never leaving or moving a single line
/// of a paragraph.
fn take_lines(paras: &[Para], page: &mut Vec<Slice>, count: usize) -> Vec<Slice> {
    let mut taken: Vec<Slice> = Vec::new();
    let mut wanted = count;
    while !page.is_empty() {
        let only = page.len() == 1;
        let last = page.last_mut().expect("not empty");
        let para = &paras[last.para];
        let keep = para.keep_next && !taken.is_empty();
        if wanted == 0 && !keep {
            break;
        }
        if !para.body {
            break;
        }
        let lines = last.to - last.from;
        let mut take = if keep { lines } else { wanted.min(lines) };
        if para.widow_control {
            take = take.max(2).min(lines);
            if lines - take == 1 && last.from == 0 {
                take = lines;
            }
        }
        // Never empty the page.
        if only && take >= lines {
            break;
        }
        wanted = wanted.saturating_sub(take);
        let moved = Slice {
            para: last.para,
            from: last.to - take,
            to: last.to,
        };
        last.to -= take;
        if last.to == last.from {
            page.pop();
        }
        taken.insert(0, moved);
    }
    taken
}

/// Height of a page's content as placed.
pub fn page_height(paras: &[Para], page: &[Slice]) -> f32 {
    page.iter()
        .enumerate()
        .map(|(j, s)| {
            let para = &paras[s.para];
            let head = if s.from > 0 {
                repeat_height(para)
            } else {
                gap(para, j == 0)
            };
            head + para.height(s.from, s.to)
        })
        .sum()
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
                    marks: Vec::new()
                };
                lines
            ],
            space_before: 0.0,
            keep_next,
            widow_control: true,
            body: true,
            ..Para::default()
        }
    }

    fn fixed(height: f32, take_lines: usize) -> Para {
        Para {
            blocks: vec![Block {
                height,
                marks: Vec::new(),
            }],
            unbreakable: true,
            take_lines,
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
    fn the_signature_takes_the_last_two_body_lines_along() {
        let pages = paginate(&[para(3, false), para(6, false), fixed(30.0, 2)], 100.0);
        assert_eq!(pages.len(), 2);
        assert_eq!(
            pages[1][0],
            Slice {
                para: 1,
                from: 4,
                to: 6
            }
        );
        assert_eq!(pages[1][1].para, 2);
        // Never a single line left behind: a 3-line paragraph goes whole.
        let pages = paginate(&[para(6, false), para(3, false), fixed(30.0, 2)], 100.0);
        assert_eq!(
            pages[1][0],
            Slice {
                para: 1,
                from: 0,
                to: 3
            }
        );
    }

    #[test]
    fn oversized_blocks_still_make_progress() {
        let pages = paginate(&[fixed(500.0, 0), para(30, false), fixed(500.0, 2)], 100.0);
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
