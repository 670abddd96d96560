//! Hand-built assessments: a realistic memorandum on domestic workers with three red flags, and
//! helpers to make hostile variants. Items come from the real rubric; the clauses are written the
//! way such agreements word them.
#![allow(dead_code)]

use blma_assessment::{
    Assessment, Candidate, DocumentSummary, EngineInfo, Evidence, Finding, Verdict,
};
use blma_knowledge::KnowledgeBase;

pub fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::embedded()
}

fn evidence(
    provision: &str,
    id: &str,
    start: usize,
    text: &str,
    polarity: Verdict,
    cue: &str,
) -> Evidence {
    Evidence {
        provision: provision.to_owned(),
        provision_id: id.to_owned(),
        start,
        end: start + text.chars().count(),
        text: text.to_owned(),
        polarity,
        cue: cue.to_owned(),
    }
}

/// (item, verdict, evidence as (provision, provision id, text, polarity)).
type Spec = (
    &'static str,
    Verdict,
    &'static [(&'static str, &'static str, &'static str, Verdict)],
);

use Verdict::{Contradicts as C, Provides as P};

const FINDINGS: &[Spec] = &[
    (
        "no_worker_fees",
        C,
        &[
            (
                "Article 6",
                "art_6__para_1",
                "The Employer shall bear the costs of recruitment, visa and air travel of the Worker to the Receiving Country.",
                P,
            ),
            (
                "Article 6",
                "art_6__para_3",
                "Where the contract is terminated at the Worker's own request or for misconduct, the cost of the return ticket shall be borne by the Worker and may be deducted from the Worker's final wages.",
                C,
            ),
        ],
    ),
    (
        "job_loss_protection",
        C,
        &[(
            "Article 9",
            "art_9",
            "The residence permit of a Worker whose contract of employment is terminated before its expiry shall be cancelled, and the Worker shall leave the territory of the Receiving Country within thirty (30) days.",
            C,
        )],
    ),
    (
        "remittances",
        C,
        &[(
            "Article 11",
            "art_11__para_2",
            "Twenty per cent (20%) of the monthly wage shall be deposited in a savings account held by the designated bank and paid to the Worker only upon final return to the Sending Country.",
            C,
        )],
    ),
    (
        "intl_standards",
        P,
        &[(
            "Preamble",
            "preamble",
            "Recalling the ILO Declaration on Fundamental Principles and Rights at Work and the Domestic Workers Convention, 2011 (No. 189),",
            P,
        )],
    ),
    (
        "scope_of_workers",
        P,
        &[(
            "Article 1",
            "art_1",
            "This Memorandum applies to domestic workers recruited in the Sending Country for temporary employment in households of the Receiving Country.",
            P,
        )],
    ),
    (
        "implementing_authorities",
        P,
        &[(
            "Article 2",
            "art_2",
            "The Ministry of Labour of the Receiving Country and the Department of Overseas Employment of the Sending Country shall be responsible for the implementation of this Memorandum.",
            P,
        )],
    ),
    (
        "licensed_recruitment",
        P,
        &[(
            "Article 3",
            "art_3",
            "Recruitment shall be carried out only through agencies licensed by the competent authorities of both Parties.",
            P,
        )],
    ),
    (
        "entry_permits",
        P,
        &[(
            "Article 4",
            "art_4",
            "The Receiving Country shall issue entry visas and work permits to Workers selected under this Memorandum within fifteen working days.",
            P,
        )],
    ),
    (
        "employment_contract",
        P,
        &[(
            "Article 5",
            "art_5",
            "The Worker and the Employer shall sign, before departure, a standard employment contract in Arabic and English, a copy of which shall be given to the Worker.",
            P,
        )],
    ),
    (
        "wage_protection",
        P,
        &[(
            "Article 7",
            "art_7__para_2",
            "Wages shall be paid monthly into the Worker's bank account, no later than the seventh day of the following month.",
            P,
        )],
    ),
    (
        "working_conditions",
        P,
        &[(
            "Article 7",
            "art_7__para_3",
            "The Worker shall be entitled to one rest day a week and to eight hours of continuous rest a day.",
            P,
        )],
    ),
    (
        "return_reintegration",
        P,
        &[(
            "Article 12",
            "art_12",
            "At the end of the contract, the Employer shall provide the Worker with a one-way air ticket to the Sending Country.",
            P,
        )],
    ),
    (
        "joint_committee",
        P,
        &[(
            "Article 13",
            "art_13",
            "A Joint Committee composed of representatives of both Parties shall be established to follow up the implementation of this Memorandum and shall meet once a year.",
            P,
        )],
    ),
    (
        "monitoring_review",
        P,
        &[(
            "Article 13",
            "art_13",
            "A Joint Committee composed of representatives of both Parties shall be established to follow up the implementation of this Memorandum and shall meet once a year.",
            P,
        )],
    ),
    (
        "dispute_settlement",
        P,
        &[(
            "Article 15",
            "art_15",
            "Any dispute arising from the interpretation or implementation of this Memorandum shall be settled amicably through consultations between the Parties.",
            P,
        )],
    ),
    (
        "amendment",
        P,
        &[(
            "Article 16",
            "art_16__para_2",
            "This Memorandum may be amended by mutual written consent of the Parties.",
            P,
        )],
    ),
    (
        "duration",
        P,
        &[(
            "Article 16",
            "art_16__para_1",
            "This Memorandum shall enter into force on the date of its signature and shall remain valid for a period of five (5) years.",
            P,
        )],
    ),
];

/// The memorandum's assessment: every rubric item once, items not in [`FINDINGS`] silent.
pub fn memorandum() -> Assessment {
    let mut offset = 0;
    let findings = kb()
        .rubric
        .items
        .iter()
        .map(
            |item| match FINDINGS.iter().find(|(id, ..)| *id == item.id) {
                Some((id, verdict, ev)) => Finding {
                    item: (*id).to_owned(),
                    verdict: *verdict,
                    confidence: if *verdict == C { 0.8 } else { 0.7 },
                    evidence: ev
                        .iter()
                        .map(|(p, pid, text, pol)| {
                            offset += 400;
                            evidence(p, pid, offset, text, *pol, "shall be borne by the worker")
                        })
                        .collect(),
                    candidates: Vec::new(),
                },
                None => Finding {
                    item: item.id.clone(),
                    verdict: Verdict::Silent,
                    confidence: 0.5,
                    evidence: Vec::new(),
                    candidates: Vec::new(),
                },
            },
        )
        .collect();
    Assessment {
        document: DocumentSummary {
            title: Some(
                "Memorandum of Understanding on the Recruitment and Employment of Domestic Workers"
                    .to_owned(),
            ),
            language: "en".to_owned(),
            parties: vec![
                "Ministry of Labour of the Receiving Country".to_owned(),
                "Department of Overseas Employment of the Sending Country".to_owned(),
            ],
            date_signed: Some("2013-05-19".to_owned()),
            kind: "mou".to_owned(),
            provisions: 23,
        },
        findings,
        engine: EngineInfo {
            version: "0.1.0".to_owned(),
            rubric_version: 1,
            mode: "lexical".to_owned(),
        },
    }
}

pub const HOSTILE: &str = r#"</blockquote><script>alert("x")</script> & 'quotes' &amp; <!-- ]]> | *bold* [link](javascript:alert(1))"#;

/// The memorandum with hostile text in every field a document or an engine controls.
pub fn hostile() -> Assessment {
    let mut a = memorandum();
    a.document.title = Some(format!("<script>alert('title')</script> {HOSTILE}"));
    a.document.parties = vec![r#""Ministry" & 'Co' <b>"#.to_owned()];
    a.document.language = r#"en" onload="alert(1)"#.to_owned();
    a.document.kind = "<i>mou".to_owned();
    a.engine.mode = "<svg onload=alert(1)>".to_owned();
    for f in &mut a.findings {
        for e in &mut f.evidence {
            e.text = format!("{HOSTILE} {}", e.text);
            e.provision = "<b>Article</b> \"6\"".to_owned();
            e.provision_id = r#"art_6"><script>"#.to_owned();
        }
        if f.verdict == Verdict::Silent {
            f.candidates.push(candidate(&format!("{HOSTILE} possibly")));
            f.candidates[0].provision = "<b>Article</b> \"9\"".to_owned();
            f.candidates[0].provision_id = r#"art_9"><script>"#.to_owned();
        }
    }
    a.findings.push(Finding {
        item: r#"<img src=x onerror=alert(1)>"#.to_owned(),
        verdict: Verdict::Provides,
        confidence: 1.0,
        evidence: Vec::new(),
        candidates: Vec::new(),
    });
    a
}

/// A semantic candidate in Article 9.
pub fn candidate(text: &str) -> Candidate {
    Candidate {
        provision: "Article 9".to_owned(),
        provision_id: "art_9".to_owned(),
        start: 5000,
        end: 5000 + text.chars().count(),
        text: text.to_owned(),
        score: 0.512,
    }
}
