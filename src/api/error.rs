use nexus_domain::problem::status_title;
use nexus_domain::ProblemDetails;

/// Every way a call can fail.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with an error status; the body, whatever it was,
    /// read as a problem.
    Problem(Box<ProblemDetails>),
    /// 401, and signing in again did not happen or did not help.
    Unauthorized(Box<ProblemDetails>),
    /// No answer: offline, DNS, CORS, connection dropped.
    Network(String),
    /// No answer within the configured time.
    Timeout { seconds: u32 },
    /// A success status with a body that is not what the contract says.
    Decode(String),
}

impl ApiError {
    /// The problem to show, for every kind of failure.
    pub fn problem(&self) -> ProblemDetails {
        match self {
            ApiError::Problem(p) | ApiError::Unauthorized(p) => (**p).clone(),
            ApiError::Network(detail) => ProblemDetails::local(
                "The server could not be reached",
                &format!(
                    "{detail} Check your connection and try again; nothing you entered was lost."
                ),
            ),
            ApiError::Timeout { seconds } => ProblemDetails::local(
                "The server took too long to answer",
                &format!(
                    "No answer within {seconds} seconds. Try again; nothing you entered was lost."
                ),
            ),
            ApiError::Decode(detail) => {
                ProblemDetails::local("The server's answer could not be read", detail)
            }
        }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Problem(p) | ApiError::Unauthorized(p) => p.status_code(),
            _ => None,
        }
    }

    pub fn is_forbidden(&self) -> bool {
        self.status() == Some(403)
    }

    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// The server's own words for a 403, to use as a disabled control's reason.
    pub fn forbidden_reason(&self) -> Option<String> {
        if !self.is_forbidden() {
            return None;
        }
        let p = self.problem();
        Some(
            p.detail
                .or(p.title)
                .unwrap_or_else(|| status_title(403).to_string()),
        )
    }
}
