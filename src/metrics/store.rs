//! [`Store`]: the measures of one document, each part measured once on first use, each
//! scope's [`Metrics`] a view of its parts' measures.

use std::cell::RefCell;
use std::rc::Rc;

use super::Metrics;
use super::part::{Part, Scratch};
use crate::document::{Document, Scope};

/// The parts asked for: (in any of these, in none of these).
type ScopeKey = (Scope, Scope);

/// The measures of one document, computed on first use.
#[derive(Debug, Default)]
pub struct Store {
    /// Per segment of the document, its measures once computed.
    parts: RefCell<Vec<Option<Rc<Part>>>>,
    /// Per (scope, except) asked for, its measures.
    scopes: RefCell<Vec<(ScopeKey, Rc<Metrics>)>>,
    scratch: RefCell<Scratch>,
}

impl Store {
    /// Nothing measured yet.
    pub fn new() -> Self {
        Store::default()
    }

    /// Every part of `doc` measured, in order: for a long document, measured on the other
    /// cores while the matcher runs, then given to [`Store::with_parts`].
    pub fn measure_all(doc: &Document) -> Vec<Part> {
        use rayon::prelude::*;
        // On all cores, in runs of segments (each worker reuses its scratch lists).
        doc.segments
            .par_iter()
            .with_min_len(256)
            .map_init(Scratch::default, |scratch, s| {
                Part::measure(doc, s.span.clone(), scratch)
            })
            .collect()
    }

    /// A store whose parts are measured already ([`Store::measure_all`] of the same document).
    pub fn with_parts(parts: Vec<Part>) -> Self {
        Store {
            parts: RefCell::new(parts.into_iter().map(|p| Some(Rc::new(p))).collect()),
            ..Store::default()
        }
    }

    /// The measures of the parts of `doc` in `scope` and in no part of `except`; `doc` is the
    /// same on every call.
    pub fn metrics(&self, doc: &Document, scope: Scope, except: Scope) -> Rc<Metrics> {
        let key = (scope, except);
        if let Some((_, m)) = self.scopes.borrow().iter().find(|(k, _)| *k == key) {
            return Rc::clone(m);
        }
        let mut parts = self.parts.borrow_mut();
        parts.resize(doc.segments.len(), None);
        let mut scratch = self.scratch.borrow_mut();
        let mut list = Vec::new();
        for (i, s) in doc.segments.iter().enumerate() {
            if !s.scope.intersects(scope) || s.scope.intersects(except) {
                continue;
            }
            let part = parts[i]
                .get_or_insert_with(|| Rc::new(Part::measure(doc, s.span.clone(), &mut scratch)));
            list.push(Rc::clone(part));
        }
        drop((parts, scratch));
        let m = Rc::new(Metrics::from_parts(list));
        self.scopes.borrow_mut().push((key, Rc::clone(&m)));
        m
    }
}
