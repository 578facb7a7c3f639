//! What a rule sees while checking one document: the document, its own metadata, the
//! profile of the run, and measures computed once per document and scope.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use super::{Finding, RuleMeta};
use crate::document::{Document, Scope};
use crate::metrics::{Metrics, Store};
use crate::profile::Profile;

/// What the rules of one run share while checking one document: the profile, and measures
/// computed once per scope, on first use.
#[derive(Debug, Default)]
pub struct Shared {
    /// The kind of message being linted.
    pub profile: Profile,
    /// Each part measured once, whatever the number of scopes that include it.
    store: Store,
    /// Per segment, its repetition key and word count, once computed.
    segment_keys: RefCell<Vec<Option<(u64, usize)>>>,
    /// Every sentence's repetition key by where it starts, sorted, when computed ahead (a
    /// long document); else empty.
    sentence_keys: Vec<(usize, u64)>,
    /// The findings' own messages, one copy of each.
    messages: RefCell<foldhash::HashSet<Arc<String>>>,
}

impl Shared {
    /// Nothing computed yet.
    pub fn new(profile: Profile) -> Self {
        Shared {
            profile,
            store: Store::new(),
            segment_keys: RefCell::default(),
            sentence_keys: Vec::new(),
            messages: RefCell::default(),
        }
    }

    /// Nothing computed yet but what a long document had computed on other cores while the
    /// matcher ran: every part's measures, every paragraph's repetition key and every
    /// sentence's (sorted by where the sentence starts).
    pub fn prefilled(
        profile: Profile,
        store: Store,
        segment_keys: Vec<Option<(u64, usize)>>,
        sentence_keys: Vec<(usize, u64)>,
    ) -> Self {
        Shared {
            profile,
            store,
            segment_keys: RefCell::new(segment_keys),
            sentence_keys,
            messages: RefCell::default(),
        }
    }

    /// Free the measures and repetition keys (see [`super::Rule::reads_measures`]); they are
    /// computed again if asked for.
    pub fn drop_measures(&mut self) {
        self.store = Store::new();
        self.segment_keys = RefCell::default();
        self.sentence_keys = Vec::new();
    }

    /// The repetition key of the sentence that starts at `start`, if it was computed ahead.
    pub fn sentence_key(&self, start: usize) -> Option<u64> {
        let keys = &self.sentence_keys;
        let i = keys.partition_point(|(s, _)| *s < start);
        keys.get(i).filter(|(s, _)| *s == start).map(|(_, k)| *k)
    }

    /// `message`, shared with the equal messages of the document's other findings.
    pub fn intern(&self, message: String) -> Arc<String> {
        let mut seen = self.messages.borrow_mut();
        if let Some(m) = seen.get(&message) {
            return Arc::clone(m);
        }
        let m = Arc::new(message);
        seen.insert(Arc::clone(&m));
        m
    }

    /// The repetition key of segment `i` of the document's `n` segments, computed once per
    /// document by `compute`.
    pub fn segment_key(
        &self,
        i: usize,
        n: usize,
        compute: impl FnOnce() -> (u64, usize),
    ) -> (u64, usize) {
        let mut keys = self.segment_keys.borrow_mut();
        keys.resize(n, None);
        *keys[i].get_or_insert_with(compute)
    }
}

/// What a rule sees while checking one document.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Document,
    /// This rule's metadata, shared by its findings.
    pub meta: &'a Arc<RuleMeta>,
    /// The profile and the per-document measures.
    pub shared: &'a Shared,
}

impl<'a> Context<'a> {
    /// The context of one rule on one document.
    pub fn new(doc: &'a Document, meta: &'a Arc<RuleMeta>, shared: &'a Shared) -> Self {
        Context { doc, meta, shared }
    }

    /// The profile of this run.
    pub fn profile(&self) -> Profile {
        self.shared.profile
    }

    /// The measures of the parts in `scope` but not in the rule's `except_scope` (a
    /// one-paragraph draft is both opening and closing), computed once per document.
    pub fn metrics(&self, scope: Scope) -> Rc<Metrics> {
        self.shared.store.metrics(self.doc, scope, self.meta.except)
    }

    /// A finding at a view span with a message from [`Shared::intern`].
    pub fn finding_interned(&self, view_span: Range<usize>, message: Arc<String>) -> Finding {
        let mut f = self.finding(view_span, None);
        f.message = Some(message);
        f
    }

    /// A finding at a view span, mapped to the source.
    pub fn finding(&self, view_span: Range<usize>, message: Option<String>) -> Finding {
        Finding {
            rule: Arc::clone(self.meta),
            scope: self.doc.scope_at(view_span.start),
            whole: false,
            span: self.doc.map.to_source(view_span),
            message: message.map(|m| self.shared.intern(m)),
            strength: 1.0,
            replacements: Default::default(),
        }
    }

    /// Set replacements on a finding, when its source text is the view text it was found in
    /// (a fix must not rewrite markup that a reader decoded).
    pub fn set_fix(&self, f: &mut Finding, view_span: Range<usize>, replacements: Vec<String>) {
        if self.doc.source.get(f.span.clone()) == self.doc.text().get(view_span) {
            f.replacements = replacements.into();
        }
    }

    /// Whether a hit counts for this rule: in its scope and not masked.
    pub fn counts(&self, span: &Range<usize>) -> bool {
        let at = self.doc.scope_at(span.start);
        at.intersects(self.meta.scope)
            && !at.intersects(self.meta.except)
            && !self.doc.is_masked(span)
    }

    /// Where a finding about a whole part (or the whole draft) points: the first line of the
    /// first part in the rule's scope, or the start of the draft when there is none.
    pub fn anchor(&self) -> Range<usize> {
        anchor_of(self.doc, self.meta.scope)
    }

    /// A finding about a whole part: at [`Context::anchor`], its scope the parts of the
    /// rule's scope that the draft has (the rule's scope when it has none of them).
    pub fn part_finding(&self, message: String) -> Finding {
        let mut f = self.finding(self.anchor(), Some(message));
        f.whole = true;
        let mut present = Scope::NONE;
        for s in &self.doc.segments {
            if s.scope.intersects(self.meta.scope) {
                present = present.union(s.scope);
            }
        }
        // A courtesy under the ask is body as well: a measure of the body does not name it.
        if !self.meta.scope.intersects(Scope::COURTESY) {
            present = present.without(Scope::COURTESY);
        }
        f.scope = if present.is_empty() {
            self.meta.scope
        } else {
            present
        };
        f
    }
}

/// Where a finding about the whole of `scope` points in `doc`'s view (see [`Context::anchor`]).
fn anchor_of(doc: &Document, scope: Scope) -> Range<usize> {
    match doc.spans_of(scope).next() {
        Some(span) => first_line(doc, span.clone()),
        None => 0..0,
    }
}

/// What a finding about a whole part ([`Finding::whole`]) is about: the source from its
/// rule's first part to its last, or from the draft's first part to its last when the draft
/// has none of the rule's (a missing ask is about the whole draft). `None` for a finding about
/// a place (a phrase, a sentence), and for a draft with no part at all.
pub fn part_extent(doc: &Document, f: &Finding) -> Option<Range<usize>> {
    if !f.whole {
        return None;
    }
    let mut spans = doc.spans_of(f.rule.scope);
    let (first, last) = match spans.next() {
        Some(first) => (first.start, spans.last().unwrap_or(first).end),
        None => (
            doc.segments.first()?.span.start,
            doc.segments.last()?.span.end,
        ),
    };
    Some(doc.source_span(first..last))
}

/// The first line of a view span that is not a suppression directive (a directive at the
/// top of a paragraph is not where a finding about the paragraph points: the finding would be
/// taken for part of the directive), else its first line.
pub fn first_line(doc: &Document, span: Range<usize>) -> Range<usize> {
    let text = doc.text();
    let line_at = |at: usize| {
        let end = text[at..span.end]
            .find(['\n', '\r'])
            .map_or(span.end, |i| at + i);
        at..end
    };
    let mut at = span.start;
    while at < span.end {
        let line = line_at(at);
        if !crate::suppress::is_directive_line(&text[line.clone()]) {
            return line;
        }
        // On past the line break (CR LF, LF or CR).
        let rest = &text[line.end..span.end];
        at = line.end
            + if rest.starts_with("\r\n") {
                2
            } else {
                rest.len().min(1)
            };
    }
    line_at(span.start)
}
