//! Tests of `crate::document::parts`.

use super::*;

fn parts(text: &str) -> Vec<(String, &str)> {
    parts_with(text, &Hints::default())
}

/// Each part's name and text, with what the reader knows.
fn parts_with<'a>(text: &'a str, hints: &Hints) -> Vec<(String, &'a str)> {
    detect_with(text, hints)
        .into_iter()
        .map(|s| (s.scope.label(), &text[s.span]))
        .collect()
}

fn part<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    named(&parts(text), name)
}

/// Each part's name and text when the line `heading` of `text` is a section heading, as the
/// Markdown reader marks one: the whole line, its blanked `## ` and its line break.
fn parts_under_heading<'a>(text: &'a str, heading: &str) -> Vec<(String, &'a str)> {
    let at = text.find(heading).unwrap();
    let hints = Hints {
        headings: std::iter::once(at..at + heading.len() + 1).collect(),
        ..Hints::default()
    };
    parts_with(text, &hints)
}

/// The texts of the parts called `name` among `found`.
fn named<'a>(found: &[(String, &'a str)], name: &str) -> Vec<&'a str> {
    found
        .iter()
        .filter(|(s, _)| s == name)
        .map(|(_, t)| *t)
        .collect()
}

const EMAIL: &str = "Subject: Quick question\n\nHi Dana,\n\nI saw your post.\n\nWe help teams ship.\nIt works.\n\nWould a call on Tuesday work?\n\nBest,\nSam Lee\nVP Sales, Acme\n555-0100\n";

#[test]
fn finds_every_part_of_an_email() {
    assert_eq!(part(EMAIL, "subject"), ["Quick question"]);
    assert_eq!(part(EMAIL, "greeting"), ["Hi Dana,"]);
    assert_eq!(part(EMAIL, "opening"), ["I saw your post."]);
    assert_eq!(part(EMAIL, "body"), ["We help teams ship.\nIt works."]);
    assert_eq!(part(EMAIL, "closing"), ["Would a call on Tuesday work?"]);
    assert_eq!(part(EMAIL, "signoff"), ["Best,\nSam Lee"]);
    assert_eq!(part(EMAIL, "signature"), ["VP Sales, Acme\n555-0100"]);
}

/// A "Subject:" line in the writer's language is the subject, its label left out, and the
/// greeting after it is found ("Asunto:" was read as the opening and hid "Estimada Ana:").
#[test]
fn a_subject_label_in_other_languages() {
    let es = "Asunto: Menos retrasos en Ohio\n\nEstimada Ana:\n\nVi su anuncio.\n\nMovemos 40 cargas al mes.\n\n¿Hablamos el martes?\n\nSaludos,\nSam\n";
    assert_eq!(part(es, "subject"), ["Menos retrasos en Ohio"]);
    assert_eq!(part(es, "greeting"), ["Estimada Ana:"]);
    for (line, subject) in [
        ("Betreff: Weniger Verspätungen", "Weniger Verspätungen"),
        ("Objet : Vos palettes", "Vos palettes"),
        ("Objet\u{a0}: Vos palettes", "Vos palettes"),
        ("Objet  : RE : Vos palettes", "Vos palettes"),
        ("Betreff: [EXTERN] AW: Angebot", "Angebot"),
        ("OGGETTO: Consegne", "Consegne"),
        ("Onderwerp: Re: Pallets", "Pallets"),
    ] {
        let text = format!("{line}\n\nHi Dana,\n\nCould we talk on Tuesday?\n\nSam\n");
        assert_eq!(part(&text, "subject"), [subject], "{line}");
    }
    // A word that only starts like a label is text.
    let objection = "Objection: price\n\nHi Dana,\n\nCould we talk on Tuesday?\n\nSam\n";
    assert_ne!(part(objection, "subject"), ["price"]);
}

#[test]
fn one_paragraph_is_opening_and_closing() {
    assert_eq!(
        part("Will you partner with us?", "opening+closing"),
        ["Will you partner with us?"]
    );
}

#[test]
fn quotes_and_dash_dash_signatures() {
    let t = "Hi,\n\nThanks for the reply.\n\nCan we talk Monday?\n\n-- \nSam\n\nOn Mon, Jan 1, 2024, Dana wrote:\n> We want a partner.\n";
    assert_eq!(part(t, "closing"), ["Can we talk Monday?"]);
    assert_eq!(part(t, "signature"), ["-- \nSam"]);
    assert_eq!(
        part(t, "quote"),
        ["On Mon, Jan 1, 2024, Dana wrote:\n> We want a partner."]
    );
    let t2 = "Hi,\n\nSee below.\n\n> old text\n> more\n\nThoughts?\n";
    assert_eq!(part(t2, "quote"), ["> old text\n> more"]);
    assert_eq!(part(t2, "closing"), ["Thoughts?"]);
}

#[test]
fn a_plain_title_line_is_the_subject() {
    let t = "Vendor Customer Relationships\nI wonder what would happen. The term stands.\n";
    assert_eq!(part(t, "subject"), ["Vendor Customer Relationships"]);
    assert_eq!(
        part(t, "opening+closing"),
        ["I wonder what would happen. The term stands."]
    );
    // Not a greeting, nor a line that ends a sentence, nor a line alone, nor prose, nor a
    // sentence wrapped onto the next line.
    for t in [
        "Hi Dana\nCan we talk?\n",
        "Quick Question.\nCan we talk?\n",
        "Quick Question\n",
        "Our team ships fast\nCan we talk?\n",
        "We Ship Boxes\nto breweries in Ohio.\n",
    ] {
        assert!(part(t, "subject").is_empty(), "{t}");
    }
    assert_eq!(
        part("The Case for a Pilot\nCan we talk?\n", "subject"),
        ["The Case for a Pilot"]
    );
    // A mark between its words is no word: "&", a dash.
    assert_eq!(
        part("Freight & Logistics – Q3 Rates\nCan we talk?\n", "subject"),
        ["Freight & Logistics – Q3 Rates"]
    );
    // A subject written above the email, a blank line between: the greeting follows.
    let t = "Freight Savings\n\nHi Maria,\n\nWe haul reefers.\n\nCan we talk?\n";
    assert_eq!(part(t, "subject"), ["Freight Savings"]);
    assert_eq!(part(t, "greeting"), ["Hi Maria,"]);
    // A short first paragraph over more prose stays the message's opening.
    let t = "Quick Question\n\nWe haul reefers.\n\nCan we talk?\n";
    assert!(part(t, "subject").is_empty(), "{t}");
}

#[test]
fn a_one_line_email_is_a_greeting_and_a_message() {
    assert_eq!(part("Hi Sam, can we talk?\n", "greeting"), ["Hi Sam,"]);
    assert_eq!(
        part("Hi Sam, can we talk?\n", "opening+closing"),
        ["can we talk?"]
    );
    assert_eq!(
        part("Hi Sam, any news on the pilot\n", "greeting"),
        ["Hi Sam,"]
    );
    // A greeting with a couple of words of courtesy stays whole.
    assert_eq!(
        part("Hi there, good morning!\n\nCan we talk?\n", "greeting"),
        ["Hi there, good morning!"]
    );
}

#[test]
fn crlf_and_greeting_on_the_same_line() {
    let t = "Hi Dana, I noticed your launch.\r\nIt looked great.\r\n\r\nCan we talk?\r\n\r\nThanks,\r\nSam\r\n";
    assert_eq!(part(t, "greeting"), ["Hi Dana,"]);
    assert_eq!(
        part(t, "opening"),
        ["I noticed your launch.\r\nIt looked great."]
    );
    assert_eq!(part(t, "closing"), ["Can we talk?"]);
    assert_eq!(part(t, "signoff"), ["Thanks,\r\nSam"]);
}

#[test]
fn drafts_without_blank_lines_split_on_sentence_ends() {
    let t = "The term partner is\nen vogue now.\nBuyers want quality.\nGive us that opportunity.\nSteve Steinberger\nNo comments:\n";
    assert_eq!(part(t, "opening"), ["The term partner is\nen vogue now."]);
    assert_eq!(part(t, "closing"), ["Give us that opportunity."]);
    assert_eq!(part(t, "signature"), ["Steve Steinberger\nNo comments:"]);
}

#[test]
fn nested_quotes_and_a_draft_that_is_all_quote() {
    let t = "Hi Sam,\n\nYes, Tuesday works.\n\nThanks,\nDana\n\n> Can we talk Tuesday?\n> > Will you partner with us?\n>> We sell boxes.\n";
    assert_eq!(part(t, "opening+closing"), ["Yes, Tuesday works."]);
    assert_eq!(
        part(t, "quote"),
        ["> Can we talk Tuesday?\n> > Will you partner with us?\n>> We sell boxes."]
    );
    let all = "> Will you partner with us?\n";
    // Read through its mark: the prose is the part.
    assert_eq!(part(all, "opening+closing"), ["Will you partner with us?"]);
}

#[test]
fn reader_quote_spans_and_outlook_headers() {
    let t = "Hi,\n\nSee below.\n\nWill you partner with us?\n\nCan we talk?\n";
    let at = t.find("Will").unwrap();
    let hints = Hints {
        quotes: std::iter::once(at..at + 25).collect(),
        ..Hints::default()
    };
    assert_eq!(
        named(&parts_with(t, &hints), "quote"),
        ["Will you partner with us?"]
    );
    let o = "Hi,\n\nCan we talk?\n\nFrom: Dana\nSent: Monday\nWe want a partner.\n";
    assert_eq!(
        part(o, "quote"),
        ["From: Dana\nSent: Monday\nWe want a partner."]
    );
    assert_eq!(part(o, "opening+closing"), ["Can we talk?"]);
}

#[test]
fn a_name_merge_field_is_a_greeting() {
    let t = "{{firstName}}, saw {{company}} just raised a round.\n\nWorth a chat?\n";
    assert_eq!(part(t, "greeting"), ["{{firstName}},"]);
    let t = "[First name] - happy to help with that.\n\nLet me know.\n";
    assert_eq!(part(t, "greeting"), ["[First name] -"]);
    // The dash at the end of the line, and a name's greeting so.
    let t = "[First name] -\n\nWe ship fast.\n\nCan we talk?\n";
    assert_eq!(part(t, "greeting"), ["[First name] -"]);
    let t = "Hi Dana -\n\nWe ship fast.\n\nCan we talk?\n";
    assert_eq!(part(t, "greeting"), ["Hi Dana -"]);
    assert!(part("[Company] is great.\n\nTalk?\n", "greeting").is_empty());
}

/// A bare tag question under the ask shares the closing with it: a partner ask above
/// "Thoughts?" is still the close. A courtesy that asks nothing ("Let me know if this makes
/// sense.") leaves the closing to the ask above it.
#[test]
fn a_tag_question_shares_the_closing_with_the_ask_above() {
    let t = "Hi Dana,\n\nWe haul for two plants near you.\n\nWe would love to partner with you on Reno.\n\nThoughts?\n\nBest,\nSam\n";
    assert_eq!(
        part(t, "closing"),
        ["We would love to partner with you on Reno.", "Thoughts?"]
    );
    for courtesy in [
        "Let me know if this makes sense.",
        "Let me know if you're interested!",
    ] {
        let t = format!(
            "Hi Dana,\n\nWe haul for two plants near you.\n\nWould a pilot on Reno help?\n\n{courtesy}\n\nBest,\nSam\n"
        );
        assert_eq!(part(&t, "closing"), ["Would a pilot on Reno help?"], "{t}");
    }
    // A longer question is the ask itself.
    let t = "Hi Dana,\n\nWe haul for two plants near you.\n\nWe run Reno daily.\n\nCould we run a pilot in March?\n\nBest,\nSam\n";
    assert_eq!(part(t, "closing"), ["Could we run a pilot in March?"]);
}

/// A thank-you under the signed name is an afterthought, as a P.S. is: the sign-off above it
/// stays the sign-off, and the ask above that stays the closing.
#[test]
fn a_thank_you_under_the_name_is_no_sign_off() {
    for t in [
        "Hi Dana,\n\nWe cut costs 18%. Could we run a pilot in March?\n\nBest,\nSam\n\nThanks again.\n",
        "Hi Dana,\n\nWe cut costs 18%. Could we run a pilot in March?\n\nBest,\nSam\nThanks again!\n",
        "Hi Dana,\n\nWe cut costs 18%. Could we run a pilot in March?\n\nBest,\nSam\nVP Sales\n\nThanks again.\n",
    ] {
        assert_eq!(part(t, "signoff"), ["Best,\nSam"], "{t}");
        assert_eq!(
            part(t, "opening+closing"),
            ["We cut costs 18%. Could we run a pilot in March?"],
            "{t}"
        );
        assert_eq!(
            part(t, "body")
                .last()
                .map(|s| s.trim_end_matches(['.', '!'])),
            Some("Thanks again"),
            "{t}"
        );
    }
    // With no signed name above it, a thank-you is the sign-off.
    let t =
        "Hi Dana,\n\nWe cut costs 18%.\n\nCould we run a pilot in March?\n\nThanks so much!\nSam\n";
    assert_eq!(part(t, "signoff"), ["Thanks so much!\nSam"]);
    assert_eq!(part(t, "closing"), ["Could we run a pilot in March?"]);
}

/// Two courtesies under the ask leave it the closing, as one does: the ask is not body.
#[test]
fn two_courtesy_lines_under_the_ask_leave_it_the_closing() {
    let t = "Hi Dana,\n\nWe cut late loads 30%.\n\nCould we talk on Tuesday?\n\nThanks for your time.\n\nLooking forward to hearing from you.\n\nBest,\nSam\n";
    assert_eq!(part(t, "closing"), ["Could we talk on Tuesday?"]);
    // Both are body, and the close's last words: `courtesy`.
    assert_eq!(
        part(t, "body+courtesy"),
        [
            "Thanks for your time.",
            "Looking forward to hearing from you."
        ]
    );
    // A wish with a quarter's name in it is a courtesy too; a time stays an ask.
    let t = "Hi Greg,\n\nI will stop writing about it now.\n\nIf peak season changes things, just reply to this email.\n\nGood luck with Q4.\n\nTom\n";
    assert_eq!(
        part(t, "closing"),
        ["If peak season changes things, just reply to this email."]
    );
    let t = "Hi Greg,\n\nWe cut late loads 30%.\n\nThanks for your time.\n\nLooking forward to seeing you at 10.\n\nTom\n";
    assert_eq!(part(t, "closing"), ["Looking forward to seeing you at 10."]);
    // Three paragraphs that are all courtesies: the last but one is the closing, as before.
    let t = "Hi,\n\nThanks for your time.\n\nThanks again.\n\nLooking forward to hearing from you.\n\nBest,\nSam\n";
    assert_eq!(part(t, "closing"), ["Thanks again."]);
}

#[test]
fn a_postscript_is_message_text_and_a_courtesy_line_is_not_the_closing() {
    let t = "Hi Dana,\n\nWe ship fast.\n\nWill you partner with us on a pilot?\n\nLooking forward to hearing from you.\n\nBest,\nSam\n\nP.S. Act now, partner with us.\n";
    assert_eq!(part(t, "opening"), ["We ship fast."]);
    assert_eq!(part(t, "closing"), ["Will you partner with us on a pilot?"]);
    assert_eq!(
        part(t, "body+courtesy"),
        ["Looking forward to hearing from you."]
    );
    // A postscript is body, not a courtesy under the ask.
    assert_eq!(part(t, "body"), ["P.S. Act now, partner with us."]);
    assert_eq!(part(t, "signoff"), ["Best,\nSam"]);
    assert!(part(t, "signature").is_empty());
    // Right under the ask, with no blank line: the ask stays the closing.
    let t = "We compiled a freight audit of your top 3 lanes. Can I send it over?\nPS - Relevant because you just opened the Dayton plant.\n";
    assert_eq!(
        part(t, "body"),
        ["PS - Relevant because you just opened the Dayton plant."]
    );
    // A wrapped line that starts with "PS" is no postscript.
    let t = "Hi,\n\nWe stock the pumps the\nPS line runs on. Can we talk?\n\nBest,\nSam\n";
    assert!(part(t, "body").is_empty(), "{:?}", part(t, "body"));
    // Right under the name, with no blank line.
    let t = "Hi,\n\nCan we talk?\n\nBest,\nSam\nP.S. We are local.\n";
    assert_eq!(part(t, "body"), ["P.S. We are local."]);
    assert_eq!(part(t, "signoff"), ["Best,\nSam"]);
    // A courtesy with a concrete step is still the ask; "PS:" without a sign-off.
    let t =
        "Hi,\n\nWe ship fast.\n\nThanks, and let me know if Tuesday works.\n\nPS: we are local.\n";
    assert_eq!(
        part(t, "closing"),
        ["Thanks, and let me know if Tuesday works."]
    );
    assert_eq!(part(t, "body"), ["PS: we are local."]);
    // Two paragraphs: the ask above the courtesy is opening and closing.
    let t = "Hi,\n\nCan we talk Tuesday?\n\nThanks for your time.\n\nBest,\nSam\n";
    assert_eq!(part(t, "opening+closing"), ["Can we talk Tuesday?"]);
    // A bare "Let me know." and "Cheers and thanks again." ask nothing; "Let me know if
    // Tuesday works." does.
    // An aside after the ask asks nothing either.
    for courtesy in [
        "Let me know.",
        "Let me know!",
        "Cheers and thanks again.",
        "If not, I'll stop writing.",
        "Either way, thanks for reading.",
        "No pitch here, just curious.",
        "Good luck!",
        // A wish is no ask either (it was read as the closing, which then asked nothing).
        "Wishing you and the team all the best.",
        "All the best with the Akron launch.",
        "Happy shipping!",
    ] {
        let t = format!(
            "Hi,\n\nWe ship fast.\n\nCould we run one lane in March?\n\n{courtesy}\n\nBest,\nSam\n"
        );
        assert_eq!(
            part(&t, "closing"),
            ["Could we run one lane in March?"],
            "{courtesy}"
        );
        assert_eq!(part(&t, "body+courtesy"), [courtesy]);
    }
    let t = "Hi,\n\nWe ship fast.\n\nLet me know if you are in.\n\nBest,\nSam\n";
    assert_eq!(part(t, "closing"), ["Let me know if you are in."]);
    // A template's last field is message text, its name field a signature.
    let t = "[Observation]\n\n[Problem]\n\n[CTA]\n\n[Your Name]\n";
    assert_eq!(part(t, "closing"), ["[CTA]"]);
    assert_eq!(part(t, "signature"), ["[Your Name]"]);
}

#[test]
fn empty_and_whitespace_drafts_have_no_parts() {
    assert!(detect("").is_empty());
    assert!(detect("  \n\n \t\n").is_empty());
}

#[test]
fn a_name_under_a_greeting_with_text_is_the_signature() {
    // The ask after an inline greeting stays the closing; the name under it signs.
    let t = "Hi Dana, Contoso saved 11 hours a week. Will you partner with us?\n\nSam\n";
    assert_eq!(
        part(t, "opening+closing"),
        ["Contoso saved 11 hours a week. Will you partner with us?"]
    );
    assert_eq!(part(t, "signature"), ["Sam"]);
    // Without an inline greeting, a one-line draft keeps its only line.
    assert_eq!(part("Sam\n", "signature"), Vec::<&str>::new());
}

#[test]
fn a_greeting_ended_by_a_full_stop_leaves_the_message_on_its_line() {
    // "Hi Dana." then the question: the question is the message, not part of the greeting.
    let t = "Hi Dana. Got a minute Tuesday to look at the carton quote?\n";
    assert_eq!(part(t, "greeting"), ["Hi Dana."]);
    assert_eq!(
        part(t, "opening+closing"),
        ["Got a minute Tuesday to look at the carton quote?"]
    );
    // Before the greeting's comma too.
    let t = "Hello Dana. Did the carton samples arrive, and could we talk Tuesday?\n";
    assert_eq!(part(t, "greeting"), ["Hello Dana."]);
    // A title or an initial ends no sentence.
    let t = "Hi Dr. Lee,\n\nCould we talk Tuesday?\n\nSam\n";
    assert_eq!(part(t, "greeting"), ["Hi Dr. Lee,"]);
    let t = "Hi J. Smith, could we talk Tuesday?\n";
    assert_eq!(part(t, "greeting"), ["Hi J. Smith,"]);
    // More titles and abbreviations; a no-break space ends a sentence as a space does; "Jr."
    // before a capital is the end of a name.
    for (t, greeting) in [
        ("Hi Capt. Lee, we move cargo to Ohio.\n", "Hi Capt. Lee,"),
        ("Dear Rev. Adams, we supply candles.\n", "Dear Rev. Adams,"),
        (
            "Hello Acme Corp. team, we ship cans.\n",
            "Hello Acme Corp. team,",
        ),
        ("Hi Dana.\u{a0}Got a minute Tuesday?\n", "Hi Dana."),
        ("Hi Dana Jr. Got a minute Tuesday?\n", "Hi Dana Jr."),
        (
            "Hi Rev. Smith, quick question about candles.\n",
            "Hi Rev. Smith,",
        ),
        (
            "Hello Sen. Warren and team, we ship cans.\n",
            "Hello Sen. Warren and team,",
        ),
        (
            "Hi Dana and the Acme Co. team, hope the move went well.\n",
            "Hi Dana and the Acme Co. team,",
        ),
        (
            "Dear Capt. Ortiz and the crew, we sell rope.\n",
            "Dear Capt. Ortiz and the crew,",
        ),
    ] {
        assert_eq!(part(t, "greeting"), [greeting], "{t:?}");
    }
    // A long line with no comma greets with its first sentence; a semicolon ends a greeting.
    let t = "Hi Dana. I saw your post about the new Dayton plant and wanted to ask whether your lanes are on spot rates.\n\nCould we talk?\n\nSam\n";
    assert_eq!(part(t, "greeting"), ["Hi Dana."]);
    assert_eq!(
        part("Hi Dana; will you meet us this year?\n", "greeting"),
        ["Hi Dana;"]
    );
    // A spaced hyphen ends a greeting as a dash does.
    assert_eq!(
        part(
            "Hey Dana - who owns packaging spend at Northwind?\n",
            "greeting"
        ),
        ["Hey Dana -"]
    );
    // A sign-off under the subject is no greeting: the draft has no message.
    let t = "Subject: Carton trial\n\nBest regards,\nSam Lee\n";
    assert_eq!(part(t, "greeting"), Vec::<&str>::new());
    assert_eq!(part(t, "opening+closing"), Vec::<&str>::new());
    // A word with its comma after the full stop is the message ("Unfortunately,"), and a
    // hyphenated first word is no greeting ("Hi-fi").
    let t = "Hi Dana. Unfortunately, your plant missed three loads.\n";
    assert_eq!(part(t, "greeting"), ["Hi Dana."]);
    let t = "Hi-fi retailers lose 12% of margin to returns; we cut that.\n\nCould we talk?\n";
    assert_eq!(part(t, "greeting"), Vec::<&str>::new());
    // A greeting line that is only "Hi Dana." stays the greeting.
    let t = "Hi Dana.\n\nCould we talk Tuesday?\n\nSam\n";
    assert_eq!(part(t, "greeting"), ["Hi Dana."]);
}

#[test]
fn a_mailing_footer_is_signature_whatever_its_length() {
    let t = "Hi Dana,\n\nFabrikam cut claims 30% in eight weeks.\n\nWill you partner with us on a trial?\n\nSam\n\nSam Lee, Acme Packaging, 1 Market St, San Francisco, CA 94105\nIf you'd prefer not to hear from me again, just reply \"unsubscribe\" or click here.\n";
    assert_eq!(part(t, "closing"), ["Will you partner with us on a trial?"]);
    assert_eq!(
        part(t, "signature"),
        [
            "Sam\n\nSam Lee, Acme Packaging, 1 Market St, San Francisco, CA 94105\nIf you'd prefer not to hear from me again, just reply \"unsubscribe\" or click here."
        ]
    );
    // A legal notice under the ask, with no name: still not the closing.
    let t = "Hi Dana,\n\nWe cut claims 30%.\n\nCould we talk Tuesday?\n\nThis email and any files transmitted with it are confidential and intended solely for the use of the individual to whom they are addressed.\n";
    assert_eq!(part(t, "closing"), ["Could we talk Tuesday?"]);
    // A pitch that mentions opting out is no footer when it is the message itself.
    let t =
        "Hi Dana,\n\nMost of your drivers opt out of the fuel card. Ours pays them back weekly.\n";
    assert_eq!(part(t, "signature"), Vec::<&str>::new());
}

#[test]
fn a_bottom_posted_reply_is_the_message_under_the_quote() {
    let t = "On Mon, Mar 2, 2026 at 10:00 AM Dana Park <dana@n.example> wrote:\n> What damage rate do you see?\n\nHi Dana,\n\nFabrikam went from 4.1% to 2.8%.\n\nWill you partner with us?\n\nBest,\nSam\n";
    assert_eq!(
        part(t, "quote"),
        [
            "On Mon, Mar 2, 2026 at 10:00 AM Dana Park <dana@n.example> wrote:\n> What damage rate do you see?"
        ]
    );
    assert_eq!(part(t, "greeting"), ["Hi Dana,"]);
    assert_eq!(part(t, "opening"), ["Fabrikam went from 4.1% to 2.8%."]);
    assert_eq!(part(t, "closing"), ["Will you partner with us?"]);
    // A header with nothing of the sender's below its quote still ends the message.
    let t = "Hi Dana,\n\nWe cut claims 30%.\n\nCould we talk Tuesday?\n\nOn Mon, Dana wrote:\n> Why you?\n";
    assert_eq!(part(t, "closing"), ["Could we talk Tuesday?"]);
    assert_eq!(part(t, "quote"), ["On Mon, Dana wrote:\n> Why you?"]);
}

#[test]
fn attributions_that_gmail_wraps_or_inline_replies_write_are_quote() {
    // Gmail wraps a long attribution over two lines.
    let t = "Hi Dana,\n\nWe cut claims 30%.\n\nCould we talk Tuesday?\n\nOn Mon, Mar 2, 2026 at 10:00 AM Dana Park <dana@n.example>\nwrote:\n\n> Why you?\n";
    assert_eq!(part(t, "closing"), ["Could we talk Tuesday?"]);
    assert_eq!(
        part(t, "quote"),
        ["On Mon, Mar 2, 2026 at 10:00 AM Dana Park <dana@n.example>\nwrote:\n\n> Why you?"]
    );
    // "Dana Park wrote:" over quoted lines, answered inline.
    let t = "Hi Dana, answers inline.\n\nDana Park wrote:\n> What is your damage rate?\n\nFabrikam went from 4.1% to 2.8%.\n\n> Why you?\n\nLet us prove it: could we start next week?\n";
    assert_eq!(
        part(t, "quote"),
        [
            "Dana Park wrote:\n> What is your damage rate?",
            "> Why you?"
        ]
    );
    assert_eq!(part(t, "opening"), ["Fabrikam went from 4.1% to 2.8%."]);
    // In prose, "wrote:" over the sender's own text is no attribution.
    let t = "Hi Dana,\n\nYour CFO wrote:\nfreight is the biggest line item.\n\nCould we talk Tuesday?\n";
    assert_eq!(part(t, "quote"), Vec::<&str>::new());
    // Outlook's header block in German, and Gmail's attribution in German.
    for header in [
        "Von: Jürgen Weber <jw@n.example>\nGesendet: Montag, 2. März 2026 10:00\nAn: Sam\n",
        "Am Mo., 2. März 2026 um 10:00 Uhr schrieb Jürgen Weber <jw@n.example>:\n",
    ] {
        let t = format!(
            "Hi Jürgen,\n\nWe cut claims 30%.\n\nCould we talk Tuesday?\n\n{header}\nWe don't want a partner.\n"
        );
        assert_eq!(part(&t, "closing"), ["Could we talk Tuesday?"], "{header}");
        assert_eq!(part(&t, "quote").len(), 1, "{header}");
    }
}

#[test]
fn a_draft_all_in_quote_marks_is_read_through_them() {
    let t = "> Hi Dana,\n>\n> We would love to partner with you. Could we talk Thursday?\n>\n> Best,\n> Sam\n";
    assert_eq!(part(t, "greeting"), ["Hi Dana,"]);
    assert_eq!(
        part(t, "opening+closing"),
        ["We would love to partner with you. Could we talk Thursday?"]
    );
    assert_eq!(part(t, "signoff"), ["Best,\n> Sam"]);
    assert_eq!(part(t, "quote"), Vec::<&str>::new());
}

#[test]
fn greetings_and_sign_offs_in_german_french_and_spanish() {
    let t = "Spring Packaging Offer\n\nHallo Jürgen,\n\nWe ship on time.\n\nCould we talk Tuesday?\n\nMit freundlichen Grüßen\nSam\n";
    assert_eq!(part(t, "subject"), ["Spring Packaging Offer"]);
    assert_eq!(part(t, "greeting"), ["Hallo Jürgen,"]);
    assert_eq!(part(t, "opening"), ["We ship on time."]);
    assert_eq!(part(t, "signoff"), ["Mit freundlichen Grüßen\nSam"]);
    for (greeting, signoff) in [
        ("Sehr geehrter Herr Müller,", "Viele Grüße,"),
        ("Guten Tag Frau Öztürk,", "Beste Grüße"),
        ("Bonjour Anne,", "Cordialement,"),
        ("Hola Ana:", "Saludos,"),
        ("Estimada Ana:", "Atentamente,"),
    ] {
        let t =
            format!("{greeting}\n\nWe ship on time.\n\nCould we talk Tuesday?\n\n{signoff}\nSam\n");
        assert_eq!(part(&t, "greeting"), [greeting], "{t}");
        assert_eq!(part(&t, "signoff"), [format!("{signoff}\nSam")], "{t}");
    }
}

#[test]
fn replies_under_an_outlook_header_or_a_wrapped_attribution_are_the_message() {
    for header in [
        "From: Dana Park <dana@n.example>\nSent: Monday, March 2, 2026 10:00 AM\nTo: Sam\nSubject: RE: Boxes\n",
        "Von: Dana Park <dana@n.example>\nGesendet: Montag, 2. März 2026 10:00\n",
        "De : Dana Park <dana@n.example>\nEnvoyé : lundi 2 mars 2026 10:00\n",
        "On Mon, 2 Mar 2026 at 10:00, Dana Park\n<dana@n.example> wrote:\n",
    ] {
        let t = format!(
            "{header}> Are you looking to partner with us?\n\nHi Dana,\n\nNo. We want to prove we can ship faster.\n\nCould we run one trial order in March?\n\nBest,\nSam\n"
        );
        assert_eq!(part(&t, "greeting"), ["Hi Dana,"], "{header}");
        assert_eq!(
            part(&t, "closing"),
            ["Could we run one trial order in March?"],
            "{header}"
        );
        assert_eq!(part(&t, "quote").len(), 1, "{header}");
        assert!(
            part(&t, "quote")[0].ends_with("> Are you looking to partner with us?"),
            "{header}"
        );
        assert_eq!(part(&t, "subject"), Vec::<&str>::new(), "{header}");
    }
    // A top-posted reply over an Outlook header: the header and all below it are quote.
    let t = "Hi Dana,\n\nWe cut claims 30%.\n\nCould we talk Tuesday?\n\nFrom: Dana\nSent: Monday\n\nWill you partner with us?\n";
    assert_eq!(part(t, "closing"), ["Could we talk Tuesday?"]);
    assert_eq!(
        part(t, "quote"),
        ["From: Dana\nSent: Monday\n\nWill you partner with us?"]
    );
}

#[test]
fn an_unsubscribe_line_in_the_ask_is_no_footer() {
    let t = "Hi Dana,\n\nWe ship boxes fast.\n\nWill you partner with us? If not, reply unsubscribe and I will stop writing.\n";
    assert_eq!(
        part(t, "closing"),
        ["Will you partner with us? If not, reply unsubscribe and I will stop writing."]
    );
    let t = "Hi Dana,\n\nWe ship boxes fast.\n\nCould we talk Tuesday?\n\nReply unsubscribe to opt out.\n";
    assert_eq!(part(t, "signature"), Vec::<&str>::new());
}

#[test]
fn a_thread_under_the_sign_off_stays_quote() {
    // A top-posted follow-up: "Sent from my iPhone" under the thread is no reply below it.
    let t = "Hi Dana,\n\nOne more idea on freight.\n\nCould we talk Tuesday?\n\nBest,\nSam\n\nOn Mon, Mar 2, 2026 at 9:00 AM Sam <sam@x.example> wrote:\n> Hi {{first_name}},\n> We sell boxes.\n\nSent from my iPhone\n";
    assert_eq!(part(t, "closing"), ["Could we talk Tuesday?"]);
    assert_eq!(part(t, "signoff"), ["Best,\nSam"]);
    let quote = part(t, "quote");
    assert_eq!(quote.len(), 1, "{:?}", parts(t));
    assert!(quote[0].contains("> Hi {{first_name}},"), "{quote:?}");
    for (scope, text) in parts(t) {
        assert!(scope == "quote" || !text.contains('>'), "{scope}: {text:?}");
    }
}

#[test]
fn the_senders_own_words_about_a_quote_are_no_attribution() {
    for lead in ["I loved what you wrote:", "Last month your CEO wrote:"] {
        let t = format!(
            "Hi Dana,\n\n{lead}\n> Growth is a team sport.\n\nWe help teams like yours ship on time.\n\nCould we talk Tuesday?\n"
        );
        assert_eq!(part(&t, "opening"), [lead], "{t}");
    }
    // German prose with "schrieb … :" and no date is no Gmail attribution.
    let t = "Hallo Jürgen,\n\nam Montag schrieb Ihr CEO auf LinkedIn:\nWachstum ist Teamarbeit.\n\nKönnen wir am Dienstag sprechen?\n";
    assert_eq!(part(t, "quote"), Vec::<&str>::new());
    // A pitch about unsubscribe rates keeps its ask.
    let t = "Hi Dana,\n\nYour newsletter list grew 20% this year.\n\nBrands like Acme cut unsubscribe rates by 40% with our preference center. Would a 15-minute call Tuesday work?\n";
    assert_eq!(part(t, "signature"), Vec::<&str>::new());
}

#[test]
fn a_first_line_that_only_starts_like_a_foreign_greeting_is_the_opening() {
    for first in [
        "Beste practices for freight start with data.",
        "Cara, the ops lead, asked me to write.",
        "Liebe is what we put into every load, Dana.",
    ] {
        let t =
            format!("{first}\n\nWe cut late loads 30%.\n\nCould we talk Tuesday?\n\nBest,\nSam\n");
        assert_eq!(part(&t, "greeting"), Vec::<&str>::new(), "{first}");
        assert_eq!(part(&t, "opening"), [first], "{first}");
    }
}

#[test]
fn short_replies_and_names_with_particles_are_read() {
    // A short bottom-posted reply is the message.
    let t = "On Mon, Mar 2, 2026 at 9:00 AM Dana Park <dana@x.example> wrote:\n> Can you send pricing?\n\nSure, attached.\n\nBest,\nSam\n";
    assert_eq!(part(t, "opening+closing"), ["Sure, attached."]);
    assert_eq!(part(t, "signoff"), ["Best,\nSam"]);
    // A name with particles attributes a quote.
    let t = "Hi Dana,\n\nFollowing up below.\n\nDana van der Berg wrote:\n> Not now, thanks.\n\nCould we talk in May?\n\nBest,\nSam\n";
    assert_eq!(
        part(t, "quote"),
        ["Dana van der Berg wrote:\n> Not now, thanks."]
    );
    // A long French attribution is quote.
    let t = "Bonjour Dana,\n\nUne idée.\n\nMardi ?\n\nCordialement\nSam\n\nLe lundi 2 mars 2026 à 09:00, Dana Parkinson-Whitfield (Responsable achats) <dana.parkinson-whitfield@northwind-logistics.example.com> a écrit :\n> Pas maintenant.\n";
    assert_eq!(part(t, "quote").len(), 1);
    assert_eq!(part(t, "signature"), Vec::<&str>::new());
}

#[test]
fn a_signature_of_fields_between_separators_is_no_closing() {
    // With no sign-off word above it, a name and company on one line ("Sam Ortiz | Northline
    // Freight") is the signature, and the ask above it stays the closing.
    let ask = "Will you partner with us this season?";
    for sig in [
        "Sam Ortiz | Northline Freight",
        "Sam Ortiz — Northline Freight",
        "Sam Ortiz · Account Executive · Northline Freight",
        "Sam Ortiz / Northline Freight",
        "Sam Ortiz - Northline Freight",
        "Sam Ortiz\nNorthline Freight | (614) 555-0100",
    ] {
        let t = format!("Hi Dana,\n\nRates on your lane rose 22% in May.\n\n{ask}\n\n{sig}\n");
        assert_eq!(part(&t, "closing"), [ask], "{sig}");
        assert_eq!(part(&t, "signature"), [sig], "{sig}");
    }
    // Not fields: a sentence that runs on after a dash, five fields, a postscript, an ask
    // split by a dash or a bar (its first field no name, or a question), a table row, a
    // numbered reply option.
    for last in [
        "Call me - happy to walk you through the lane rates",
        "A | B | C | D | E",
        "PS - Relevant because of your move",
        "Worth a quick call? - Sam",
        "Thoughts? Reply here | Sam",
        "Quick call Tuesday - or Wednesday",
        "Does Tuesday work | or Wednesday",
        "| Salinas to Dallas | $2 a mile |",
        "3 — Not interested, please stop",
    ] {
        let t = format!("Hi Dana,\n\nRates on your lane rose 22% in May.\n\n{ask}\n\n{last}\n");
        assert!(part(&t, "signature").is_empty(), "{last}: {:?}", parts(&t));
    }
    assert!(cues::is_short_line("Sam | Northline | Columbus | 555-0100"));
    assert!(!cues::is_short_line("Sam Ortiz | Northline Freight."));
}

#[test]
fn a_header_above_the_greeting_is_body() {
    // A letter's date and address block, a proposal's cover lines: the greeting under them is
    // found, and the opening is the paragraph under the greeting.
    for header in [
        "March 3, 2026\n\nDana Park\nHarlow Foods\n400 Main St\nColumbus, OH 43215",
        "Dedicated Freight Proposal for Harlow Foods\nPrepared for Dana Park, Director of Logistics\nMarch 2026",
    ] {
        let t = format!(
            "{header}\n\nDear Dana,\n\nSpot rates rose 22% in May.\n\nCould we quote three lanes?\n\nBest,\nSam\n"
        );
        assert_eq!(part(&t, "greeting"), ["Dear Dana,"], "{header}");
        assert_eq!(
            part(&t, "opening"),
            ["Spot rates rose 22% in May."],
            "{header}"
        );
        assert_eq!(
            part(&t, "closing"),
            ["Could we quote three lanes?"],
            "{header}"
        );
        assert!(part(&t, "body").concat().contains("March"), "{header}");
    }
    // Not a header: a sentence above the greeting, or no greeting under it, or an opening
    // written in short lines (claims, figures, verbs).
    let t = "We met at the expo.\n\nHi Dana,\n\nCould we talk?\n";
    assert!(part(t, "greeting").is_empty(), "{:?}", parts(t));
    for opening in [
        "Dana - saw the Columbus DC news\nWe run 40 trucks on I-70 daily\nRates locked for 12 months",
        "Spot rates up 22% in May\nYour Ohio lanes included\nOurs locked for a year",
    ] {
        let t =
            format!("{opening}\n\nHi Dana, could we quote three lanes Tuesday?\n\nBest,\nSam\n");
        assert_eq!(part(&t, "opening"), [opening], "{:?}", parts(&t));
    }
    let t = "March 2026\nHarlow Foods\n\nSpot rates rose 22% in May.\n\nCould we talk?\n";
    assert!(
        !part(t, "body").concat().contains("Harlow"),
        "{:?}",
        parts(t)
    );
}

#[test]
fn a_cover_line_or_a_date_is_no_title() {
    // "Prepared for…" over the buyer's company is a cover block: body, and the greeting under
    // it is found. A date alone above the greeting is no subject either.
    for header in [
        "Prepared for Dana Park\nNorthwind Dental",
        "March 2026",
        "Attn: Dana Park",
    ] {
        let t = format!(
            "{header}\n\nHi Dana,\n\nWe cut no-shows 30% at Brightside.\n\nWorth 15 minutes Thursday?\n\nBest,\nJordan\n"
        );
        assert!(part(&t, "subject").is_empty(), "{:?}", parts(&t));
        assert_eq!(part(&t, "greeting"), ["Hi Dana,"], "{:?}", parts(&t));
        assert_eq!(part(&t, "body"), [header], "{:?}", parts(&t));
    }
    for date in [
        "March 2026",
        "30 November 2026",
        "Nov. 30, 2026",
        "May 1st, 2026",
        "Sept 2026",
    ] {
        assert!(cues::is_cover_line(date), "{date}");
    }
    for title in [
        "March Madness Offer",
        "Q3 Rates 2026",
        "May We Help",
        "Attendance Report",
        "Proposal for Northwind Dental",
        "Attention: Your Q3 Invoices",
        "2026",
    ] {
        assert!(!cues::is_cover_line(title), "{title}");
    }
    // A title stays the subject.
    let t = "Scheduling Proposal for Maple Dental\n\nHi Dana,\n\nWe cut no-shows 30%.\n\nWorth a call?\n";
    assert_eq!(part(t, "subject"), ["Scheduling Proposal for Maple Dental"]);
    // A title with the cover lines under it, then a name alone as the greeting (a letter's
    // "Dana,"): the cover is body, the name the greeting, the paragraph under it the opening.
    let t = "PROPOSAL: INBOUND FREIGHT, COLUMBUS TO DAYTON\nPrepared for Dana Park, Harlow Brewing\nMarch 2026\n\nDana,\n\nThank you for the call on Tuesday.\n\nCould we start the trial on April 6?\n\nBest regards,\nSam Ortiz\n";
    assert_eq!(
        part(t, "subject"),
        ["PROPOSAL: INBOUND FREIGHT, COLUMBUS TO DAYTON"]
    );
    assert_eq!(
        part(t, "body"),
        ["Prepared for Dana Park, Harlow Brewing\nMarch 2026"],
        "{:?}",
        parts(t)
    );
    assert_eq!(part(t, "greeting"), ["Dana,"], "{:?}", parts(t));
    assert_eq!(part(t, "opening"), ["Thank you for the call on Tuesday."]);
}

#[test]
fn a_cover_block_over_the_first_section_heading_is_body() {
    // A Markdown proposal: its cover lines, then `## Introduction` (a heading, as the reader
    // marks it), then the paragraph that opens it.
    let t = "Prepared for Dr. Ana Ruiz\nSmileCare Dental Group\nMarch 2026\n\n   Introduction\n\nSmileCare runs three calendars.\n\nCould we start a pilot in April?\n\nBest,\nJordan\n";
    let found = parts_under_heading(t, "   Introduction");
    let of = |name: &str| named(&found, name);
    assert_eq!(
        of("opening"),
        ["SmileCare runs three calendars."],
        "{found:?}"
    );
    assert!(
        of("body").concat().contains("SmileCare Dental Group"),
        "{found:?}"
    );
    assert!(of("subject").is_empty(), "{found:?}");
    // The greeting under that heading is the greeting, and the paragraph under it the opening.
    let t = "Prepared for Dana Park\n\n   Summary\n\nHi Dana,\n\nThank you for the call on Tuesday.\n\nCould we start the trial in April?\n\nBest,\nSam\n";
    let found = parts_under_heading(t, "   Summary");
    let of = |name: &str| named(&found, name);
    assert_eq!(of("greeting"), ["Hi Dana,"], "{found:?}");
    assert_eq!(
        of("opening"),
        ["Thank you for the call on Tuesday."],
        "{found:?}"
    );
    assert_eq!(
        of("body"),
        ["Prepared for Dana Park", "Summary"],
        "{found:?}"
    );
}

#[test]
fn a_title_a_name_and_a_dash_is_a_greeting() {
    for greeting in ["Dr. Patel —", "Ms. Park –", "Mr. Lee -", "Dr. Ana Ruiz --"] {
        for gap in ["\n\n", "\n"] {
            let t = format!(
                "{greeting}{gap}Your Friday slots sit open most weeks.\n\nCould we look at them on Thursday?\n\nBest,\nJordan\n"
            );
            assert_eq!(part(&t, "greeting"), [greeting], "{:?}", parts(&t));
            assert_eq!(
                part(&t, "opening"),
                ["Your Friday slots sit open most weeks."],
                "{:?}",
                parts(&t)
            );
        }
    }
    // A message may start with a word and a dash: that is its opening.
    for first in [
        "Team —",
        "Update --",
        "Quick question —",
        "One More Thing —",
        "Dana –",
    ] {
        let t = format!(
            "{first}\n\nYour Friday slots sit open most weeks.\n\nCould we look at them on Thursday?\n\nBest,\nJordan\n"
        );
        assert!(part(&t, "greeting").is_empty(), "{:?}", parts(&t));
    }
    // And a name above a Markdown heading stays the greeting, not a cover block.
    let t = "Dana,\n\n   Why now\n\nYour Friday slots sit open.\n\nCould we talk Thursday?\n";
    assert_eq!(
        named(&parts_under_heading(t, "   Why now"), "greeting"),
        ["Dana,"]
    );
}

#[test]
fn a_contact_block_under_a_heading_is_the_signature_and_the_ask_above_the_closing() {
    // A Markdown proposal ends with "## Contact" over the sender's details, no sign-off.
    let t = "Our pilot cut late loads by 14%.\n\nWill you give us a two-week pilot from 12 January?\n\n   Contact\n\nSam Ortiz\nAccount Manager, Fleetline\nsam@fleetline.example\n+1 775 555 0142\nwww.fleetline.example\n";
    let found = parts_under_heading(t, "   Contact");
    assert_eq!(
        named(&found, "closing"),
        ["Will you give us a two-week pilot from 12 January?"]
    );
    assert_eq!(
        named(&found, "signature"),
        [
            "Sam Ortiz\nAccount Manager, Fleetline\nsam@fleetline.example\n+1 775 555 0142\nwww.fleetline.example"
        ]
    );
    assert_eq!(named(&found, "body"), ["Contact"]);
    // Six or seven short lines are a signature only with a way to reach the sender among
    // them; six short lines of anything else stay the message.
    let six = "Our pilot cut late loads by 14%.\n\nOptions for a start date:\nMonday 12\nTuesday 13\nWednesday 14\nThursday 15\nFriday 16\nSaturday 17\n";
    assert_eq!(part(six, "signature"), Vec::<&str>::new());
    let eight = "Our pilot cut late loads by 14%.\n\nCould we talk Tuesday?\n\nSam Ortiz\nAccount Manager\nFleetline\nReno, Nevada\nsam@fleetline.example\n+1 775 555 0142\nwww.fleetline.example\nLinkedIn: samortiz\n";
    assert_eq!(part(eight, "signature"), Vec::<&str>::new());
}

/// A signature without a sign-off above it, whose company line ends in its legal form's full
/// stop ("Northline Freight, Inc."), is still signature: the ask above it is the closing (a
/// new user's, session 50: the full stop read as a sentence end made the name and company
/// the closing, and the ask body text). A sentence's full stop still ends one.
#[test]
fn a_company_s_legal_form_ends_no_signature_line() {
    let ask = "Will you give us one trial load on Tuesday?";
    for sig in [
        "Sam Ortiz\nNorthline Freight, Inc.",
        "Sam Ortiz\nPartner, Ortiz & Co.",
        "Sam Ortiz Jr.\nNorthline Freight Ltd.",
        "Dana Park, Ph.D.\nHarlow S.A.",
        "Sam J.\nNorthline Freight LLC.",
        // A review's (session 50): separators, figures, brackets, capitals inside a word,
        // particles.
        "Sam Ortiz | Northline Freight, Inc.",
        "VP Sales – Northline Ltd.",
        "Sam Ortiz\n3M Co.",
        "Sam Ortiz\nNorthline (UK) Ltd.",
        "Sam Ortiz\neBay Inc.",
        "Ana dos Santos, Ph.D.",
        "Omar al-Hassan Jr.",
        "Jan ten Berge, MBA.",
    ] {
        let text = format!("Hi Dana,\n\nWe ship boxes for 40 breweries.\n\n{ask}\n\n{sig}\n");
        assert_eq!(part(&text, "closing"), [ask], "{sig}");
        assert_eq!(part(&text, "signature"), [sig], "{sig}");
    }
    // A short sentence under the ask is no signature.
    let text = format!("Hi Dana,\n\nWe ship boxes for 40 breweries.\n\n{ask}\n\nIt works.\n");
    assert!(part(&text, "signature").is_empty());
    for field in ["It works.", "Call me.", "So do we!", "Ready?"] {
        assert!(cues::ends_signature_sentence(field), "{field}");
    }
    for field in [
        "Acme Inc.",
        "Ortiz & Co.",
        "Sam J.",
        "Dana Park, Ph.D.",
        "Harlow S.A.",
    ] {
        assert!(!cues::ends_signature_sentence(field), "{field}");
    }
}

/// A title after the name under a sign-off ("Sam Ortiz, Partner") is the signature's, as on a
/// line of its own: the sign-off is the valediction and the name (a new user's, session 50:
/// "Partner" there was priced as partnership talk). A name alone, or a line that does not
/// start with a full name, is left whole.
#[test]
fn a_title_after_the_name_under_a_sign_off_is_signature() {
    for (name_line, name, title) in [
        ("Sam Ortiz, Partner", "Sam Ortiz", "Partner"),
        ("Sam Ortiz · CEO", "Sam Ortiz", "CEO"),
        ("Dana Park – Founder", "Dana Park", "Founder"),
    ] {
        let text = format!(
            "Hi Dana,\n\nWe ship boxes for 40 breweries.\n\nCould we talk on Tuesday?\n\nBest,\n{name_line}\n"
        );
        assert_eq!(
            part(&text, "signoff"),
            [format!("Best,\n{name}")],
            "{name_line}"
        );
        assert_eq!(part(&text, "signature"), [title], "{name_line}");
    }
    // Nor a few words of message after a name (a review's: they are still linted).
    for name_line in [
        "Sam Ortiz",
        "Sam",
        "Sam, thanks again",
        "Sam Ortiz, Act now",
        "Dana Park, Tuesday works",
        "Many Thanks, Sam",
    ] {
        let text = format!(
            "Hi Dana,\n\nWe ship boxes for 40 breweries.\n\nCould we talk on Tuesday?\n\nBest,\n{name_line}\n"
        );
        assert_eq!(
            part(&text, "signoff"),
            [format!("Best,\n{name_line}")],
            "{name_line}"
        );
        assert!(part(&text, "signature").is_empty(), "{name_line}");
    }
}
