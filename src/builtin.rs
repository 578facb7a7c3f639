//! Findings pitchlint makes itself, outside any pack: an empty draft (`pitchlint/empty-draft`),
//! an email without a subject (`pitchlint/missing-subject`),
//! and, from [`crate::suppress`], suppression comments that are misspelt or name no rule.

use std::sync::Arc;

use crate::document::{Document, Scope};
use crate::rule::{Finding, RuleMeta, Severity};

/// The pack of the built-in rules.
pub const PACK: &str = "pitchlint";

/// The meta of a built-in rule of the `pitchlint` pack.
pub fn meta(
    id: &str,
    severity: Severity,
    weight: i32,
    message: &str,
    rationale: &'static str,
) -> Arc<RuleMeta> {
    Arc::new(RuleMeta {
        pack: PACK.into(),
        id: id.into(),
        qualified: format!("{PACK}/{id}"),
        kind: "builtin",
        message: message.into(),
        weight,
        profile_weights: [None; 3],
        severity,
        scope: Scope::NONE,
        except: Scope::NONE,
        profiles: crate::profile::Profiles::ALL,
        needs: Vec::new(),
        suggest: None,
        rationale: rationale.into(),
        examples: Default::default(),
        source: "<pitchlint>".into(),
    })
}

/// A finding about the whole file: it stands at the start, in no part.
fn whole_file(rule: Arc<RuleMeta>) -> Finding {
    Finding {
        rule,
        span: 0..0,
        scope: Scope::NONE,
        whole: true,
        message: None,
        strength: 1.0,
        replacements: Default::default(),
    }
}

/// The weight of `pitchlint/empty-draft`: the whole base score, so an empty draft scores 0.
pub const EMPTY_WEIGHT: i32 = -70;

/// `pitchlint/empty-draft` (an error) when the draft has no text to read: an empty file, or
/// whitespace only (after markup is removed, for Markdown, HTML and email).
pub fn empty_draft(doc: &Document) -> Option<Finding> {
    // Invisible characters (zero-width spaces, soft hyphens, direction marks…) are no text
    // either.
    let blank = |c: char| c.is_whitespace() || crate::phrase::normalize::is_invisible(c);
    // A draft with no part at all ("Subject:" and nothing else, "Subject: Re:") is as empty.
    if !doc.text().chars().all(blank) && !doc.segments.is_empty() {
        return None;
    }
    Some(whole_file(empty_draft_meta()))
}

fn empty_draft_meta() -> Arc<RuleMeta> {
    meta(
        "empty-draft",
        Severity::Error,
        EMPTY_WEIGHT,
        "The draft is empty: there is nothing to send.",
        "An empty file is a draft not yet written (or a save that went wrong); it must not pass.",
    )
}

/// Every built-in rule whose id a report can show, for `pitchlint rules`, `explain` and
/// SARIF's rule list: the draft's (empty, no subject), the gate's (`min-score`) and the
/// suppression comments' ([`crate::suppress`]).
pub fn rules() -> Vec<Arc<RuleMeta>> {
    let mut all = vec![
        empty_draft_meta(),
        missing_subject_meta(),
        fake_reply_meta(),
        min_score_meta(),
        max_warnings_meta(),
    ];
    all.extend(crate::suppress::rules());
    all
}

/// The id under which the reports give a run's verdict on its warnings.
pub const MAX_WARNINGS: &str = "pitchlint/max-warnings";

/// `pitchlint/max-warnings`: not a finding in any file but the run's verdict on its warnings.
pub fn max_warnings_meta() -> Arc<RuleMeta> {
    meta(
        "max-warnings",
        Severity::Error,
        0,
        "The run has more warnings than the maximum.",
        "`--max-warnings N` (or `max_warnings` in the config, for every file or for an \
         `[[overrides]]` entry's) fails the run when its files have more than N warnings \
         together, whatever their scores. It is no finding in the text: the json report lists \
         it in its summary under `over_max_warnings`, junit as a failing test case, github as an \
         error annotation, sarif as an error notification, and every format on stderr.",
    )
}

/// `pitchlint/min-score`: not a finding in the text but the gate's verdict, which the
/// line-based formats report at 1:1 so that every failure shows.
pub fn min_score_meta() -> Arc<RuleMeta> {
    let mut m = meta(
        "min-score",
        Severity::Error,
        0,
        "The file's pitch score is below the minimum.",
        "Every file gets a score from 0 to 100, and one below the minimum (`min_score` in the \
         config, `--min-score`; 50 by default, 0 turns it off) fails the gate. It is no finding \
         in the text: the concise, jsonl, sarif and github reports give it at 1:1 (junit in the \
         failing test case), so that every failure shows.",
    );
    if let Some(m) = Arc::get_mut(&mut m) {
        m.suggest = Some(
            "Fix the findings with the largest weights first: the human report lists them under \
             the score."
                .into(),
        );
    }
    m
}

/// `pitchlint/missing-subject` (a warning) when a saved email has no subject, or an empty one:
/// the subject decides whether the message is opened at all. Only emails are checked; a text
/// or Markdown draft usually keeps its subject elsewhere.
pub fn missing_subject(doc: &Document) -> Option<Finding> {
    if doc.format != crate::document::Format::Email || doc.spans_of(Scope::SUBJECT).next().is_some()
    {
        return None;
    }
    Some(whole_file(missing_subject_meta()))
}

/// `pitchlint/fake-reply` (a warning) when a first touch's subject starts with "Re:" or
/// "Fwd:" and no quoted thread stands above or below the message: the prefix claims a
/// conversation the buyer never had. A reply with its thread (quoted, or named by an email's
/// `In-Reply-To` or `References` header), and any draft linted as a follow-up or a proposal,
/// is left alone.
pub fn fake_reply(doc: &Document, profile: crate::profile::Profile) -> Option<Finding> {
    if profile != crate::profile::Profile::FirstTouch || doc.in_thread {
        return None;
    }
    let subject = doc.subject()?;
    let text = doc.text();
    let line = text[..subject.start].rfind('\n').map_or(0, |i| i + 1);
    // Only a `Subject:` line (an email's Subject header is one in the view) claims a thread:
    // a title's "RE:" is a letter's or a proposal's "regarding" ("RE: Freight Services For
    // Dayton" over "Dear Ms Park,", a Markdown "# Re: Proposal for Harlow Foods").
    let prefix = crate::document::parts::reply_prefix(&text[line..subject.start])?;
    // A thread stands above the message (bottom-posted) or below it; a `>` quote between
    // the message's paragraphs (a customer's testimonial) is no thread.
    let first = doc.spans_of(Scope::MESSAGE).map(|s| s.start).min();
    let last = doc.spans_of(Scope::MESSAGE).map(|s| s.end).max();
    let thread = doc.spans_of(Scope::QUOTE).any(|q| match (first, last) {
        (Some(first), Some(last)) => q.start < first || q.start >= last,
        _ => true,
    });
    if thread {
        return None;
    }
    Some(Finding {
        rule: fake_reply_meta(),
        span: doc.map.to_source(line + prefix.start..line + prefix.end),
        scope: Scope::SUBJECT,
        whole: false,
        message: None,
        strength: 1.0,
        replacements: Default::default(),
    })
}

fn fake_reply_meta() -> Arc<RuleMeta> {
    let mut m = meta(
        "fake-reply",
        Severity::Warning,
        -15,
        "\"Re:\" or \"Fwd:\" on a first email claims a conversation the buyer never had.",
        "A reply or forward prefix on a cold email is a trick to get it opened: the buyer \
         looks for the thread, finds none, and stops trusting everything below it. Spam \
         filters know the trick too. It is checked only in the first-touch profile and only \
         when no quoted thread stands above or below the message and no `In-Reply-To` or \
         `References` header names one; a real reply is linted with `--profile follow-up`, \
         or keeps its thread.",
    );
    if let Some(m) = Arc::get_mut(&mut m) {
        m.scope = Scope::SUBJECT;
        m.profiles = crate::profile::Profiles::NONE.with(crate::profile::Profile::FirstTouch);
        m.suggest = Some(
            "Drop the prefix and name the buyer's problem in the subject; if this is a reply, \
             lint it with --profile follow-up."
                .into(),
        );
    }
    m
}

/// The built-in rules a config or `--ignore` may turn off, as `select`/`ignore` name them.
pub fn ignorable() -> Vec<Arc<RuleMeta>> {
    vec![missing_subject_meta(), fake_reply_meta()]
}

fn missing_subject_meta() -> Arc<RuleMeta> {
    meta(
        "missing-subject",
        Severity::Warning,
        -10,
        "The email has no subject line: write three or four words about the buyer's problem.",
        "An email without a subject looks like spam or a mistake, and gives the buyer no reason \
         to open it. Boomerang found three- and four-word subjects get the most replies.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{self, Format};

    #[test]
    fn only_a_draft_without_text_is_empty() {
        for (text, format) in [
            ("", Format::Text),
            (" \n\t\n", Format::Text),
            ("<p> </p>", Format::Html),
            // Zero-width spaces and joiners are no text.
            ("\u{200b}\u{200b}\n\u{2060}", Format::Text),
            ("\u{ad}\r\n", Format::Text),
            ("\u{200f}\u{200e}\r\n\u{202b}\u{2067}", Format::Text),
        ] {
            let d = document::read("x", text.as_bytes().to_vec(), format).unwrap();
            let f = empty_draft(&d).unwrap_or_else(|| panic!("{text:?} is empty"));
            assert_eq!(f.rule.qualified, "pitchlint/empty-draft");
            assert_eq!(f.rule.severity, Severity::Error);
        }
        // A subject line's label and nothing else is no draft either.
        for text in ["Subject:", "Subject: Re:\n\n"] {
            let d = document::read("x", text.as_bytes().to_vec(), Format::Text).unwrap();
            assert!(empty_draft(&d).is_some(), "{text:?}");
        }
        for text in ["Hi.", "\u{200b}Hi."] {
            let d = document::read("x", text.as_bytes().to_vec(), Format::Text).unwrap();
            assert!(empty_draft(&d).is_none());
        }
    }

    #[test]
    fn a_reply_prefix_without_a_thread_is_a_fake_reply_in_a_first_touch() {
        use crate::profile::Profile;
        let at = |text: &str, format: Format, profile: Profile| {
            let d = document::read("x", text.as_bytes().to_vec(), format).unwrap();
            fake_reply(&d, profile).map(|f| d.source[f.span].to_string())
        };
        let body = "\n\nHi Dana,\n\nCould we talk on Tuesday?\n\nSam\n";
        let first = Profile::FirstTouch;
        let text = format!("Subject: Re: our conversation{body}");
        assert_eq!(at(&text, Format::Text, first).as_deref(), Some("Re:"));
        // A real reply keeps its thread; a follow-up or proposal may carry the prefix.
        let thread = format!(
            "{text}\nOn Mon, 2 Mar 2026 at 10:00, Dana <d@n.example> wrote:\n> Can we talk?\n"
        );
        assert_eq!(at(&thread, Format::Text, first), None);
        // Bottom-posted: the thread above the message.
        let above = "Subject: Re: our call\n\nOn Mon, 2 Mar 2026 at 10:00, Dana <d@n.example> wrote:\n> Can we talk?\n\nYes: could we talk on Tuesday at 10am?\n\nSam\n";
        assert_eq!(at(above, Format::Text, first), None);
        // A customer's words quoted between the message's paragraphs are no thread.
        let testimonial = "Subject: Re: our conversation\n\nHi Dana,\n\nHarlow's ops lead wrote to us:\n\n> Not one late load since March.\n\nCould we show you the same on one lane?\n\nSam\n";
        assert_eq!(at(testimonial, Format::Text, first).as_deref(), Some("Re:"));
        assert_eq!(at(&text, Format::Text, Profile::FollowUp), None);
        assert_eq!(at(&text, Format::Text, Profile::Proposal), None);
        for (subject, prefix) in [
            // After a gateway tag, and in other languages.
            ("Subject: [EXTERNAL] FWD: Dayton loads", Some("FWD:")),
            ("Subject: AW: Angebot", Some("AW:")),
            // The label in the writer's language: German, and French with its space.
            ("Betreff: AW: Angebot", Some("AW:")),
            ("Objet : TR: Palettes", Some("TR:")),
            // French Outlook's prefix with its space, and a German gateway's tag.
            ("Objet : RE : Vos palettes", Some("RE :")),
            ("Betreff: [EXTERN] AW: Angebot", Some("AW:")),
            // "re:" inside a subject is "about".
            ("Subject: Quick question re: your Q3 plans", None),
            ("Subject: Late loads in Ohio", None),
        ] {
            let text = format!("{subject}{body}");
            assert_eq!(
                at(&text, Format::Text, first).as_deref(),
                prefix,
                "{subject}"
            );
        }
        // An email's Subject header: the span is the prefix in the file as stored.
        let mail = "From: a@b.c\r\nSubject: RE: Follow up from our call\r\nContent-Type: text/plain\r\n\r\nHi Dana,\r\n\r\nCan we talk?\r\n";
        assert_eq!(at(mail, Format::Email, first).as_deref(), Some("RE:"));
        // A header that names the message it answers is a real thread, quoted or not.
        for header in [
            "In-Reply-To: <1@n.example>\r\n",
            "References: <0@n.example> <1@n.example>\r\n",
        ] {
            let threaded = mail.replace("Content-Type", &format!("{header}Content-Type"));
            assert_eq!(at(&threaded, Format::Email, first), None, "{header}");
        }
        // A title's "RE:" is "regarding" (a letter's line, a proposal's title): the subject
        // is what follows it, and nothing claims a thread.
        let titled = [
            (
                "# Re: Proposal for Harlow Foods\n\nDana,\n\nHere is our offer.\n".to_string(),
                Format::Markdown,
                "Proposal for Harlow Foods",
            ),
            (
                "<h1>FWD: [EXTERNAL] Our Conversation</h1><p>Hi Dana,</p><p>Could we talk?</p>"
                    .to_string(),
                Format::Html,
                "Our Conversation",
            ),
            (
                "RE: Freight Services For Dayton\n\nDear Ms Park,\n\nCould we talk?\n".to_string(),
                Format::Text,
                "Freight Services For Dayton",
            ),
        ];
        for (text, format, want) in &titled {
            assert_eq!(at(text, *format, first), None, "{text:?}");
            let d = document::read("x", text.as_bytes().to_vec(), *format).unwrap();
            let subject = d.subject().map(|s| &d.text()[s.clone()]);
            assert_eq!(subject, Some(*want), "{text:?}");
        }
        // A title of only a prefix keeps it as its subject.
        let bare = "# Re:\n\nHi Dana,\n\nCould we talk?\n";
        let d = document::read("x", bare.as_bytes().to_vec(), Format::Markdown).unwrap();
        assert_eq!(d.subject().map(|s| &d.text()[s.clone()]), Some("Re:"));
    }

    #[test]
    fn only_an_email_without_subject_misses_it() {
        let mail = |headers: &str| {
            let raw = format!(
                "From: a@b.c\r\n{headers}Content-Type: text/plain\r\n\r\nHi Dana,\r\n\r\nCan we talk?\r\n"
            );
            document::read("x.eml", raw.into_bytes(), Format::Email).unwrap()
        };
        assert!(missing_subject(&mail("")).is_some());
        assert!(missing_subject(&mail("Subject: \r\n")).is_some());
        assert!(missing_subject(&mail("Subject: Late loads in Ohio\r\n")).is_none());
        let d = document::read("x", b"Hi Dana,\n\nCan we talk?".to_vec(), Format::Text).unwrap();
        assert!(missing_subject(&d).is_none());
    }
}
