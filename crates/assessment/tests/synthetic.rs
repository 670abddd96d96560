//! Short agreements written for these tests (not taken from any real text), in English, French
//! and Spanish, with red flags and their negated, protective counterparts: negation, exceptions,
//! modality, who bears a cost, list items read with their lead-in.

use blma_assessment::{Assessment, Verdict, assess};
use blma_documents::formats::Limits;

fn run(text: &str) -> Assessment {
    let document = blma_documents::read(text.as_bytes(), None, &Limits::default()).unwrap();
    assess(&document).unwrap()
}

fn verdict(a: &Assessment, item: &str) -> Verdict {
    a.findings.iter().find(|f| f.item == item).unwrap().verdict
}

fn check(text: &str, expected: &[(&str, Verdict)]) {
    let a = run(text);
    let wrong: Vec<String> = expected
        .iter()
        .filter(|(item, v)| verdict(&a, item) != *v)
        .map(|(item, v)| format!("{item}: expected {v:?}, got {:?}", verdict(&a, item)))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    for f in &a.findings {
        assert_eq!(
            f.evidence.is_empty(),
            f.verdict == Verdict::Silent,
            "{}",
            f.item
        );
    }
}

use Verdict::{Contradicts as C, Provides as P, Silent as S};

const EN_RED: &str = "Memorandum of Understanding on the Recruitment of Domestic Workers

Article 1
The recruitment agency may recover the placement fee and the airfare from the wages of the worker in six monthly instalments.

Article 2
The employer shall keep the passport of the worker for safekeeping during the whole contract period.

Article 3
Upon termination of the employment contract by the employer, the residence permit of the worker shall be cancelled and the worker shall be repatriated.

Article 4
Workers shall not marry during the period of their employment.

Article 5
Twenty per cent of the monthly salary shall be deducted and deposited in a compulsory savings account, payable when the worker returns home.

Article 6
This Memorandum shall remain confidential between the Parties.

Article 7
This Memorandum shall enter into force on the date of its signature.
";

#[test]
fn english_red_flags() {
    check(
        EN_RED,
        &[
            ("no_worker_fees", C),
            ("documents_and_movement", C),
            ("job_loss_protection", C),
            ("family_rights", C),
            ("remittances", C),
            ("publication", C),
            ("duration", P),
            ("social_security", S),
            ("intl_standards", S),
        ],
    );
}

const EN_GOOD: &str = "Agreement on the Employment of Seasonal Workers

Recalling the ILO Migrant Workers Convention, the Parties have agreed as follows:

Article 1
No fee or cost related to recruitment shall be charged to the worker, except for the cost of a passport, which is issued free of charge.

Article 2
The cost of the return journey shall be borne by the employer.

Article 3
The employer shall not withhold the passport or identity documents of the worker.

Article 4
Wages shall not be lower than the legal minimum wage and shall not be deducted except as provided by law.

Article 5
Workers may change employer, and a worker whose contract is terminated shall be allowed to find a new employer.

Article 6
The Parties shall endeavour to publish this Agreement and translate it into the languages of the workers.

Article 7
The Parties shall establish a Joint Committee, which shall meet annually to review the implementation of this Agreement.
";

#[test]
fn english_negation_flips_a_red_flag_into_protection() {
    check(
        EN_GOOD,
        &[
            ("intl_standards", P),
            ("no_worker_fees", P),
            ("documents_and_movement", P),
            ("wage_protection", P),
            ("job_loss_protection", P),
            ("publication", P),
            ("joint_committee", P),
            ("monitoring_review", P),
            ("remittances", S),
            ("family_rights", S),
        ],
    );
}

#[test]
fn a_recital_counts_only_for_international_standards() {
    let a = run(EN_GOOD);
    let standards = a
        .findings
        .iter()
        .find(|f| f.item == "intl_standards")
        .unwrap();
    assert!(standards.evidence[0].text.contains("ILO"));
    let text = "Agreement between the Parties

Considering the importance of equal treatment of migrant workers and of their families joining them,
the Parties have agreed as follows:

Article 1
This Agreement shall enter into force on the date of the last notification.

Article 2
Either Party may denounce this Agreement by giving six months notice in writing.
";
    check(
        text,
        &[
            ("equal_treatment", S),
            ("family_rights", S),
            ("duration", P),
        ],
    );
}

const FR_RED: &str = "Accord relatif à l'emploi de travailleurs saisonniers

Article premier
Les frais de recrutement et le billet d'avion sont à la charge du travailleur.

Article 2
L'employeur conserve le passeport du travailleur pendant toute la durée du contrat.

Article 3
En cas de licenciement, le permis de séjour du travailleur est retiré et le travailleur est rapatrié.

Article 4
Il est interdit aux travailleuses de se marier pendant la durée du contrat.

Article 5
Une épargne obligatoire de dix pour cent est retenue sur le salaire mensuel jusqu'au départ du travailleur.

Article 6
Le présent accord reste confidentiel et n'est pas publié.
";

#[test]
fn french_red_flags() {
    check(
        FR_RED,
        &[
            ("no_worker_fees", C),
            ("documents_and_movement", C),
            ("job_loss_protection", C),
            ("family_rights", C),
            ("remittances", C),
            ("publication", C),
            ("gender_vulnerable_groups", S),
        ],
    );
}

const FR_GOOD: &str = "Accord de main-d'oeuvre entre les deux Gouvernements

Article premier
Les frais de voyage et de recrutement sont à la charge de l'employeur; aucune commission ne pourra être perçue auprès des travailleurs.

Article 2
Les salaires ne pourront être inférieurs au salaire minimum et ne seront pas retenus par l'employeur.

Article 3
Les travailleurs pourront changer d'employeur avec l'accord des autorités compétentes.

Article 4
Les travailleurs bénéficient de l'égalité de traitement avec les nationaux en matière de conditions de travail.

Article 5
Les deux Gouvernements échangeront des renseignements sur les besoins du marché du travail.
";

#[test]
fn french_cost_bearer_and_negation() {
    check(
        FR_GOOD,
        &[
            ("no_worker_fees", P),
            ("wage_protection", P),
            ("job_loss_protection", P),
            ("equal_treatment", P),
            ("working_conditions", P),
            ("information_exchange", P),
            ("documents_and_movement", S),
        ],
    );
}

const ES_RED: &str = "Convenio sobre la contratación de trabajadores agrícolas

Artículo 1
Los gastos de viaje y las tasas de visado serán a cargo del trabajador y podrán descontarse de su salario.

Artículo 2
El empleador retendrá el pasaporte del trabajador durante la vigencia del contrato.

Artículo 3
En caso de despido, el permiso de residencia será cancelado y el trabajador será repatriado.

Artículo 4
Se descontará del salario un ahorro obligatorio que se entregará al trabajador a su regreso.

Artículo 5
El presente Convenio tendrá carácter confidencial.
";

#[test]
fn spanish_red_flags() {
    check(
        ES_RED,
        &[
            ("no_worker_fees", C),
            ("documents_and_movement", C),
            ("job_loss_protection", C),
            ("remittances", C),
            ("publication", C),
        ],
    );
}

const ES_GOOD: &str = "Acuerdo sobre migración laboral entre las Partes

Artículo 1
La contratación se realizará sin costo alguno para el trabajador; los gastos de transporte serán a cargo del empleador.

Artículo 2
Ningún empleador podrá retener el pasaporte de los trabajadores.

Artículo 3
Los trabajadores migrantes gozarán de igualdad de trato con los nacionales y tendrán acceso a los tribunales del trabajo.

Artículo 4
Las Partes procurarán facilitar la reunificación familiar de los trabajadores.

Artículo 5
El presente Acuerdo entrará en vigor treinta días después de su firma.
";

#[test]
fn spanish_cost_bearer_and_negation() {
    check(
        ES_GOOD,
        &[
            ("no_worker_fees", P),
            ("documents_and_movement", P),
            ("equal_treatment", P),
            ("access_to_justice", P),
            ("family_rights", P),
            ("duration", P),
            ("remittances", S),
        ],
    );
}

#[test]
fn evidence_is_the_cited_sentence_exactly() {
    for text in [EN_RED, EN_GOOD, FR_RED, FR_GOOD, ES_RED, ES_GOOD] {
        let document = blma_documents::read(text.as_bytes(), None, &Limits::default()).unwrap();
        let chars: Vec<char> = document.text.chars().collect();
        let a = assess(&document).unwrap();
        assert_eq!(a.findings.len(), 38);
        for f in &a.findings {
            for e in &f.evidence {
                let cited: String = chars[e.start..e.end].iter().collect();
                assert_eq!(cited, e.text);
                assert!(
                    e.end - e.start < 400,
                    "{}: a clause, not an article",
                    f.item
                );
                assert!(!e.cue.is_empty());
            }
        }
    }
}

#[test]
fn an_unsupported_language_is_an_error_naming_it() {
    let dutch = "Overeenkomst tussen de Regeringen inzake de tewerkstelling van gastarbeiders.\n\n\
        Artikel 1\nDe werkgever draagt de kosten van de reis van de werknemer en van zijn gezin.\n\n\
        Artikel 2\nDeze overeenkomst treedt in werking op de dag van ondertekening en blijft van kracht gedurende vijf jaar.\n";
    let document = blma_documents::read(dutch.as_bytes(), None, &Limits::default()).unwrap();
    let err = assess(&document).unwrap_err().to_string();
    assert!(err.contains("`nl`") && err.contains("en, fr, es"), "{err}");
}
