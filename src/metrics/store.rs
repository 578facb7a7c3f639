//! [`Store`]: the measures of one document, each part measured once on first use, each
//! scope's [`Metrics`] a view of its parts' measures.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use super::Metrics;
use super::part::{Part, Scratch};
use crate::document::{Document, Scope};

/// The measures of one document, computed on first use.
#[derive(Debug, Default)]
pub struct Store {
    /// Per segment of the document, its measures once computed.
    parts: RefCell<Vec<Option<Arc<Part>>>>,
    /// Per scope asked for, its measures.
    scopes: RefCell<Vec<(Scope, Rc<Metrics>)>>,
    scratch: RefCell<Scratch>,
}

impl Store {
    /// Nothing measured yet.
    pub fn new() -> Self {
        Store::default()
    }

    /// The measures of the parts of `doc` in `scope`; `doc` is the same on every call.
    pub fn metrics(&self, doc: &Document, scope: Scope) -> Rc<Metrics> {
        self.metrics_in(doc, scope, PARALLEL_MIN)
    }

    /// [`Store::metrics`], measuring on all cores from `parallel_min` bytes of parts.
    fn metrics_in(&self, doc: &Document, scope: Scope, parallel_min: usize) -> Rc<Metrics> {
        if let Some((_, m)) = self.scopes.borrow().iter().find(|(s, _)| *s == scope) {
            return Rc::clone(m);
        }
        let mut parts = self.parts.borrow_mut();
        parts.resize(doc.segments.len(), None);
        let todo: Vec<usize> = (0..doc.segments.len())
            .filter(|&i| doc.segments[i].scope.intersects(scope) && parts[i].is_none())
            .collect();
        let bytes: usize = todo.iter().map(|&i| doc.segments[i].span.len()).sum();
        if bytes >= parallel_min && todo.len() > 1 {
            // A long draft: its parts are measured on all cores.
            use rayon::prelude::*;
            let measured: Vec<Arc<Part>> = todo
                .par_iter()
                .map_init(Scratch::default, |scratch, &i| {
                    Arc::new(Part::measure(doc, doc.segments[i].span.clone(), scratch))
                })
                .collect();
            for (&i, part) in todo.iter().zip(measured) {
                parts[i] = Some(part);
            }
        } else {
            let mut scratch = self.scratch.borrow_mut();
            for &i in &todo {
                let span = doc.segments[i].span.clone();
                parts[i] = Some(Arc::new(Part::measure(doc, span, &mut scratch)));
            }
        }
        let list: Vec<Arc<Part>> = (0..doc.segments.len())
            .filter(|&i| doc.segments[i].scope.intersects(scope))
            .filter_map(|i| parts[i].clone())
            .collect();
        drop(parts);
        let m = Rc::new(Metrics::from_parts(list));
        self.scopes.borrow_mut().push((scope, Rc::clone(&m)));
        m
    }
}

/// The bytes of parts to measure from which they are measured on all cores.
const PARALLEL_MIN: usize = 1 << 20;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{self, Format};
    use crate::metrics::message;

    #[test]
    fn parts_measured_on_all_cores_measure_the_same() {
        let mut text = String::from("Hi Dana,\n\n");
        for i in 0..200 {
            text.push_str(&format!(
                "We ship {i} parts to you.\nCan we talk? I think [Company] would like it.\n\n"
            ));
        }
        text.push_str("Best,\nSam");
        let d = document::read("t", text.into_bytes(), Format::Text).unwrap();
        let (one, all) = (Store::new(), Store::new());
        for scope in [message(), Scope::DEFAULT, Scope::CLOSING] {
            let a = one.metrics_in(&d, scope, usize::MAX);
            let b = all.metrics_in(&d, scope, 0);
            let spans = |m: &Metrics| m.word_spans().iter().collect::<Vec<_>>();
            let sentences = |m: &Metrics| m.sentence_list().iter().collect::<Vec<_>>();
            assert_eq!(spans(&a), spans(&b));
            assert_eq!(sentences(&a), sentences(&b));
            assert_eq!(
                (a.syllables, a.you_words, a.we_words, a.questions()),
                (b.syllables, b.you_words, b.we_words, b.questions())
            );
            assert_eq!(a.longest_sentence(), b.longest_sentence());
        }
        assert_eq!(one.metrics(&d, message()).questions(), 200);
    }
}
