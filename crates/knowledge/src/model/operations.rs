//! Section IV (operational guidelines), tables 1–13 and Section V (sector-specific issues).

use serde::{Deserialize, Serialize};

/// A phase of the BLMA cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    Preparation,
    Negotiation,
    Implementation,
    Monitoring,
    Evaluation,
}

/// Who carries a role in the guidelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Actor {
    NationalGovernments,
    SocialPartners,
    EmployersOrganizations,
    WorkersOrganizations,
    CivilSociety,
    SocialSecurityInstitutions,
    ConsularOfficials,
    RegionalLocalAuthorities,
    PublicEmploymentServices,
    PrivateEmploymentAgencies,
    JointCommittee,
    Parliament,
    Other,
}

/// Whether a role, task or question belongs to the country of origin, of destination, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Origin,
    Destination,
    Both,
}

/// A section of Section IV: one phase of the cycle (`IV.A` … `IV.E`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guideline {
    /// `IV.A` … `IV.E`.
    pub id: String,
    pub title: String,
    pub phase: Phase,
    /// Introductory text of the phase, verbatim.
    pub text: String,
    /// Numbered or titled steps inside the phase (consultation, information gathering, drafting …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<GuidelineStep>,
    /// Tables that belong to the phase (`table1` …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One step of a phase, with the roles the guidance gives each actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidelineStep {
    /// `IV.A.1`, `IV.A.2` …
    pub id: String,
    pub title: String,
    /// Text of the step that belongs to no single actor, verbatim.
    #[serde(default)]
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
}

/// Roles and responsibilities of one actor in one step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub actor: Actor,
    pub side: Side,
    /// The actor heading as the guidance prints it ("Civil society, including migrant organizations").
    pub heading: String,
    /// The role, verbatim; bullet points one per line starting with "• ".
    pub text: String,
}

/// Tables 1–9: what information to gather on each subject, and where to find it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InformationTable {
    /// `table1` … `table9`.
    pub id: String,
    pub number: u8,
    pub title: String,
    /// Principle ids the table serves.
    pub principles: Vec<String>,
    pub rows: Vec<InformationRow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InformationRow {
    /// The SUBJECT cell, verbatim.
    pub subject: String,
    /// The INFORMATION cell: one question per entry, verbatim.
    pub questions: Vec<String>,
    /// The SOURCES IN COUNTRIES OF ORIGIN AND DESTINATION cell: one institution per entry.
    pub sources: Vec<String>,
}

/// Tables 10–12: implementation topics, the institutions involved and their tasks on each side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImplementationTable {
    /// `table10` … `table12`.
    pub id: String,
    pub number: u8,
    pub title: String,
    /// The actor whose responsibilities the table lists.
    pub actor: Actor,
    pub rows: Vec<ImplementationRow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImplementationRow {
    /// The TOPIC cell, verbatim.
    pub topic: String,
    pub origin: SideTasks,
    pub destination: SideTasks,
}

/// Institutions and tasks for one side of an implementation row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SideTasks {
    /// INSTITUTION INVOLVED: one per entry.
    #[serde(default)]
    pub institutions: Vec<String>,
    /// The tasks cell: one task per entry, verbatim.
    #[serde(default)]
    pub tasks: Vec<String>,
}

/// Table 13: the clauses to monitor and their indicators in each country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonitoringTable {
    /// `table13`.
    pub id: String,
    pub number: u8,
    pub title: String,
    pub rows: Vec<MonitoredClause>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A row of table 13.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonitoredClause {
    /// `table13.1` … in the table's order.
    pub id: String,
    /// The clause cell, verbatim ("Fair and ethical recruitment").
    pub clause: String,
    /// Principle ids the clause corresponds to.
    pub principles: Vec<String>,
    pub origin: Vec<Indicator>,
    pub destination: Vec<Indicator>,
}

/// One monitoring indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// `table13.<row>.o<n>` for origin, `table13.<row>.d<n>` for destination.
    pub id: String,
    /// The indicator, verbatim.
    pub text: String,
    /// The disaggregations the indicator asks for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdowns: Vec<Breakdown>,
}

/// A dimension an indicator is disaggregated by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Breakdown {
    Age,
    SexGender,
    Duration,
    Sector,
    Occupation,
    Channel,
    ReasonForRefusal,
    TypeOfComplaint,
    CountryOfDestination,
    Nationality,
    SkillLevel,
    Other,
}

/// A sector of Section V (seasonal, health, domestic workers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectorIssues {
    /// `V.A`, `V.B`, `V.C`.
    pub id: String,
    pub title: String,
    /// Introductory text, verbatim.
    pub text: String,
    /// The issues the guidance raises for the sector, verbatim, one per entry.
    pub issues: Vec<String>,
    /// The clauses or measures it recommends a BLMA include, verbatim, one per entry.
    pub recommended_clauses: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}
