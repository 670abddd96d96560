//! The storage contract: every test runs against SQLite in a temporary directory, and against
//! PostgreSQL when `BLMA_TEST_PG_URL` names a server (each test in a fresh database, so tests run
//! in parallel). `scripts/with-postgres.sh` starts a throwaway server and sets the variable.
//!
//! Which backends ran is written straight to stderr (not captured by the test harness), so a run
//! that skipped PostgreSQL says so.

use std::io::Write;
use std::sync::Once;

use blma_assessment::{Assessment, DocumentSummary, EngineInfo, Finding, Verdict};
use blma_documents::{AgreementKind, Document, Format, Language, Metadata};
use blma_storage::chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use blma_storage::{
    AgreementId, AssessmentId, Error, LibraryQuery, NewAgreement, NewDecision, NewUser,
    ReviewStatus, Role, Store, UserId,
};
use sqlx::Executor;

use blma_storage::testing::{PG_URL_VAR, unique_name, with_database};

// ---------------------------------------------------------------------------------------------
// Harness

/// What a test gets: a migrated store, and its URL for the few checks that go around the API.
#[derive(Clone)]
struct Db {
    store: Store,
    url: String,
}

#[derive(Clone, Copy, Debug)]
enum Target {
    Sqlite,
    Postgres,
}

fn announce() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let message = match std::env::var(PG_URL_VAR) {
            Ok(url) => format!(
                "storage contract: backends sqlite and postgres ({})\n",
                blma_storage::redact_url(&url)
            ),
            Err(_) => format!(
                "storage contract: backends sqlite only; PostgreSQL SKIPPED ({PG_URL_VAR} is not \
                 set; scripts/with-postgres.sh sets it)\n"
            ),
        };
        let _ = std::io::stderr().write_all(message.as_bytes());
    });
}

/// Runs `test` on `target` with a fresh, migrated database, then removes the database, also when
/// the test panics.
async fn run<F, Fut>(target: Target, test: F)
where
    F: FnOnce(Db) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    announce();
    match target {
        Target::Sqlite => {
            let dir = tempfile::tempdir().unwrap();
            let url = format!("sqlite://{}?mode=rwc", dir.path().join("blma.db").display());
            let store = Store::connect(&url).await.unwrap();
            store.migrate().await.unwrap();
            let outcome = tokio::spawn(test(Db {
                store: store.clone(),
                url,
            }))
            .await;
            store.close().await;
            if let Err(error) = outcome {
                std::panic::resume_unwind(error.into_panic());
            }
        }
        Target::Postgres => {
            let Ok(server) = std::env::var(PG_URL_VAR) else {
                return;
            };
            let name = unique_name();
            sqlx::any::install_default_drivers();
            let admin = sqlx::AnyPool::connect(&server).await.unwrap();
            admin
                .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .await
                .unwrap();
            let url = with_database(&server, &name);
            let store = Store::connect(&url).await.unwrap();
            store.migrate().await.unwrap();
            let outcome = tokio::spawn(test(Db {
                store: store.clone(),
                url,
            }))
            .await;
            store.close().await;
            admin
                .execute(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE {name} WITH (FORCE)"
                )))
                .await
                .unwrap();
            if let Err(error) = outcome {
                std::panic::resume_unwind(error.into_panic());
            }
        }
    }
}

/// Declares each contract test once per backend: `sqlite::NAME` and `postgres::NAME`.
macro_rules! contract {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test]
            async fn $name() {
                super::run(super::Target::Sqlite, super::$name).await
            })*
        }
        mod postgres {
            $(#[tokio::test]
            async fn $name() {
                super::run(super::Target::Postgres, super::$name).await
            })*
        }
    };
}

contract!(
    migrations_are_idempotent,
    upload_round_trips_bytes_and_document,
    same_bytes_twice_give_the_existing_agreement,
    latest_assessment_is_the_last_recorded,
    decisions_are_append_only_with_history_newest_first,
    failed_writes_leave_nothing_behind,
    emails_are_unique_ignoring_case,
    sessions_expire_and_end,
    library_filters_and_pages,
    timestamps_round_trip_in_utc,
);

#[test]
fn database_urls_are_rewritten_per_test() {
    assert_eq!(
        with_database("postgres://u:p@127.0.0.1:5432/blma?sslmode=disable", "t1"),
        "postgres://u:p@127.0.0.1:5432/t1?sslmode=disable"
    );
    assert_eq!(with_database("postgres://u@h", "t2"), "postgres://u@h/t2");
    assert_eq!(
        with_database("postgres:///blma?host=/tmp/pg", "t3"),
        "postgres:///t3?host=/tmp/pg"
    );
}

// ---------------------------------------------------------------------------------------------
// Fixtures

/// A real agreement, read by the real reader.
fn real_document(file: &str) -> (Vec<u8>, Document) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/eval-dev")
        .join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let document = blma_documents::read(
        &bytes,
        Some(file),
        &blma_documents::formats::Limits::default(),
    )
    .unwrap();
    (bytes, document)
}

/// A small document with exactly the metadata a filter test needs.
fn document(
    title: &str,
    parties: &[&str],
    date: Option<&str>,
    kind: AgreementKind,
    lang: Language,
) -> Document {
    Document {
        text: format!("{title}\n\nArticle 1\nThe Parties agree."),
        format: Format::Text,
        language: lang,
        metadata: Metadata {
            title: Some(title.to_owned()),
            parties: parties.iter().map(|p| (*p).to_owned()).collect(),
            date_signed: date.map(str::to_owned),
            place_signed: None,
            kind,
            duration: None,
        },
        provisions: Vec::new(),
        warnings: Vec::new(),
        raw_offsets: Default::default(),
    }
}

fn upload<'a>(bytes: &'a [u8], document: &'a Document) -> NewAgreement<'a> {
    NewAgreement {
        file_name: "agreement.txt",
        media_type: "text/plain",
        bytes,
        document,
        catalogue_treaty_id: None,
        uploaded_by: None,
    }
}

/// An assessment with one finding per item.
fn assessment(items: &[&str], version: &str) -> Assessment {
    Assessment {
        document: DocumentSummary {
            title: None,
            language: "en".into(),
            parties: Vec::new(),
            date_signed: None,
            kind: "agreement".into(),
            provisions: 0,
        },
        findings: items
            .iter()
            .map(|item| Finding {
                item: (*item).to_owned(),
                verdict: Verdict::Silent,
                confidence: 0.5,
                evidence: Vec::new(),
                candidates: Vec::new(),
            })
            .collect(),
        engine: EngineInfo {
            version: version.into(),
            rubric_version: 1,
            mode: "lexical".into(),
        },
    }
}

async fn analyst(store: &Store, email: &str) -> UserId {
    store
        .create_user(NewUser {
            email,
            display_name: "Analyst",
            role: Role::Analyst,
            password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
        })
        .await
        .unwrap()
        .id
}

fn decision(
    agreement: AgreementId,
    assessment: AssessmentId,
    item: &str,
    verdict: Verdict,
    note: &str,
    author: UserId,
) -> NewDecision {
    NewDecision {
        agreement_id: agreement,
        assessment_id: assessment,
        item: item.into(),
        verdict,
        note: note.into(),
        author,
    }
}

async fn count(db: &Db, table: &str) -> i64 {
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

// ---------------------------------------------------------------------------------------------
// The contract

async fn migrations_are_idempotent(db: Db) {
    // `run` migrated once; again, and from a second pool, applies nothing more and loses nothing.
    let applied = count(&db, "_sqlx_migrations").await;
    assert!(applied >= 1);
    let user = analyst(&db.store, "ana@example.org").await;
    db.store.migrate().await.unwrap();
    let again = Store::connect(&db.url).await.unwrap();
    again.migrate().await.unwrap();
    assert_eq!(again.backend(), db.store.backend());
    assert_eq!(count(&db, "_sqlx_migrations").await, applied);
    assert_eq!(again.users().await.unwrap().len(), 1);
    assert!(again.user(user).await.unwrap().is_some());
    again.close().await;
}

async fn upload_round_trips_bytes_and_document(db: Db) {
    let store = &db.store;
    let (bytes, document) = real_document("fr-nl-labour-treaty-1948.txt");
    let user = analyst(store, "uploader@example.org").await;
    let before = Utc::now() - Duration::seconds(1);
    let upload = store
        .upload(NewAgreement {
            file_name: "fr-nl-labour-treaty-1948.txt",
            media_type: "text/plain; charset=utf-8",
            bytes: &bytes,
            document: &document,
            catalogue_treaty_id: Some("BLA-0042"),
            uploaded_by: Some(user),
        })
        .await
        .unwrap();
    assert!(!upload.duplicate);

    let original = store.original(upload.id).await.unwrap().unwrap();
    assert_eq!(original.bytes, bytes, "bytes must come back identical");
    assert_eq!(original.file_name, "fr-nl-labour-treaty-1948.txt");
    assert_eq!(original.media_type, "text/plain; charset=utf-8");

    let stored = store.document(upload.id).await.unwrap().unwrap();
    assert_eq!(
        serde_json::to_value(&stored).unwrap(),
        serde_json::to_value(&document).unwrap(),
        "the document's JSON must come back identical"
    );
    assert!(
        !stored.provisions.is_empty(),
        "a real treaty has provisions"
    );

    let agreement = store.agreement(upload.id).await.unwrap().unwrap();
    assert_eq!(agreement.size_bytes, bytes.len() as u64);
    assert_eq!(agreement.sha256.len(), 64);
    assert_eq!(agreement.title, document.metadata.title);
    assert_eq!(agreement.parties, document.metadata.parties);
    assert_eq!(agreement.date_signed, document.metadata.date_signed);
    assert_eq!(agreement.kind, document.metadata.kind);
    assert_eq!(agreement.language, document.language.code());
    assert_eq!(agreement.format, Format::Text);
    assert_eq!(agreement.catalogue_treaty_id.as_deref(), Some("BLA-0042"));
    assert_eq!(agreement.uploaded_by, Some(user));
    assert!(agreement.created_at >= before && agreement.created_at <= Utc::now());

    let missing = AgreementId(upload.id.0 + 1000);
    assert!(store.agreement(missing).await.unwrap().is_none());
    assert!(store.document(missing).await.unwrap().is_none());
    assert!(store.original(missing).await.unwrap().is_none());
}

async fn same_bytes_twice_give_the_existing_agreement(db: Db) {
    let store = &db.store;
    let (bytes, document) = real_document("ph-kr-eps-2004.txt");
    let first = store.upload(upload(&bytes, &document)).await.unwrap();
    let second = store
        .upload(NewAgreement {
            file_name: "renamed copy.txt",
            ..upload(&bytes, &document)
        })
        .await
        .unwrap();
    assert_eq!(second.id, first.id);
    assert!(second.duplicate);
    // The stored agreement is untouched by the second upload.
    let agreement = store.agreement(first.id).await.unwrap().unwrap();
    assert_eq!(agreement.file_name, "agreement.txt");

    let mut other = bytes.clone();
    other.push(b'\n');
    let third = store.upload(upload(&other, &document)).await.unwrap();
    assert!(!third.duplicate);
    assert_ne!(third.id, first.id);
    assert_eq!(
        store.library(&LibraryQuery::default()).await.unwrap().total,
        2
    );
}

async fn latest_assessment_is_the_last_recorded(db: Db) {
    let store = &db.store;
    let doc = document("A", &[], None, AgreementKind::Agreement, Language::En);
    let one = store.upload(upload(b"one", &doc)).await.unwrap().id;
    let two = store.upload(upload(b"two", &doc)).await.unwrap().id;
    assert!(store.latest_assessment(one).await.unwrap().is_none());

    let old = store
        .record_assessment(one, &assessment(&["a", "b"], "0.1.0"))
        .await
        .unwrap();
    let new = store
        .record_assessment(one, &assessment(&["a", "b", "c"], "0.2.0"))
        .await
        .unwrap();
    store
        .record_assessment(two, &assessment(&["z"], "0.3.0"))
        .await
        .unwrap();

    let latest = store.latest_assessment(one).await.unwrap().unwrap();
    assert_eq!(latest, new);
    assert_eq!(latest.engine_version, "0.2.0");
    assert_eq!(latest.rubric_version, 1);
    assert_eq!(latest.mode, "lexical");
    assert_eq!(latest.assessment.findings.len(), 3);
    assert_eq!(store.assessment(old.id).await.unwrap().unwrap(), old);

    let error = store
        .record_assessment(AgreementId(9_999), &assessment(&["a"], "0.1.0"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::NotFound {
                what: "agreement",
                ..
            }
        ),
        "{error}"
    );
}

async fn decisions_are_append_only_with_history_newest_first(db: Db) {
    let store = &db.store;
    let doc = document("A", &[], None, AgreementKind::Agreement, Language::En);
    let agreement = store.upload(upload(b"a", &doc)).await.unwrap().id;
    let run = store
        .record_assessment(agreement, &assessment(&["fees", "wages"], "0.1.0"))
        .await
        .unwrap()
        .id;
    let ana = analyst(store, "ana@example.org").await;
    let bo = analyst(store, "bo@example.org").await;

    let d = |item, verdict, note, who| decision(agreement, run, item, verdict, note, who);
    let first = store
        .record_decisions(&[d("fees", Verdict::Silent, "nothing on fees", ana)])
        .await
        .unwrap();
    store
        .record_decisions(&[
            d("fees", Verdict::Provides, "Art. 7 bans fees", bo),
            d("wages", Verdict::Contradicts, "deductions allowed", ana),
        ])
        .await
        .unwrap();
    store
        .record_decisions(&[d("fees", Verdict::Contradicts, "on reflection", ana)])
        .await
        .unwrap();

    let current = store.current_decisions(agreement).await.unwrap();
    let summary: Vec<_> = current
        .iter()
        .map(|d| (d.item.as_str(), d.verdict, d.author))
        .collect();
    assert_eq!(
        summary,
        [
            ("fees", Verdict::Contradicts, ana),
            ("wages", Verdict::Contradicts, ana)
        ]
    );

    let history = store
        .decision_history(agreement, Some("fees"))
        .await
        .unwrap();
    let notes: Vec<_> = history.iter().map(|d| d.note.as_str()).collect();
    assert_eq!(
        notes,
        ["on reflection", "Art. 7 bans fees", "nothing on fees"]
    );
    assert_eq!(
        history.last().unwrap(),
        &first[0],
        "the first decision is kept as written"
    );
    assert_eq!(
        store.decision_history(agreement, None).await.unwrap().len(),
        4
    );

    // Around the API too: the schema refuses to change or remove a decision.
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    let update = pool
        .execute("UPDATE decisions SET note = 'rewritten'")
        .await;
    let delete = pool.execute("DELETE FROM decisions").await;
    pool.close().await;
    for attempt in [update, delete] {
        let error = attempt
            .expect_err("decisions must be append-only")
            .to_string();
        assert!(error.contains("append-only"), "{error}");
    }
    assert_eq!(
        store.decision_history(agreement, None).await.unwrap().len(),
        4
    );
}

async fn failed_writes_leave_nothing_behind(db: Db) {
    let store = &db.store;
    let doc = document(
        "A",
        &["France"],
        None,
        AgreementKind::Agreement,
        Language::Fr,
    );
    let kept = store.upload(upload(b"kept", &doc)).await.unwrap().id;
    let other = store.upload(upload(b"other", &doc)).await.unwrap().id;
    let kept_run = store
        .record_assessment(kept, &assessment(&["fees"], "0.1.0"))
        .await
        .unwrap()
        .id;
    let other_run = store
        .record_assessment(other, &assessment(&["fees"], "0.1.0"))
        .await
        .unwrap()
        .id;
    let ana = analyst(store, "ana@example.org").await;

    // The second decision names another agreement's assessment: the first, already inserted in
    // the same transaction, must not survive.
    let error = store
        .record_decisions(&[
            decision(kept, kept_run, "fees", Verdict::Provides, "ok", ana),
            decision(kept, other_run, "fees", Verdict::Silent, "wrong run", ana),
        ])
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::NotFound {
                what: "assessment",
                ..
            }
        ),
        "{error}"
    );
    assert!(store.decision_history(kept, None).await.unwrap().is_empty());
    assert_eq!(count(&db, "decisions").await, 0);

    // Likewise when the database itself refuses a row midway (unknown author).
    let error = store
        .record_decisions(&[
            decision(kept, kept_run, "fees", Verdict::Provides, "ok", ana),
            decision(
                kept,
                kept_run,
                "fees",
                Verdict::Silent,
                "ghost",
                UserId(9_999),
            ),
        ])
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::NotFound { what: "user", .. }),
        "{error}"
    );
    assert_eq!(count(&db, "decisions").await, 0);

    // An upload that fails (an unknown uploader) writes nothing and leaves the rest alone.
    let error = store
        .upload(NewAgreement {
            uploaded_by: Some(UserId(9_999)),
            ..upload(b"new bytes", &doc)
        })
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::NotFound { what: "user", .. }),
        "{error}"
    );
    assert_eq!(count(&db, "agreements").await, 2);
    assert_eq!(count(&db, "agreement_contents").await, 2);
    assert_eq!(store.original(kept).await.unwrap().unwrap().bytes, b"kept");
}

async fn emails_are_unique_ignoring_case(db: Db) {
    let store = &db.store;
    let new = |email, role| NewUser {
        email,
        display_name: "Someone",
        role,
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
    };
    let ana = store
        .create_user(new("Ana@Example.org", Role::Admin))
        .await
        .unwrap();
    assert_eq!(
        ana.email, "Ana@Example.org",
        "the address is kept as entered"
    );
    for duplicate in ["ana@example.org", " ANA@EXAMPLE.ORG "] {
        let error = store
            .create_user(new(duplicate, Role::Viewer))
            .await
            .unwrap_err();
        assert!(
            matches!(error, Error::EmailTaken(_)),
            "{duplicate}: {error}"
        );
    }
    // Beyond ASCII, which SQLite's lower() would not fold.
    store
        .create_user(new("Élodie@example.org", Role::Admin))
        .await
        .unwrap();
    let error = store
        .create_user(new("élodie@EXAMPLE.org", Role::Admin))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::EmailTaken(_)), "{error}");

    let found = store
        .user_by_email("aNa@example.ORG")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found, ana);
    assert_eq!(store.user(ana.id).await.unwrap().unwrap(), ana);
    assert!(
        store
            .user_by_email("nobody@example.org")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(store.users().await.unwrap().len(), 2);

    assert_eq!(store.count_admins().await.unwrap(), 2);
    store.set_user_disabled(ana.id, true).await.unwrap();
    assert_eq!(store.count_admins().await.unwrap(), 1);
    assert!(store.user(ana.id).await.unwrap().unwrap().disabled);
    store.set_user_disabled(ana.id, false).await.unwrap();
    store.set_user_role(ana.id, Role::Viewer).await.unwrap();
    assert_eq!(store.count_admins().await.unwrap(), 1);
    store
        .set_password_hash(ana.id, "$argon2id$new")
        .await
        .unwrap();
    let ana = store.user(ana.id).await.unwrap().unwrap();
    assert_eq!(
        (ana.role, ana.password_hash.as_str()),
        (Role::Viewer, "$argon2id$new")
    );
    let error = store
        .set_user_role(UserId(9_999), Role::Admin)
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::NotFound { what: "user", .. }),
        "{error}"
    );
}

async fn sessions_expire_and_end(db: Db) {
    let store = &db.store;
    let user = analyst(store, "ana@example.org").await;
    let now = Utc::now();
    let live = store
        .create_session(user, now + Duration::hours(8))
        .await
        .unwrap();
    let expired = store
        .create_session(user, now - Duration::seconds(1))
        .await
        .unwrap();
    assert_ne!(live.token, expired.token);
    assert_ne!(live.token, live.csrf_token);

    let session = store.session(&live.token).await.unwrap().unwrap();
    assert_eq!(session.user.id, user);
    assert_eq!(session.csrf_token, live.csrf_token);
    assert_eq!(session.expires_at, live.expires_at);
    assert!(store.session(&expired.token).await.unwrap().is_none());
    assert!(store.session("not a token").await.unwrap().is_none());
    // Only the hash is stored: the token itself appears nowhere in the table.
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    let leaked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = $1")
        .bind(live.token.as_str())
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(leaked, 0);

    assert_eq!(store.purge_expired_sessions().await.unwrap(), 1);
    assert_eq!(count(&db, "sessions").await, 1);

    store.set_user_disabled(user, true).await.unwrap();
    assert!(
        store.session(&live.token).await.unwrap().is_none(),
        "disabled users are out"
    );
    store.set_user_disabled(user, false).await.unwrap();
    assert!(store.session(&live.token).await.unwrap().is_some());

    assert!(store.delete_session(&live.token).await.unwrap());
    assert!(!store.delete_session(&live.token).await.unwrap());
    assert!(store.session(&live.token).await.unwrap().is_none());

    store
        .create_session(user, now + Duration::hours(1))
        .await
        .unwrap();
    store
        .create_session(user, now + Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(store.delete_user_sessions(user).await.unwrap(), 2);
    let error = store.create_session(UserId(9_999), now).await.unwrap_err();
    assert!(
        matches!(error, Error::NotFound { what: "user", .. }),
        "{error}"
    );
}

async fn library_filters_and_pages(db: Db) {
    let store = &db.store;
    let ana = analyst(store, "ana@example.org").await;
    let fixtures = [
        (
            "Agreement on Turkish workers",
            &["Türkiye", "Sweden"][..],
            Some("1967-03-10"),
            AgreementKind::Agreement,
            Language::En,
        ),
        (
            "Convenio de migración",
            &["Chile", "Argentina"],
            Some("1971-07-17"),
            AgreementKind::Agreement,
            Language::Es,
        ),
        (
            "MOU on the Employment Permit System",
            &["Philippines", "Korea"],
            Some("2004"),
            AgreementKind::Mou,
            Language::En,
        ),
        (
            "Traité de travail",
            &["France", "Pays-Bas"],
            Some("1948-06-02"),
            AgreementKind::Agreement,
            Language::Fr,
        ),
        (
            "Model agreement 100% (ILO)",
            &[],
            None,
            AgreementKind::Model,
            Language::En,
        ),
    ];
    let mut ids = Vec::new();
    for (i, (title, parties, date, kind, language)) in fixtures.into_iter().enumerate() {
        let doc = document(title, parties, date, kind, language);
        ids.push(
            store
                .upload(upload(format!("doc {i}").as_bytes(), &doc))
                .await
                .unwrap()
                .id,
        );
    }
    let titles = |page: &blma_storage::Page<blma_storage::LibraryEntry>| -> Vec<String> {
        page.items
            .iter()
            .map(|e| e.agreement.title.clone().unwrap())
            .collect()
    };
    let list = |query: LibraryQuery| async move { store.library(&query).await.unwrap() };

    // Newest first, paged, with the total across pages.
    let all = list(LibraryQuery::default()).await;
    assert_eq!(all.total, 5);
    assert_eq!(all.items[0].agreement.id, ids[4]);
    let page = list(LibraryQuery {
        limit: 2,
        offset: 2,
        ..Default::default()
    })
    .await;
    assert_eq!((page.total, page.items.len()), (5, 2));
    assert_eq!(page.items[0].agreement.id, ids[2]);
    assert_eq!(page.items[1].agreement.id, ids[1]);
    let past_end = list(LibraryQuery {
        offset: 10,
        ..Default::default()
    })
    .await;
    assert_eq!((past_end.total, past_end.items.len()), (5, 0));

    // Party or title substring, ignoring case, beyond ASCII; wildcards are literal.
    let party = |p: &str| LibraryQuery {
        party: Some(p.into()),
        ..Default::default()
    };
    assert_eq!(
        titles(&list(party("TÜRK")).await),
        ["Agreement on Turkish workers"]
    );
    assert_eq!(
        titles(&list(party("korea")).await),
        ["MOU on the Employment Permit System"]
    );
    assert_eq!(
        titles(&list(party("100%")).await),
        ["Model agreement 100% (ILO)"]
    );
    assert_eq!(list(party("%")).await.total, 1);
    assert_eq!(list(party("nowhere")).await.total, 0);

    // Year range, inclusive; undated agreements drop out.
    let years = list(LibraryQuery {
        year_from: Some(1948),
        year_to: Some(1967),
        ..Default::default()
    })
    .await;
    assert_eq!(
        titles(&years),
        ["Traité de travail", "Agreement on Turkish workers"]
    );
    assert_eq!(
        list(LibraryQuery {
            year_from: Some(2000),
            ..Default::default()
        })
        .await
        .total,
        1
    );

    // Kind and language, combined with a party filter.
    assert_eq!(
        list(LibraryQuery {
            kind: Some(AgreementKind::Mou),
            ..Default::default()
        })
        .await
        .total,
        1
    );
    assert_eq!(
        list(LibraryQuery {
            kind: Some(AgreementKind::Agreement),
            ..Default::default()
        })
        .await
        .total,
        3
    );
    let english = list(LibraryQuery {
        language: Some("en".into()),
        ..Default::default()
    })
    .await;
    assert_eq!(english.total, 3);
    let both = list(LibraryQuery {
        language: Some("en".into()),
        party: Some("sweden".into()),
        ..Default::default()
    })
    .await;
    assert_eq!(titles(&both), ["Agreement on Turkish workers"]);

    // Review status: ids[0] fully reviewed, ids[1] partly, the rest unreviewed.
    for (i, agreement) in ids.iter().take(2).enumerate() {
        let run = store
            .record_assessment(*agreement, &assessment(&["fees", "wages"], "0.1.0"))
            .await
            .unwrap()
            .id;
        let mut decisions = vec![decision(
            *agreement,
            run,
            "fees",
            Verdict::Provides,
            "",
            ana,
        )];
        if i == 0 {
            decisions.push(decision(*agreement, run, "wages", Verdict::Silent, "", ana));
        }
        decisions.push(decision(
            *agreement,
            run,
            "fees",
            Verdict::Silent,
            "again",
            ana,
        ));
        store.record_decisions(&decisions).await.unwrap();
    }
    let status = |review| LibraryQuery {
        review: Some(review),
        ..Default::default()
    };
    let fully = list(status(ReviewStatus::Fully)).await;
    assert_eq!(
        fully
            .items
            .iter()
            .map(|e| e.agreement.id)
            .collect::<Vec<_>>(),
        [ids[0]]
    );
    assert_eq!(
        (fully.items[0].decided_items, fully.items[0].assessed_items),
        (2, Some(2))
    );
    let partly = list(status(ReviewStatus::Partly)).await;
    assert_eq!(
        partly
            .items
            .iter()
            .map(|e| e.agreement.id)
            .collect::<Vec<_>>(),
        [ids[1]]
    );
    assert_eq!(partly.items[0].review, ReviewStatus::Partly);
    let unreviewed = list(status(ReviewStatus::Unreviewed)).await;
    assert_eq!(unreviewed.total, 3);
    assert!(
        unreviewed
            .items
            .iter()
            .all(|e| e.review == ReviewStatus::Unreviewed)
    );
}

async fn timestamps_round_trip_in_utc(db: Db) {
    let store = &db.store;
    // A time given in another zone, with milliseconds, comes back as the same instant in UTC.
    let ist = FixedOffset::east_opt(5 * 3600 + 1800).unwrap();
    let local = ist.with_ymd_and_hms(2031, 3, 4, 23, 59, 58).unwrap() + Duration::milliseconds(789);
    let expires: DateTime<Utc> = local.with_timezone(&Utc);
    let user = analyst(store, "ana@example.org").await;
    let session = store.create_session(user, expires).await.unwrap();
    let read = store.session(&session.token).await.unwrap().unwrap();
    assert_eq!(read.expires_at, expires);
    assert_eq!(
        read.expires_at.to_rfc3339(),
        "2031-03-04T18:29:58.789+00:00"
    );

    // Stamped by the store: what a write returns is what a read gives, to the millisecond.
    let before = Utc::now() - Duration::milliseconds(1);
    let created = store.user(user).await.unwrap().unwrap().created_at;
    assert!(created > before - Duration::seconds(60) && created <= Utc::now());
    assert_eq!(read.user.created_at, created);
    let doc = document("A", &[], None, AgreementKind::Agreement, Language::En);
    let agreement = store.upload(upload(b"t", &doc)).await.unwrap().id;
    let run = store
        .record_assessment(agreement, &assessment(&["x"], "0"))
        .await
        .unwrap();
    assert_eq!(
        store.assessment(run.id).await.unwrap().unwrap().created_at,
        run.created_at
    );
    assert!(run.created_at >= before);
    let written = store
        .record_decisions(&[decision(agreement, run.id, "x", Verdict::Silent, "", user)])
        .await
        .unwrap();
    let history = store.decision_history(agreement, None).await.unwrap();
    assert_eq!(history, written);
}
