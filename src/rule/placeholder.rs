//! `placeholder`: an unfilled merge field (`{{first_name}}`, `[Company]`…) in a draft.
//!
//! The document's reader finds the placeholders (see [`crate::document::placeholders`]); this
//! rule reports each one in a draft, and none in a template (`--template`, `.tmpl` files),
//! where they are expected. It takes no keys beyond the common ones.

use std::sync::Arc;

use super::{Context, Finding, Rule, RuleMeta};
use crate::error::Result;
use crate::matcher::Hit;
use crate::pack::{PackSource, RuleDef};

/// A rule that fires on every placeholder of a draft that is not a template.
#[derive(Debug)]
pub struct PlaceholderRule {
    meta: Arc<RuleMeta>,
}

impl PlaceholderRule {
    /// Check that the rule has no `phrases` or `pattern`: placeholders are found by the reader.
    pub fn new(src: &PackSource, r: &RuleDef, meta: Arc<RuleMeta>) -> Result<Self> {
        let stray = r
            .phrases
            .as_ref()
            .map(|p| p.span().start)
            .or_else(|| r.pattern.as_ref().map(|p| p.span().start));
        if let Some(at) = stray {
            return Err(src.error_at(
                at,
                format!(
                    "rule `{}`: a placeholder rule takes no `phrases` or `pattern`: it reports the merge fields the reader finds",
                    meta.id
                ),
            ));
        }
        // Any other kind's key is an error too.
        super::allow_keys(src, r, "placeholder", &[])?;
        Ok(PlaceholderRule { meta })
    }
}

impl Rule for PlaceholderRule {
    fn meta(&self) -> &Arc<RuleMeta> {
        &self.meta
    }

    fn check(&self, cx: &Context<'_>, _hits: &[Hit], out: &mut Vec<Finding>) {
        if cx.doc.template {
            return;
        }
        // One message per merge field: a long template repeats each one thousands of times.
        let mut messages: foldhash::HashMap<&str, std::sync::Arc<String>> = Default::default();
        for p in &cx.doc.placeholders {
            if !cx.doc.scope_at(p.start).intersects(self.meta.scope) {
                continue;
            }
            let name = &cx.doc.text()[p.clone()];
            let message = messages.entry(name).or_insert_with(|| {
                // What was found, then why it matters, as a measure's findings say it. (No
                // other rule says it, so it is shared by this map alone; built without
                // `format!`, which cost a template's merge fields 1,000 instructions each.)
                let rest = &self.meta.message;
                let mut m = String::with_capacity(name.len() + rest.len() + 22);
                m.push('`');
                m.push_str(name);
                m.push_str("` is not filled in: ");
                m.push_str(rest);
                std::sync::Arc::new(m)
            });
            out.push(cx.finding_interned(p.clone(), std::sync::Arc::clone(message)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Linter;
    use crate::document::{Format, read};
    use crate::pack::PackSource;

    fn linter() -> Linter {
        let src = PackSource {
            path: "t.toml".into(),
            text: "[pack]\nname = \"t\"\n[[rule]]\nid = \"unfilled\"\nkind = \"placeholder\"\nmessage = \"Unfilled placeholder.\"\nweight = -30\nseverity = \"error\"\nscope = [\"subject\", \"greeting\", \"opening\", \"body\", \"closing\", \"signoff\", \"signature\"]\n".into(),
        };
        Linter::new(&[src]).unwrap()
    }

    #[test]
    fn fires_in_drafts_not_in_templates() {
        let l = linter();
        let mut d = read(
            "d.txt",
            b"Hi {{first_name}},\n\nCan we talk?\n".to_vec(),
            Format::Text,
        )
        .unwrap();
        let f = l.check(&d);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, 3..17);
        assert_eq!(
            f[0].message(),
            "`{{first_name}}` is not filled in: Unfilled placeholder."
        );
        d.template = true;
        assert!(l.check(&d).is_empty());
    }

    #[test]
    fn rejects_phrases() {
        let src = PackSource {
            path: "t.toml".into(),
            text: "[pack]\nname = \"t\"\n[[rule]]\nid = \"p\"\nkind = \"placeholder\"\nmessage = \"m\"\nweight = -1\nphrases = [\"x\"]\n".into(),
        };
        let e = Linter::new(&[src]).unwrap_err().to_string();
        assert!(e.starts_with("t.toml:8:"), "{e}");
        assert!(e.contains("takes no `phrases`"), "{e}");
    }
}
