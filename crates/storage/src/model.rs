//! The plain data that goes in and out of the store. No database types appear here.

use std::fmt;

use blma_assessment::{Assessment, Verdict};
use blma_documents::{AgreementKind, Document, Format};
use chrono::{DateTime, Utc};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// An uploaded agreement.
    AgreementId
);
id_type!(
    /// One stored run of the assessment engine.
    AssessmentId
);
id_type!(
    /// One reviewer decision.
    DecisionId
);
id_type!(
    /// A user account.
    UserId
);

/// An agreement to store: the original bytes and what the reader made of them.
#[derive(Debug, Clone, Copy)]
pub struct NewAgreement<'a> {
    pub file_name: &'a str,
    pub media_type: &'a str,
    pub bytes: &'a [u8],
    pub document: &'a Document,
    /// The agreement's id in the Chilton & Woda catalogue, when known.
    pub catalogue_treaty_id: Option<&'a str>,
    pub uploaded_by: Option<UserId>,
}

/// The outcome of an upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Upload {
    pub id: AgreementId,
    /// True when the same bytes were already stored: `id` is the existing agreement and nothing
    /// was written.
    pub duplicate: bool,
}

/// A stored agreement's metadata (everything but the bytes and the document).
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub id: AgreementId,
    pub file_name: String,
    pub media_type: String,
    pub format: Format,
    pub size_bytes: u64,
    /// Lower-case hex.
    pub sha256: String,
    pub title: Option<String>,
    /// ISO 639 code, `und` when unknown.
    pub language: String,
    pub parties: Vec<String>,
    pub date_signed: Option<String>,
    pub kind: AgreementKind,
    pub catalogue_treaty_id: Option<String>,
    pub uploaded_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
}

/// The uploaded file as it was received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Original {
    pub file_name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// An assessment as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAssessment {
    pub id: AssessmentId,
    pub agreement_id: AgreementId,
    pub engine_version: String,
    pub rubric_version: u32,
    pub mode: String,
    pub created_at: DateTime<Utc>,
    pub assessment: Assessment,
}

/// A reviewer's verdict on one rubric item, to append.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDecision {
    pub agreement_id: AgreementId,
    /// The assessment the reviewer was looking at; it must be one of `agreement_id`'s.
    pub assessment_id: AssessmentId,
    /// The rubric item id (`no_worker_fees`).
    pub item: String,
    pub verdict: Verdict,
    pub note: String,
    pub author: UserId,
}

/// A stored decision. Never changed nor removed: a new decision on the same item supersedes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub id: DecisionId,
    pub agreement_id: AgreementId,
    pub assessment_id: AssessmentId,
    pub item: String,
    pub verdict: Verdict,
    pub note: String,
    pub author: UserId,
    pub created_at: DateTime<Utc>,
}

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Manages users, and everything an analyst does.
    Admin,
    /// Uploads agreements and records decisions.
    Analyst,
    /// Reads.
    Viewer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Analyst => "analyst",
            Role::Viewer => "viewer",
        }
    }

    pub fn parse(role: &str) -> Option<Role> {
        [Role::Admin, Role::Analyst, Role::Viewer]
            .into_iter()
            .find(|r| r.as_str() == role)
    }
}

/// An account to create.
#[derive(Debug, Clone, Copy)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    /// A PHC string (`$argon2id$…`), computed by the caller.
    pub password_hash: &'a str,
}

/// A user account.
#[derive(Clone, PartialEq)]
pub struct User {
    pub id: UserId,
    /// As entered; compared ignoring case.
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub password_hash: String,
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
}

// By hand so that the password hash never reaches a log.
impl fmt::Debug for User {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("email", &self.email)
            .field("display_name", &self.display_name)
            .field("role", &self.role)
            .field("disabled", &self.disabled)
            .field("created_at", &self.created_at)
            .finish_non_exhaustive()
    }
}

/// A session just opened. `token` goes to the client (a cookie) and is not stored: only its hash
/// is, so this is the one time it can be read.
#[derive(Clone, PartialEq, Eq)]
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}

impl fmt::Debug for NewSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewSession")
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// A live session and its user.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub user: User,
    /// To compare, in constant time, with the token a form or `X-CSRF-Token` header sends.
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// Where an agreement is in review: how many of its latest assessment's items have a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewStatus {
    /// No decision yet.
    Unreviewed,
    /// Some items decided, or decisions but no assessment.
    Partly,
    /// Every item of the latest assessment has a decision.
    Fully,
}

/// Filters and page for [`Store::library`](crate::Store::library). `Default` lists everything,
/// newest first, 50 at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryQuery {
    /// Substring of a party or of the title ("turkey"), ignoring case.
    pub party: Option<String>,
    /// Inclusive range on the year signed; agreements without a known year are left out when
    /// either bound is set.
    pub year_from: Option<i32>,
    pub year_to: Option<i32>,
    pub kind: Option<AgreementKind>,
    /// ISO 639 code.
    pub language: Option<String>,
    pub review: Option<ReviewStatus>,
    pub limit: u32,
    pub offset: u64,
}

impl Default for LibraryQuery {
    fn default() -> Self {
        LibraryQuery {
            party: None,
            year_from: None,
            year_to: None,
            kind: None,
            language: None,
            review: None,
            limit: 50,
            offset: 0,
        }
    }
}

/// One row of the library.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryEntry {
    pub agreement: Agreement,
    /// Number of distinct rubric items with a decision.
    pub decided_items: u32,
    /// Number of items in the latest assessment, if there is one.
    pub assessed_items: Option<u32>,
    pub review: ReviewStatus,
}

/// A page of results and the number of matches across all pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
}
