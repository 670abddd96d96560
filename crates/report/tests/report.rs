//! Structure of the terminal and Markdown reports, the shared view and the recommendation data.

mod common;

use blma_assessment::Verdict;
use blma_report::view::ReportView;
use blma_report::{Options, gaps};
use common::{candidate, hostile, kb, memorandum};
use textwrap::core::display_width;

#[test]
fn recommendation_data_matches_the_knowledge_base() {
    assert_eq!(gaps::parse_embedded(), Ok(kb().rubric.items.len()));
    let problems = gaps::problems(kb());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_worker_fees_gap_recommends_the_annex2_fee_provision() {
    let item = kb()
        .rubric
        .items
        .iter()
        .find(|i| i.id == "no_worker_fees")
        .unwrap();
    let g = gaps::guidance_for(item, kb(), blma_knowledge::KnowledgeBase::index());
    assert_eq!(g.derived_from[0].id, "III.B.1");
    assert_eq!(
        g.derived_from[0].text,
        "Ensure fair and ethical recruitment of migrant workers."
    );
    assert!(g.annex2.iter().any(|a| a.stage_id == "annex2.2"
        && a.stage == "Preparation for migration"
        && a.provision == "Recruitment fees and related costs not to be charged to workers"));
    assert!(
        g.examples
            .iter()
            .any(|c| c.id == "box3" && c.text.starts_with("Box 3"))
    );
}

#[test]
fn view_orders_red_flags_provided_gaps_in_rubric_order() {
    let a = memorandum();
    let view = ReportView::new(&a, kb());
    let red: Vec<&str> = view.red_flags.iter().map(|i| i.id()).collect();
    assert_eq!(
        red,
        ["job_loss_protection", "no_worker_fees", "remittances"]
    );
    assert_eq!(view.provided.len(), 14);
    assert_eq!(view.gaps.len(), kb().rubric.items.len() - 17);
    // Every item exactly once across the three lists.
    let mut all: Vec<&str> = view.items().map(|i| i.id()).collect();
    all.sort_unstable();
    let mut rubric: Vec<&str> = kb().rubric.items.iter().map(|i| i.id.as_str()).collect();
    rubric.sort_unstable();
    assert_eq!(all, rubric);
    // Areas in the guidance's order, counts adding up to the rubric.
    let areas: Vec<&str> = view.areas.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        areas,
        [
            "III.A", "III.B", "III.C", "III.D", "III.E", "III.F", "III.G", "III.H", "III.I",
            "III.J", "III.K", "IV"
        ]
    );
    assert_eq!(
        view.areas.iter().map(|a| a.total()).sum::<usize>(),
        kb().rubric.items.len()
    );
    let b = &view.areas[1];
    assert_eq!(
        (b.title.as_str(), b.provides, b.contradicts, b.silent),
        ("Recruitment", 1, 1, 0)
    );
    assert_eq!(view.areas[11].title, "Operational guidelines");
}

#[test]
fn red_flag_quotes_are_the_contradicting_passages() {
    let a = memorandum();
    let view = ReportView::new(&a, kb());
    let fees = view
        .red_flags
        .iter()
        .find(|i| i.id() == "no_worker_fees")
        .unwrap();
    let quotes = fees.quotes();
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].provision_id, "art_6__para_3");
    assert!(fees.guidance.problem.is_empty());
    let job = view
        .red_flags
        .iter()
        .find(|i| i.id() == "job_loss_protection")
        .unwrap();
    assert_eq!(job.guidance.problem[0].id, "presentation.problem2");
}

#[test]
fn gaps_carry_the_principle_ids_of_their_rubric_item() {
    let a = memorandum();
    let view = ReportView::new(&a, kb());
    let term = blma_report::terminal(&a, kb(), 100);
    let md = blma_report::markdown(&a, kb());
    for gap in &view.gaps {
        let ids: Vec<&str> = gap
            .guidance
            .derived_from
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(
            ids,
            gap.rubric
                .guidance
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        );
        let section = section_of(&md, &format!("id=\"finding-{}\"", gap.id()), "### ");
        for id in &ids {
            assert!(
                section.contains(&format!("[{id}](#guide-{id})")),
                "{id} missing in\n{section}"
            );
            assert!(
                md.contains(&format!("<a id=\"guide-{id}\"></a>")),
                "appendix lacks {id}"
            );
        }
        let section = section_of(&term, &format!("({}) ·", gap.id()), "· ");
        for id in &ids {
            assert!(
                section.contains(&format!("→ {id} ")),
                "{id} missing in\n{section}"
            );
        }
    }
}

/// The text from `start` to the next line beginning with `next` (exclusive).
fn section_of<'a>(text: &'a str, start: &str, next: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start} not found"));
    let rest = &text[from..];
    let end = rest.find(&format!("\n{next}")).unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn terminal_puts_red_flags_first_and_every_item_once() {
    let a = memorandum();
    let out = blma_report::terminal(&a, kb(), 100);
    let pos = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} not in\n{out}"));
    assert!(pos("RED FLAGS (3)") < pos("COVERAGE BY AREA"));
    assert!(pos("COVERAGE BY AREA") < pos("PROVIDED (14)"));
    assert!(pos("PROVIDED (14)") < pos("GAPS: THE AGREEMENT IS SILENT"));
    let provided_start = pos("PROVIDED (14)");
    for id in ["no_worker_fees", "job_loss_protection", "remittances"] {
        assert!(pos(&format!("({id}) ·")) < provided_start);
    }
    for item in &kb().rubric.items {
        assert_eq!(
            out.matches(&format!("({}) ·", item.id)).count(),
            1,
            "{}",
            item.id
        );
    }
    assert!(out.contains("Red flag when workers bear recruitment"));
    assert!(out.contains("Article 6 (art_6__para_3):"));
    assert!(out.contains("“Where the contract is terminated"));
    assert!(out.contains("Indicative provision: Support for families"));
    assert!(out.contains("Parties     Ministry of Labour of the Receiving Country; Department"));
}

#[test]
fn terminal_lines_fit_the_width() {
    let mut a = hostile();
    // Unbreakable and wide text: a long URL and CJK, which takes two columns per character.
    a.findings[0].evidence[0].text = format!(
        "{} {}",
        "https://example.org/".repeat(12),
        "移民劳工".repeat(40)
    );
    a.document.title = Some("X".repeat(300));
    for width in [10, 40, 57, 80, 120] {
        let out = blma_report::terminal(&a, kb(), width);
        let limit = width.max(blma_report::MIN_WIDTH);
        for line in out.lines() {
            assert!(
                display_width(line) <= limit,
                "width {width}: {line:?} is {}",
                display_width(line)
            );
        }
        let summary = blma_report::summary_terminal(
            &[(&"dir/".repeat(40), &a), ("b.pdf", &memorandum())],
            width,
        );
        for line in summary.lines() {
            assert!(
                display_width(line) <= limit,
                "summary width {width}: {line:?}"
            );
        }
    }
}

#[test]
fn markdown_has_the_same_structure_with_tables_quotes_and_links() {
    let a = memorandum();
    let md = blma_report::markdown(&a, kb());
    let pos = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s} not in\n{md}"));
    assert!(pos("## Red flags (3)") < pos("## Coverage by area"));
    assert!(pos("## Coverage by area") < pos("## Provided (14)"));
    assert!(pos("## Provided (14)") < pos("## Gaps: the agreement is silent"));
    assert!(pos("## Gaps") < pos("## Guidance cited"));
    for item in &kb().rubric.items {
        assert_eq!(
            md.matches(&format!("id=\"finding-{}\"", item.id)).count(),
            1,
            "{}",
            item.id
        );
    }
    assert!(md.contains("| Area | Provides | Red flags | Silent |"));
    assert!(md.contains("| III.B Recruitment | 1 | 1 | 0 |"));
    assert!(md.contains("> “Where the contract is terminated at the Worker's own request"));
    assert!(md.contains("> — Article 6 (art\\_6\\_\\_para\\_3)"));
    assert!(md.contains("**Runs against** [III.B.1](#guide-III.B.1) Ensure fair and ethical"));
    // The web platform links out instead, and drops the appendix.
    let opts = Options {
        guide_url: Some("/guide/{id}".to_owned()),
    };
    let linked = blma_report::markdown_with(&a, kb(), &opts);
    assert!(linked.contains("[III.B.1](/guide/III.B.1)"));
    assert!(!linked.contains("## Guidance cited"));
}

#[test]
fn markdown_escapes_untrusted_text() {
    let md = blma_report::markdown(&hostile(), kb());
    // What Markdown would read as markup: the text with every backslash escape removed.
    let mut unescaped = String::new();
    let mut chars = md.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            chars.next();
        } else {
            unescaped.push(c);
        }
    }
    assert!(!unescaped.contains("<script"), "raw script tag in\n{md}");
    assert!(!unescaped.contains("<img"));
    assert!(!unescaped.contains("<b>"));
    assert!(!unescaped.contains("](javascript:"));
    assert!(md.contains(r"\<script\>alert("));
    // An unknown item is listed, escaped, not dropped.
    assert!(md.contains(r"\<img src=x onerror=alert(1)\> (provides)"));
}

#[test]
fn missing_and_unknown_findings_are_reported() {
    let mut a = memorandum();
    a.findings.retain(|f| f.item != "publication");
    let view = ReportView::new(&a, kb());
    let publication = view.gaps.iter().find(|i| i.id() == "publication").unwrap();
    assert!(publication.finding.is_none());
    assert_eq!(publication.verdict, Verdict::Silent);
    let out = blma_report::terminal(&a, kb(), 80);
    assert!(out.contains("Not assessed: the assessment has no finding"));
    let h = hostile();
    assert_eq!(ReportView::new(&h, kb()).unknown.len(), 1);
}

#[test]
fn batch_summary_has_one_row_per_file() {
    let a = memorandum();
    let mut b = memorandum();
    for f in &mut b.findings {
        if f.item == "remittances" {
            f.verdict = Verdict::Silent;
            f.evidence.clear();
        }
    }
    let batch = [("ph-sa-2013.pdf", &a), ("ph-sa-2013 | draft.txt", &b)];
    let md = blma_report::summary_markdown(&batch);
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| ph-sa")).collect();
    assert_eq!(rows.len(), 2);
    assert!(
        rows[0]
            .contains("| 14 | 3 | 21 | job\\_loss\\_protection, no\\_worker\\_fees, remittances |"),
        "{}",
        rows[0]
    );
    assert!(rows[1].starts_with(r"| ph-sa-2013 \| draft.txt |"));
    assert!(rows[1].contains("| 14 | 2 | 22 |"));
    assert!(md.contains("| no\\_worker\\_fees | 2 |"));
    assert!(md.contains("| remittances | 1 |"));
    let counts = blma_report::counts(&a);
    assert_eq!(
        counts.provides + counts.contradicts + counts.silent,
        kb().rubric.items.len()
    );
    let term = blma_report::summary_terminal(&batch, 80);
    assert!(term.contains("ph-sa-2013.pdf"));
    assert!(term.contains("  ✗ job_loss_protection, no_worker_fees, remittances"));
    assert!(term.contains("no_worker_fees in 2 files"));
}

#[test]
fn a_red_flag_shows_three_quotes_and_counts_the_rest() {
    let mut a = memorandum();
    let fees = a
        .findings
        .iter_mut()
        .find(|f| f.item == "no_worker_fees")
        .unwrap();
    let template = fees.evidence[1].clone();
    fees.evidence.extend(std::iter::repeat_n(template, 4));
    let view = ReportView::new(&a, kb());
    let (quotes, more) = view.red_flags[1].red_flag_quotes();
    assert_eq!((quotes.len(), more), (3, 2));
    assert!(blma_report::terminal(&a, kb(), 80).contains("… and 2 more passage(s)"));
    assert!(blma_report::markdown(&a, kb()).contains("… and 2 more passage(s)."));
    assert!(blma_report::html(&a, kb()).contains("<p>… and 2 more passage(s).</p>"));
}

#[test]
fn semantic_candidates_of_silent_items_are_listed_as_unconfirmed() {
    let mut a = memorandum();
    let lexical = blma_report::terminal(&a, kb(), 100);
    assert!(lexical.contains("Engine      lexical (engine"), "{lexical}");
    assert!(!lexical.contains("unconfirmed"));
    a.engine.mode = "lexical+semantic:all-MiniLM-L6-v2".to_owned();
    let silent = a
        .findings
        .iter()
        .position(|f| f.verdict == Verdict::Silent)
        .unwrap();
    let item = a.findings[silent].item.clone();
    a.findings[silent].candidates =
        vec![candidate("The Parties shall exchange views on pensions.")];
    // A provided item's candidates are not shown: it has evidence.
    let provided = a
        .findings
        .iter()
        .position(|f| f.verdict == Verdict::Provides)
        .unwrap();
    a.findings[provided].candidates = vec![candidate("Not to be shown.")];

    let text = blma_report::terminal(&a, kb(), 100);
    assert!(text.contains("Engine      lexical+semantic:all-MiniLM-L6-v2"));
    let gaps = section_of(&text, "GAPS", "\u{0}");
    let at = gaps.find(&format!("({item})")).unwrap();
    let after = &gaps[at..];
    assert!(after.contains("Possibly relevant, unconfirmed (semantic match):"));
    assert!(
        after.contains(
            "- Article 9 (art_9) · 0.51: “The Parties shall exchange views on pensions.”"
        )
    );
    assert_eq!(text.matches("unconfirmed").count(), 1);
    assert!(!text.contains("Not to be shown."));

    let md = blma_report::markdown(&a, kb());
    assert!(md.contains("lexical+semantic:all-MiniLM-L6-v2"));
    assert!(
        md.contains(
            "- Article 9 (art\\_9) · 0.51: “The Parties shall exchange views on pensions.”"
        )
    );
    let html = blma_report::html(&a, kb());
    assert!(html.contains("lexical+semantic:all-MiniLM-L6-v2"));
    assert!(html.contains("Possibly relevant, unconfirmed"));
    assert!(html.contains("<q lang=\"en\">The Parties shall exchange views on pensions.</q>"));
    assert!(!html.contains("Not to be shown."));
}
