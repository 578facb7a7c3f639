//! Lists of word spans and sentences that store offsets in four bytes while the view fits in
//! `u32`, and in eight beyond.

use std::ops::Range;

use super::Sentence;

/// An item with a narrow form, of `u32` offsets.
pub trait Narrow: Sized {
    /// The wide item.
    type Wide: Clone;
    /// The narrow form of `w`, when its offsets fit.
    fn narrow(w: &Self::Wide) -> Option<Self>;
    /// The wide item again.
    fn wide(&self) -> Self::Wide;
}

/// A word's span in 6 bytes: its start in `u32`, its length in `u16` (a long draft has a word
/// for every six bytes of text, so this is most of what measuring it holds).
#[derive(Clone, Copy, Debug)]
pub struct NarrowSpan {
    start: [u16; 2],
    len: u16,
}

impl Narrow for NarrowSpan {
    type Wide = Range<usize>;

    fn narrow(w: &Range<usize>) -> Option<Self> {
        let start = u32::try_from(w.start).ok()?;
        Some(NarrowSpan {
            start: [start as u16, (start >> 16) as u16],
            len: u16::try_from(w.end.checked_sub(w.start)?).ok()?,
        })
    }

    fn wide(&self) -> Range<usize> {
        let start = usize::from(self.start[0]) | usize::from(self.start[1]) << 16;
        start..start + usize::from(self.len)
    }
}

/// A sentence in 16 bytes.
#[derive(Clone, Copy, Debug)]
pub struct NarrowSentence {
    start: u32,
    end: u32,
    words: u32,
    question: bool,
}

impl Narrow for NarrowSentence {
    type Wide = Sentence;

    fn narrow(s: &Sentence) -> Option<Self> {
        Some(NarrowSentence {
            start: u32::try_from(s.span.start).ok()?,
            end: u32::try_from(s.span.end).ok()?,
            words: u32::try_from(s.words).ok()?,
            question: s.question,
        })
    }

    fn wide(&self) -> Sentence {
        Sentence {
            span: self.start as usize..self.end as usize,
            words: self.words as usize,
            question: self.question,
        }
    }
}

/// A list of items, narrow while they fit.
#[derive(Clone, Debug)]
pub enum Packed<N: Narrow> {
    /// Every item in its narrow form.
    Narrow(Vec<N>),
    /// Every item as it is.
    Wide(Vec<N::Wide>),
}

impl<N: Narrow> Default for Packed<N> {
    fn default() -> Self {
        Packed::Narrow(Vec::new())
    }
}

impl<N: Narrow + Clone> Packed<N> {
    /// An empty list, wide or narrow.
    pub fn new(wide: bool) -> Self {
        if wide {
            Packed::Wide(Vec::new())
        } else {
            Packed::Narrow(Vec::new())
        }
    }

    /// Add an item; the list widens if it does not fit.
    pub fn push(&mut self, w: N::Wide) {
        match self {
            Packed::Wide(v) => v.push(w),
            Packed::Narrow(v) => match N::narrow(&w) {
                Some(n) => v.push(n),
                // Not reached: a narrow list is only made for views that fit in u32.
                None => {
                    let mut wide: Vec<N::Wide> = v.iter().map(N::wide).collect();
                    wide.push(w);
                    *self = Packed::Wide(wide);
                }
            },
        }
    }

    /// How many items.
    pub fn len(&self) -> usize {
        match self {
            Packed::Narrow(v) => v.len(),
            Packed::Wide(v) => v.len(),
        }
    }

    /// Item `i`. Panics when out of range.
    pub fn get(&self, i: usize) -> N::Wide {
        match self {
            Packed::Narrow(v) => v[i].wide(),
            Packed::Wide(v) => v[i].clone(),
        }
    }

    /// Empty, ready for a view that needs wide offsets or not.
    pub fn reset(&mut self, wide: bool) {
        match self {
            Packed::Narrow(v) if !wide => v.clear(),
            Packed::Wide(v) if wide => v.clear(),
            _ => *self = Packed::new(wide),
        }
    }

    /// The items, in a list that takes no more memory than they do; `self` is left empty.
    pub fn take_exact(&mut self) -> Packed<N> {
        match self {
            Packed::Narrow(v) => Packed::Narrow(take_exact(v)),
            Packed::Wide(v) => Packed::Wide(take_exact(v)),
        }
    }
}

/// The items of a scratch list, in a list of their size: a copy of a short list (the scratch
/// list is kept for the next part), a long list itself, shrunk (not copied while the copy and
/// the scratch list's spare room would take twice its memory).
fn take_exact<T: Clone>(v: &mut Vec<T>) -> Vec<T> {
    if v.len() < 4096 {
        let copy = v.as_slice().to_vec();
        v.clear();
        copy
    } else {
        let mut long = std::mem::take(v);
        long.shrink_to_fit();
        long
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_lists_widen_when_needed() {
        let mut s: Packed<NarrowSpan> = Packed::new(false);
        s.push(1..3);
        s.push(70_000..70_001);
        s.push(u32::MAX as usize - 5..u32::MAX as usize);
        assert!(matches!(s, Packed::Narrow(_)));
        assert_eq!(
            (s.len(), s.get(0), s.get(1), s.get(2)),
            (
                3,
                1..3,
                70_000..70_001,
                u32::MAX as usize - 5..u32::MAX as usize
            )
        );
        assert_eq!(std::mem::size_of::<NarrowSpan>(), 6);
        // A word longer than 65,535 bytes (a merge field can be long), or a span past u32.
        s.push(10..100_000);
        assert!(matches!(s, Packed::Wide(_)));
        assert_eq!((s.len(), s.get(0), s.get(3)), (4, 1..3, 10..100_000));
        let mut s: Packed<NarrowSpan> = Packed::new(false);
        s.push(0..usize::MAX);
        assert!(matches!(s, Packed::Wide(_)));
        let mut t: Packed<NarrowSentence> = Packed::default();
        let a = Sentence {
            span: 4..9,
            words: 2,
            question: true,
        };
        t.push(a.clone());
        assert!(matches!(t, Packed::Narrow(_)));
        assert_eq!(t.get(0), a);
        let long = t.take_exact();
        assert_eq!((t.len(), long.len()), (0, 1));
        assert_eq!(std::mem::size_of::<NarrowSentence>(), 16);
    }
}
